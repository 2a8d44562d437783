// Depth, root-field and cost limits for every operation — queries over HTTP and subscriptions over WebSocket
// alike (mercurius validates subscriptions by nothing but depth, so the plugin runs these rules itself).
// Cost prices the work a query causes: each field 1; each field that sends its own SQL (every root field, a
// line's or a supplier's movements) a round trip; full-text search, totalCount, unindexed filters and sorts
// the rows they read, as estimated from the read models' sizes. A connection's `first` multiplies its edges
// (a variable counts as the largest page), an unpaginated list its items by a fixed estimate, so a count or a
// search nested under a list is paid once per item. Introspection is neither deep- nor cost-limited.
import type {
  ASTVisitor,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  ValueNode,
} from 'graphql';
import { GraphQLError, Kind, getNamedType, getNullableType, isCompositeType, isInterfaceType, isListType, isObjectType, typeFromAST } from 'graphql';
import { MAX_PAGE } from '../../../projections/shared/paging.ts';

export const MAX_DEPTH = 8;
export const MAX_COST = 60_000;
/** Root fields (aliases included) per operation: each is at least one query of its own. */
export const MAX_ROOT_FIELDS = 20;
/** Rows read per unit of cost: a search with its count over 50,000 rows took ~17 ms on PostgreSQL (bench abuse). */
export const ROWS_PER_COST = 50;
/** A field that sends SQL of its own: a round trip, a plan, a pool connection for a while. */
export const QUERY_COST = 20;
/** The least a search or a count costs, on however small a ledger: what it will cost once the ledger grows. */
export const SCAN_FLOOR = 100;

/** Rows in the read models, as last estimated (see rowEstimates.ts). */
export interface RowEstimates {
  readonly transactions: number;
  readonly suppliers: number;
  readonly supplierYears: number;
  readonly assets: number;
  readonly imports: number;
}

export const NO_ROWS: RowEstimates = { transactions: 0, suppliers: 0, supplierYears: 0, assets: 0, imports: 0 };

/** Expected sizes of lists that are not paginated (a municipality has a few thousand budget lines). */
const LIST_ESTIMATE: Readonly<Record<string, number>> = {
  'Budget.lines': 1_000,
  'Budget.rollup': 50,
  'Budget.months': 12,
  'Supplier.years': 10,
  'Asset.history': 20,
  'Query.fiscalYears': 20,
};
const DEFAULT_LIST_ESTIMATE = 100;

const scan = (rows: number): number => Math.max(SCAN_FLOOR, Math.ceil(rows / ROWS_PER_COST));

/** An argument as written: a literal, a variable (its value unknown here, so assumed the worst) or absent. */
type Arg = ValueNode | undefined;
const argOf = (node: FieldNode, name: string): Arg => node.arguments?.find((a) => a.name.value === name)?.value;
const fieldOf = (value: Arg, name: string): Arg =>
  value?.kind === Kind.OBJECT ? value.fields.find((f) => f.name.value === name)?.value : value?.kind === Kind.VARIABLE ? value : undefined;
const given = (value: Arg): boolean => value !== undefined && value.kind !== Kind.NULL;
const literal = (value: Arg): string | null => (value?.kind === Kind.ENUM || value?.kind === Kind.STRING ? value.value : null);

interface Price {
  /** What the field's own SQL costs, once per parent. */
  readonly own: number;
  /** What its connection's totalCount costs, when asked for. */
  readonly count?: number;
}

/**
 * A transactions page reads few rows when an index leads to them in the order asked (year, ΑΦΜ or ΚΑΕ by
 * position); a search, a sort by amount, or a filter on type or dates alone reads the whole filter.
 */
const transactionsPrice = (node: FieldNode, rows: RowEstimates): Price => {
  const filter = argOf(node, 'filter');
  const order = argOf(node, 'orderBy');
  const indexed = ['year', 'afm', 'kae'].some((name) => given(fieldOf(filter, name)));
  const byAmount = order !== undefined && (order.kind === Kind.VARIABLE || (literal(order) ?? '').startsWith('AMOUNT'));
  const unindexed = !indexed && ['type', 'from', 'to'].some((name) => given(fieldOf(filter, name)));
  const reads = given(fieldOf(filter, 'search')) || byAmount || unindexed;
  return { own: QUERY_COST + (reads ? scan(rows.transactions) : 0), count: scan(rows.transactions) };
};

/** A parent's own movements: an index leads to them, but a count may be of the largest line or supplier. */
const movementsPrice = (_node: FieldNode, rows: RowEstimates): Price => ({ own: QUERY_COST, count: scan(rows.transactions) });

const PRICES: Readonly<Record<string, (node: FieldNode, rows: RowEstimates) => Price>> = {
  'Query.transactions': transactionsPrice,
  'BudgetLine.transactions': movementsPrice,
  'Supplier.transactions': movementsPrice,
  // Suppliers are ranked by totals summed over every supplier's years, for a page as for its count.
  'Query.suppliers': (node, rows) => {
    const totals = scan(rows.suppliers + rows.supplierYears);
    return { own: QUERY_COST + totals + (given(argOf(node, 'search')) ? scan(rows.suppliers) : 0), count: totals };
  },
  'Query.assets': (node, rows) => {
    const filter = argOf(node, 'filter');
    const reads = given(fieldOf(filter, 'search')) || given(fieldOf(filter, 'status'));
    return { own: QUERY_COST + (reads ? scan(rows.assets) : 0), count: scan(rows.assets) };
  },
  'Query.imports': (_node, rows) => ({ own: QUERY_COST, count: scan(rows.imports) }),
  'Budget.rollup': () => ({ own: QUERY_COST }),
  'Budget.months': () => ({ own: QUERY_COST }),
};

interface Measure {
  readonly depth: number;
  readonly cost: number;
}

/** The connection whose fields are being measured: its page multiplies `edges`, its count prices `totalCount`. */
interface Connection {
  readonly page: number;
  readonly count: number;
}

const pageOf = (field: GraphQLField<unknown, unknown>, node: FieldNode): number | null => {
  const first = field.args.find((a) => a.name === 'first');
  if (!first) return null;
  const value = argOf(node, 'first');
  if (value?.kind === Kind.INT) return Math.max(1, Math.min(Number(value.value), MAX_PAGE));
  if (value?.kind === Kind.VARIABLE) return MAX_PAGE;
  return typeof first.defaultValue === 'number' ? first.defaultValue : MAX_PAGE;
};

interface Walk {
  readonly schema: GraphQLSchema;
  readonly rows: RowEstimates;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly visiting: Set<string>;
}

const measureField = (walk: Walk, parent: GraphQLCompositeType, node: FieldNode, connection: Connection | null): Measure => {
  const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
  const field = fields[node.name.value];
  if (!field) return { depth: 0, cost: 0 };
  const isRoot = parent === walk.schema.getQueryType() || parent === walk.schema.getSubscriptionType();
  const price = PRICES[`${parent.name}.${field.name}`]?.(node, walk.rows) ?? { own: isRoot ? QUERY_COST : 0 };
  const page = pageOf(field, node);
  const inConnection = parent.name.endsWith('Connection');
  let own = price.own;
  let multiplier = 1;
  if (inConnection && field.name === 'totalCount') own += connection?.count ?? SCAN_FLOOR;
  else if (inConnection && field.name === 'edges') multiplier = connection?.page ?? MAX_PAGE;
  else if (page === null && isListType(getNullableType(field.type))) multiplier = LIST_ESTIMATE[`${parent.name}.${field.name}`] ?? DEFAULT_LIST_ESTIMATE;
  const type = getNamedType(field.type);
  const inner = page === null ? null : { page, count: price.count ?? SCAN_FLOOR };
  const child = node.selectionSet && isCompositeType(type) ? measureSelections(walk, type, node.selectionSet, inner) : { depth: 0, cost: 0 };
  return { depth: child.depth + 1, cost: 1 + own + multiplier * child.cost };
};

const measureSelections = (walk: Walk, parent: GraphQLCompositeType, selectionSet: SelectionSetNode, connection: Connection | null): Measure => {
  let depth = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    let inner: Measure | null = null;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      inner = measureField(walk, parent, selection, connection);
    } else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments.get(selection.name.value) : selection;
      const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
      if (!fragment || (name && walk.visiting.has(name))) continue;
      const condition = fragment.typeCondition ? typeFromAST(walk.schema, fragment.typeCondition) : parent;
      if (!condition || !isCompositeType(condition)) continue;
      if (name) walk.visiting.add(name);
      inner = measureSelections(walk, condition, fragment.selectionSet, connection);
      if (name) walk.visiting.delete(name);
    }
    depth = Math.max(depth, inner.depth);
    cost += inner.cost;
  }
  return { depth, cost };
};

/** Root fields of a selection, aliases and fragments included, introspection not. */
const countRootFields = (selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, visiting: Set<string>): number => {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) count += 1;
      continue;
    }
    const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
    const fragment = name ? fragments.get(name) : selection.kind === Kind.INLINE_FRAGMENT ? selection : undefined;
    if (!fragment || (name && visiting.has(name))) continue;
    if (name) visiting.add(name);
    count += countRootFields(fragment.selectionSet, fragments, visiting);
    if (name) visiting.delete(name);
  }
  return count;
};

export interface OperationMeasure {
  readonly depth: number;
  readonly cost: number;
  readonly rootFields: number;
}

const fragmentsOf = (document: DocumentNode): Map<string, FragmentDefinitionNode> =>
  new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));

export const measureOperation = (
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  rows: RowEstimates,
): OperationMeasure | null => {
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  const { depth, cost } = measureSelections({ schema, rows, fragments, visiting: new Set() }, root, operation.selectionSet, null);
  return { depth, cost, rootFields: countRootFields(operation.selectionSet, fragments, new Set()) };
};

/** The refusals an operation earns, each with its code, in Greek and English. */
export const limitErrors = (measure: OperationMeasure, nodes: readonly OperationDefinitionNode[] = []): GraphQLError[] => {
  const errors: GraphQLError[] = [];
  const { depth, cost, rootFields } = measure;
  if (depth > MAX_DEPTH) {
    errors.push(
      new GraphQLError(`Το ερώτημα είναι πολύ βαθύ (${depth} > ${MAX_DEPTH}) / Query is too deep (${depth} > ${MAX_DEPTH})`, {
        nodes,
        extensions: { code: 'OD_QUERY_TOO_DEEP', depth, maxDepth: MAX_DEPTH },
      }),
    );
  }
  if (rootFields > MAX_ROOT_FIELDS) {
    errors.push(
      new GraphQLError(
        `Πάρα πολλά πεδία στη ρίζα του ερωτήματος (${rootFields} > ${MAX_ROOT_FIELDS}): στείλτε τα σε χωριστά ερωτήματα / Too many root fields in the query (${rootFields} > ${MAX_ROOT_FIELDS}): send them as separate queries`,
        { nodes, extensions: { code: 'OD_QUERY_TOO_MANY_ROOT_FIELDS', rootFields, maxRootFields: MAX_ROOT_FIELDS } },
      ),
    );
  }
  if (cost > MAX_COST) {
    errors.push(
      new GraphQLError(
        `Το ερώτημα είναι πολύ ακριβό (κόστος ${cost} > ${MAX_COST}): η αναζήτηση κειμένου, το totalCount και οι μεγάλες σελίδες κοστίζουν περισσότερο, και μέσα σε λίστα πολλαπλασιάζονται με το μέγεθός της / Query is too expensive (cost ${cost} > ${MAX_COST}): text search, totalCount and large pages cost the most, and inside a list they are paid once per item; ask for smaller pages or fewer counts`,
        { nodes, extensions: { code: 'OD_QUERY_TOO_COSTLY', cost, maxCost: MAX_COST } },
      ),
    );
  }
  return errors;
};

/** The limits as a validation rule over the read models' sizes as they are when a query is first validated. */
export const createDepthAndCostRule =
  (rows: () => RowEstimates): ValidationRule =>
  (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const measure = measureOperation(context.getSchema(), operation, fragmentsOf(context.getDocument()), rows());
      if (measure) for (const error of limitErrors(measure, [operation])) context.reportError(error);
    },
  });

/** The rule over an empty ledger's sizes: the floors still price every search and count. */
export const depthAndCostRule: ValidationRule = createDepthAndCostRule(() => NO_ROWS);

/**
 * The refusals of a parsed, valid document over today's sizes (mercurius validates a query text once and
 * keeps it, while the ledger it runs on may have grown since), and the cost of its costliest operation.
 */
export const measureDocument = (schema: GraphQLSchema, document: DocumentNode, rows: RowEstimates): { readonly errors: GraphQLError[]; readonly cost: number } => {
  const fragments = fragmentsOf(document);
  const errors: GraphQLError[] = [];
  let cost = 0;
  for (const operation of document.definitions) {
    if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
    const measure = measureOperation(schema, operation, fragments, rows);
    if (!measure) continue;
    errors.push(...limitErrors(measure, [operation]));
    cost = Math.max(cost, measure.cost);
  }
  return { errors, cost };
};

export const documentLimitErrors = (schema: GraphQLSchema, document: DocumentNode, rows: RowEstimates): GraphQLError[] => measureDocument(schema, document, rows).errors;
