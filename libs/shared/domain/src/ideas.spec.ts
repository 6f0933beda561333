import {
  campaignPhase,
  canChangeIdeaStatus,
  ideaStatusRequiresResponse,
  isIdeaVotingClosed,
  isVotingOpen,
  nextIdeaStatuses,
  remainingCampaignVotes,
  trendingScore,
  trendingWeight,
  votingRefusal,
} from './ideas';

describe('idea status changes', () => {
  it('move forward along the road, one step or several', () => {
    expect(canChangeIdeaStatus('NEW', 'UNDER_REVIEW')).toBe(true);
    expect(canChangeIdeaStatus('NEW', 'PLANNED')).toBe(true);
    expect(canChangeIdeaStatus('UNDER_REVIEW', 'LAUNCHED')).toBe(true);
    expect(canChangeIdeaStatus('IN_PROGRESS', 'LAUNCHED')).toBe(true);
  });

  it('go back one step only, while the work is not launched', () => {
    expect(canChangeIdeaStatus('IN_PROGRESS', 'PLANNED')).toBe(true);
    expect(canChangeIdeaStatus('PLANNED', 'UNDER_REVIEW')).toBe(true);
    expect(canChangeIdeaStatus('IN_PROGRESS', 'NEW')).toBe(false);
    expect(canChangeIdeaStatus('LAUNCHED', 'IN_PROGRESS')).toBe(false);
  });

  it('decline anything not launched, and reconsider a declined idea only by reviewing it again', () => {
    expect(canChangeIdeaStatus('NEW', 'DECLINED')).toBe(true);
    expect(canChangeIdeaStatus('IN_PROGRESS', 'DECLINED')).toBe(true);
    expect(canChangeIdeaStatus('LAUNCHED', 'DECLINED')).toBe(false);
    expect(canChangeIdeaStatus('DECLINED', 'UNDER_REVIEW')).toBe(true);
    expect(canChangeIdeaStatus('DECLINED', 'PLANNED')).toBe(false);
  });

  it('never enter or leave MERGED, and never "change" to the same status', () => {
    expect(canChangeIdeaStatus('NEW', 'MERGED')).toBe(false);
    expect(canChangeIdeaStatus('MERGED', 'NEW')).toBe(false);
    expect(canChangeIdeaStatus('PLANNED', 'PLANNED')).toBe(false);
    expect(nextIdeaStatuses('MERGED')).toEqual([]);
    expect(nextIdeaStatuses('LAUNCHED')).toEqual([]);
  });

  it('lists what staff may choose next, in road order', () => {
    expect(nextIdeaStatuses('NEW')).toEqual([
      'UNDER_REVIEW',
      'PLANNED',
      'IN_PROGRESS',
      'LAUNCHED',
      'DECLINED',
    ]);
    expect(nextIdeaStatuses('PLANNED')).toEqual(['UNDER_REVIEW', 'IN_PROGRESS', 'LAUNCHED', 'DECLINED']);
  });

  it('PLANNED and DECLINED owe the community an official response; the others do not', () => {
    expect(ideaStatusRequiresResponse('PLANNED')).toBe(true);
    expect(ideaStatusRequiresResponse('DECLINED')).toBe(true);
    expect(ideaStatusRequiresResponse('UNDER_REVIEW')).toBe(false);
    expect(ideaStatusRequiresResponse('LAUNCHED')).toBe(false);
  });

  it('voting closes on LAUNCHED, DECLINED and MERGED ideas only', () => {
    expect(['LAUNCHED', 'DECLINED', 'MERGED'].every((s) => isIdeaVotingClosed(s as never))).toBe(true);
    expect(
      ['NEW', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS'].some((s) => isIdeaVotingClosed(s as never)),
    ).toBe(false);
  });
});

describe('trending', () => {
  it('a fresh vote weighs 1, a day-old vote about a third, a vote older than a week nothing', () => {
    expect(trendingWeight(0)).toBe(1);
    expect(trendingWeight(24)).toBeCloseTo(0.354, 3);
    expect(trendingWeight(7 * 24 + 1)).toBe(0);
  });

  it('three fresh votes beat ten votes from six days ago', () => {
    expect(trendingScore([1, 2, 3])).toBeGreaterThan(trendingScore(Array(10).fill(6 * 24)));
  });
});

describe('campaigns', () => {
  const opensAt = new Date('2026-06-01T00:00:00Z');
  const closesAt = new Date('2026-06-15T00:00:00Z');

  it('are upcoming before they open, open until they close, then closed for good', () => {
    expect(campaignPhase(opensAt, closesAt, new Date('2026-05-31T23:59:59Z'))).toBe('UPCOMING');
    expect(campaignPhase(opensAt, closesAt, opensAt)).toBe('OPEN');
    expect(campaignPhase(opensAt, closesAt, new Date('2026-06-14T23:59:59Z'))).toBe('OPEN');
    expect(campaignPhase(opensAt, closesAt, closesAt)).toBe('CLOSED');
  });

  it('count the votes a member has left, or none when there is no limit', () => {
    expect(remainingCampaignVotes(3, 1)).toBe(2);
    expect(remainingCampaignVotes(3, 5)).toBe(0);
    expect(remainingCampaignVotes(null, 12)).toBeNull();
  });

  it('take votes only while the idea is not closed and its campaign, if any, is open', () => {
    const campaign = { opensAt, closesAt };
    const during = new Date('2026-06-07T12:00:00Z');
    expect(isVotingOpen('PLANNED', null, during)).toBe(true);
    expect(isVotingOpen('NEW', campaign, during)).toBe(true);
    expect(votingRefusal('NEW', campaign, new Date('2026-05-31T23:59:59Z'))).toBe('CAMPAIGN_NOT_OPEN');
    expect(votingRefusal('NEW', campaign, closesAt)).toBe('CAMPAIGN_NOT_OPEN');
    expect(votingRefusal('LAUNCHED', null, during)).toBe('IDEA_CLOSED');
    expect(votingRefusal('MERGED', campaign, closesAt)).toBe('IDEA_CLOSED');
    expect(isVotingOpen('DECLINED', campaign, during)).toBe(false);
  });
});
