import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SkeletonList } from '../../components/Skeleton';
import { SearchQuery } from '../api/search';

/** Full-text search over threads and posts; the query lives in the address (?q=) so results can be shared. */
export function SearchPage() {
  const { t } = useTranslation('search');
  const inputId = useId();
  const [params, setParams] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  const [typed, setTyped] = useState(query);
  useEffect(() => setTyped(query), [query]);
  const { data, loading, error } = useQuery(SearchQuery, { variables: { query }, skip: !query });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim()) setParams({ q: typed.trim() });
  };

  return (
    <div className="search-page">
      <header className="page-header">
        <h1>{t('heading')}</h1>
      </header>
      <form role="search" className="form search-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={inputId}>{t('label')}</label>
          <input
            id={inputId}
            type="search"
            value={typed}
            maxLength={200}
            onChange={(event) => setTyped(event.target.value)}
            aria-describedby={`${inputId}-hint`}
          />
          <p id={`${inputId}-hint`} className="field-hint">
            {t('hint')}
          </p>
        </div>
        <button type="submit" className="button button-primary">
          {t('submit')}
        </button>
      </form>
      {query &&
        (loading ? (
          <SkeletonList list="search-results" count={5} lines={3} />
        ) : !data ? (
          <ErrorNotice error={error} />
        ) : data.search.length === 0 ? (
          <SearchEmpty query={query} helpSlug={data.spaces.find((space) => space.kind === 'HELP')?.slug} />
        ) : (
          <section aria-labelledby="results-heading">
            <h2 id="results-heading" aria-live="polite">
              {t('results', { count: data.search.length, query })}
            </h2>
            <ol className="search-results">
              {data.search.map((result) => (
                <li key={result.thread.id} lang={result.thread.language}>
                  {/* titleHtml and snippetHtml are escaped by the API; only <mark> is markup. */}
                  <Link
                    to={`/t/${result.thread.id}`}
                    className="search-title"
                    dangerouslySetInnerHTML={{ __html: result.titleHtml }}
                  />
                  <p className="search-snippet" dangerouslySetInnerHTML={{ __html: result.snippetHtml }} />
                  <p className="search-meta">{t('in', { space: result.thread.space.name })}</p>
                </li>
              ))}
            </ol>
          </section>
        ))}
    </div>
  );
}

/**
 * Nothing matches: search again without the last word, or ask the question with the words
 * already in its title (a visitor is asked to sign in there, and comes back to the form).
 */
function SearchEmpty({ query, helpSlug }: { query: string; helpSlug: string | undefined }) {
  const { t } = useTranslation('search');
  const words = query.split(/\s+/);
  const fewer = words.slice(0, -1).join(' ');
  return (
    <div role="status">
      <EmptyState title={t('emptyState.title', { query })} hint={t('emptyState.hint')}>
        {fewer && (
          <Link to={`/search?${new URLSearchParams({ q: fewer }).toString()}`} className="button">
            {t('emptyState.fewer', { query: fewer })}
          </Link>
        )}
        {helpSlug && (
          <Link
            to={`/s/${helpSlug}/new?${new URLSearchParams({ title: query }).toString()}`}
            className="button button-primary"
          >
            {t('emptyState.ask')}
          </Link>
        )}
      </EmptyState>
    </div>
  );
}
