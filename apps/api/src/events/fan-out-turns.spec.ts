import { FAN_OUT_SLICE, fanOutTurn } from './fan-out-turns';

describe('fan-out turns', () => {
  it('sends at once while there are few', async () => {
    let sent = false;
    const turn = fanOutTurn().then(() => (sent = true));
    await Promise.resolve();
    expect(sent).toBe(true);
    await turn;
  });

  it('lets other work run between slices of sends, and keeps the sends in order', async () => {
    const happened: string[] = [];
    const sends = Array.from({ length: FAN_OUT_SLICE * 3 }, (_, i) =>
      fanOutTurn().then(() => happened.push(`send ${i}`)),
    );
    // A request arriving while the sends wait: served before the last of them, not after.
    setImmediate(() => happened.push('request'));
    await Promise.all(sends);

    const request = happened.indexOf('request');
    expect(request).toBeGreaterThanOrEqual(FAN_OUT_SLICE);
    expect(request).toBeLessThan(FAN_OUT_SLICE * 3);
    expect(happened.filter((e) => e !== 'request')).toEqual(
      Array.from({ length: FAN_OUT_SLICE * 3 }, (_, i) => `send ${i}`),
    );
  });
});
