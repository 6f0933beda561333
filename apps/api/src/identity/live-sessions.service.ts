import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { Viewer } from '../common/viewer';
import { sessionTokenFromCookieHeader } from './session-cookie';
import { viewerOf } from './session.middleware';
import { SessionsService } from './sessions.service';

/** How often the open live connections' sessions are checked (one query per process, however many). */
export const LIVE_SESSION_CHECK_MS = 2000;

/** The WebSocket close code sent when the session behind a live connection ended (signed out, expired). */
export const SESSION_ENDED_CLOSE_CODE = 4401;

/** The part of a WebSocket this service uses. */
export interface ClosableSocket {
  close(code: number, reason: string): void;
}

/**
 * Who is behind a live (WebSocket) connection, and for how long. The connection is opened with
 * the browser's session cookie, resolved by the same lookup as every HTTP request; then, since a
 * WebSocket lives long after its cookie was read, the sessions of all open connections are
 * checked again every LIVE_SESSION_CHECK_MS, and a connection whose session was revoked (signed
 * out elsewhere, password reset) or expired is closed with SESSION_ENDED_CLOSE_CODE.
 */
@Injectable()
export class LiveSessions implements OnModuleDestroy {
  private readonly open = new Map<ClosableSocket, string>();
  private timer: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(private readonly sessions: SessionsService) {}

  /**
   * The viewer of a WebSocket upgrade request: a signed-in person when it carries a valid
   * session cookie, else a visitor (null). A cookie sent from another site's page (its Origin is
   * not this host) is ignored, so another site cannot listen as the person (cross-site WebSocket
   * hijacking).
   */
  async connect(request: IncomingMessage, socket: ClosableSocket): Promise<Viewer> {
    const token = sessionTokenFromCookieHeader(request.headers.cookie);
    if (!token || !sameOrigin(request)) return null;
    const user = await this.sessions.userFor(token);
    if (!user) return null;
    this.open.set(socket, token);
    this.timer ??= setInterval(() => void this.check(), LIVE_SESSION_CHECK_MS).unref();
    return viewerOf(user);
  }

  disconnect(socket: ClosableSocket): void {
    this.open.delete(socket);
    if (this.open.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Closes the connections whose sessions ended since they opened. */
  private async check(): Promise<void> {
    if (this.checking || this.open.size === 0) return;
    this.checking = true;
    try {
      const stillOpen = await this.sessions.stillOpen([...new Set(this.open.values())]);
      for (const [socket, token] of [...this.open]) {
        if (stillOpen.has(token)) continue;
        this.disconnect(socket);
        socket.close(SESSION_ENDED_CLOSE_CODE, 'Your session has ended: sign in again.');
      }
    } catch {
      // The database is briefly unreachable: check again at the next tick.
    } finally {
      this.checking = false;
    }
  }
}

/** No Origin (not a browser page), or the page's origin is this very host. */
function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
