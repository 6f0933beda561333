import {
  getArgumentValues,
  getNamedType,
  GraphQLResolveInfo,
  isObjectType,
  Kind,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The fields of a selection set, through its inline and named fragments (each named fragment
 * once, `seen`); with `deep`, also every field below them.
 */
function* fieldsIn(
  selectionSet: SelectionSetNode | undefined,
  fragments: GraphQLResolveInfo['fragments'],
  deep: boolean,
  seen = new Set<string>(),
): Generator<FieldNode> {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      yield selection;
      if (deep) yield* fieldsIn(selection.selectionSet, fragments, deep, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      yield* fieldsIn(selection.selectionSet, fragments, deep, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      yield* fieldsIn(fragments[selection.name.value]?.selectionSet, fragments, deep, seen);
    }
  }
}

/**
 * The arguments of each `name` field asked inside the field being resolved (through fragments
 * too), defaults filled in: a root resolver that fetches its children's rows up front, in the
 * same round trip as its own (the thread page and its first replies), reads what they will ask.
 * Empty when the field is not asked. `@skip`/`@include` are not read: a skipped field is at worst
 * fetched for nothing.
 */
export function requestedArgs(info: GraphQLResolveInfo, name: string): Record<string, unknown>[] {
  const type = getNamedType(info.returnType);
  const field = isObjectType(type) ? type.getFields()[name] : undefined;
  if (!field) return [];
  const found: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  for (const node of info.fieldNodes)
    for (const asked of fieldsIn(node.selectionSet, info.fragments, false, seen))
      if (asked.name.value === name) found.push(getArgumentValues(field, asked, info.variableValues));
  return found;
}

/** Per operation (its parsed document is kept and reused for each request with the same text), the names it asks. */
const namesAsked = new WeakMap<OperationDefinitionNode, Map<string, boolean>>();

/**
 * Whether the operation asks, anywhere in it (through its fragments too), for a field of this
 * name, on whatever type: a root resolver that leaves a costly column out of the rows it primes
 * into the request's loaders when no field of the operation can read it from them. Worked out
 * once per operation.
 */
export function operationAsks(info: GraphQLResolveInfo, name: string): boolean {
  let names = namesAsked.get(info.operation);
  if (!names) namesAsked.set(info.operation, (names = new Map<string, boolean>()));
  let asked = names.get(name);
  if (asked === undefined) {
    asked = false;
    for (const field of fieldsIn(info.operation.selectionSet, info.fragments, true))
      if (field.name.value === name) {
        asked = true;
        break;
      }
    names.set(name, asked);
  }
  return asked;
}
