import { PasswordProblem } from '@parvis/domain';

/** The API's sentence for each password rule of @parvis/domain (the web app words its own). */
export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  TOO_SHORT: 'Choose a password of at least 10 characters; a short sentence is easy to remember.',
  TOO_LONG: 'Choose a password of at most 200 characters.',
  REPEATED: 'Choose a password that is not one character repeated.',
  SAME_AS_EMAIL: 'Choose a password different from your e-mail address.',
};
