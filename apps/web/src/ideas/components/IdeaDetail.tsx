import type { TypedDocumentNode } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { hasAtLeastRole } from '@parvis/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SkeletonPosts } from '../../components/Skeleton';
import { MarkdownEditor } from '../../components/MarkdownEditor';
import { RoleBadge } from '../../components/RoleBadge';
import { useMarkdownForm } from '../../components/useMarkdownForm';
import { graphql } from '../../gql';
import type {
  IdeaCommentFieldsFragment,
  IdeaCommentsFragment,
  IdeaDetailFieldsFragment,
  MutationReplyArgs,
} from '../../gql/graphql';
import { appendToConnection } from '../../lib/apollo';
import { useViewer } from '../../lib/viewer';
import { StaffControls } from './StaffControls';
import { StatusBadge } from './StatusBadge';
import { StatusTimeline } from './StatusTimeline';
import { VoteButton } from './VoteButton';
import { RelativeTime } from '../../components/RelativeTime';

export const IdeaDetailFields = graphql(`
  fragment IdeaDetailFields on Idea {
    ...IdeaCardFields
    body
    threadId
    bodyPost {
      id
    }
    mergedInto {
      id
      title
    }
    mergedIdeas {
      id
      title
    }
    campaign {
      id
      title
    }
    statusHistory {
      ...StatusChangeFields
    }
  }
`);

export const IdeaCommentFields = graphql(`
  fragment IdeaCommentFields on Post {
    id
    bodyHtml
    createdAt
    isOfficial
    author {
      ...AuthorFields
    }
  }
`);

/** A page of comments; the next one is asked with `after: pageInfo.endCursor`. */
export const IdeaComments = graphql(`
  fragment IdeaComments on PostConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...IdeaCommentFields
      }
    }
  }
`);

/** What the idea page reads: the idea and its comments, as a route's query composes them. */
export type IdeaDetailIdea = IdeaDetailFieldsFragment & { comments: IdeaCommentsFragment };

interface IdeaDetailProps<T extends IdeaDetailIdea> {
  id: string;
  /**
   * The page's one query, `idea(id: $id)` with `...IdeaDetailFields` and
   * `comments(after: $after) { ...IdeaComments }`: a route adds what its other features show
   * beside the body and each comment.
   */
  query: TypedDocumentNode<{ idea: T }, { id: string; after?: string | null }>;
  /** `reply(input) { ...IdeaCommentFields }`, with the same additions as `query` for a new comment. */
  commentMutation: TypedDocumentNode<{ reply: IdeaCommentFieldsFragment }, MutationReplyArgs>;
  /** What another feature adds under the body and each comment, read from the idea `query` returned. */
  postExtra?: (postId: string, idea: T) => ReactNode;
}

/**
 * An idea's page: body and votes, the brand's answers over time, comments, and the staff controls.
 * Every change comes back from its mutation into the cache: no refetch.
 */
export function IdeaDetail<T extends IdeaDetailIdea>({
  id,
  query,
  commentMutation,
  postExtra,
}: IdeaDetailProps<T>) {
  const { t } = useTranslation('ideas');
  const { viewer } = useViewer();
  const { data, loading, error, fetchMore } = useQuery(query, { variables: { id } });
  if (loading && !data) return <SkeletonPosts posts={2} />;
  if (!data) return <ErrorNotice error={error} />;
  const { idea } = data;

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
            <RoleBadge role={idea.author.role} /> · <RelativeTime iso={idea.createdAt} />
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
      {postExtra?.(idea.bodyPost.id, idea)}
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
      {viewer && hasAtLeastRole(viewer.role, 'STAFF') && (
        <StaffControls idea={idea} canMerge={hasAtLeastRole(viewer.role, 'MODERATOR')} />
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
                <RelativeTime iso={node.createdAt} />
              </p>
              <div className="post-body" dangerouslySetInnerHTML={{ __html: node.bodyHtml }} />
              {postExtra?.(node.id, idea)}
            </li>
          ))}
        </ol>
        {idea.comments.pageInfo.hasNextPage && (
          <button
            type="button"
            className="button"
            onClick={() => void fetchMore({ variables: { after: idea.comments.pageInfo.endCursor } })}
          >
            {t('idea.moreComments')}
          </button>
        )}
        {viewer && <CommentForm idea={idea} mutation={commentMutation} />}
      </section>
    </article>
  );
}

/** A comment is a reply to the idea's thread; it joins the idea's comments in the cache as the API returned it. */
function CommentForm({
  idea,
  mutation,
}: {
  idea: { id: string; threadId: string };
  mutation: IdeaDetailProps<IdeaDetailIdea>['commentMutation'];
}) {
  const { t } = useTranslation('ideas');
  const [comment, { loading, error }] = useMutation(mutation, {
    update(cache, { data }) {
      if (!data) return;
      cache.modify({
        id: cache.identify({ __typename: 'Idea', id: idea.id }),
        fields: {
          commentsCount: (count: number) => count + 1,
          comments: appendToConnection(data.reply),
        },
      });
    },
  });
  const { editor, submit } = useMarkdownForm({
    send: (bodyMarkdown) => comment({ variables: { input: { threadId: idea.threadId, bodyMarkdown } } }),
  });

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <MarkdownEditor label={t('idea.commentLabel')} rows={3} {...editor} />
      {error && <ErrorNotice error={error} />}
      <button type="submit" className="button" disabled={loading}>
        {t('idea.commentSubmit')}
      </button>
    </form>
  );
}
