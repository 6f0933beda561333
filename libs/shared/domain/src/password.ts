import { LIMITS } from './limits';

/**
 * Why a password is refused, or null when it is acceptable. Length is what matters most
 * (NIST SP 800-63B); on top of it we refuse a password made of a single repeated character
 * or equal to the e-mail address, the two weak choices people make most.
 */
export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'REPEATED' | 'SAME_AS_EMAIL';

export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if (password.length < LIMITS.password.min) return 'TOO_SHORT';
  if (password.length > LIMITS.password.max) return 'TOO_LONG';
  if (new Set(password).size === 1) return 'REPEATED';
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) return 'SAME_AS_EMAIL';
  return null;
}
