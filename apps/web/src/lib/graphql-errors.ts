import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** What the API said went wrong (DESIGN.md §4): its code, the input field if any, and its sentence. */
export interface ApiProblem {
  code: string;
  field: string | null;
  message: string;
}

export function apiProblems(error: unknown): ApiProblem[] {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => ({
      code: typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR',
      field: typeof e.extensions?.field === 'string' ? e.extensions.field : null,
      message: e.message,
    }));
  }
  if (error) return [{ code: 'NETWORK', field: null, message: '' }];
  return [];
}

/** Field errors keyed by input field, for forms; problems without a field go under `form`. */
export function fieldErrors(error: unknown): Record<string, ApiProblem> {
  const result: Record<string, ApiProblem> = {};
  for (const problem of apiProblems(error)) {
    const key = problem.field ?? 'form';
    result[key] ??= problem;
  }
  return result;
}
