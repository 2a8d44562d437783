// Relay connections from read-model pages. Counting is a query of its own, run only when totalCount is
// asked for, by the resolver below: compiled execution (graphql-jit, after a query's first run) reads
// fields as plain values and would not call a function-valued field the way graphql-js does.

export interface PageOf<T> {
  readonly nodes: readonly T[];
  readonly cursors: readonly string[];
  readonly hasNextPage: boolean;
  readonly totalCount: () => Promise<number>;
}

/** What a connection field resolves to: its edges and page info, and how to count the whole list. */
export interface Connection<T> {
  readonly countTotal: () => Promise<number>;
  readonly edges: readonly { readonly cursor: string; readonly node: T }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

export const toConnection = <T>(page: PageOf<T>): Connection<T> => ({
  countTotal: page.totalCount,
  edges: page.nodes.map((node, i) => ({ cursor: page.cursors[i]!, node })),
  pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors[page.cursors.length - 1] ?? null },
});

/** The totalCount resolver of a connection type; each context gives it to its own connection types. */
export const counted = { totalCount: (connection: Connection<unknown>) => connection.countTotal() };
