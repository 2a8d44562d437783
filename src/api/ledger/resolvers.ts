// The ledger's resolvers: budgets, lines, movements and the years they span. Lists that appear under many
// parents (a movement's budget line) go through mercurius loaders, so a page costs one query per field.
import type { GraphQLResolveInfo } from 'graphql';
import mercurius from 'mercurius';
import type { KaeClass } from '../../domain/index.ts';
import { classTitle, kaeClasses, parseKae, serviceTitle } from '../../domain/index.ts';
import type { RollupLevel, Totals, TransactionFilter, TransactionOrder, TransactionView } from '../../projections/ledger/index.ts';
import {
  budgetLine,
  budgetLines,
  budgetLinesByKey,
  budgetRollup,
  budgetTotals,
  fiscalYears,
  listTransactions,
  monthlyTotals,
  transactionById,
} from '../../projections/ledger/index.ts';
import type { ContextResolvers, ResolverDependencies } from '../shared/apiContext.ts';
import { counted, toConnection } from '../shared/graphql/connection.ts';
import type { Connection } from '../shared/graphql/connection.ts';
import type { ResolverContext } from '../shared/graphql/context.ts';
import type { PageArgs } from '../shared/graphql/resolverKit.ts';
import { asksForTotalCount, dbOf, guard, perPosition } from '../shared/graphql/resolverKit.ts';
import type { Resolvers, RollupLevel as GraphqlRollupLevel } from '../schemaTypes.ts';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Dates are checked here, in our words, rather than by the database in its own. */
const checkDates = (filter: TransactionFilter): void => {
  for (const date of [filter.from, filter.to]) {
    if (date !== null && date !== undefined && (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date)))) {
      throw new mercurius.ErrorWithProps(`Μη έγκυρη ημερομηνία «${date}»: γράψτε εεεε-μμ-ηη / Invalid date "${date}": write yyyy-mm-dd`, { code: 'OD_INVALID_DATE' });
    }
  }
};

const LEVELS: Readonly<Record<GraphqlRollupLevel, RollupLevel>> = { CLASS: 'class', GROUP: 'group', SERVICE: 'service' };

const isKaeClass = (key: string): key is KaeClass => key in kaeClasses;

// GraphQL keeps the name its clients know (adjustments); the read models say amendments, as the domain does.
const amendmentsOf = (totals: Totals): string => totals.amendments;

export type TransactionsOf = (
  filter: TransactionFilter,
  args: PageArgs & { orderBy?: TransactionOrder | null },
  context: ResolverContext,
  info: GraphQLResolveInfo,
) => Promise<Connection<TransactionView>>;

/** A page of movements as a connection, counted beside the page when the query asks for totalCount. */
export const transactionsConnection =
  ({ client, schema }: Pick<ResolverDependencies, 'client' | 'schema'>): TransactionsOf =>
  (filter, args, context, info) =>
    guard(async () => {
      checkDates(filter);
      return toConnection(
        await listTransactions(dbOf(client, context), schema, { filter, first: args.first, after: args.after, orderBy: args.orderBy, countNow: asksForTotalCount(info) }),
      );
    });

export const ledgerResolvers = (deps: ResolverDependencies): ContextResolvers => {
  const { client, schema, classification, readModelPosition } = deps;
  // Shared by every request while the ledger stays put: through the client, not one request's budget.
  const linesOf = perPosition(readModelPosition, (year: number) => budgetLines(client, schema, year));
  const totalsOf = perPosition(readModelPosition, (year: number) => budgetTotals(client, schema, year));
  const yearsOf = perPosition(readModelPosition, (_: 'all') => fiscalYears(client, schema));
  const transactionsOf = transactionsConnection(deps);

  const rollupTitle = (level: RollupLevel, key: string | null): { el: string | null; en: string | null } => {
    if (key === null) return { el: null, en: null };
    if (level === 'class') return isKaeClass(key) ? classTitle(key) : { el: null, en: null };
    if (level === 'service') return serviceTitle(key) ?? { el: classification.serviceTitleOf(key), en: null };
    return { el: classification.groupTitleOf(key), en: null };
  };

  const resolvers: Resolvers = {
    Query: {
      budget: async (_root, { year }) => ((await yearsOf('all')).includes(year) ? { year } : null),
      budgetLine: (_root, { year, kae }, context) => guard(() => budgetLine(dbOf(client, context), schema, year, parseKae(kae).kae)),
      transactions: (_root, args, context, info) => transactionsOf(args.filter ?? {}, args, context, info),
      transaction: (_root, { id }, context) => (/^[0-9a-f-]{36}$/i.test(id) ? transactionById(dbOf(client, context), schema, id.toLowerCase()) : null),
      fiscalYears: () => yearsOf('all'),
    },
    Budget: {
      lines: async ({ year }, { side }) => (await linesOf(year)).filter((l) => !side || l.side === side),
      expense: async ({ year }) => (await totalsOf(year)).EXPENSE,
      revenue: async ({ year }) => (await totalsOf(year)).REVENUE,
      rollup: async ({ year }, { by }, context) => {
        const level = LEVELS[by];
        return (await budgetRollup(dbOf(client, context), schema, year, level)).map(({ side, key, lines, ...totals }) => {
          const title = rollupTitle(level, key);
          return { side, key, lines, title: title.el, titleEn: title.en, totals };
        });
      },
      months: ({ year }, _args, context) => monthlyTotals(dbOf(client, context), schema, year),
    },
    BudgetTotals: { adjustments: amendmentsOf },
    BudgetLine: {
      adjustments: amendmentsOf,
      class: (line) => line.klass,
      transactions: (line, args, context, info) => transactionsOf({ year: line.year, kae: line.kae, exactKae: true, type: args.type }, args, context, info),
    },
    TransactionConnection: counted,
  };

  const loaders = {
    Transaction: {
      budgetLine: (queries: { obj: TransactionView }[], context: ResolverContext) =>
        budgetLinesByKey(dbOf(client, context), schema, queries.map(({ obj }) => ({ year: obj.year, kae: obj.kae }))),
    },
  };
  return { resolvers, loaders };
};
