import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';
import type { Config } from '@/lib/config';
import type { SessionConfig } from './auth-config';
import { isRevoked } from './revoked-sessions';
import { SESSION_COOKIE } from './session-cookie-name';
import { absoluteEnd, judgeSession } from './session-expiry';

/** What the sealed cookie holds. The token is inside the seal only: HttpOnly keeps it from scripts. */
const SessionData = z.object({
  /** Random per sign-in, so that a sign-out can revoke this session (revoked-sessions.ts). */
  sid: z.string().min(16),
  token: z.string().min(1),
  user: z.string().min(1),
  groups: z.array(z.string()),
  issuedAt: z.number(),
  lastSeen: z.number(),
});
export type SessionData = z.infer<typeof SessionData>;

/** A browser keeps at most 4096 bytes per cookie, name and attributes included. */
const MAX_SEAL_CHARS = 3900;

export class SessionTooLargeError extends Error {}

export async function sealSession(data: SessionData, cfg: SessionConfig): Promise<string> {
  const seal = await sealData(data, { password: cfg.secret, ttl: cfg.maxSeconds });
  if (seal.length > MAX_SEAL_CHARS)
    throw new SessionTooLargeError(
      `The sealed session would be ${seal.length} characters, more than a browser keeps in one cookie.`,
    );
  return seal;
}

export interface OpenedSession {
  readonly data: SessionData;
  /** When it ends at the latest (ISO 8601 in /api/session). */
  readonly expiresAt: number;
  /** Present when lastSeen moved: the caller sets this seal as the cookie again. */
  readonly resealed?: string;
}

/** The session in a cookie value, or undefined when it is absent, forged, from another secret or expired. */
export async function openSession(
  seal: string | undefined,
  cfg: SessionConfig,
  now: number = Date.now(),
): Promise<OpenedSession | undefined> {
  if (!seal) return undefined;
  let raw: unknown;
  try {
    raw = await unsealData<unknown>(seal, { password: cfg.secret, ttl: cfg.maxSeconds });
  } catch {
    return undefined;
  }
  const parsed = SessionData.safeParse(raw);
  if (!parsed.success || isRevoked(parsed.data.sid, now)) return undefined;
  const verdict = judgeSession(parsed.data, cfg, now);
  if (verdict.state === 'expired') return undefined;
  const expiresAt = absoluteEnd(parsed.data, cfg);
  if (!verdict.refresh) return { data: parsed.data, expiresAt };
  const data = { ...parsed.data, lastSeen: now };
  return { data, expiresAt, resealed: await sealSession(data, cfg) };
}

/** The cookie's value in a Cookie header (the last one wins if a client sent it twice). */
export function readSessionCookie(cookieHeader: string | null): string | undefined {
  let value: string | undefined;
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) value = part.slice(eq + 1).trim();
  }
  return value || undefined;
}

/**
 * Secure when people reach Meshlens over HTTPS: PUBLIC_URL says so, or a trusted proxy's
 * X-Forwarded-Proto, or the request itself. A Secure cookie over plain HTTP would never come back.
 */
export function cookieIsSecure(
  req: Request,
  config: Pick<Config, 'httpsPublicUrl' | 'trustProxy'>,
): boolean {
  if (config.httpsPublicUrl) return true;
  const proto = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (config.trustProxy && proto === 'https') return true;
  return new URL(req.url).protocol === 'https:';
}

/** Set-Cookie for a session that ends at `expiresAt`; the browser drops it then too. */
export function sessionSetCookie(
  seal: string,
  expiresAt: number,
  secure: boolean,
  now = Date.now(),
): string {
  const maxAge = Math.max(0, Math.floor((expiresAt - now) / 1000));
  return `${SESSION_COOKIE}=${seal}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
