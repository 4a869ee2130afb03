import { z } from 'zod';
import type { Stack } from '../scripts/stack/index';
import { WRITE_HEADERS, type Reply } from './write-client';

/**
 * The demo stack's users and request log, as the demo-rbac contract declares them (startStack's
 * `users`, KubeApi's `requests`). Read through zod so these tests compile before that branch lands
 * and fail with a message, not a crash, if the shape is not there.
 */
const Users = z.array(z.object({ name: z.string(), token: z.string(), description: z.string() }));
const Requests = z.array(
  z.object({ user: z.string(), verb: z.string(), path: z.string(), code: z.number() }),
);

export function demoToken(stack: Stack, name: 'admin' | 'bookinfo-editor' | 'viewer'): string {
  const users = Users.parse((stack as unknown as { users?: unknown }).users);
  const user = users.find((u) => u.name === name);
  if (!user) throw new Error(`the demo stack has no user ${name}`);
  return user.token;
}

export function kubeRequests(stack: Stack): z.infer<typeof Requests> {
  return Requests.parse((stack.kube as unknown as { requests?: unknown }).requests);
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
