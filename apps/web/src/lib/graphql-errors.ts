import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { i18n as I18n } from 'i18next';
import { getI18n } from 'react-i18next';

/**
 * What the API said went wrong (DESIGN.md §4): its code, the input field if any, and the
 * machine-readable reason with its values (`max`, `retryAfter`…). `message` is the sentence to
 * show, in the reader's language, worded here from code and reason: the API's own sentence
 * (`apiMessage`, English, for API clients) is never shown in French or Spanish.
 */
export interface ApiProblem {
  code: string;
  field: string | null;
  reason: string | null;
  values: Record<string, string | number>;
  apiMessage: string;
  message: string;
}

/**
 * The problems of a failed query or mutation, their sentences in the language of `i18n` (the
 * app's instance when not given: components pass their own, from `useTranslation`).
 */
export function apiProblems(error: unknown, i18n: I18n | undefined = getI18n()): ApiProblem[] {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => {
      const problem = problemOf(e);
      return { ...problem, message: problemSentence(problem, i18n) };
    });
  }
  if (error) {
    const problem = { code: 'NETWORK', field: null, reason: null, values: {}, apiMessage: '' };
    return [{ ...problem, message: problemSentence(problem, i18n) }];
  }
  return [];
}

/**
 * One error of a GraphQL-shaped answer (from Apollo, or from an endpoint such as `POST /uploads`
 * that answers the same shape), read as a problem: its code, field, reason and values.
 */
export function problemOf(error: {
  message?: string;
  extensions?: Record<string, unknown> | null;
}): Omit<ApiProblem, 'message'> {
  const { code, field, reason, ...values } = error.extensions ?? {};
  return {
    code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
    field: typeof field === 'string' ? field : null,
    reason: typeof reason === 'string' ? reason : null,
    values: Object.fromEntries(
      Object.entries(values).filter(
        (entry): entry is [string, string | number] =>
          typeof entry[1] === 'string' || typeof entry[1] === 'number',
      ),
    ),
    apiMessage: error.message ?? '',
  };
}

/** Field errors keyed by input field, for forms; problems without a field go under `form`. */
export function fieldErrors(error: unknown, i18n?: I18n): Record<string, ApiProblem> {
  const result: Record<string, ApiProblem> = {};
  for (const problem of apiProblems(error, i18n)) {
    const key = problem.field ?? 'form';
    result[key] ??= problem;
  }
  return result;
}

/**
 * The sentence for a problem: the reason's (`common:errors.reasons.*`, with its values), else
 * the API's own sentence in English, else the code's generic one (`common:errors.codes.*`).
 */
export function problemSentence(problem: Omit<ApiProblem, 'message'>, i18n: I18n | undefined): string {
  if (!i18n) return problem.apiMessage;
  const t = i18n.getFixedT(null, 'common');
  const reasonKey = `errors.reasons.${problem.reason}`;
  if (problem.reason && i18n.exists(reasonKey, { ns: 'common' })) {
    return t(reasonKey, { ...problem.values, ...derivedValues(problem, i18n) });
  }
  if (problem.apiMessage && (i18n.resolvedLanguage ?? i18n.language) === 'en') return problem.apiMessage;
  const codeKey = `errors.codes.${problem.code}`;
  return i18n.exists(codeKey, { ns: 'common' }) ? t(codeKey) : t('errors.internal');
}

/** Values a sentence needs in the reader's terms: minutes rather than seconds, a role's name. */
function derivedValues(problem: Omit<ApiProblem, 'message'>, i18n: I18n): Record<string, string | number> {
  const derived: Record<string, string | number> = {};
  const { retryAfter, role } = problem.values;
  if (typeof retryAfter === 'number') derived.minutes = Math.max(1, Math.ceil(retryAfter / 60));
  if (typeof role === 'string') derived.role = i18n.getFixedT(null, 'common')(`roles.${role}`);
  return derived;
}
