import { isOneOf } from './one-of';

/**
 * The roles of DESIGN.md §2, from the least to the most trusted. A role holds every
 * permission of the roles before it, except where a rule names a role explicitly.
 */
export const ROLES = ['MEMBER', 'EXPERT', 'STAFF', 'MODERATOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = isOneOf(ROLES);

/** True when `role` is `minimum` or a more trusted role. */
export function hasAtLeastRole(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** Roles whose posts carry a badge next to the author's name. */
export function roleBadge(role: Role): Exclude<Role, 'MEMBER'> | null {
  return role === 'MEMBER' ? null : role;
}
