// Resolvers of schema.graphql over the read-model queries. Lists that appear under many parents (a
// transaction's budget line, a supplier's years, an asset's history) go through mercurius loaders, so a
// page costs one query per field, never one per row.
import { Kind } from 'graphql';
import type { GraphQLResolveInfo } from 'graphql';
import mercurius from 'mercurius';
import type { IResolvers, MercuriusLoaders } from 'mercurius';
import type { Classification } from '../../domain/index.ts';
import { classTitle, isDomainError, kaeClasses, parseKae, serviceTitle } from '../../domain/index.ts';
import type { KaeClass } from '../../domain/index.ts';
import type { SqlClient, SqlExecutor } from '../../eventstore/sql/client.ts';
import type { AssetFilter, AssetView } from '../../projections/assets/index.ts';
import type { BudgetLineView, RollupLevel, SideName, Totals, TransactionFilter, TransactionOrder, TransactionTypeName, TransactionView } from '../../projections/ledger/index.ts';
import type { SupplierView } from '../../projections/suppliers/index.ts';
import { assetById, assetHistories, listAssets } from '../../projections/assets/index.ts';
import { listImports } from '../../projections/imports/index.ts';
import { budgetLine, budgetLines, budgetLinesByKey, budgetRollup, budgetTotals, fiscalYears, listTransactions, monthlyTotals, transactionById } from '../../projections/ledger/index.ts';
import { InvalidCursor } from '../../projections/shared/paging.ts';
import { listSuppliers, supplierByAfm, supplierYearsFor } from '../../projections/suppliers/index.ts';
import { connectionResolvers, toConnection } from './connection.ts';

declare module 'mercurius' {
  interface MercuriusContext {
    /** This execution's share of the database (an HTTP query's budget); subscriptions use the client itself. */
    db?: SqlExecutor;
  }
}

/** What one execution queries through: its budget, or the client where it has none. */
type Context = { readonly db?: SqlExecutor };

export interface ResolverDependencies {
  readonly client: SqlClient;
  readonly schema: string;
  readonly classification: Classification;
  /** Position of the read models as last announced: a year's budget is cached until it moves. */
  readonly readModelPosition: () => number;
}

/** Memoises an async lookup per key for as long as the read models stay at the same position. */
const perPosition = <K, V>(position: () => number, load: (key: K) => Promise<V>) => {
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

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Dates are checked here, in our words, rather than by the database in its own. */
const checkDates = (filter: TransactionFilter): void => {
  for (const date of [filter.from, filter.to]) {
    if (date !== null && date !== undefined && (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date)))) {
      throw new mercurius.ErrorWithProps(`Μη έγκυρη ημερομηνία «${date}»: γράψτε εεεε-μμ-ηη / Invalid date "${date}": write yyyy-mm-dd`, { code: 'OD_INVALID_DATE' });
    }
  }
};

/** Refusals the client caused (a bad ΚΑΕ, a bad cursor) become GraphQL errors with a code. */
const guard = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error)) throw new mercurius.ErrorWithProps(`${error.messageEl} / ${error.messageEn}`, { code: error.code });
    if (error instanceof InvalidCursor) throw new mercurius.ErrorWithProps(error.message, { code: error.code });
    throw error;
  }
};

const amendmentsOf = (totals: Totals): string => totals.amendments;

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * Whether the query asks for the connection's totalCount: then counting starts beside the page's query
 * instead of after it. A fragment might ask for it, so any fragment counts as yes.
 */
const asksForTotalCount = (info: GraphQLResolveInfo): boolean =>
  info.fieldNodes.some((node) => node.selectionSet?.selections.some((s) => s.kind !== Kind.FIELD || s.name.value === 'totalCount') ?? false);

export const createResolvers = ({ client, schema, classification, readModelPosition }: ResolverDependencies): { resolvers: IResolvers; loaders: MercuriusLoaders } => {
  // Shared by every request while the ledger stays put: through the client, not one request's budget.
  const linesOf = perPosition(readModelPosition, (year: number) => budgetLines(client, schema, year));
  const totalsOf = perPosition(readModelPosition, (year: number) => budgetTotals(client, schema, year));
  const yearsOf = perPosition(readModelPosition, (_: 'all') => fiscalYears(client, schema));
  const dbOf = (context: Context | undefined): SqlExecutor => context?.db ?? client;
  const transactionsOf = (filter: TransactionFilter, args: PageArgs & { orderBy?: TransactionOrder | null }, context: Context, info: GraphQLResolveInfo) =>
    guard(async () => {
      checkDates(filter);
      return toConnection(await listTransactions(dbOf(context), schema, { filter, first: args.first, after: args.after, orderBy: args.orderBy, countNow: asksForTotalCount(info) }));
    });

  const rollupTitle = (level: RollupLevel, key: string | null): { el: string | null; en: string | null } => {
    if (key === null) return { el: null, en: null };
    if (level === 'class') return key in kaeClasses ? classTitle(key as KaeClass) : { el: null, en: null };
    if (level === 'service') return serviceTitle(key) ?? { el: classification.serviceTitleOf(key), en: null };
    return { el: classification.groupTitleOf(key), en: null };
  };

  const resolvers: IResolvers = {
    ...connectionResolvers,
    Query: {
      budget: async (_root, { year }: { year: number }) => ((await yearsOf('all')).includes(year) ? { year } : null),
      budgetLine: (_root, { year, kae }: { year: number; kae: string }, context: Context) => guard(() => budgetLine(dbOf(context), schema, year, parseKae(kae).kae)),
      transactions: (_root, args: PageArgs & { filter?: TransactionFilter | null; orderBy?: TransactionOrder | null }, context: Context, info) =>
        transactionsOf(args.filter ?? {}, args, context, info),
      transaction: (_root, { id }: { id: string }, context: Context) =>
        /^[0-9a-f-]{36}$/i.test(id) ? transactionById(dbOf(context), schema, id.toLowerCase()) : null,
      supplier: (_root, { afm }: { afm: string }, context: Context) => supplierByAfm(dbOf(context), schema, afm),
      suppliers: (_root, args: PageArgs & { year?: number | null; search?: string | null }, context: Context) =>
        guard(async () => toConnection(await listSuppliers(dbOf(context), schema, args))),
      assets: (_root, args: PageArgs & { filter?: AssetFilter | null }, context: Context) => guard(async () => toConnection(await listAssets(dbOf(context), schema, args))),
      asset: (_root, { id }: { id: string }, context: Context) => assetById(dbOf(context), schema, id),
      imports: (_root, args: PageArgs, context: Context) => guard(async () => toConnection(await listImports(dbOf(context), schema, args))),
      fiscalYears: () => yearsOf('all'),
    },
    Budget: {
      lines: async ({ year }: { year: number }, { side }: { side?: SideName | null }) => (await linesOf(year)).filter((l) => !side || l.side === side),
      expense: async ({ year }: { year: number }) => (await totalsOf(year)).EXPENSE,
      revenue: async ({ year }: { year: number }) => (await totalsOf(year)).REVENUE,
      rollup: async ({ year }: { year: number }, { by }: { by: 'CLASS' | 'GROUP' | 'SERVICE' }, context: Context) => {
        const level = by.toLowerCase() as RollupLevel;
        return (await budgetRollup(dbOf(context), schema, year, level)).map(({ side, key, lines, ...totals }) => {
          const title = rollupTitle(level, key);
          return { side, key, lines, title: title.el, titleEn: title.en, totals };
        });
      },
      months: ({ year }: { year: number }, _args: unknown, context: Context) => monthlyTotals(dbOf(context), schema, year),
    },
    // GraphQL keeps the name its clients know (adjustments); the read models say amendments, as the domain does.
    BudgetTotals: { adjustments: amendmentsOf },
    BudgetLine: {
      adjustments: amendmentsOf,
      class: (line: BudgetLineView) => line.klass,
      transactions: (line: BudgetLineView, args: PageArgs & { type?: TransactionTypeName | null }, context: Context, info: GraphQLResolveInfo) =>
        transactionsOf({ year: line.year, kae: line.kae, exactKae: true, type: args.type }, args, context, info),
    },
    Supplier: {
      transactions: (supplier: SupplierView, args: PageArgs & { type?: TransactionTypeName | null }, context: Context, info: GraphQLResolveInfo) =>
        transactionsOf({ afm: supplier.afm, type: args.type }, args, context, info),
    },
    Asset: {
      location: (asset: AssetView) => (asset.lat === null || asset.lon === null ? null : { lat: asset.lat, lon: asset.lon }),
    },
  };

  const loaders: MercuriusLoaders = {
    Transaction: {
      budgetLine: (queries: { obj: TransactionView }[], context: Context) =>
        budgetLinesByKey(dbOf(context), schema, queries.map(({ obj }) => ({ year: obj.year, kae: obj.kae }))),
    },
    Supplier: {
      years: (queries: { obj: SupplierView }[], context: Context) => supplierYearsFor(dbOf(context), schema, queries.map(({ obj }) => obj.afm)),
    },
    Asset: {
      history: (queries: { obj: AssetView }[], context: Context) => assetHistories(dbOf(context), schema, queries.map(({ obj }) => obj.id)),
    },
  };
  return { resolvers, loaders };
};
