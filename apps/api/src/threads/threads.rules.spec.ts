import { Role } from '@parvis/domain';
import {
  canAcceptAnswer,
  canAcceptReply,
  canReadPrivateFollowUp,
  canReply,
  canResolve,
  canStartPrivateFollowUp,
  takesAnswers,
} from './threads.rules';

const asker = { id: 'asker', role: 'MEMBER' as Role };
const as = (role: Role) => ({ id: `someone-${role}`, role });
const thread = { authorId: 'asker', locked: false, status: 'OPEN' as const };

describe('who may accept an answer', () => {
  it('the asker, on their own thread', () => expect(canAcceptAnswer(asker, thread)).toBe(true));
  it('an expert, a moderator or an admin on any thread', () => {
    for (const role of ['EXPERT', 'MODERATOR', 'ADMIN'] as Role[])
      expect(canAcceptAnswer(as(role), thread)).toBe(true);
  });
  it('not another member, not staff, not a visitor', () => {
    expect(canAcceptAnswer(as('MEMBER'), thread)).toBe(false);
    expect(canAcceptAnswer(as('STAFF'), thread)).toBe(false);
    expect(canAcceptAnswer(null, thread)).toBe(false);
  });
  it('only on help threads: ideas and announcements have comments, not answers', () => {
    expect(takesAnswers('HELP')).toBe(true);
    expect(takesAnswers('IDEAS')).toBe(false);
    expect(takesAnswers('ANNOUNCEMENTS')).toBe(false);
  });
  it('nobody marks their own reply, except the asker (who earns nothing for it)', () => {
    for (const role of ['EXPERT', 'MODERATOR', 'ADMIN'] as Role[])
      expect(canAcceptReply(as(role), thread, as(role).id)).toBe(false);
    expect(canAcceptReply(as('EXPERT'), thread, 'someone-else')).toBe(true);
    expect(canAcceptReply(asker, thread, asker.id)).toBe(true);
  });
});

describe('who may resolve or reopen a thread', () => {
  it('the asker, moderators and admins', () => {
    expect(canResolve(asker, thread)).toBe(true);
    expect(canResolve(as('MODERATOR'), thread)).toBe(true);
    expect(canResolve(as('ADMIN'), thread)).toBe(true);
  });
  it('not experts, staff or other members', () => {
    for (const role of ['MEMBER', 'EXPERT', 'STAFF'] as Role[])
      expect(canResolve(as(role), thread)).toBe(false);
  });
});

describe('replying', () => {
  it('is open to anyone signed in, and to nobody on a locked thread', () => {
    expect(canReply(as('MEMBER'), thread)).toBe(true);
    expect(canReply(null, thread)).toBe(false);
    expect(canReply(as('ADMIN'), { ...thread, locked: true })).toBe(false);
  });
});

describe('private follow-ups', () => {
  it('are started by staff and above only', () => {
    expect(canStartPrivateFollowUp(as('STAFF'))).toBe(true);
    expect(canStartPrivateFollowUp(as('MODERATOR'))).toBe(true);
    expect(canStartPrivateFollowUp(as('EXPERT'))).toBe(false);
    expect(canStartPrivateFollowUp(asker)).toBe(false);
  });
  it('are read by the asker and staff only', () => {
    expect(canReadPrivateFollowUp(asker, 'asker')).toBe(true);
    expect(canReadPrivateFollowUp(as('STAFF'), 'asker')).toBe(true);
    expect(canReadPrivateFollowUp(as('EXPERT'), 'asker')).toBe(false);
    expect(canReadPrivateFollowUp(as('MEMBER'), 'asker')).toBe(false);
    expect(canReadPrivateFollowUp(null, 'asker')).toBe(false);
  });
});
