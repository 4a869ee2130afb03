import type { Stack } from '../scripts/stack/index';
import { WRITE_HEADERS, type Reply } from './write-client';

export function demoToken(stack: Stack, name: 'admin' | 'bookinfo-editor' | 'viewer'): string {
  const user = stack.users.find((u) => u.name === name);
  if (!user) throw new Error(`the demo stack has no user ${name}`);
  return user.token;
}

export interface SignInReply {
  readonly status: number;
  readonly setCookie: string;
  /** `meshlens_session=<seal>`, for the Cookie header of later requests. */
  readonly cookie: string;
  readonly body: Record<string, unknown>;
}

export async function postSession(base: string, body: unknown): Promise<SignInReply> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: WRITE_HEADERS,
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  const setCookie = res.headers.get('set-cookie') ?? '';
  const text = await res.text();
  return {
    status: res.status,
    setCookie,
    cookie: setCookie.split(';')[0] ?? '',
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

/** A request as a signed-in browser sends it (or as a proxy does, with `headers`). */
export async function call(
  base: string,
  method: string,
  url: string,
  {
    cookie,
    body,
    headers = {},
  }: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply & { location: string | null; setCookie: string | null }> {
  const res = await fetch(`${base}${url}`, {
    method,
    redirect: 'manual',
    headers: {
      ...(method === 'GET' ? {} : WRITE_HEADERS),
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let parsed: unknown = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { unparsed: text.slice(0, 200) };
  }
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: parsed as Record<string, unknown>,
    location: res.headers.get('location'),
    setCookie: res.headers.get('set-cookie'),
  };
}
