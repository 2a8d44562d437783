// Generated from schema.graphql by src/cli/checkGraphqlSchema.ts: do not edit by hand.
/* eslint-disable */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { BudgetModel, TransactionConnectionModel } from './ledger/models.ts';
import type { BudgetLineView, Totals, PeriodTotals as PeriodTotalsView, TransactionView } from '../projections/ledger/index.ts';
import type { SupplierView, SupplierYearView } from '../projections/suppliers/index.ts';
import type { SupplierConnectionModel } from './suppliers/models.ts';
import type { AssetView, AssetEventView } from '../projections/assets/index.ts';
import type { AssetConnectionModel } from './assets/models.ts';
import type { ImportView } from '../projections/imports/index.ts';
import type { ImportConnectionModel } from './imports/models.ts';
import type { CouncilSessionModel, CouncilItemModel, CouncilVoteModel } from './council/models.ts';
import type { ResolverContext } from './shared/graphql/context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Exact amount in euros as a string with two decimals, e.g. "1234.50". Never a float. */
  Decimal: { input: string; output: string; }
};

export type Query = {
  __typename?: 'Query';
  /** The budget of a fiscal year (προϋπολογισμός) and its execution. */
  budget?: Maybe<Budget>;
  /** One budget line (ΚΑΕ) of a fiscal year, e.g. kae: "20-6011.001" or "0311". */
  budgetLine?: Maybe<BudgetLine>;
  /** Every imported row (budget and amendment rows too), newest first unless orderBy says otherwise. */
  transactions: TransactionConnection;
  transaction?: Maybe<Transaction>;
  /** Fiscal years with a budget, newest first. */
  fiscalYears: Array<Scalars['Int']['output']>;
  /** A supplier (legal entity) by ΑΦΜ; null for unknown ΑΦΜ and for natural persons. */
  supplier?: Maybe<Supplier>;
  /** Suppliers by amount paid, largest first; `year` limits the totals (and the list) to one fiscal year. */
  suppliers: SupplierConnection;
  /** The register of municipal property (δημοτική περιουσία). */
  assets: AssetConnection;
  asset?: Maybe<Asset>;
  /** The import log: which files came in, when, and what came of them. Newest first. */
  imports: ImportConnection;
  /** Sessions of the council and its committees (συνεδριάσεις), by start; `upcoming` only those still to come or under way. */
  councilSessions: Array<CouncilSession>;
  councilSession?: Maybe<CouncilSession>;
};


export type QueryBudgetArgs = {
  year: Scalars['Int']['input'];
};


export type QueryBudgetLineArgs = {
  year: Scalars['Int']['input'];
  kae: Scalars['String']['input'];
};


export type QueryTransactionsArgs = {
  filter?: InputMaybe<TransactionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<TransactionOrder>;
};


export type QueryTransactionArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySupplierArgs = {
  afm: Scalars['String']['input'];
};


export type QuerySuppliersArgs = {
  year?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


export type QueryAssetsArgs = {
  filter?: InputMaybe<AssetFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


export type QueryAssetArgs = {
  id: Scalars['ID']['input'];
};


export type QueryImportsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCouncilSessionsArgs = {
  bodyId?: InputMaybe<Scalars['ID']['input']>;
  upcoming?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCouncilSessionArgs = {
  id: Scalars['ID']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Every movement as it is imported, optionally filtered. */
  transactionRecorded: Transaction;
  /** Every change to a budget line of the year (its execution moved). */
  budgetLineChanged: BudgetLine;
  /** Each vote as it is recorded or corrected, optionally of one session: under a second after the secretary records it. */
  councilVoteRecorded: CouncilVote;
};


export type SubscriptionTransactionRecordedArgs = {
  filter?: InputMaybe<TransactionFilter>;
};


export type SubscriptionBudgetLineChangedArgs = {
  year: Scalars['Int']['input'];
};


export type SubscriptionCouncilVoteRecordedArgs = {
  sessionId?: InputMaybe<Scalars['ID']['input']>;
};

export type Counterparty = {
  __typename?: 'Counterparty';
  afm?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  naturalPerson: Scalars['Boolean']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  hasNextPage: Scalars['Boolean']['output'];
  endCursor?: Maybe<Scalars['String']['output']>;
};

export type Budget = {
  __typename?: 'Budget';
  year: Scalars['Int']['output'];
  lines: Array<BudgetLine>;
  expense: BudgetTotals;
  revenue: BudgetTotals;
  /** Roll-ups by class (κατηγορία, first digit), group (ομάδα, two digits) or service (υπηρεσία). */
  rollup: Array<BudgetRollup>;
  /** Execution per month (committed, ordered, paid; assessed, collected). */
  months: Array<PeriodTotals>;
};


export type BudgetLinesArgs = {
  side?: InputMaybe<Side>;
};


export type BudgetRollupArgs = {
  by: RollupLevel;
};

export type BudgetLine = {
  __typename?: 'BudgetLine';
  year: Scalars['Int']['output'];
  kae: Scalars['String']['output'];
  title?: Maybe<Scalars['String']['output']>;
  side: Side;
  class: Scalars['String']['output'];
  group: Scalars['String']['output'];
  service?: Maybe<Scalars['String']['output']>;
  initial: Scalars['Decimal']['output'];
  adjustments: Scalars['Decimal']['output'];
  final: Scalars['Decimal']['output'];
  committed: Scalars['Decimal']['output'];
  ordered: Scalars['Decimal']['output'];
  paid: Scalars['Decimal']['output'];
  assessed: Scalars['Decimal']['output'];
  collected: Scalars['Decimal']['output'];
  /** Movements of this line, newest first. */
  transactions: TransactionConnection;
};


export type BudgetLineTransactionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<TransactionType>;
};

export type BudgetTotals = {
  __typename?: 'BudgetTotals';
  initial: Scalars['Decimal']['output'];
  adjustments: Scalars['Decimal']['output'];
  final: Scalars['Decimal']['output'];
  committed: Scalars['Decimal']['output'];
  ordered: Scalars['Decimal']['output'];
  paid: Scalars['Decimal']['output'];
  assessed: Scalars['Decimal']['output'];
  collected: Scalars['Decimal']['output'];
};

export type RollupLevel =
  | 'CLASS'
  | 'GROUP'
  | 'SERVICE';

export type BudgetRollup = {
  __typename?: 'BudgetRollup';
  side: Side;
  /** The class digit, the two-digit group or the service code (null: lines without a service). */
  key?: Maybe<Scalars['String']['output']>;
  title?: Maybe<Scalars['String']['output']>;
  titleEn?: Maybe<Scalars['String']['output']>;
  lines: Scalars['Int']['output'];
  totals: BudgetTotals;
};

export type PeriodTotals = {
  __typename?: 'PeriodTotals';
  /** "2025-03" for a month. */
  period: Scalars['String']['output'];
  committed: Scalars['Decimal']['output'];
  ordered: Scalars['Decimal']['output'];
  paid: Scalars['Decimal']['output'];
  assessed: Scalars['Decimal']['output'];
  collected: Scalars['Decimal']['output'];
  movements: Scalars['Int']['output'];
};

export type Side =
  | 'REVENUE'
  | 'EXPENSE';

export type TransactionType =
  | 'BUDGET'
  | 'AMENDMENT'
  | 'COMMITMENT'
  | 'ORDER'
  | 'PAYMENT'
  | 'ASSESSMENT'
  | 'RECEIPT'
  | 'REVERSAL';

export type TransactionOrder =
  | 'NEWEST'
  | 'OLDEST'
  | 'DATE_DESC'
  | 'DATE_ASC'
  | 'AMOUNT_DESC'
  | 'AMOUNT_ASC';

export type TransactionFilter = {
  year?: InputMaybe<Scalars['Int']['input']>;
  /** A ΚΑΕ line; its sub-codes match too ("20-6011" finds "20-6011.001"). */
  kae?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<TransactionType>;
  afm?: InputMaybe<Scalars['String']['input']>;
  /** Words in descriptions, line titles and supplier names; accents and case do not matter. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** ISO dates (yyyy-mm-dd), inclusive. */
  from?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
};

export type Transaction = {
  __typename?: 'Transaction';
  id: Scalars['ID']['output'];
  /** Position in the ledger's global order. */
  position: Scalars['Int']['output'];
  year: Scalars['Int']['output'];
  date: Scalars['String']['output'];
  type: TransactionType;
  side: Side;
  kae: Scalars['String']['output'];
  amount: Scalars['Decimal']['output'];
  document: Scalars['String']['output'];
  /** The document followed (order → commitment, payment → order, receipt → assessment) or, for a reversal, TYPE:DOCUMENT. */
  ref?: Maybe<Scalars['String']['output']>;
  counterparty?: Maybe<Counterparty>;
  /** Diavgeia decision number (ΑΔΑ). */
  ada?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  budgetLine?: Maybe<BudgetLine>;
  /**
   * The movement's leaf in the verifiable log (/log/, C2SP tlog-tiles): its proof is at
   * /api/log/inclusion?position=<position>. Null when the log does not hold it (yet). Served where the log runs
   * (events kept in SQL).
   */
  logIndex?: Maybe<Scalars['Int']['output']>;
};

export type TransactionConnection = {
  __typename?: 'TransactionConnection';
  totalCount: Scalars['Int']['output'];
  edges: Array<TransactionEdge>;
  pageInfo: PageInfo;
};

export type TransactionEdge = {
  __typename?: 'TransactionEdge';
  cursor: Scalars['String']['output'];
  node: Transaction;
};

export type Supplier = {
  __typename?: 'Supplier';
  afm: Scalars['String']['output'];
  name: Scalars['String']['output'];
  firstDate?: Maybe<Scalars['String']['output']>;
  committed: Scalars['Decimal']['output'];
  ordered: Scalars['Decimal']['output'];
  paid: Scalars['Decimal']['output'];
  movements: Scalars['Int']['output'];
  years: Array<SupplierYear>;
  transactions: TransactionConnection;
};


export type SupplierTransactionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<TransactionType>;
};

export type SupplierYear = {
  __typename?: 'SupplierYear';
  year: Scalars['Int']['output'];
  committed: Scalars['Decimal']['output'];
  ordered: Scalars['Decimal']['output'];
  paid: Scalars['Decimal']['output'];
  movements: Scalars['Int']['output'];
};

export type SupplierConnection = {
  __typename?: 'SupplierConnection';
  totalCount: Scalars['Int']['output'];
  edges: Array<SupplierEdge>;
  pageInfo: PageInfo;
};

export type SupplierEdge = {
  __typename?: 'SupplierEdge';
  cursor: Scalars['String']['output'];
  node: Supplier;
};

export type AssetStatus =
  | 'REGISTERED'
  | 'LEASED'
  | 'TRANSFERRED'
  | 'DISPOSED';

export type AssetAction =
  | 'REGISTER'
  | 'REVALUE'
  | 'LEASE'
  | 'TRANSFER'
  | 'DISPOSE';

export type AssetFilter = {
  category?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<AssetStatus>;
  search?: InputMaybe<Scalars['String']['input']>;
};

export type GeoPoint = {
  __typename?: 'GeoPoint';
  lat: Scalars['Float']['output'];
  lon: Scalars['Float']['output'];
};

export type Asset = {
  __typename?: 'Asset';
  id: Scalars['ID']['output'];
  category: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Hellenic Cadastre code (ΚΑΕΚ), when registered. */
  kaek?: Maybe<Scalars['String']['output']>;
  address?: Maybe<Scalars['String']['output']>;
  location?: Maybe<GeoPoint>;
  value: Scalars['Decimal']['output'];
  status: AssetStatus;
  /** Lessee or new owner, if any. */
  holder?: Maybe<Counterparty>;
  /** Rent of a lease, price of a transfer, proceeds of a disposal. */
  amount?: Maybe<Scalars['Decimal']['output']>;
  registeredOn: Scalars['String']['output'];
  updatedOn: Scalars['String']['output'];
  history: Array<AssetEvent>;
};

export type AssetEvent = {
  __typename?: 'AssetEvent';
  date: Scalars['String']['output'];
  action: AssetAction;
  value?: Maybe<Scalars['Decimal']['output']>;
  amount?: Maybe<Scalars['Decimal']['output']>;
  counterparty?: Maybe<Counterparty>;
  ada?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
};

export type AssetConnection = {
  __typename?: 'AssetConnection';
  totalCount: Scalars['Int']['output'];
  edges: Array<AssetEdge>;
  pageInfo: PageInfo;
};

export type AssetEdge = {
  __typename?: 'AssetEdge';
  cursor: Scalars['String']['output'];
  node: Asset;
};

export type ImportKind =
  | 'TRANSACTIONS'
  | 'ASSETS';

export type ImportOutcome =
  | 'IMPORTED'
  | 'NOTHING_NEW'
  | 'REJECTED'
  | 'PARTIAL';

export type Import = {
  __typename?: 'Import';
  id: Scalars['ID']['output'];
  kind: ImportKind;
  fileName: Scalars['String']['output'];
  /** SHA-256 of the file as received. */
  sha256: Scalars['String']['output'];
  startedAt: Scalars['String']['output'];
  finishedAt: Scalars['String']['output'];
  rows: Scalars['Int']['output'];
  imported: Scalars['Int']['output'];
  duplicates: Scalars['Int']['output'];
  rejected: Scalars['Int']['output'];
  outcome: ImportOutcome;
};

export type ImportConnection = {
  __typename?: 'ImportConnection';
  totalCount: Scalars['Int']['output'];
  edges: Array<ImportEdge>;
  pageInfo: PageInfo;
};

export type ImportEdge = {
  __typename?: 'ImportEdge';
  cursor: Scalars['String']['output'];
  node: Import;
};

/** Τακτική, έκτακτη, ειδική, δια περιφοράς. */
export type CouncilSessionKind =
  | 'regular'
  | 'extraordinary'
  | 'special'
  | 'circulation';

/** Simple (of those present), absolute or qualified (two thirds; both of the members in office). */
export type CouncilMajority =
  | 'simple'
  | 'absolute'
  | 'qualified';

/** Υπέρ, κατά, λευκό, παρών. */
export type CouncilVoteOption =
  | 'for'
  | 'against'
  | 'blank'
  | 'present';

export type CouncilResult =
  | 'passed'
  | 'failed';

export type CouncilSession = {
  __typename?: 'CouncilSession';
  id: Scalars['ID']['output'];
  bodyId: Scalars['ID']['output'];
  bodyName: Scalars['String']['output'];
  bodyNameEn: Scalars['String']['output'];
  /** The start as an instant, UTC. */
  startsAt: Scalars['String']['output'];
  /** The start as the notice gave it, with its offset (Athens' wall clock). */
  startsAtLocal: Scalars['String']['output'];
  place?: Maybe<Scalars['String']['output']>;
  remote: Scalars['Boolean']['output'];
  kind: CouncilSessionKind;
  /** convened, in-progress or closed. */
  status: Scalars['String']['output'];
  /** The video stream of the session. */
  streamUrl?: Maybe<Scalars['String']['output']>;
  /** The item under discussion now. */
  currentItem?: Maybe<CouncilItem>;
  closedAt?: Maybe<Scalars['String']['output']>;
  items: Array<CouncilItem>;
};

/** The count of an item's votes; members in office who did not vote are absent. */
export type CouncilTally = {
  __typename?: 'CouncilTally';
  for: Scalars['Int']['output'];
  against: Scalars['Int']['output'];
  blank: Scalars['Int']['output'];
  present: Scalars['Int']['output'];
  absent: Scalars['Int']['output'];
};

export type CouncilItem = {
  __typename?: 'CouncilItem';
  sessionId: Scalars['ID']['output'];
  number: Scalars['Int']['output'];
  title: Scalars['String']['output'];
  rapporteur?: Maybe<Scalars['String']['output']>;
  majority: CouncilMajority;
  /** Admitted at the session as urgent (κατεπείγον). */
  urgent: Scalars['Boolean']['output'];
  result?: Maybe<CouncilResult>;
  tally?: Maybe<CouncilTally>;
  /** The decision number (αριθμός απόφασης) of its body's year. */
  decisionNumber?: Maybe<Scalars['Int']['output']>;
  decisionYear?: Maybe<Scalars['Int']['output']>;
  summary?: Maybe<Scalars['String']['output']>;
  /** The decision's ΑΔΑ on Diavgeia, once posted. */
  ada?: Maybe<Scalars['String']['output']>;
  votes: Array<CouncilVote>;
};

export type CouncilVote = {
  __typename?: 'CouncilVote';
  sessionId: Scalars['ID']['output'];
  item: Scalars['Int']['output'];
  personId: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  faction?: Maybe<Scalars['String']['output']>;
  option: CouncilVoteOption;
  /** As first recorded: differs from option when corrected. */
  castOption: CouncilVoteOption;
  correctionReason?: Maybe<Scalars['String']['output']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Counterparty: ResolverTypeWrapper<Counterparty>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Budget: ResolverTypeWrapper<BudgetModel>;
  BudgetLine: ResolverTypeWrapper<BudgetLineView>;
  BudgetTotals: ResolverTypeWrapper<Totals>;
  RollupLevel: RollupLevel;
  BudgetRollup: ResolverTypeWrapper<Omit<BudgetRollup, 'totals'> & { totals: ResolversTypes['BudgetTotals'] }>;
  PeriodTotals: ResolverTypeWrapper<PeriodTotalsView>;
  Side: Side;
  TransactionType: TransactionType;
  TransactionOrder: TransactionOrder;
  TransactionFilter: TransactionFilter;
  Transaction: ResolverTypeWrapper<TransactionView>;
  TransactionConnection: ResolverTypeWrapper<TransactionConnectionModel>;
  TransactionEdge: ResolverTypeWrapper<Omit<TransactionEdge, 'node'> & { node: ResolversTypes['Transaction'] }>;
  Supplier: ResolverTypeWrapper<SupplierView>;
  SupplierYear: ResolverTypeWrapper<SupplierYearView>;
  SupplierConnection: ResolverTypeWrapper<SupplierConnectionModel>;
  SupplierEdge: ResolverTypeWrapper<Omit<SupplierEdge, 'node'> & { node: ResolversTypes['Supplier'] }>;
  AssetStatus: AssetStatus;
  AssetAction: AssetAction;
  AssetFilter: AssetFilter;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Asset: ResolverTypeWrapper<AssetView>;
  AssetEvent: ResolverTypeWrapper<AssetEventView>;
  AssetConnection: ResolverTypeWrapper<AssetConnectionModel>;
  AssetEdge: ResolverTypeWrapper<Omit<AssetEdge, 'node'> & { node: ResolversTypes['Asset'] }>;
  ImportKind: ImportKind;
  ImportOutcome: ImportOutcome;
  Import: ResolverTypeWrapper<ImportView>;
  ImportConnection: ResolverTypeWrapper<ImportConnectionModel>;
  ImportEdge: ResolverTypeWrapper<Omit<ImportEdge, 'node'> & { node: ResolversTypes['Import'] }>;
  CouncilSessionKind: CouncilSessionKind;
  CouncilMajority: CouncilMajority;
  CouncilVoteOption: CouncilVoteOption;
  CouncilResult: CouncilResult;
  CouncilSession: ResolverTypeWrapper<CouncilSessionModel>;
  CouncilTally: ResolverTypeWrapper<CouncilTally>;
  CouncilItem: ResolverTypeWrapper<CouncilItemModel>;
  CouncilVote: ResolverTypeWrapper<CouncilVoteModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Decimal: Scalars['Decimal']['output'];
  Query: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  Subscription: Record<PropertyKey, never>;
  Counterparty: Counterparty;
  PageInfo: PageInfo;
  Budget: BudgetModel;
  BudgetLine: BudgetLineView;
  BudgetTotals: Totals;
  BudgetRollup: Omit<BudgetRollup, 'totals'> & { totals: ResolversParentTypes['BudgetTotals'] };
  PeriodTotals: PeriodTotalsView;
  TransactionFilter: TransactionFilter;
  Transaction: TransactionView;
  TransactionConnection: TransactionConnectionModel;
  TransactionEdge: Omit<TransactionEdge, 'node'> & { node: ResolversParentTypes['Transaction'] };
  Supplier: SupplierView;
  SupplierYear: SupplierYearView;
  SupplierConnection: SupplierConnectionModel;
  SupplierEdge: Omit<SupplierEdge, 'node'> & { node: ResolversParentTypes['Supplier'] };
  AssetFilter: AssetFilter;
  GeoPoint: GeoPoint;
  Float: Scalars['Float']['output'];
  Asset: AssetView;
  AssetEvent: AssetEventView;
  AssetConnection: AssetConnectionModel;
  AssetEdge: Omit<AssetEdge, 'node'> & { node: ResolversParentTypes['Asset'] };
  Import: ImportView;
  ImportConnection: ImportConnectionModel;
  ImportEdge: Omit<ImportEdge, 'node'> & { node: ResolversParentTypes['Import'] };
  CouncilSession: CouncilSessionModel;
  CouncilTally: CouncilTally;
  CouncilItem: CouncilItemModel;
  CouncilVote: CouncilVoteModel;
};

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type QueryResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  budget?: Resolver<Maybe<ResolversTypes['Budget']>, ParentType, ContextType, RequireFields<QueryBudgetArgs, 'year'>>;
  budgetLine?: Resolver<Maybe<ResolversTypes['BudgetLine']>, ParentType, ContextType, RequireFields<QueryBudgetLineArgs, 'year' | 'kae'>>;
  transactions?: Resolver<ResolversTypes['TransactionConnection'], ParentType, ContextType, RequireFields<QueryTransactionsArgs, 'first' | 'orderBy'>>;
  transaction?: Resolver<Maybe<ResolversTypes['Transaction']>, ParentType, ContextType, RequireFields<QueryTransactionArgs, 'id'>>;
  fiscalYears?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  supplier?: Resolver<Maybe<ResolversTypes['Supplier']>, ParentType, ContextType, RequireFields<QuerySupplierArgs, 'afm'>>;
  suppliers?: Resolver<ResolversTypes['SupplierConnection'], ParentType, ContextType, RequireFields<QuerySuppliersArgs, 'first'>>;
  assets?: Resolver<ResolversTypes['AssetConnection'], ParentType, ContextType, RequireFields<QueryAssetsArgs, 'first'>>;
  asset?: Resolver<Maybe<ResolversTypes['Asset']>, ParentType, ContextType, RequireFields<QueryAssetArgs, 'id'>>;
  imports?: Resolver<ResolversTypes['ImportConnection'], ParentType, ContextType, RequireFields<QueryImportsArgs, 'first'>>;
  councilSessions?: Resolver<Array<ResolversTypes['CouncilSession']>, ParentType, ContextType, RequireFields<QueryCouncilSessionsArgs, 'upcoming' | 'first'>>;
  councilSession?: Resolver<Maybe<ResolversTypes['CouncilSession']>, ParentType, ContextType, RequireFields<QueryCouncilSessionArgs, 'id'>>;
};

export type SubscriptionResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  transactionRecorded?: SubscriptionResolver<ResolversTypes['Transaction'], "transactionRecorded", ParentType, ContextType, Partial<SubscriptionTransactionRecordedArgs>>;
  budgetLineChanged?: SubscriptionResolver<ResolversTypes['BudgetLine'], "budgetLineChanged", ParentType, ContextType, RequireFields<SubscriptionBudgetLineChangedArgs, 'year'>>;
  councilVoteRecorded?: SubscriptionResolver<ResolversTypes['CouncilVote'], "councilVoteRecorded", ParentType, ContextType, Partial<SubscriptionCouncilVoteRecordedArgs>>;
};

export type CounterpartyResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['Counterparty'] = ResolversParentTypes['Counterparty']> = {
  afm?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  naturalPerson?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BudgetResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['Budget'] = ResolversParentTypes['Budget']> = {
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['BudgetLine']>, ParentType, ContextType, Partial<BudgetLinesArgs>>;
  expense?: Resolver<ResolversTypes['BudgetTotals'], ParentType, ContextType>;
  revenue?: Resolver<ResolversTypes['BudgetTotals'], ParentType, ContextType>;
  rollup?: Resolver<Array<ResolversTypes['BudgetRollup']>, ParentType, ContextType, RequireFields<BudgetRollupArgs, 'by'>>;
  months?: Resolver<Array<ResolversTypes['PeriodTotals']>, ParentType, ContextType>;
};

export type BudgetLineResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['BudgetLine'] = ResolversParentTypes['BudgetLine']> = {
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kae?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  side?: Resolver<ResolversTypes['Side'], ParentType, ContextType>;
  class?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  service?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  initial?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  adjustments?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  final?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  committed?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  ordered?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  assessed?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  collected?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  transactions?: Resolver<ResolversTypes['TransactionConnection'], ParentType, ContextType, RequireFields<BudgetLineTransactionsArgs, 'first'>>;
};

export type BudgetTotalsResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['BudgetTotals'] = ResolversParentTypes['BudgetTotals']> = {
  initial?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  adjustments?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  final?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  committed?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  ordered?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  assessed?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  collected?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
};

export type BudgetRollupResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['BudgetRollup'] = ResolversParentTypes['BudgetRollup']> = {
  side?: Resolver<ResolversTypes['Side'], ParentType, ContextType>;
  key?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  titleEn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lines?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['BudgetTotals'], ParentType, ContextType>;
};

export type PeriodTotalsResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['PeriodTotals'] = ResolversParentTypes['PeriodTotals']> = {
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  committed?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  ordered?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  assessed?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  collected?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  movements?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TransactionResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['Transaction'] = ResolversParentTypes['Transaction']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['TransactionType'], ParentType, ContextType>;
  side?: Resolver<ResolversTypes['Side'], ParentType, ContextType>;
  kae?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  document?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ref?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  counterparty?: Resolver<Maybe<ResolversTypes['Counterparty']>, ParentType, ContextType>;
  ada?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  budgetLine?: Resolver<Maybe<ResolversTypes['BudgetLine']>, ParentType, ContextType>;
  logIndex?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type TransactionConnectionResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['TransactionConnection'] = ResolversParentTypes['TransactionConnection']> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  edges?: Resolver<Array<ResolversTypes['TransactionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type TransactionEdgeResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['TransactionEdge'] = ResolversParentTypes['TransactionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Transaction'], ParentType, ContextType>;
};

export type SupplierResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['Supplier'] = ResolversParentTypes['Supplier']> = {
  afm?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstDate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  committed?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  ordered?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  movements?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  years?: Resolver<Array<ResolversTypes['SupplierYear']>, ParentType, ContextType>;
  transactions?: Resolver<ResolversTypes['TransactionConnection'], ParentType, ContextType, RequireFields<SupplierTransactionsArgs, 'first'>>;
};

export type SupplierYearResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['SupplierYear'] = ResolversParentTypes['SupplierYear']> = {
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  committed?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  ordered?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  movements?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SupplierConnectionResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['SupplierConnection'] = ResolversParentTypes['SupplierConnection']> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  edges?: Resolver<Array<ResolversTypes['SupplierEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type SupplierEdgeResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['SupplierEdge'] = ResolversParentTypes['SupplierEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Supplier'], ParentType, ContextType>;
};

export type GeoPointResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lon?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type AssetResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['Asset'] = ResolversParentTypes['Asset']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kaek?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AssetStatus'], ParentType, ContextType>;
  holder?: Resolver<Maybe<ResolversTypes['Counterparty']>, ParentType, ContextType>;
  amount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  registeredOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AssetEvent']>, ParentType, ContextType>;
};

export type AssetEventResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['AssetEvent'] = ResolversParentTypes['AssetEvent']> = {
  date?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  action?: Resolver<ResolversTypes['AssetAction'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  amount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  counterparty?: Resolver<Maybe<ResolversTypes['Counterparty']>, ParentType, ContextType>;
  ada?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AssetConnectionResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['AssetConnection'] = ResolversParentTypes['AssetConnection']> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  edges?: Resolver<Array<ResolversTypes['AssetEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AssetEdgeResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['AssetEdge'] = ResolversParentTypes['AssetEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Asset'], ParentType, ContextType>;
};

export type ImportResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['Import'] = ResolversParentTypes['Import']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ImportKind'], ParentType, ContextType>;
  fileName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  finishedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  imported?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  duplicates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['ImportOutcome'], ParentType, ContextType>;
};

export type ImportConnectionResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['ImportConnection'] = ResolversParentTypes['ImportConnection']> = {
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  edges?: Resolver<Array<ResolversTypes['ImportEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ImportEdgeResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['ImportEdge'] = ResolversParentTypes['ImportEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Import'], ParentType, ContextType>;
};

export type CouncilSessionResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['CouncilSession'] = ResolversParentTypes['CouncilSession']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  bodyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  bodyName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  bodyNameEn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startsAtLocal?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  place?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  remote?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CouncilSessionKind'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  streamUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  currentItem?: Resolver<Maybe<ResolversTypes['CouncilItem']>, ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['CouncilItem']>, ParentType, ContextType>;
};

export type CouncilTallyResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['CouncilTally'] = ResolversParentTypes['CouncilTally']> = {
  for?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  against?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  blank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  present?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  absent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CouncilItemResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['CouncilItem'] = ResolversParentTypes['CouncilItem']> = {
  sessionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rapporteur?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  majority?: Resolver<ResolversTypes['CouncilMajority'], ParentType, ContextType>;
  urgent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  result?: Resolver<Maybe<ResolversTypes['CouncilResult']>, ParentType, ContextType>;
  tally?: Resolver<Maybe<ResolversTypes['CouncilTally']>, ParentType, ContextType>;
  decisionNumber?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  decisionYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ada?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  votes?: Resolver<Array<ResolversTypes['CouncilVote']>, ParentType, ContextType>;
};

export type CouncilVoteResolvers<ContextType = ResolverContext, ParentType extends ResolversParentTypes['CouncilVote'] = ResolversParentTypes['CouncilVote']> = {
  sessionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  item?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  personId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  faction?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  option?: Resolver<ResolversTypes['CouncilVoteOption'], ParentType, ContextType>;
  castOption?: Resolver<ResolversTypes['CouncilVoteOption'], ParentType, ContextType>;
  correctionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = ResolverContext> = {
  Decimal?: GraphQLScalarType;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Counterparty?: CounterpartyResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Budget?: BudgetResolvers<ContextType>;
  BudgetLine?: BudgetLineResolvers<ContextType>;
  BudgetTotals?: BudgetTotalsResolvers<ContextType>;
  BudgetRollup?: BudgetRollupResolvers<ContextType>;
  PeriodTotals?: PeriodTotalsResolvers<ContextType>;
  Transaction?: TransactionResolvers<ContextType>;
  TransactionConnection?: TransactionConnectionResolvers<ContextType>;
  TransactionEdge?: TransactionEdgeResolvers<ContextType>;
  Supplier?: SupplierResolvers<ContextType>;
  SupplierYear?: SupplierYearResolvers<ContextType>;
  SupplierConnection?: SupplierConnectionResolvers<ContextType>;
  SupplierEdge?: SupplierEdgeResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Asset?: AssetResolvers<ContextType>;
  AssetEvent?: AssetEventResolvers<ContextType>;
  AssetConnection?: AssetConnectionResolvers<ContextType>;
  AssetEdge?: AssetEdgeResolvers<ContextType>;
  Import?: ImportResolvers<ContextType>;
  ImportConnection?: ImportConnectionResolvers<ContextType>;
  ImportEdge?: ImportEdgeResolvers<ContextType>;
  CouncilSession?: CouncilSessionResolvers<ContextType>;
  CouncilTally?: CouncilTallyResolvers<ContextType>;
  CouncilItem?: CouncilItemResolvers<ContextType>;
  CouncilVote?: CouncilVoteResolvers<ContextType>;
};

