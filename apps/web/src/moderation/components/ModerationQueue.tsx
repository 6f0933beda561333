import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import type { CharterRule } from '@parvis/domain';
import { CHARTER_RULES } from '@parvis/domain';
import { createContext, useCallback, useContext, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Skeleton, SkeletonItems, SkeletonText } from '../../components/Skeleton';
import { PageHead } from '../../components/PageHead';
import { RoleBadge } from '../../components/RoleBadge';
import type { ApolloCache } from '@apollo/client';
import { graphql } from '../../gql';
import type { PostExcerptFieldsFragment, ModerationQueueQuery as QueueData } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import {
  DismissFlagsMutation,
  HidePostMutation,
  ModerationQueueQuery,
  ResolveFromQueueMutation,
} from '../api/moderation';
import { CrisisBannerControls } from './CrisisBannerControls';
import { excerptOf } from './excerpt';
import { MarkAnsweredDialog } from './MarkAnsweredDialog';
import { ToneChip } from './ToneChip';

/** A post as the queue shows it: an excerpt with its moderation state. */
export const PostExcerptFields = graphql(`
  fragment PostExcerptFields on Post {
    ...PostModerationFields
    threadId
    isQuestion
    bodyHtml
    moderationContext {
      thread {
        id
        title
        space {
          id
          name
        }
      }
      previous {
        id
        isQuestion
        bodyHtml
        createdAt
        author {
          id
          displayName
        }
      }
      laterReplies {
        id
        bodyHtml
        createdAt
        author {
          id
          displayName
        }
      }
    }
  }
`);

type FlaggedPost = QueueData['moderationQueue']['flagged'][number];
type QueuedPost = PostExcerptFieldsFragment;

/** Which posts a decision takes out of each list. */
interface Leaves {
  flagged?: (post: QueuedPost) => boolean;
  negative?: (post: QueuedPost) => boolean;
}

/** The queue without what these decisions took out of it. */
function remaining(
  queue: QueueData['moderationQueue'],
  decisions: readonly Leaves[],
): QueueData['moderationQueue'] {
  return {
    ...queue,
    flagged: queue.flagged.filter((item) => !decisions.some((leaves) => leaves.flagged?.(item.post))),
    negativeUnanswered: queue.negativeUnanswered.filter(
      (post) => !decisions.some((leaves) => leaves.negative?.(post)),
    ),
  };
}

/**
 * A decision takes its post out of the queue: the API's rule (open flags, negative posts not
 * hidden, answered or resolved) applied to what is on screen, without asking the queue again.
 */
function leaveQueue(cache: ApolloCache, leaves: Leaves) {
  cache.updateQuery({ query: ModerationQueueQuery }, (data) =>
    data ? { moderationQueue: remaining(data.moderationQueue, [leaves]) } : data,
  );
}

/**
 * How an item records its decision (ModerationQueue provides it): out of the cached queue, and
 * remembered by the page, so that an answer of the queue asked before the decision (the page asks
 * for the queue again as it opens) and arriving after it cannot put the post back on screen.
 */
const DecideInQueue = createContext<(cache: ApolloCache, leaves: Leaves) => void>(leaveQueue);

/** The queue to come: its title, then flagged posts' cards. */
export function ModerationQueueSkeleton() {
  return (
    <Skeleton>
      <SkeletonText title width={50} />
      <SkeletonText width={90} />
      <SkeletonItems list="queue-list" item="queue-item" count={4} lines={4} />
    </Skeleton>
  );
}

/** The moderators' page: flagged posts grouped with one-click decisions, then negative posts waiting for an answer. */
export function ModerationQueue() {
  const { t } = useTranslation('moderation');
  const { data, loading, error } = useQuery(ModerationQueueQuery, { fetchPolicy: 'cache-and-network' });
  const [decisions, setDecisions] = useState<readonly Leaves[]>([]);
  const decide = useCallback((cache: ApolloCache, leaves: Leaves) => {
    leaveQueue(cache, leaves);
    setDecisions((taken) => [...taken, leaves]);
  }, []);
  if (loading && !data) return <ModerationQueueSkeleton />;
  if (!data) return <ErrorNotice error={error} />;
  const { flagged, negativeUnanswered } = remaining(data.moderationQueue, decisions);
  return (
    <DecideInQueue.Provider value={decide}>
      <div className="moderation-queue">
        <PageHead title={t('queue.title')} noIndex />
        <header className="page-header">
          <h1>{t('queue.title')}</h1>
          <p>
            {t('queue.intro')} <Link to="/moderation/log">{t('nav.log')}</Link>
          </p>
        </header>
        <section aria-labelledby="flagged-heading">
          <h2 id="flagged-heading">{t('queue.flagged')}</h2>
          {flagged.length === 0 && (
            <EmptyState title={t('queue.noFlags')} hint={t('queue.noFlagsHint')}>
              <Link to="/charter">{t('queue.readCharter')}</Link>
            </EmptyState>
          )}
          <ul className="queue-list">
            {flagged.map((item) => (
              <FlaggedItem key={item.post.id} item={item} />
            ))}
          </ul>
        </section>
        <section aria-labelledby="negative-heading">
          <h2 id="negative-heading">{t('queue.negative')}</h2>
          {negativeUnanswered.length === 0 && (
            <EmptyState title={t('queue.noNegative')} hint={t('queue.noNegativeHint')}>
              <Link to="/moderation/log">{t('queue.readLog')}</Link>
            </EmptyState>
          )}
          <ul className="queue-list">
            {negativeUnanswered.map((post) => (
              <NegativeItem key={post.id} post={post} />
            ))}
          </ul>
        </section>
        <CrisisBannerControls />
      </div>
    </DecideInQueue.Provider>
  );
}

/** Where the post sits: its thread (linked) and space, then the message before it, as an excerpt. */
function QueueContext({ post }: { post: QueuedPost }) {
  const { t, i18n } = useTranslation('moderation');
  const context = post.moderationContext;
  if (!context) return null;
  const previous = context.previous;
  return (
    <>
      <p className="queue-thread">
        <Link to={`/t/${context.thread.id}`}>{context.thread.title}</Link>{' '}
        <span className="chip">{t('queue.inSpace', { space: context.thread.space.name })}</span>
      </p>
      {previous && (
        <figure className="queue-context">
          <figcaption>
            {t(previous.isQuestion ? 'queue.afterQuestion' : 'queue.afterReply', {
              name: previous.author.displayName,
            })}{' '}
            <time dateTime={previous.createdAt}>
              {formatDateTime(previous.createdAt, i18n.resolvedLanguage ?? 'en')}
            </time>
          </figcaption>
          <blockquote>{excerptOf(previous.bodyHtml, 200)}</blockquote>
        </figure>
      )}
    </>
  );
}

function PostExcerpt({ post }: { post: QueuedPost }) {
  const { t, i18n } = useTranslation('moderation');
  return (
    <>
      <p className="post-header">
        <span className="post-author">{post.author.displayName}</span> <RoleBadge role={post.author.role} />{' '}
        <span className="post-date">{formatDateTime(post.createdAt, i18n.resolvedLanguage ?? 'en')}</span>{' '}
        {post.tone && <ToneChip tone={post.tone} />}
      </p>
      {/* Sanitized by the API; moderators read hidden and flagged posts in full. */}
      <div className="post-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      <p>
        <Link to={`/t/${post.threadId}#post-${post.id}`}>{t('queue.open')}</Link>
      </p>
    </>
  );
}

/** The rules members named, each with how many named it, most named first. */
function reasonCounts(flags: FlaggedPost['flags']): [CharterRule, number][] {
  const counts = new Map<CharterRule, number>();
  for (const flag of flags) counts.set(flag.reason, (counts.get(flag.reason) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

function FlaggedItem({ item }: { item: FlaggedPost }) {
  const { t } = useTranslation('moderation');
  const selectId = useId();
  const [rule, setRule] = useState<CharterRule>(item.reasons[0] ?? 'OTHER');
  const input = { postId: item.post.id };
  const isThisPost = (post: QueuedPost) => post.id === input.postId;
  const decide = useContext(DecideInQueue);
  const [hide, hiding] = useMutation(HidePostMutation, {
    update: (cache) => decide(cache, { flagged: isThisPost, negative: isThisPost }),
  });
  const [dismiss, dismissing] = useMutation(DismissFlagsMutation, {
    update: (cache) => decide(cache, { flagged: isThisPost }),
  });
  return (
    <li
      className="queue-item"
      aria-label={`${item.post.author.displayName}: ${t('queue.flagsCount', { count: item.flagsCount })}`}
    >
      <QueueContext post={item.post} />
      <p className="queue-reasons">
        <span className="chip chip-overdue">{t('queue.flagsCount', { count: item.flagsCount })}</span>{' '}
        {reasonCounts(item.flags)
          .map(([reason, count]) => t('queue.reasonCount', { rule: t(`rules.${reason}`), count }))
          .join(', ')}
      </p>
      <PostExcerpt post={item.post} />
      <ul className="flag-notes" aria-label={t('queue.flagsList')}>
        {item.flags.map((flag) => (
          <li key={flag.id}>
            {t('queue.by', { name: flag.member.displayName, rule: t(`rules.${flag.reason}`) })}
            {flag.note && <> — “{flag.note}”</>}
          </li>
        ))}
      </ul>
      <div className="post-actions">
        <label htmlFor={selectId}>{t('queue.hideAs')}</label>
        <select id={selectId} value={rule} onChange={(event) => setRule(event.target.value as CharterRule)}>
          {CHARTER_RULES.map((value) => (
            <option key={value} value={value}>
              {t(`rules.${value}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-primary"
          disabled={hiding.loading}
          onClick={() =>
            void hide({ variables: { input: { ...input, reason: rule } } }).catch(() => undefined)
          }
        >
          {t('moderate.hide')}
        </button>
        <button
          type="button"
          className="button"
          disabled={dismissing.loading}
          onClick={() => void dismiss({ variables: { input } }).catch(() => undefined)}
        >
          {t('queue.dismiss')}
        </button>
      </div>
      {hiding.error && <ErrorNotice error={hiding.error} />}
      {dismissing.error && <ErrorNotice error={dismissing.error} />}
    </li>
  );
}

/**
 * A negative post nobody has answered. Answering comes first (the link takes the moderator to the
 * thread's reply box); once someone other than its author has replied, the moderator marks it
 * answered by that reply or resolves the thread (the API refuses resolving before).
 */
function NegativeItem({ post }: { post: QueuedPost }) {
  const { t } = useTranslation('moderation');
  const [marking, setMarking] = useState(false);
  const client = useApolloClient();
  const decide = useContext(DecideInQueue);
  const [resolve, resolving] = useMutation(ResolveFromQueueMutation, {
    update: (cache) => decide(cache, { negative: (queued) => queued.threadId === post.threadId }),
  });
  const answers = post.moderationContext?.laterReplies ?? [];
  const answerFirst = (
    <Link
      to={`/t/${post.threadId}#reply`}
      className={answers.length === 0 ? 'button button-primary' : 'button'}
    >
      {answers.length === 0 ? t('queue.answerFirst') : t('queue.answerAgain')}
    </Link>
  );
  return (
    <li
      className="queue-item"
      aria-label={`${post.author.displayName}: ${post.moderationContext?.thread.title ?? ''}`}
    >
      <QueueContext post={post} />
      <PostExcerpt post={post} />
      <div className="post-actions">
        {answerFirst}
        {answers.length > 0 && (
          <>
            <button type="button" className="button" onClick={() => setMarking(true)}>
              {t('answered.open')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={resolving.loading}
              onClick={() =>
                void resolve({ variables: { input: { threadId: post.threadId } } }).catch(() => undefined)
              }
            >
              {t('queue.resolve')}
            </button>
          </>
        )}
      </div>
      {answers.length === 0 && <p className="field-hint">{t('queue.resolveAfterAnswer')}</p>}
      {answers.length > 0 && (
        <MarkAnsweredDialog
          postId={post.id}
          candidates={answers}
          open={marking}
          onClose={() => setMarking(false)}
          onMarked={() => decide(client.cache, { negative: (queued) => queued.id === post.id })}
        />
      )}
      {resolving.error && <ErrorNotice error={resolving.error} />}
    </li>
  );
}
