import {
  getArgumentValues,
  getNamedType,
  GraphQLResolveInfo,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';

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
  const walk = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name)
          found.push(getArgumentValues(field, selection, info.variableValues));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        walk(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return found;
}
