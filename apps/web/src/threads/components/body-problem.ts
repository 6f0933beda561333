import { THREAD_LIMITS } from '@parvis/domain';

/** The translation key of what is wrong with a Markdown body, or null: the API's rule, checked before sending. */
export function bodyProblem(body: string): 'errors.bodyRequired' | 'errors.bodyTooLong' | null {
  if (!body.trim()) return 'errors.bodyRequired';
  if (body.length > THREAD_LIMITS.body.max) return 'errors.bodyTooLong';
  return null;
}
