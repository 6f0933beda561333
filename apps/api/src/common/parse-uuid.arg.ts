import { PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { badInput } from './domain-error';

/** For query arguments that are ids: a malformed id is bad input naming the argument, not a database error. */
export function ParseUUIDArg(field: string): PipeTransform<unknown, string> {
  return {
    transform(value: unknown): string {
      if (typeof value !== 'string' || !isUUID(value))
        throw badInput(field, `${field} is not a valid id.`, 'INVALID_ID');
      return value;
    },
  };
}
