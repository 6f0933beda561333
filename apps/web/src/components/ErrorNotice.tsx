import { useTranslation } from 'react-i18next';
import { apiProblems, type ApiProblem } from '../lib/graphql-errors';
import { usePage } from '../lib/page';

/** The sentence to show for a problem: ours, translated, for the general codes; the API's otherwise. */
export function useProblemMessage(): (problem: ApiProblem) => string {
  const { t } = useTranslation();
  return (problem) => {
    switch (problem.code) {
      case 'NETWORK':
        return t('errors.network');
      case 'INTERNAL_SERVER_ERROR':
        return t('errors.internal');
      case 'RATE_LIMITED':
        return problem.message || t('errors.rateLimited');
      default:
        return problem.message || t('errors.internal');
    }
  };
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
