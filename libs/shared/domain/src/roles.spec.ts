import { hasAtLeastRole, isRole, roleBadge } from './roles';

describe('roles', () => {
  it('a moderator holds every permission of staff, experts and members, but not of admins', () => {
    expect(hasAtLeastRole('MODERATOR', 'STAFF')).toBe(true);
    expect(hasAtLeastRole('MODERATOR', 'EXPERT')).toBe(true);
    expect(hasAtLeastRole('MODERATOR', 'MEMBER')).toBe(true);
    expect(hasAtLeastRole('MODERATOR', 'ADMIN')).toBe(false);
  });

  it('a member is not an expert', () => {
    expect(hasAtLeastRole('MEMBER', 'EXPERT')).toBe(false);
  });

  it('members carry no badge; every other role does', () => {
    expect(roleBadge('MEMBER')).toBeNull();
    expect(roleBadge('STAFF')).toBe('STAFF');
  });

  it('recognises only the five roles', () => {
    expect(isRole('ADMIN')).toBe(true);
    expect(isRole('admin')).toBe(false);
    expect(isRole('OWNER')).toBe(false);
  });
});
