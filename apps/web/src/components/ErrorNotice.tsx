import { useTranslation } from 'react-i18next';
import { apiProblems, problemSentence, type ApiProblem } from '../lib/graphql-errors';

/**
 * The sentence to show for a problem, in this page's language: worded from its code and reason
 * (lib/graphql-errors.ts), never the API's English in French or Spanish.
 */
export function useProblemMessage(): (problem: ApiProblem) => string {
  const { i18n } = useTranslation();
  return (problem) => problemSentence(problem, i18n);
}

/** Shows what went wrong with a query or mutation, announced to screen readers. */
export function ErrorNotice({ error }: { error: unknown }) {
  const message = useProblemMessage();
  const problems = apiProblems(error);
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="notice notice-error">
      {message(problems[0])}
    </div>
  );
}
