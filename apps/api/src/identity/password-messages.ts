import { LIMITS, PasswordProblem } from '@parvis/domain';
import type { ErrorReason } from '../common/domain-error';

/** The API's sentence for each password rule of @parvis/domain (the web app words its own). */
export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  TOO_SHORT: 'Choose a password of at least 10 characters; a short sentence is easy to remember.',
  TOO_LONG: 'Choose a password of at most 200 characters.',
  REPEATED: 'Choose a password that is not one character repeated.',
  SAME_AS_EMAIL: 'Choose a password different from your e-mail address.',
};

/** The machine-readable reason of a refused password, with the limit it speaks of. */
export function passwordReason(problem: PasswordProblem): ErrorReason {
  switch (problem) {
    case 'TOO_SHORT':
      return { reason: 'PASSWORD_TOO_SHORT', min: LIMITS.password.min };
    case 'TOO_LONG':
      return { reason: 'PASSWORD_TOO_LONG', max: LIMITS.password.max };
    case 'REPEATED':
      return 'PASSWORD_REPEATED';
    case 'SAME_AS_EMAIL':
      return 'PASSWORD_SAME_AS_EMAIL';
  }
}
