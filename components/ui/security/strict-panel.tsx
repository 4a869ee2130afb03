'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { IstioObjectDocument } from '@/lib/api/istio';
import { dryRunThenApply } from '@/lib/client/dry-run-then-apply';
import { queryKeys } from '@/lib/client/query-keys';
import { useIstioWriteMutation, type IstioWrite } from '@/lib/client/use-istio-config';
import { SECURITY_QUERY_PREFIX } from '@/lib/client/use-security';
import { objectWriteDecision } from '@/lib/mesh/access/write-permission';
import { manifestYaml } from '@/lib/mesh/istio/yaml';
import { strictPeerAuthentication } from '@/lib/mesh/security/require-strict';
import { ErrorText } from '../problem-alert';
import { useWriteSession } from '../use-write-session';
import { DiffView } from '../yaml-diff';
import { BreakingCallers } from './breaking-callers';
import { StrictPlan } from './strict-plan';
import { targetText, type StrictTarget } from './strict-target';

const BUTTON =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';
const PRIMARY =
  'rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-50 dark:bg-sky-500 dark:text-slate-950 dark:hover:bg-sky-400';

export interface StrictPanelProps {
  readonly target: StrictTarget;
  /** The policy written: the existing one's name, or the new one's. */
  readonly name: string;
  readonly existing: IstioObjectDocument | undefined;
  readonly onClose: () => void;
}

/**
 * The write itself: a dry run previews what the API server would store, Apply sends a dry run and
 * then the write (against the loaded resourceVersion when updating), and callers that would break
 * stop it until the person accepts them by name.
 */
export function StrictPanel({ target, name, existing, onClose }: StrictPanelProps): ReactNode {
  const session = useWriteSession();
  const client = useQueryClient();
  const preview = useIstioWriteMutation();
  const apply = useIstioWriteMutation();
  const [confirmed, setConfirmed] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [appliedVersion, setAppliedVersion] = useState<string>();
  const previewedFor = useRef<string>(undefined);

  const { namespace } = target;
  const policy = strictPeerAuthentication({
    namespace,
    name,
    ...(target.selector && { selector: target.selector }),
    ...(existing && { existing: existing.object }),
  });
  const yaml = manifestYaml(policy.manifest);
  const writeFor = (dryRun: boolean): IstioWrite =>
    existing
      ? {
          op: 'replace',
          namespace,
          kind: 'PeerAuthentication',
          name,
          yaml,
          resourceVersion: existing.resourceVersion,
          dryRun,
        }
      : { op: 'create', namespace, yaml, dryRun };
  const decision =
    session && existing
      ? objectWriteDecision(
          session,
          { verb: 'update', kind: 'PeerAuthentication', namespace, name },
          existing.access.update,
        )
      : undefined;
  const allowed = session !== undefined && decision?.allowed !== false;
  const version = existing?.resourceVersion ?? '';

  // The dry run is the preview: the diff shows what the API server would store, defaults included.
  // Once per text and version, so a re-render (or StrictMode's second effect) sends no second one.
  useEffect(() => {
    const key = `${version}\n${yaml}`;
    if (!allowed || appliedVersion !== undefined || previewedFor.current === key) return;
    previewedFor.current = key;
    preview.mutate(writeFor(true));
    // writeFor and preview change every render; the text and version are what the preview is of.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [allowed, appliedVersion, version, yaml]);

  if (decision && !decision.allowed)
    return (
      <p data-testid="strict-denied" className="text-sm">
        {decision.reason}
      </p>
    );

  const breaking = target.readiness.ready ? [] : target.readiness.plaintextCallers;
  const unknown = target.readiness.unknown;
  const busy = preview.isPending || apply.isPending;
  const previewed = preview.variables;
  const previewFits =
    preview.data !== undefined &&
    previewed !== undefined &&
    'yaml' in previewed &&
    previewed.yaml === yaml;

  const run = async (): Promise<void> => {
    setRefusal(undefined);
    if (unknown !== undefined && !confirmed) {
      setRefusal(
        `Not applied: no traffic could be read, so nobody can tell who sends plaintext to ${targetText(target)}. Tick the box to accept that unseen callers may break.`,
      );
      return;
    }
    if (breaking.length > 0 && !confirmed) {
      setRefusal(
        `Not applied: ${breaking.length === 1 ? 'a caller sends' : `${breaking.length} callers send`} plaintext to ${targetText(target)}, and STRICT would refuse ${breaking.length === 1 ? 'it' : 'them'}. Tick the box under the list to accept that.`,
      );
      return;
    }
    try {
      const result = await dryRunThenApply(apply.mutateAsync, (dryRun) => [writeFor(dryRun)]);
      setAppliedVersion(result.resourceVersion);
      await client.invalidateQueries({ queryKey: SECURITY_QUERY_PREFIX });
    } catch {
      // apply.error holds the refusal; the dialog shows it.
    }
  };
  const reload = (): void => {
    apply.reset();
    void client.invalidateQueries({
      queryKey: queryKeys.istioObject(namespace, 'PeerAuthentication', name),
    });
  };

  return (
    <>
      <StrictPlan target={target} name={name} existing={existing} policy={policy} />
      {breaking.length > 0 || unknown !== undefined ? (
        <BreakingCallers
          callers={breaking}
          {...(unknown !== undefined && { unknown })}
          window={target.window}
          confirmed={confirmed}
          onConfirm={(c) => {
            setConfirmed(c);
            if (c) setRefusal(undefined);
          }}
        />
      ) : (
        <p className="text-sm text-emerald-800 dark:text-emerald-300">
          No caller sent plaintext in the last {target.window}: nothing observed breaks.
        </p>
      )}
      {preview.isPending ? <p className="text-sm">Dry run…</p> : null}
      {preview.error ? <ErrorText small>Dry run refused: {preview.error.detail}</ErrorText> : null}
      {previewFits ? (
        <div className="flex flex-col gap-1" data-testid="strict-preview">
          <p className="text-xs text-slate-600 dark:text-slate-300">
            Dry run: the PeerAuthentication as the API server would store it
            {existing ? `, against version ${existing.resourceVersion}` : ''}.
          </p>
          <DiffView
            before={existing?.yaml ?? ''}
            after={preview.data.yaml}
            beforeLabel={existing ? `${name} (live)` : '(none)'}
            afterLabel={`${name} (dry run)`}
          />
        </div>
      ) : null}
      {refusal ? <ErrorText small>{refusal}</ErrorText> : null}
      {apply.error?.status === 409 ? (
        <div role="alert" className="text-sm text-red-800 dark:text-red-300">
          PeerAuthentication {name} changed meanwhile: nothing was written.{' '}
          <button type="button" className={BUTTON} onClick={reload}>
            Reload it
          </button>
        </div>
      ) : apply.error ? (
        <ErrorText small>Not applied: {apply.error.detail}</ErrorText>
      ) : null}
      {appliedVersion !== undefined ? (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          Applied. PeerAuthentication {name} in {namespace} is now at resourceVersion{' '}
          {appliedVersion}.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={PRIMARY}
          disabled={busy || appliedVersion !== undefined}
          onClick={() => void run()}
        >
          {apply.isPending ? 'Applying…' : 'Apply STRICT'}
        </button>
        <button type="button" className={BUTTON} onClick={onClose}>
          {appliedVersion !== undefined ? 'Close' : 'Cancel'}
        </button>
      </div>
    </>
  );
}
