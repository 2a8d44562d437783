// Relay connections from read-model pages. totalCount stays a function: GraphQL calls it only when asked.

export interface PageOf<T> {
  readonly nodes: readonly T[];
  readonly cursors: readonly string[];
  readonly hasNextPage: boolean;
  readonly totalCount: () => Promise<number>;
}

export const toConnection = <T>(page: PageOf<T>) => ({
  totalCount: page.totalCount,
  edges: page.nodes.map((node, i) => ({ cursor: page.cursors[i]!, node })),
  pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors[page.cursors.length - 1] ?? null },
});
