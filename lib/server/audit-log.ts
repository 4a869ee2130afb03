import 'server-only';
import { isProblemError } from '@/lib/errors';

export type AuditResult =
  | 'ok'
  | 'invalid'
  | 'conflict'
  | 'unauthenticated'
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
  /** The authenticated user (userName of the request's identity), never a client-supplied header. */
  readonly who: string;
  /** One line a person can read, e.g. "route 0: v1 80→50, v3 10→50". */
  readonly diffSummary: string;
  readonly result: AuditResult;
  readonly dryRun: boolean;
  /** Why it failed, when it did. */
  readonly detail?: string;
  /** The person chose to write despite analyzer errors; `overridden` names them. */
  readonly applyAnyway?: boolean;
  /** The analyzer errors written anyway, as "IST0101 spec.http[0]…: message". */
  readonly overridden?: readonly string[];
}

/** The audit result a failed write maps to. */
export function auditResultOf(err: unknown): AuditResult {
  if (!isProblemError(err)) return 'error';
  switch (err.type) {
    case 'invalid':
    case 'malformed-request':
    case 'payload-too-large':
      return 'invalid';
    case 'conflict':
      return 'conflict';
    case 'unauthenticated':
      return 'unauthenticated';
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
 * Bounds of one audit line. Every string here may come from the request (names, the weights' keys,
 * the error detail quoting the body), so each is cut to size and the line says which were cut: a
 * client must not be able to write megabytes into the log, nor split or forge an entry.
 */
const MAX_FIELD_CHARS = 256;
const MAX_TEXT_CHARS = 1024;
const MAX_OVERRIDDEN = 20;

function clip(value: string, max: number, field: string, cut: Set<string>): string {
  if (value.length <= max) return value;
  cut.add(field);
  return `${value.slice(0, max)}…`;
}

/** The JSON line auditWrite logs, bounded in size; `truncated` lists the fields that were cut. */
function auditLine(entry: AuditEntry, now: Date): string {
  const cut = new Set<string>();
  const field = (name: keyof AuditEntry, value: string): string =>
    clip(value, MAX_FIELD_CHARS, name, cut);
  const { overridden, detail } = entry;
  const bounded = {
    ...entry,
    action: field('action', entry.action),
    kind: field('kind', entry.kind),
    namespace: field('namespace', entry.namespace),
    name: field('name', entry.name),
    who: field('who', entry.who),
    diffSummary: clip(entry.diffSummary, MAX_TEXT_CHARS, 'diffSummary', cut),
    ...(detail !== undefined && { detail: clip(detail, MAX_TEXT_CHARS, 'detail', cut) }),
    ...(overridden && {
      overridden: overridden
        .slice(0, MAX_OVERRIDDEN)
        .map((o) => clip(o, MAX_FIELD_CHARS, 'overridden', cut)),
    }),
  };
  if (overridden && overridden.length > MAX_OVERRIDDEN) cut.add('overridden');
  return JSON.stringify({
    time: now.toISOString(),
    event: 'meshlens.audit',
    ...bounded,
    ...(cut.size > 0 && { truncated: [...cut] }),
  });
}

/**
 * Writes one JSON line per cluster write (attempted, dry-run or refused) to stdout, where the
 * container runtime collects it. One line, so log pipelines never split an entry.
 */
export function auditWrite(entry: AuditEntry, now: () => Date = () => new Date()): void {
  console.log(auditLine(entry, now()));
}
