// What the contexts' resolvers share: a request's database, the refusals a client causes turned into
// GraphQL errors with a code, page arguments, and caches that last while the read models stand still.
import { Kind } from 'graphql';
import type { GraphQLResolveInfo } from 'graphql';
import mercurius from 'mercurius';
import { isDomainError } from '../../../domain/index.ts';
import type { SqlClient, SqlExecutor } from '../../../eventstore/sql/client.ts';
import { InvalidCursor } from '../../../projections/shared/paging.ts';
import type { ResolverContext } from './context.ts';

declare module 'mercurius' {
  interface MercuriusContext {
    /** This execution's share of the database (an HTTP query's budget); subscriptions use the client itself. */
    db?: SqlExecutor;
  }
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** What one execution queries through: its budget, or the client where it has none. */
export const dbOf = (client: SqlClient, context: ResolverContext | undefined): SqlExecutor => context?.db ?? client;

/** Memoises an async lookup per key for as long as the read models stay at the same position. */
export const perPosition = <K, V>(position: () => number, load: (key: K) => Promise<V>) => {
  const cache = new Map<K, { at: number; value: Promise<V> }>();
  return (key: K): Promise<V> => {
    const at = position();
    const hit = cache.get(key);
    if (hit && hit.at === at) return hit.value;
    const value = load(key);
    cache.set(key, { at, value });
    value.catch(() => cache.delete(key));
    return value;
  };
};

/** Refusals the client caused (a bad ΚΑΕ, a bad cursor) become GraphQL errors with a code. */
export const guard = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error)) throw new mercurius.ErrorWithProps(`${error.messageEl} / ${error.messageEn}`, { code: error.code });
    if (error instanceof InvalidCursor) throw new mercurius.ErrorWithProps(error.message, { code: error.code });
    throw error;
  }
};

/**
 * Whether the query asks for the connection's totalCount: then counting starts beside the page's query
 * instead of after it. A fragment might ask for it, so any fragment counts as yes.
 */
export const asksForTotalCount = (info: GraphQLResolveInfo): boolean =>
  info.fieldNodes.some((node) => node.selectionSet?.selections.some((s) => s.kind !== Kind.FIELD || s.name.value === 'totalCount') ?? false);
