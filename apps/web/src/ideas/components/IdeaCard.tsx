import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { IdeaCardFieldsFragment } from '../../gql/graphql';
import { StatusBadge } from './StatusBadge';
import { VoteButton } from './VoteButton';

export const IdeaCardFields = graphql(`
  fragment IdeaCardFields on Idea {
    id
    title
    status
    votesCount
    viewerHasVoted
    votingOpen
    commentsCount
    createdAt
    author {
      ...AuthorFields
    }
  }
`);

/** One idea in a list: votes first (what people act on), then the title, status and who proposed it. */
export function IdeaCard({
  idea,
  onVoted,
  spentReasonId,
}: {
  idea: IdeaCardFieldsFragment;
  onVoted?: () => void;
  /** The viewer's vote budget is spent: see VoteButton. */
  spentReasonId?: string;
}) {
  const { t } = useTranslation('ideas');
  return (
    <article className="idea-card" aria-labelledby={`idea-${idea.id}`}>
      <VoteButton idea={idea} onVoted={onVoted} spentReasonId={spentReasonId} />
      <div className="idea-card-body">
        <h3 id={`idea-${idea.id}`}>
          <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
        </h3>
        <p className="idea-meta">
          <StatusBadge status={idea.status} /> {t('card.by', { name: idea.author.displayName })} ·{' '}
          {t('card.comments', { count: idea.commentsCount })}
        </p>
      </div>
    </article>
  );
}
