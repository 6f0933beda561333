/** For `@Transform(trim)` on string inputs: surrounding spaces never count (an e-mail, a title, a query). */
export const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
