// What every resolver receives besides its parent and arguments.
import type { SqlExecutor } from '../../../eventstore/sql/client.ts';

export interface ResolverContext {
  /** This execution's share of the database (an HTTP query's budget); subscriptions use the client itself. */
  readonly db?: SqlExecutor;
}
