'use client';

import Link from 'next/link';
import { useId, useState, type ReactNode } from 'react';
import { VerdictBadge } from '@/components/ui/authz-verdict';
import { formatRps } from '@/components/ui/format';
import { ErrorText } from '@/components/ui/problem-alert';
import { dryRunThenApply } from '@/lib/client/dry-run-then-apply';
import { useIstioWriteMutation } from '@/lib/client/use-istio-config';
import { useSecurityQuery } from '@/lib/client/use-security';
import { useWorkloadsQuery } from '@/lib/client/use-workloads';
import { writeDecision } from '@/lib/mesh/access/write-permission';
import { WINDOWS, type Window } from '@/lib/mesh/types';
import { AuthorizationPreview } from '../authorization-preview';
import { editorHref } from '@/components/ui/istio-links';
import { TextField } from '../forms/fields';
import { YamlPreview } from '../forms/yaml-preview';
import { IstioPageHeader } from '../istio-page-header';
import { problemDetail } from '../problem-validations';
import { INPUT, LINK, PANEL, PRIMARY_BUTTON } from '../styles';
import { useWriteSession } from '../use-write-access';
import {
  leastPrivilegeYaml,
  observedCallers,
  readSelector,
  type ObservedCaller,
} from './least-privilege';

export interface LeastPrivilegeProps {
  readonly namespace: string;
  readonly workload: string;
}

/** /istio/authorization/{namespace}/{workload}: an ALLOW policy for exactly the callers observed. */
export function LeastPrivilegePage({ namespace, workload }: LeastPrivilegeProps): ReactNode {
  const [window, setWindow] = useState<Window>('1h');
  const windowId = useId();
  const security = useSecurityQuery([namespace], window);
  const workloads = useWorkloadsQuery([namespace]);
  const item = workloads.data?.workloads.find((w) => w.name === workload);
  return (
    <section className="flex flex-col gap-4">
      <IstioPageHeader
        trail={<>/ authorization / {namespace}</>}
        title={
          <>
            Least-privilege ALLOW policy for <span className="font-mono">{workload}</span>.
            {namespace}
          </>
        }
      />
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label htmlFor={windowId} className="flex flex-col text-xs font-semibold">
          Callers observed over
          <select
            id={windowId}
            className={INPUT}
            value={window}
            onChange={(e) => setWindow(WINDOWS.find((w) => w === e.target.value) ?? '1h')}
          >
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                the last {w}
              </option>
            ))}
          </select>
        </label>
        <p className="max-w-prose text-xs text-slate-600 dark:text-slate-400">
          Only callers that sent traffic in the window are offered: a caller that runs rarely (a
          nightly job) needs a longer window, or adding by hand in the YAML editor afterwards.
        </p>
      </div>
      {security.isPending && <p>Loading the callers of {workload}…</p>}
      {security.error && <ErrorText>{security.error.detail}</ErrorText>}
      {security.data && (workloads.data || workloads.error) && (
        <PolicyForm
          key={window}
          namespace={namespace}
          workload={workload}
          callers={observedCallers(security.data.edges, namespace, workload)}
          defaultSelector={defaultSelector(
            security.data.workloads.find((w) => w.namespace === namespace && w.name === workload)
              ?.podLabels,
            item,
          )}
        />
      )}
    </section>
  );
}

/**
 * The pod template's labels name exactly this workload; without them (an older server), the app and
 * version labels Istio's telemetry reads, which the person checks in the form's hint.
 */
function defaultSelector(
  podLabels: Readonly<Record<string, string>> | undefined,
  item: { readonly app?: string; readonly version?: string } | undefined,
): string {
  if (podLabels && Object.keys(podLabels).length > 0)
    return Object.entries(podLabels)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
  return [
    item?.app !== undefined ? `app=${item.app}` : '',
    item?.version !== undefined ? `version=${item.version}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function CallerChoice(props: {
  caller: ObservedCaller;
  checked: boolean;
  onChange: (checked: boolean) => void;
}): ReactNode {
  const { caller } = props;
  const detail = (
    <span className="text-xs text-slate-600 dark:text-slate-400">
      from {caller.sources.join(', ')}, {formatRps(caller.rps)} req/s, now{' '}
      <VerdictBadge verdict={caller.verdict} />
    </span>
  );
  if (caller.policyPrincipal === undefined)
    return (
      <li className="flex flex-col">
        <span className="font-medium">Callers without a principal (plaintext or unknown)</span>
        {detail}
        <span className="text-xs text-amber-900 dark:text-amber-300">
          No principal rule can name them: this policy denies them. Give them a sidecar (mTLS)
          first.
        </span>
      </li>
    );
  return (
    <li>
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          className="mt-1"
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        <span className="flex flex-col">
          <span className="font-mono text-sm break-all">{caller.policyPrincipal}</span>
          {detail}
        </span>
      </label>
    </li>
  );
}

function PolicyForm(props: {
  namespace: string;
  workload: string;
  callers: readonly ObservedCaller[];
  defaultSelector: string;
}): ReactNode {
  const { namespace, workload, callers } = props;
  const session = useWriteSession();
  const write = useIstioWriteMutation();
  const [name, setName] = useState(`${workload}-allow-observed`);
  const [selector, setSelector] = useState(props.defaultSelector);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () =>
      new Set(callers.flatMap((c) => (c.policyPrincipal === undefined ? [] : [c.policyPrincipal]))),
  );
  const [outcome, setOutcome] = useState<
    { ok: true; name: string } | { ok: false; text: string }
  >();
  const reading = readSelector(selector);
  const yaml = leastPrivilegeYaml({
    namespace,
    name: name.trim(),
    selector: reading.ok ? reading.labels : {},
    principals: [...chosen],
  });
  const decision =
    session && writeDecision(session, { verb: 'create', kind: 'AuthorizationPolicy', namespace });
  const blocked = !reading.ok
    ? reading.error
    : name.trim() === ''
      ? 'Name the policy.'
      : chosen.size === 0
        ? 'Choose at least one caller: an ALLOW policy with no rules denies every request.'
        : undefined;

  const choose = (principal: string, on: boolean): void =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(principal);
      else next.delete(principal);
      return next;
    });

  const apply = async (): Promise<void> => {
    setOutcome(undefined);
    try {
      const created = await dryRunThenApply(write.mutateAsync, (dryRun) => [
        { op: 'create' as const, namespace, yaml, dryRun },
      ]);
      setOutcome({ ok: true, name: created.name });
    } catch (err) {
      setOutcome({ ok: false, text: `Not applied: ${problemDetail(err)}` });
    }
  };

  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <div className="flex flex-col gap-4">
        <fieldset className={PANEL}>
          <legend className="px-1 text-sm font-semibold">Allow these callers</legend>
          {callers.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              No caller of {workload} was observed in the window; a policy now would deny every
              request to it.
            </p>
          ) : (
            <ul className="flex flex-col gap-2">
              {callers.map((c) => (
                <CallerChoice
                  key={c.principal}
                  caller={c}
                  checked={c.policyPrincipal !== undefined && chosen.has(c.policyPrincipal)}
                  onChange={(on) =>
                    c.policyPrincipal !== undefined && choose(c.policyPrincipal, on)
                  }
                />
              ))}
            </ul>
          )}
        </fieldset>
        <div className={`${PANEL} flex flex-col gap-3`}>
          <TextField label="Policy name" value={name} onChange={setName} />
          <TextField
            label="Workload selector (matchLabels)"
            value={selector}
            onChange={setSelector}
            placeholder="app=payments, version=v1"
            hint={`Filled from ${workload}'s pod labels (or its app and version); every workload these labels match gets this policy, and the preview lists their traffic too.`}
          />
          {!reading.ok && <ErrorText small>{reading.error}</ErrorText>}
        </div>
        <div className={PANEL}>
          <AuthorizationPreview yaml={yaml} />
        </div>
      </div>
      <div className="flex flex-col gap-4">
        <YamlPreview title="AuthorizationPolicy YAML" yaml={yaml} namespace={namespace} />
        {decision && !decision.allowed && (
          <p data-testid="write-denied" className="text-sm text-slate-700 dark:text-slate-300">
            {decision.reason} The form shows the policy; nothing can be applied.
          </p>
        )}
        {decision?.allowed && (
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="button"
              className={PRIMARY_BUTTON}
              disabled={write.isPending || blocked !== undefined}
              onClick={() => void apply()}
            >
              {write.isPending ? 'Applying…' : 'Dry run, then create'}
            </button>
            {blocked && <p className="text-sm text-slate-700 dark:text-slate-300">{blocked}</p>}
          </div>
        )}
        {outcome?.ok === true && (
          <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
            Created AuthorizationPolicy {outcome.name} in {namespace}.{' '}
            <Link
              className={LINK}
              href={editorHref({ namespace, kind: 'AuthorizationPolicy', name: outcome.name })}
            >
              Open it in the YAML editor
            </Link>
          </p>
        )}
        {outcome?.ok === false && <ErrorText small>{outcome.text}</ErrorText>}
      </div>
    </div>
  );
}
