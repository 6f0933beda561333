import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { isVisiblyEmpty, textLength, TextProblem, textProblem } from '@parvis/domain';
import { badInput, DomainError, ErrorReason } from './domain-error';
import { MARKDOWN_BODY, TEXT_LENGTH, TextLengthContext } from './text.validators';

/**
 * Every argument of every query, mutation and subscription goes through here before any
 * service runs:
 * 1. every string in it, at any depth, passes the one text rule of `@parvis/domain` (no control
 *    character, no broken character), so nothing PostgreSQL would choke on (NUL) gets further;
 * 2. the class-validator rules of the input class run, and the first broken one is reported.
 * Both report BAD_USER_INPUT naming the field (a dotted path for nested inputs) and a reason.
 */
export function inputValidationPipe(): ValidationPipe {
  return new TextRuleValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    exceptionFactory: (errors: ValidationError[]) =>
      firstProblem(errors, '') ?? badInput('input', 'The input is not valid.'),
  });
}

class TextRuleValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (isGraphQLArgument(metadata)) {
      // A mutation's `input` and an args class are objects whose fields are named on their own;
      // a plain argument (`id`, `prefix`) is named by the argument.
      const name = metadata.data && metadata.data !== 'input' ? metadata.data : '';
      const refused = firstTextProblem(value, name);
      if (refused) throw refused;
    }
    return super.transform(value, metadata);
  }
}

/**
 * What the client sent (`@Args`), as opposed to the context, the parent object or a custom
 * parameter such as the viewer: Nest reports GraphQL arguments as 'body' (their parameter kind
 * has the number of an HTTP body) and the others as 'custom'.
 */
function isGraphQLArgument(metadata: ArgumentMetadata): boolean {
  return metadata.type === 'body';
}

const TEXT_PROBLEM_MESSAGES: Record<TextProblem, (field: string) => string> = {
  CONTROL_CHARACTER: (field) =>
    `${field} contains an invisible control character (such as NUL); remove it and try again.`,
  INVALID_CHARACTER: (field) =>
    `${field} contains a broken character (half of an emoji or symbol); type it again.`,
};

function firstTextProblem(value: unknown, path: string): DomainError | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    const field = path || 'input';
    return problem ? badInput(field, TEXT_PROBLEM_MESSAGES[problem](field), problem) : null;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const refused = firstTextProblem(item, path);
      if (refused) return refused;
    }
    return null;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const refused = firstTextProblem(item, path ? `${path}.${key}` : key);
      if (refused) return refused;
    }
  }
  return null;
}

function firstProblem(errors: ValidationError[], prefix: string): DomainError | null {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const [constraint, message] = Object.entries(error.constraints ?? {})[0] ?? [];
    if (constraint && message) return badInput(path, message, reasonOf(constraint, error));
    const nested = firstProblem(error.children ?? [], path);
    if (nested) return nested;
  }
  return null;
}

/** What a client needs to say it in its own words: the reason, and the limit it speaks of. */
function reasonOf(constraint: string, error: ValidationError): ErrorReason {
  const context = error.contexts?.[constraint] as TextLengthContext | undefined;
  const value: unknown = error.value;
  if ((constraint === TEXT_LENGTH || constraint === MARKDOWN_BODY) && context) {
    if (typeof value !== 'string') return 'REQUIRED';
    if (textLength(value) > context.max) return { reason: 'TOO_LONG', max: context.max };
    if (constraint === MARKDOWN_BODY) return 'EMPTY_BODY';
    if (isVisiblyEmpty(value)) return 'REQUIRED';
    return { reason: 'TOO_SHORT', min: context.min };
  }
  return CONSTRAINT_REASONS[constraint] ?? 'INVALID';
}

/** class-validator's own rules, by the name it reports them under. */
const CONSTRAINT_REASONS: Record<string, string> = {
  isUuid: 'INVALID_ID',
  isIn: 'INVALID_CHOICE',
  isEnum: 'INVALID_CHOICE',
  isEmail: 'INVALID_EMAIL',
  isDate: 'INVALID_DATE',
  isInt: 'NOT_A_WHOLE_NUMBER',
  min: 'TOO_SMALL',
  max: 'TOO_LARGE',
  arrayMaxSize: 'TOO_MANY',
  isNotEmpty: 'REQUIRED',
  isDefined: 'REQUIRED',
};
