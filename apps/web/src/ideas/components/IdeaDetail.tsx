import { useMutation, useQuery } from '@apollo/client/react';
import { hasAtLeastRole, type Role } from '@parvis/domain';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice, useProblemMessage } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { RoleBadge } from '../../components/RoleBadge';
import { formatDateTime } from '../../lib/format';
import { apiProblems } from '../../lib/graphql-errors';
import { CommentOnIdeaMutation, IdeaPageQuery } from '../api/ideas';
import { StaffControls } from './StaffControls';
import { StatusBadge } from './StatusBadge';
import { StatusTimeline } from './StatusTimeline';
import { VoteButton } from './VoteButton';

/**
 * An idea's page: body and votes, the brand's answers over time, comments, and the staff controls.
 * `postExtra` renders what another feature adds under the body and each comment (moderation:
 * hidden notice, flag, hide), given the idea's thread and the post.
 */
export function IdeaDetail({
  id,
  viewerRole,
  postExtra,
}: {
  id: string;
  viewerRole: Role | null;
  postExtra?: (threadId: string, postId: string) => ReactNode;
}) {
  const { t, i18n } = useTranslation('ideas');
  const { data, loading, error, refetch } = useQuery(IdeaPageQuery, { variables: { id } });
  if (loading && !data) return <Loading />;
  if (!data) return <ErrorNotice error={error} />;
  const { idea } = data;
  const language = i18n.resolvedLanguage ?? 'en';

  return (
    <article className="idea-page">
      <p>
        <Link to="/s/ideas">{t('idea.back')}</Link>
      </p>
      <header className="idea-header">
        <VoteButton idea={idea} />
        <div>
          <h1>{idea.title}</h1>
          <p className="idea-meta">
            <StatusBadge status={idea.status} /> {t('card.by', { name: idea.author.displayName })}{' '}
            <RoleBadge role={idea.author.role} /> ·{' '}
            <time dateTime={idea.createdAt}>{formatDateTime(idea.createdAt, language)}</time>
          </p>
          {idea.campaign && (
            <p>
              {t('idea.campaign')} <Link to={`/campaigns/${idea.campaign.id}`}>{idea.campaign.title}</Link>
            </p>
          )}
        </div>
      </header>
      {idea.mergedInto && (
        <p className="notice">
          {t('idea.mergedInto')} <Link to={`/ideas/${idea.mergedInto.id}`}>{idea.mergedInto.title}</Link>
        </p>
      )}
      <div className="post-body" dangerouslySetInnerHTML={{ __html: idea.body }} />
      {postExtra?.(idea.threadId, idea.bodyPost.id)}
      {idea.mergedIdeas.length > 0 && (
        <section aria-labelledby="merged-title">
          <h2 id="merged-title">{t('idea.mergedIdeas')}</h2>
          <ul>
            {idea.mergedIdeas.map((duplicate) => (
              <li key={duplicate.id}>
                <Link to={`/ideas/${duplicate.id}`}>{duplicate.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <StatusTimeline history={idea.statusHistory} />
      {viewerRole && hasAtLeastRole(viewerRole, 'STAFF') && (
        <StaffControls
          idea={idea}
          canMerge={hasAtLeastRole(viewerRole, 'MODERATOR')}
          onChanged={() => void refetch()}
        />
      )}
      <section aria-labelledby="comments-title">
        <h2 id="comments-title">
          {t('idea.comments')} ({idea.comments.totalCount})
        </h2>
        {idea.comments.edges.length === 0 && <p>{t('idea.noComments')}</p>}
        <ol className="comments">
          {idea.comments.edges.map(({ node }) => (
            <li key={node.id} className={node.isOfficial ? 'comment comment-official' : 'comment'}>
              <p className="idea-meta">
                <strong>{node.author.displayName}</strong> <RoleBadge role={node.author.role} /> ·{' '}
                <time dateTime={node.createdAt}>{formatDateTime(node.createdAt, language)}</time>
              </p>
              <div className="post-body" dangerouslySetInnerHTML={{ __html: node.bodyHtml }} />
              {postExtra?.(idea.threadId, node.id)}
            </li>
          ))}
        </ol>
        {viewerRole && <CommentForm threadId={idea.threadId} onDone={() => void refetch()} />}
      </section>
    </article>
  );
}

function CommentForm({ threadId, onDone }: { threadId: string; onDone: () => void }) {
  const { t } = useTranslation('ideas');
  const problemMessage = useProblemMessage();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [comment, { loading }] = useMutation(CommentOnIdeaMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return setError(t('idea.commentRequired'));
    try {
      await comment({ variables: { input: { threadId, bodyMarkdown: body } } });
      setBody('');
      setError(null);
      onDone();
    } catch (caught) {
      setError(problemMessage(apiProblems(caught)[0]));
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor="comment-body">{t('idea.commentLabel')}</label>
        <textarea
          id="comment-body"
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'comment-error' : undefined}
        />
        {error && (
          <p id="comment-error" className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={loading}>
        {t('idea.commentSubmit')}
      </button>
    </form>
  );
}
