import { isVisiblyEmpty, textLength } from '@parvis/domain';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { rendersEmpty } from './markdown';

/**
 * Length rules for every string input, counted as PostgreSQL counts them (code points, see
 * `textLength`), in place of class-validator's Length/MinLength/MaxLength, which count UTF-16
 * units less variation selectors and so let "❤️"×21 past a 40-character column. Same arguments
 * as those, so an input class swaps one name for the other.
 *
 * A string that must not be empty (min ≥ 1) must also show something: zero-width spaces or
 * Hangul fillers alone are refused as empty. The reason (REQUIRED, TOO_SHORT with `min`,
 * TOO_LONG with `max`) is worked out by the validation pipe from the value and the context.
 */
export const TEXT_LENGTH = 'textLength';
export const MARKDOWN_BODY = 'markdownBody';

export interface TextLengthContext {
  min: number;
  max: number;
}

export function TextLength(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  const context: TextLengthContext = { min, max };
  return ValidateBy(
    {
      name: TEXT_LENGTH,
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const length = textLength(value);
          return length >= min && length <= max && !(min > 0 && isVisiblyEmpty(value));
        },
        defaultMessage: () =>
          max === Infinity ? `Write at least ${min} characters.` : `Write ${min} to ${max} characters.`,
      },
    },
    { ...options, context },
  );
}

export const TextMaxLength = (max: number, options?: ValidationOptions) => TextLength(0, max, options);
export const TextMinLength = (min: number, options?: ValidationOptions) => TextLength(min, Infinity, options);

/**
 * A Markdown body (a question, a reply, an idea, a comment, a statement): at most `max`
 * characters, and something must show once it is rendered (reason EMPTY_BODY otherwise).
 */
export function VisibleMarkdown(max: number, options?: ValidationOptions): PropertyDecorator {
  const context: TextLengthContext = { min: 1, max };
  return ValidateBy(
    {
      name: MARKDOWN_BODY,
      constraints: [max],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && textLength(value) <= max && !rendersEmpty(value),
        defaultMessage: () => `Write a message of at most ${max} characters (it is empty or too long).`,
      },
    },
    { ...options, context },
  );
}
