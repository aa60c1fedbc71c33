import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type GuardVerdict =
  { ok: true; setCookie: boolean } | { ok: false; status: 401 | 403; reason: string };

/**
 * Decides whether a request may reach the app. The host answers only to 127.0.0.1/localhost at
 * its own port (a foreign Host header means DNS rebinding), only to a browser holding this
 * launch's token (from the URL once, then a cookie), and a WebSocket only from its own Origin.
 */
export class RequestGuard {
  readonly cookieName: string;

  constructor(
    private readonly token: string,
    private readonly port: number,
  ) {
    // Cookies ignore ports, so the name carries it: two hosts on one machine keep their own.
    this.cookieName = `postwright_${port}`;
  }

  check(request: IncomingMessage, isWebSocket: boolean): GuardVerdict {
    if (!this.hostAllowed(request.headers.host)) {
      return { ok: false, status: 403, reason: `foreign Host header: ${request.headers.host ?? '(none)'}` };
    }
    if (isWebSocket && !this.originAllowed(request.headers.origin)) {
      return { ok: false, status: 403, reason: `foreign Origin: ${request.headers.origin ?? '(none)'}` };
    }
    const fromUrl = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('token');
    const fromCookie = this.cookieToken(request.headers.cookie);
    const presented = fromUrl ?? fromCookie;
    if (presented === undefined || presented === null) return { ok: false, status: 401, reason: 'no token' };
    if (!this.tokenMatches(presented)) return { ok: false, status: 403, reason: 'wrong token' };
    return { ok: true, setCookie: fromUrl !== null };
  }

  /**
   * Lax, not Strict: the bookmarklet opens the app from another site's page, a cross-site top-level
   * navigation, which a Strict cookie never rides along. Lax still keeps it off every cross-site
   * subrequest and POST, and the core itself is only reached over a WebSocket from the app's own Origin.
   */
  cookieHeader(): string {
    return `${this.cookieName}=${this.token}; HttpOnly; SameSite=Lax; Path=/`;
  }

  private hostAllowed(host: string | undefined): boolean {
    return host === `127.0.0.1:${this.port}` || host === `localhost:${this.port}`;
  }

  private originAllowed(origin: string | undefined): boolean {
    return origin === `http://127.0.0.1:${this.port}` || origin === `http://localhost:${this.port}`;
  }

  private cookieToken(header: string | undefined): string | undefined {
    for (const part of (header ?? '').split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name === this.cookieName) return rest.join('=');
    }
    return undefined;
  }

  private tokenMatches(presented: string): boolean {
    const a = Buffer.from(presented);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
