import { canBeAssigned, canReadNotes, canRelease, canTake, runsDesk } from './desk.rules';

const member = { id: 'm', role: 'MEMBER' as const };
const expert = { id: 'e', role: 'EXPERT' as const };
const staff = { id: 's', role: 'STAFF' as const };
const moderator = { id: 'o', role: 'MODERATOR' as const };

describe('desk rules', () => {
  it('staff and moderators run the desk; experts and members do not', () => {
    expect([member, expert, staff, moderator].map(runsDesk)).toEqual([false, false, true, true]);
    expect(runsDesk(null)).toBe(false);
  });

  it('threads go to experts and the brand, not to members', () => {
    expect(canBeAssigned('MEMBER')).toBe(false);
    expect(canBeAssigned('EXPERT')).toBe(true);
    expect(canBeAssigned('STAFF')).toBe(true);
  });

  it('an expert takes only a thread nobody has; staff take any', () => {
    expect(canTake(expert, null)).toBe(true);
    expect(canTake(expert, 's')).toBe(false);
    expect(canTake(staff, 'e')).toBe(true);
    expect(canTake(member, null)).toBe(false);
  });

  it('an expert releases only their own thread; staff release any; nothing to release when unassigned', () => {
    expect(canRelease(expert, 'e')).toBe(true);
    expect(canRelease(expert, 's')).toBe(false);
    expect(canRelease(staff, 'e')).toBe(true);
    expect(canRelease(staff, null)).toBe(false);
  });

  it('notes are read by the desk and by invited experts only', () => {
    expect(canReadNotes(staff, false)).toBe(true);
    expect(canReadNotes(expert, false)).toBe(false);
    expect(canReadNotes(expert, true)).toBe(true);
    expect(canReadNotes(member, true)).toBe(false);
    expect(canReadNotes(null, true)).toBe(false);
  });
});
