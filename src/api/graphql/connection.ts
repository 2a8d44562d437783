// Relay connections from read-model pages. Counting is a query of its own, run only when totalCount is
// asked for, by the resolver below: compiled execution (graphql-jit, after a query's first run) reads
// fields as plain values and would not call a function-valued field the way graphql-js does.

export interface PageOf<T> {
  readonly nodes: readonly T[];
  readonly cursors: readonly string[];
  readonly hasNextPage: boolean;
  readonly totalCount: () => Promise<number>;
}

interface Counted {
  readonly countTotal: () => Promise<number>;
}

export const toConnection = <T>(page: PageOf<T>) => ({
  countTotal: page.totalCount,
  edges: page.nodes.map((node, i) => ({ cursor: page.cursors[i]!, node })),
  pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors[page.cursors.length - 1] ?? null },
});

const counted = { totalCount: (connection: Counted) => connection.countTotal() };

/** The totalCount resolver of every connection type in schema.graphql. */
export const connectionResolvers = {
  TransactionConnection: counted,
  SupplierConnection: counted,
  AssetConnection: counted,
  ImportConnection: counted,
};
