import { decodeCursor, encodeCursor, toConnection } from './pagination';

const AT = '2026-11-23T10:00:00.000Z';
const ID = 'f2b3c4d5-0000-4000-8000-000000000000';

describe('cursor pagination', () => {
  it('a cursor carries the sort key of the last row back to the server', () => {
    expect(decodeCursor(encodeCursor([AT, ID]), ['instant', 'uuid'])).toEqual([AT, ID]);
    expect(decodeCursor(encodeCursor([true, 12, AT]), ['boolean', 'integer', 'instant'])).toEqual([
      true,
      12,
      AT,
    ]);
  });

  it('a cursor not made by this list is bad input on `after`', () => {
    const refused = expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(() => decodeCursor('not a cursor', ['instant', 'uuid'])).toThrow(refused);
    expect(() => decodeCursor(encodeCursor([AT]), ['instant', 'uuid'])).toThrow(refused);
  });

  it.each([
    ['a date that is not one', ['yesterday', ID], ['instant', 'uuid']],
    ['a lone number as a date', ['1', ID], ['instant', 'uuid']],
    ['a date without a year', ['March 7', ID], ['instant', 'uuid']],
    ['words and a number as a date', ['foo 12', ID], ['instant', 'uuid']],
    ['a date without a time', ['2026-11-23', ID], ['instant', 'uuid']],
    ['a date in another time zone', ['2026-11-23T10:00:00.000+01:00', ID], ['instant', 'uuid']],
    ['an impossible day', ['2026-02-30T10:00:00.000Z', ID], ['instant', 'uuid']],
    ['the year 0', ['0000-01-01T00:00:00.000Z', ID], ['instant', 'uuid']],
    ['a year beyond 9999', ['+010000-01-01T00:00:00.000Z', ID], ['instant', 'uuid']],
    ['a number where a date belongs', [1, ID], ['instant', 'uuid']],
    ['an id that is not a uuid', [AT, '1 OR 1=1'], ['instant', 'uuid']],
    ['a fraction where an integer belongs', [1.5, AT, ID], ['integer', 'instant', 'uuid']],
    ['a string where a boolean belongs', ['true', AT, ID], ['boolean', 'instant', 'uuid']],
  ] as const)('a forged cursor with %s is refused before it reaches SQL', (_case, key, parts) => {
    expect(() => decodeCursor(encodeCursor([...key]), parts)).toThrow(
      expect.objectContaining({ field: 'after' }),
    );
  });

  it('one row more than asked means there is a next page, and is not shown', () => {
    const rows = [{ n: 1 }, { n: 2 }, { n: 3 }];
    const connection = toConnection(
      rows,
      2,
      10,
      (r) => [r.n],
      (r) => r.n,
    );
    expect(connection.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(connection.pageInfo.endCursor!, ['integer'])).toEqual([2]);
  });

  it('the last page says there is nothing after it', () => {
    const connection = toConnection(
      [{ n: 1 }],
      2,
      1,
      (r) => [r.n],
      (r) => r.n,
    );
    expect(connection.pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor([1]) });
  });
});
