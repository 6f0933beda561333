import { isUUID } from 'class-validator';
import { badInput } from '../common/domain-error';
import { decodeCursor } from '../common/pagination';

const foreign = () => badInput('after', 'after is not a cursor from this list.');
const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value));

/**
 * The keys of the threads module's cursors, checked value by value: a cursor made up by hand
 * is bad input on `after`, never a database error.
 */
export function instantAndId(after: string): [string, string] {
  const [at, id] = decodeCursor(after, 2);
  if (!isInstant(at) || typeof id !== 'string' || !isUUID(id)) throw foreign();
  return [at, id];
}

export function pinnedInstantAndId(after: string): [boolean, string, string] {
  const [pinned, at, id] = decodeCursor(after, 3);
  if (typeof pinned !== 'boolean' || !isInstant(at) || typeof id !== 'string' || !isUUID(id)) throw foreign();
  return [pinned, at, id];
}
