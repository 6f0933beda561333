import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, isUUID, Max, Min } from 'class-validator';
import { TextMaxLength } from './text.validators';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './domain-error';

/**
 * Relay-style connections (DESIGN.md §4): `first`, `after`, `edges { cursor node }`, `pageInfo`.
 * Cursors are opaque to clients: base64url of a JSON array of the sort key values of the last
 * row, used for keyset pagination ("rows after this key"), which stays fast and stable while
 * new rows arrive, unlike OFFSET.
 */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Declares the `<Name>Connection` and `<Name>Edge` GraphQL types of a list of `nodeType`, once for
 * every list. A list that tells more than `totalCount` declares its connection as a class that
 * extends `Connection(nodeType, name, { abstract: true })` and adds its own fields.
 */
export function Connection<T>(
  nodeType: Type<T>,
  name: string,
  options: { abstract?: boolean; totalCount?: string } = {},
): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { isAbstract: options.abstract })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: options.totalCount ?? 'How many items match, on every page.' })
    totalCount: number;
  }
  return ConnectionType;
}

/** `first` and `after` for a list query; extend it with the list's own filters. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be at least 1.' })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}.` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @TextMaxLength(500, { message: 'after is not a cursor from this list.' })
  after?: string;
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** What each value of a cursor's sort key must be, checked before it reaches SQL. */
export type CursorPart = 'instant' | 'uuid' | 'boolean' | 'integer' | 'number';
type CursorValue<P extends CursorPart> = P extends 'boolean'
  ? boolean
  : P extends 'integer' | 'number'
    ? number
    : string;

/**
 * Exactly what `toISOString()` writes for the years PostgreSQL reads (1 to 9999): Date.parse
 * also takes "1", "March 7" or "foo 12", which PostgreSQL refuses with an internal error.
 */
function isIsoInstant(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-/.test(value) || value.startsWith('0000')) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}

const CURSOR_CHECKS: Record<CursorPart, (value: unknown) => boolean> = {
  instant: isIsoInstant,
  uuid: (v) => typeof v === 'string' && isUUID(v),
  boolean: (v) => typeof v === 'boolean',
  integer: (v) => Number.isSafeInteger(v),
  number: (v) => typeof v === 'number' && Number.isFinite(v),
};

/**
 * The sort key inside a cursor, value by value as `parts` says. A cursor not made by this list
 * (not base64 JSON, the wrong length, a value of the wrong kind) is bad input on `after`, never
 * a database error.
 */
export function decodeCursor<const P extends readonly CursorPart[]>(
  cursor: string,
  parts: P,
): { -readonly [I in keyof P]: CursorValue<P[I]> } {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  if (
    !Array.isArray(key) ||
    key.length !== parts.length ||
    !parts.every((part, i) => CURSOR_CHECKS[part](key[i]))
  ) {
    throw badInput('after', 'after is not a cursor from this list.', 'INVALID_CURSOR');
  }
  return key as { -readonly [I in keyof P]: CursorValue<P[I]> };
}

/**
 * Builds a connection from rows fetched with `LIMIT first + 1` (the extra row only tells
 * whether there is a next page) and a function giving each row's sort key; the rows are the
 * nodes unless `toNode` maps them.
 */
export function toConnection<Row, Node = Row>(
  rows: Row[],
  first: number,
  totalCount: number,
  sortKey: (row: Row) => unknown[],
  toNode: (row: Row) => Node = (row) => row as unknown as Node,
): ConnectionShape<Node> {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: encodeCursor(sortKey(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    totalCount,
  };
}

/** The same page with each node mapped (an entity to its GraphQL type), cursors kept. */
export function mapConnection<Row, Node>(
  connection: ConnectionShape<Row>,
  toNode: (row: Row) => Node,
): ConnectionShape<Node> {
  return {
    ...connection,
    edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: toNode(edge.node) })),
  };
}

/**
 * One page of `query` (alias `alias`) in creation order, by (created_at, id): the order of every
 * append-only list here (replies, private follow-ups, the moderation log). `total` when the
 * caller already knows it (a thread's replies count), else it is counted.
 */
export async function pageInCreationOrder<Row extends ObjectLiteral & { createdAt: Date; id: string }>(
  query: SelectQueryBuilder<Row>,
  alias: string,
  page: { first: number; after?: string },
  order: 'ASC' | 'DESC',
  total?: number,
): Promise<ConnectionShape<Row>> {
  const count = total ?? (await query.getCount());
  if (page.after) {
    const [at, id] = decodeCursor(page.after, ['instant', 'uuid']);
    const comparison = order === 'ASC' ? '>' : '<';
    query.andWhere(`(${alias}.created_at, ${alias}.id) ${comparison} (:afterAt, :afterId)`, {
      afterAt: at,
      afterId: id,
    });
  }
  const rows = await query
    .orderBy(`${alias}.created_at`, order)
    .addOrderBy(`${alias}.id`, order)
    .limit(page.first + 1)
    .getMany();
  return toConnection(rows, page.first, count, creationOrderKey);
}

/** The sort key of a list in creation order (see pageInCreationOrder), for its cursors. */
export function creationOrderKey(row: { createdAt: Date; id: string }): unknown[] {
  return [row.createdAt.toISOString(), row.id];
}
