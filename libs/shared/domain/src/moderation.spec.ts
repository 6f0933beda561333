import { canMarkAnswered, canModerate, canReadPost, canSeeTone, isCharterRule } from './moderation';

const author = { id: 'author', role: 'MEMBER' as const };
const other = { id: 'other', role: 'MEMBER' as const };
const at = new Date('2026-11-23T10:00:00Z');

describe('who reads a hidden post', () => {
  it('everyone reads a post that is not hidden, visitors included', () => {
    expect(canReadPost(null, { authorId: 'author', hiddenAt: null })).toBe(true);
  });

  it('its author and moderators still read a hidden post; visitors, other members, experts and staff do not', () => {
    const hidden = { authorId: 'author', hiddenAt: at };
    expect(canReadPost(author, hidden)).toBe(true);
    expect(canReadPost({ id: 'm', role: 'MODERATOR' }, hidden)).toBe(true);
    expect(canReadPost({ id: 'a', role: 'ADMIN' }, hidden)).toBe(true);
    expect(canReadPost(null, hidden)).toBe(false);
    expect(canReadPost(other, hidden)).toBe(false);
    expect(canReadPost({ id: 'e', role: 'EXPERT' }, hidden)).toBe(false);
    expect(canReadPost({ id: 's', role: 'STAFF' }, hidden)).toBe(false);
  });
});

describe('moderation roles', () => {
  it('moderators and admins moderate; staff do not', () => {
    expect(canModerate({ id: 'm', role: 'MODERATOR' })).toBe(true);
    expect(canModerate({ id: 's', role: 'STAFF' })).toBe(false);
    expect(canModerate(null)).toBe(false);
  });

  it('experts, staff and moderators mark a post answered; members do not', () => {
    expect(canMarkAnswered({ id: 'e', role: 'EXPERT' })).toBe(true);
    expect(canMarkAnswered({ id: 's', role: 'STAFF' })).toBe(true);
    expect(canMarkAnswered(other)).toBe(false);
  });

  it('staff and moderators see the tone; members and experts do not', () => {
    expect(canSeeTone({ id: 's', role: 'STAFF' })).toBe(true);
    expect(canSeeTone({ id: 'e', role: 'EXPERT' })).toBe(false);
    expect(canSeeTone(null)).toBe(false);
  });
});

describe('the charter', () => {
  it('has five rules, and disagreeing with the brand is not one of them', () => {
    expect(['PERSONAL_DATA', 'INSULT', 'SPAM', 'OFF_TOPIC', 'OTHER'].every(isCharterRule)).toBe(true);
    expect(isCharterRule('DISAGREEMENT')).toBe(false);
    expect(isCharterRule('NEGATIVE')).toBe(false);
  });
});
