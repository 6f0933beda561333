import { useTranslation } from 'react-i18next';
import { apiProblems, problemSentence, type ApiProblem } from '../lib/graphql-errors';
import { usePage } from '../lib/page';

/**
 * The sentence to show for a problem, in this page's language: worded from its code and reason
 * (lib/graphql-errors.ts), never the API's English in French or Spanish.
 */
export function useProblemMessage(): (problem: ApiProblem) => string {
  const { i18n } = useTranslation();
  return (problem) => problemSentence(problem, i18n);
}

/**
 * Shows what went wrong with a query or mutation, announced to screen readers. A NOT_FOUND shown
 * in place of a page's content makes the page a 404 when the server renders it.
 */
export function ErrorNotice({ error }: { error: unknown }) {
  const message = useProblemMessage();
  const { reportNotFound } = usePage();
  const problems = apiProblems(error);
  if (problems.length === 0) return null;
  if (problems[0].code === 'NOT_FOUND') reportNotFound?.();
  return (
    <div role="alert" className="notice notice-error">
      {message(problems[0])}
    </div>
  );
}
