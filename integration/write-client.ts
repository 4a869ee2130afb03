import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Stack } from '../scripts/stack/index';
import { startTestStack } from './harness';

/** Starts the demo stack with the app for this test file and stops it after; read `stack()`/`app()` in tests. */
export function appStackForFile(): { stack: () => Stack; app: () => string } {
  let started: Stack | undefined;
  beforeAll(async () => {
    started = await startTestStack({ app: true });
  });
  afterAll(async () => {
    await started?.stop();
  });
  const stack = (): Stack => {
    if (!started) throw new Error('the stack has not started');
    return started;
  };
  return { stack, app: () => stack().appUrl ?? '' };
}

/** Every write carries these: a colleague's checks refuse writes without JSON or the CSRF header. */
export const WRITE_HEADERS = { 'content-type': 'application/json', 'x-meshlens-csrf': '1' };

export interface Reply {
  readonly status: number;
  readonly type: string;
  readonly body: Record<string, unknown>;
}

/** Sends `body` (JSON-encoded unless it is already a string or a stream) and reads the JSON answer. */
export async function send(
  base: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<Reply> {
  const raw =
    body === undefined || typeof body === 'string' || body instanceof ReadableStream
      ? body
      : JSON.stringify(body);
  const init = {
    method,
    headers: WRITE_HEADERS,
    ...(raw !== undefined && { body: raw }),
    ...(raw instanceof ReadableStream && { duplex: 'half' }),
    signal: AbortSignal.timeout(30_000),
  } as RequestInit;
  const res = await fetch(`${base}${url}`, init);
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { unparsed: text.slice(0, 200) };
  }
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: (parsed ?? {}) as Record<string, unknown>,
  };
}

/** The simulator's store revision: it moves on every write, so an unchanged value proves none. */
export function revision(stack: Stack): number {
  return stack.kube.store.revision();
}

/** The stored object's resourceVersion, bypassing Meshlens. */
export function storedVersion(
  stack: Stack,
  plural: string,
  namespace: string,
  name: string,
): string | undefined {
  return stack.kube.store.get(plural, namespace, name)?.metadata.resourceVersion;
}

/** The audit lines Meshlens has logged so far, parsed. */
export function auditLines(stack: Stack): Record<string, unknown>[] {
  const file = path.join(stack.dir, 'meshlens.log');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"meshlens.audit"'))
    .map((l) => JSON.parse(l.slice(l.indexOf('{'))) as Record<string, unknown>);
}
