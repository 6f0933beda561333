import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemMessage } from '../../components/ErrorNotice';
import { graphql } from '../../gql';
import { apiProblems } from '../../lib/graphql-errors';
import { UnvoteMutation, VoteMutation } from '../api/ideas';

/** What a vote changes: the vote and unvote mutations return it, so every list showing the idea follows. */
export const VoteFields = graphql(`
  fragment VoteFields on Idea {
    id
    votesCount
    viewerHasVoted
  }
`);

export interface VotableIdea {
  id: string;
  title: string;
  votesCount: number;
  viewerHasVoted: boolean;
  votingOpen: boolean;
}

/**
 * The vote count and the toggle. The new count shows at once (optimistic) and is corrected
 * from the API's answer; when the API refuses (voting closed, budget spent, signed out), the
 * count goes back and the reason is shown beside the button.
 */
export function VoteButton({
  idea,
  onVoted,
  spentReasonId,
}: {
  idea: VotableIdea;
  onVoted?: () => void;
  /**
   * The viewer's vote budget is spent (campaign page): no new vote, only taking one back; the id
   * of the sentence that says so, for the disabled button to point to.
   */
  spentReasonId?: string;
}) {
  const { t } = useTranslation('ideas');
  const problemMessage = useProblemMessage();
  const [error, setError] = useState<string | null>(null);
  const [vote] = useMutation(VoteMutation);
  const [unvote] = useMutation(UnvoteMutation);

  const toggle = async () => {
    setError(null);
    const voting = !idea.viewerHasVoted;
    const optimistic = {
      __typename: 'Idea' as const,
      id: idea.id,
      votesCount: idea.votesCount + (voting ? 1 : -1),
      viewerHasVoted: voting,
    };
    const variables = { input: { ideaId: idea.id } };
    try {
      if (voting) await vote({ variables, optimisticResponse: { vote: optimistic } });
      else await unvote({ variables, optimisticResponse: { unvote: optimistic } });
      onVoted?.();
    } catch (caught) {
      const [problem] = apiProblems(caught);
      setError(problem?.code === 'UNAUTHENTICATED' ? t('vote.signIn') : problemMessage(problem));
    }
  };

  return (
    <div className="vote">
      <span className="vote-count">{t('vote.votes', { count: idea.votesCount })}</span>
      {idea.votingOpen || idea.viewerHasVoted ? (
        <button
          type="button"
          className={idea.viewerHasVoted ? 'button vote-button voted' : 'button button-primary vote-button'}
          aria-pressed={idea.viewerHasVoted}
          aria-label={t(idea.viewerHasVoted ? 'vote.labelUnvote' : 'vote.labelVote', { title: idea.title })}
          disabled={!idea.votingOpen || (!!spentReasonId && !idea.viewerHasVoted)}
          aria-describedby={spentReasonId && !idea.viewerHasVoted ? spentReasonId : undefined}
          onClick={() => void toggle()}
        >
          {idea.viewerHasVoted ? t('vote.voted') : t('vote.vote')}
        </button>
      ) : (
        <span className="vote-closed">{t('vote.closed')}</span>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
