import { decodeCursor, encodeCursor, toConnection } from './pagination';

describe('cursor pagination', () => {
  it('a cursor carries the sort key of the last row back to the server', () => {
    const key = ['2026-11-23T10:00:00.000Z', 'f2b3c4d5-0000-4000-8000-000000000000'];
    expect(decodeCursor(encodeCursor(key), 2)).toEqual(key);
  });

  it('a cursor not made by this list is bad input on `after`', () => {
    expect(() => decodeCursor('not a cursor', 2)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
    );
    expect(() => decodeCursor(encodeCursor([1]), 2)).toThrow(expect.objectContaining({ field: 'after' }));
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
    expect(decodeCursor(connection.pageInfo.endCursor!, 1)).toEqual([2]);
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
