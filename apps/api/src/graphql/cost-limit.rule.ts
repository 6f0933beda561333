import {
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  GraphQLObjectType,
  GraphQLSchema,
  isCompositeType,
  isObjectType,
  Kind,
  OperationTypeNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  ValueNode,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../common/pagination';

/** The most a single request may cost; the web app's heaviest page costs far less. */
export const QUERY_COST_LIMIT = 10_000;

/**
 * Refuses, before any resolver runs, a query that would make the server produce too much: each
 * field costs 1, and what is asked inside a list taking `first` is counted `first` times. So
 * `threads(first: 100) { posts(first: 100) { revisions { … } } }` costs about 100 × 100 × the
 * revision fields, and 300 aliases of `search` cost 300 searches. Variables are not known at
 * validation time: a `first` given as a variable counts as its default, else the largest page.
 */
export function costLimit(maxCost: number): ValidationRule {
  return (context: ValidationContext) => {
    const schema = context.getSchema();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    return {
      OperationDefinition(operation) {
        const root =
          operation.operation === OperationTypeNode.MUTATION
            ? schema.getMutationType()
            : operation.operation === OperationTypeNode.SUBSCRIPTION
              ? schema.getSubscriptionType()
              : schema.getQueryType();
        const variableDefaults = new Map(
          (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, v.defaultValue]),
        );
        if (!root) return;
        const cost = selectionCost(
          schema,
          root,
          operation.selectionSet,
          fragments,
          variableDefaults,
          new Set(),
        );
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(
              `This query would cost ${cost} (each field once, times the \`first\` of the lists around it); the limit is ${maxCost}. Ask for fewer items or fields at once.`,
              { nodes: [operation], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
            ),
          );
        }
      },
    };
  };
}

function selectionCost(
  schema: GraphQLSchema,
  parent: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variableDefaults: Map<string, ValueNode | undefined>,
  seenFragments: Set<string>,
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      total += fieldCost(schema, parent, selection, fragments, variableDefaults, seenFragments);
    } else {
      const fragment =
        selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && seenFragments.has(selection.name.value)))
        continue;
      const typeName = fragment.typeCondition?.name.value;
      const type = typeName ? schema.getType(typeName) : parent;
      const seen =
        selection.kind === Kind.FRAGMENT_SPREAD
          ? new Set([...seenFragments, selection.name.value])
          : seenFragments;
      // On an interface or union, count the selection against the parent (a fair upper bound here).
      const target = isObjectType(type) ? type : parent;
      total += selectionCost(schema, target, fragment.selectionSet, fragments, variableDefaults, seen);
    }
  }
  return total;
}

function fieldCost(
  schema: GraphQLSchema,
  parent: GraphQLObjectType,
  field: FieldNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variableDefaults: Map<string, ValueNode | undefined>,
  seenFragments: Set<string>,
): number {
  const definition = parent.getFields()[field.name.value];
  if (!definition || !field.selectionSet) return 1;
  const type = getNamedType(definition.type);
  if (!isCompositeType(type)) return 1;
  const children = selectionCost(
    schema,
    isObjectType(type) ? type : parent,
    field.selectionSet,
    fragments,
    variableDefaults,
    seenFragments,
  );
  return 1 + pageSize(field, definition.args, variableDefaults) * children;
}

/** How many items a field's `first` asks for: its literal, else its variable's default, else the schema default. */
function pageSize(
  field: FieldNode,
  args: readonly { name: string; defaultValue?: unknown }[],
  variableDefaults: Map<string, ValueNode | undefined>,
): number {
  const schemaDefault = args.find((a) => a.name === 'first')?.defaultValue;
  if (schemaDefault === undefined && !args.some((a) => a.name === 'first')) return 1;
  const given = field.arguments?.find((a) => a.name.value === 'first')?.value;
  const value =
    given?.kind === Kind.VARIABLE ? (variableDefaults.get(given.name.value) ?? null) : (given ?? null);
  if (value?.kind === Kind.INT) return Math.max(1, Math.min(Number(value.value), MAX_PAGE_SIZE));
  if (given?.kind === Kind.VARIABLE) return MAX_PAGE_SIZE;
  return typeof schemaDefault === 'number' ? schemaDefault : MAX_PAGE_SIZE;
}
