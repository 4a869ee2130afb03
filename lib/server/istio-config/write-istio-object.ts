import 'server-only';
import type { IstioDeleteResult, IstioWriteResult } from '@/lib/api/write-result';
import { diffLines } from 'diff';
import { userName, type Identity } from '@/lib/auth/identity';
import { kubeClientFor } from '@/lib/auth/user-kube-client';
import { ConflictError } from '@/lib/errors';
import { toIstioObject } from '@/lib/kube/istio-config';
import type { IstioKind } from '@/lib/kube/resources';
import { manifestYaml } from '@/lib/mesh/istio/yaml';
import { toManifest } from '@/lib/mesh/validations';
import type { LocatedValidation } from '@/lib/mesh/validations/types';
import type { IstioObject } from '@/lib/mesh/types';
import { auditResultOf, auditWrite, type AuditEntry } from '@/lib/server/audit-log';
import { asUserWriteError } from '@/lib/server/user-write-errors';
import { IstioConflictError } from './errors';
import { getIstioWriter } from '../live-istio';
import { noteRoutingWrite } from '../routing-changes';
import { readLive } from './live';
import { prepareManifest } from './prepare-manifest';

interface Common {
  readonly namespace: string;
  readonly dryRun: boolean;
  /** Who acts: the write is made with their client, so the API server's RBAC decides. */
  readonly identity: Identity;
}

/** Create and replace: the text, and whether the person chose to write it despite analyzer errors. */
interface TextWrite extends Common {
  readonly yaml: string;
  readonly applyAnyway: boolean;
  /** Objects the same step writes too (a routing form's DestinationRule), checked as if stored. */
  readonly alongside: readonly string[];
}

/** What an audit line records of an apply-anyway: the flag, and each error written despite it. */
function overrideOf(
  applyAnyway: boolean,
  overridden: readonly LocatedValidation[],
): Pick<AuditEntry, 'applyAnyway' | 'overridden'> {
  if (!applyAnyway) return {};
  return {
    applyAnyway: true,
    overridden: overridden.map((v) => `${v.code}${v.path ? ` ${v.path}` : ''}: ${v.message}`),
  };
}

function summary(before: string, after: string): string {
  let added = 0;
  let removed = 0;
  for (const part of diffLines(before, after)) {
    if (part.added) added += part.count ?? 0;
    if (part.removed) removed += part.count ?? 0;
  }
  return `+${added} -${removed} lines`;
}

const yamlOf = (obj: IstioObject): string => manifestYaml(toManifest(obj));

type AuditTarget = Omit<AuditEntry, 'diffSummary' | 'result' | 'detail' | 'who'>;

const VERBS: Readonly<Record<string, string>> = {
  create: 'create',
  replace: 'update',
  delete: 'delete',
};

/** What a write learns while it runs and its audit line records: the diff, an apply-anyway. */
interface AuditNotes {
  summary(s: string): void;
  override(o: Pick<AuditEntry, 'applyAnyway' | 'overridden'>): void;
}

/** Runs a write with the identity's client and logs one audit line for it, whatever the outcome. */
async function audited<T>(
  target: AuditTarget,
  identity: Identity,
  write: (notes: AuditNotes) => Promise<T>,
): Promise<T> {
  const entry = { ...target, who: userName(identity) };
  const denied = {
    verb: VERBS[target.action] ?? target.action,
    kind: target.kind,
    namespace: target.namespace,
    name: target.name,
  };
  let diffSummary = '';
  let override: Pick<AuditEntry, 'applyAnyway' | 'overridden'> = {};
  const notes: AuditNotes = {
    summary: (s) => (diffSummary = s),
    override: (o) => (override = o),
  };
  try {
    const result = await write(notes).catch((err: unknown) => {
      throw asUserWriteError(err, denied, identity);
    });
    auditWrite({ ...entry, ...override, diffSummary, result: 'ok' });
    return result;
  } catch (err) {
    auditWrite({
      ...entry,
      ...override,
      diffSummary,
      result: auditResultOf(err),
      detail: err instanceof Error ? err.message : String(err),
    });
    throw err;
  }
}

/** PUT: replace the object with the edited text, guarded by the resourceVersion the editor loaded. */
export async function replaceIstioObject(
  req: TextWrite & { kind: IstioKind; name: string; resourceVersion: string },
): Promise<IstioWriteResult> {
  const { kind, namespace, name, dryRun, identity } = req;
  const client = kubeClientFor(identity);
  return audited({ action: 'replace', kind, namespace, name, dryRun }, identity, async (notes) => {
    const prepared = await prepareManifest(req.yaml, { namespace, kind, name }, req);
    notes.override(overrideOf(req.applyAnyway, prepared.overridden));
    const live = await readLive(kind, namespace, name, client);
    const before = toIstioObject(kind, live.raw);
    const body = {
      ...prepared.body,
      metadata: { ...(prepared.body.metadata as object), resourceVersion: req.resourceVersion },
    };
    let stored: IstioObject;
    try {
      stored = await getIstioWriter(client).replace(kind, namespace, name, body, { dryRun });
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const now = await readLive(kind, namespace, name, client);
      throw new IstioConflictError(
        `${kind} ${namespace}/${name} was changed by someone else since you loaded it (your version ${req.resourceVersion}, now ${now.resourceVersion}). Nothing was written; review their change and re-apply.`,
        now,
      );
    }
    const after = yamlOf(stored);
    const lines = before ? summary(yamlOf(before), after) : 'replaced';
    notes.summary(lines);
    if (!dryRun) noteRoutingWrite(stored, 'changed', identity, `YAML edited: ${lines}`);
    return {
      kind,
      namespace,
      name,
      resourceVersion: stored.resourceVersion,
      yaml: after,
      dryRun,
      validations: prepared.validations,
    };
  });
}

/** POST: create a new object in `namespace` from a YAML text (a template or a routing form's output). */
export async function createIstioObject(req: TextWrite): Promise<IstioWriteResult> {
  const { namespace, dryRun, identity } = req;
  const prepared = await prepareManifest(req.yaml, { namespace }, req).catch((err: unknown) => {
    auditWrite({
      action: 'create',
      kind: '?',
      namespace,
      name: '?',
      who: userName(identity),
      dryRun,
      diffSummary: '',
      result: auditResultOf(err),
      detail: String(err),
    });
    throw err;
  });
  const { kind, name } = prepared;
  const target = { action: 'create', kind, namespace, name, dryRun };
  const client = kubeClientFor(identity);
  return audited(target, identity, async (notes) => {
    notes.override(overrideOf(req.applyAnyway, prepared.overridden));
    const stored = await getIstioWriter(client).create(kind, namespace, prepared.body, { dryRun });
    const yaml = yamlOf(stored);
    notes.summary(summary('', yaml));
    if (!dryRun) noteRoutingWrite(stored, 'created', identity);
    return {
      kind,
      namespace,
      name,
      resourceVersion: stored.resourceVersion,
      yaml,
      dryRun,
      validations: prepared.validations,
    };
  });
}

/** DELETE, refused with a 409 if the object changed since `resourceVersion` was read. */
export async function deleteIstioObject(
  req: Common & { kind: IstioKind; name: string; resourceVersion: string },
): Promise<IstioDeleteResult> {
  const { kind, namespace, name, dryRun, identity } = req;
  const client = kubeClientFor(identity);
  return audited({ action: 'delete', kind, namespace, name, dryRun }, identity, async (notes) => {
    notes.summary('whole object');
    try {
      await getIstioWriter(client).delete(kind, namespace, name, {
        dryRun,
        resourceVersion: req.resourceVersion,
      });
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const now = await readLive(kind, namespace, name, client);
      throw new IstioConflictError(
        `${kind} ${namespace}/${name} was changed since you loaded it (now ${now.resourceVersion}); it was not deleted. Review the change first.`,
        now,
      );
    }
    return { deleted: !dryRun, dryRun };
  });
}
