/** Subscription messages sent per turn of the event loop, at most. */
export const FAN_OUT_SLICE = 50;

let usedThisTurn = 0;
let nextTurnScheduled = false;
const waiting: (() => void)[] = [];

/**
 * Resolves when one more subscription message may be sent. An event watched by 1,000
 * subscribers becomes 1,000 WebSocket sends, all ready at the same instant (their shared result,
 * events/shared-execution.ts): sent in one go, they would hold the event loop for tens of
 * milliseconds while an incoming request, such as the next reply, waits behind them. Here at most
 * FAN_OUT_SLICE are sent per turn of the event loop; between two slices the loop reads the
 * sockets and database connections that are ready, so requests are served in between.
 */
export function fanOutTurn(): Promise<void> {
  if (usedThisTurn < FAN_OUT_SLICE && waiting.length === 0) {
    usedThisTurn++;
    scheduleNextTurn();
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    scheduleNextTurn();
  });
}

function scheduleNextTurn(): void {
  if (nextTurnScheduled) return;
  nextTurnScheduled = true;
  // setImmediate runs after the poll phase: the I/O that became ready meanwhile is handled first.
  setImmediate(() => {
    nextTurnScheduled = false;
    const slice = waiting.splice(0, FAN_OUT_SLICE);
    usedThisTurn = slice.length;
    for (const resolve of slice) resolve();
    if (waiting.length > 0 || usedThisTurn > 0) scheduleNextTurn();
  });
}
