import { ValidationError, ValidationPipe } from '@nestjs/common';
import { badInput } from './domain-error';

/**
 * Runs the class-validator rules of every `input` and reports the first broken one as
 * BAD_USER_INPUT naming the field (a dotted path for nested inputs), before any service runs.
 */
export function inputValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    exceptionFactory: (errors: ValidationError[]) => {
      const [field, message] = firstProblem(errors, '') ?? ['input', 'The input is not valid.'];
      return badInput(field, message);
    },
  });
}

function firstProblem(errors: ValidationError[], prefix: string): [string, string] | null {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const message = error.constraints ? Object.values(error.constraints)[0] : undefined;
    if (message) return [path, message];
    const nested = firstProblem(error.children ?? [], path);
    if (nested) return nested;
  }
  return null;
}
