import 'server-only';
import { isProblemError } from '@/lib/errors';

export type AuditResult =
  | 'ok'
  | 'invalid'
  | 'conflict'
  | 'forbidden'
  | 'not-found'
  /** The API server did not answer in time: the write may or may not have been stored. */
  | 'timeout'
  | 'error';

export interface AuditEntry {
  /** What was attempted, e.g. 'update-weights', 'create', 'replace', 'delete'. */
  readonly action: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly who: string;
  /** One line a person can read, e.g. "route 0: v1 80→50, v3 10→50". */
  readonly diffSummary: string;
  readonly result: AuditResult;
  readonly dryRun: boolean;
  /** Why it failed, when it did. */
  readonly detail?: string;
}

/**
 * Headers an authenticating proxy (oauth2-proxy, kube-rbac-proxy, Pomerium…) sets. Meshlens does no
 * authentication itself, so the name is only as trustworthy as the proxy in front of it: without
 * one a client can claim any name. The ServiceAccount's RBAC, not this name, is what limits writes.
 */
const USER_HEADERS = [
  'x-forwarded-user',
  'x-remote-user',
  'x-forwarded-email',
  'x-auth-request-user',
];

const MAX_WHO_LENGTH = 200;

/** Who made the request, from a forwarded user header, else "anonymous". */
export function requestUser(req: Request): string {
  for (const header of USER_HEADERS) {
    const value = req.headers.get(header)?.trim();
    if (value) return value.slice(0, MAX_WHO_LENGTH);
  }
  return 'anonymous';
}

/** The audit result a failed write maps to. */
export function auditResultOf(err: unknown): AuditResult {
  if (!isProblemError(err)) return 'error';
  switch (err.type) {
    case 'invalid':
    case 'malformed-request':
      return 'invalid';
    case 'conflict':
      return 'conflict';
    case 'forbidden':
      return 'forbidden';
    case 'not-found':
      return 'not-found';
    case 'upstream-timeout':
      return 'timeout';
    default:
      return 'error';
  }
}

/**
 * Writes one JSON line per cluster write (attempted, dry-run or refused) to stdout, where the
 * container runtime collects it. One line, so log pipelines never split an entry.
 */
export function auditWrite(entry: AuditEntry, now: () => Date = () => new Date()): void {
  console.log(JSON.stringify({ time: now().toISOString(), event: 'meshlens.audit', ...entry }));
}
