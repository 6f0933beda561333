import type { Response } from 'express';

/**
 * An error answered outside GraphQL's own pipeline (a body refused before parsing, the session
 * middleware unable to reach the database) in the shape GraphQL clients read: `errors[0].message`
 * is a sentence, `errors[0].extensions.code` what a program branches on.
 */
export function sendGraphQLError(
  res: Response,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  res
    .status(status)
    .type('application/json')
    .json({ errors: [{ message, extensions: { code, ...extensions } }] });
}
