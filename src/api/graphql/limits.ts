// Depth and cost limits for every operation — queries over HTTP and subscriptions over WebSocket alike
// (mercurius validates subscriptions by nothing but depth, so the plugin runs these rules itself).
// Cost: each field 1; a paginated field multiplies its children by `first` (a variable counts as the
// maximum page); an unpaginated list by a fixed estimate. Introspection is neither deep- nor cost-limited.
import type { ASTVisitor, FieldNode, FragmentDefinitionNode, GraphQLCompositeType, GraphQLField, SelectionSetNode, ValidationContext } from 'graphql';
import { GraphQLError, Kind, getNamedType, getNullableType, isCompositeType, isListType, isObjectType, isInterfaceType, typeFromAST } from 'graphql';
import { MAX_PAGE } from '../../projections/queries/index.ts';

export const MAX_DEPTH = 8;
export const MAX_COST = 60_000;

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

interface Measure {
  readonly depth: number;
  readonly cost: number;
}

const multiplier = (context: ValidationContext, parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, node: FieldNode): number => {
  const first = field.args.find((a) => a.name === 'first');
  if (first) {
    const given = node.arguments?.find((a) => a.name.value === 'first')?.value;
    if (given?.kind === Kind.INT) return Math.min(Number(given.value), MAX_PAGE);
    if (given?.kind === Kind.VARIABLE) return MAX_PAGE;
    return typeof first.defaultValue === 'number' ? first.defaultValue : MAX_PAGE;
  }
  if (!isListType(getNullableType(field.type))) return 1;
  // A connection's edges are already counted by its `first`.
  if (parent.name.endsWith('Connection') && field.name === 'edges') return 1;
  return LIST_ESTIMATE[`${parent.name}.${field.name}`] ?? DEFAULT_LIST_ESTIMATE;
};

const measureSelections = (
  context: ValidationContext,
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): Measure => {
  let depth = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    let inner: Measure | null = null;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
      const field = fields[selection.name.value];
      if (!field) continue;
      const type = getNamedType(field.type);
      const child = selection.selectionSet && isCompositeType(type) ? measureSelections(context, type, selection.selectionSet, fragments, visiting) : { depth: 0, cost: 0 };
      inner = { depth: child.depth + 1, cost: 1 + multiplier(context, parent, field, selection) * child.cost };
    } else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
      if (!fragment || (name && visiting.has(name))) continue;
      const condition = fragment.typeCondition ? typeFromAST(context.getSchema(), fragment.typeCondition) : parent;
      if (!condition || !isCompositeType(condition)) continue;
      if (name) visiting.add(name);
      inner = measureSelections(context, condition, fragment.selectionSet, fragments, visiting);
      if (name) visiting.delete(name);
    }
    depth = Math.max(depth, inner.depth);
    cost += inner.cost;
  }
  return { depth, cost };
};

export const depthAndCostRule = (context: ValidationContext): ASTVisitor => ({
  OperationDefinition(operation) {
    const schema = context.getSchema();
    const root = schema.getRootType(operation.operation);
    if (!root) return;
    const fragments = new Map(context.getDocument().definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    const { depth, cost } = measureSelections(context, root, operation.selectionSet, fragments, new Set());
    if (depth > MAX_DEPTH) {
      context.reportError(
        new GraphQLError(`Το ερώτημα είναι πολύ βαθύ (${depth} > ${MAX_DEPTH}) / Query is too deep (${depth} > ${MAX_DEPTH})`, {
          nodes: [operation],
          extensions: { code: 'OD_QUERY_TOO_DEEP', depth, maxDepth: MAX_DEPTH },
        }),
      );
    }
    if (cost > MAX_COST) {
      context.reportError(
        new GraphQLError(
          `Το ερώτημα είναι πολύ ακριβό (κόστος ${cost} > ${MAX_COST}): ζητήστε μικρότερες σελίδες / Query is too expensive (cost ${cost} > ${MAX_COST}): ask for smaller pages`,
          { nodes: [operation], extensions: { code: 'OD_QUERY_TOO_COSTLY', cost, maxCost: MAX_COST } },
        ),
      );
    }
  },
});
