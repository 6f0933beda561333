/** The type guard of a list of allowed values: `isOneOf(ROLES)` tells whether a value is a role. */
export function isOneOf<const T extends readonly string[]>(
  values: T,
): (value: unknown) => value is T[number] {
  return (value: unknown): value is T[number] =>
    typeof value === 'string' && (values as readonly string[]).includes(value);
}
