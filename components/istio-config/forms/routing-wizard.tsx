'use client';

import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import type { ServiceRouting } from '@/lib/api/routing';
import { dryRunThenApply } from '@/lib/client/dry-run-then-apply';
import {
  useIstioWriteMutation,
  useServiceRoutingQuery,
  type IstioWrite,
} from '@/lib/client/use-istio-config';
import { buildDestinationRule } from '@/lib/mesh/routing-forms/build-destination-rule';
import { buildVirtualService } from '@/lib/mesh/routing-forms/build-virtual-service';
import { mergeDestinationRule, mergeVirtualService } from '@/lib/mesh/routing-forms/merge-existing';
import { readVirtualService } from '@/lib/mesh/routing-forms/read-virtual-service';
import { allWritesDecision, type WriteTarget } from '@/lib/mesh/access/write-permission';
import { manifestYaml } from '@/lib/mesh/istio/yaml';
import type { LocatedValidation } from '@/lib/mesh/validations/types';
import { ErrorText } from '@/components/ui/problem-alert';
import { IstioPageHeader } from '../istio-page-header';
import { ApplyAnyway } from '../apply-anyway';
import { editorHref } from '@/components/ui/istio-links';
import { LINK, PRIMARY_BUTTON } from '../styles';
import { overridableErrors, problemDetail } from '../problem-validations';
import { useWriteSession } from '../use-write-access';
import { DestinationRuleForm } from './destination-rule-form';
import {
  toDestinationRuleInput,
  toVirtualServiceInput,
  vsStateFrom,
  type VsFormState,
} from './form-state';
import { initialDr, INITIAL_VS } from './initial-state';
import { VirtualServiceForm } from './virtual-service-form';
import { YamlPreview } from './yaml-preview';

/** /istio/wizard/{namespace}/{service}: the routing forms for one service. */
export function RoutingWizard({
  namespace,
  service,
}: {
  namespace: string;
  service: string;
}): ReactNode {
  const routing = useServiceRoutingQuery(namespace, service);
  return (
    <section className="flex flex-col gap-4">
      <IstioPageHeader
        trail={
          <>
            /{' '}
            <Link className={LINK} href="/istio/wizard">
              Routing forms
            </Link>{' '}
            / {namespace}
          </>
        }
        title={
          <>
            Routing for <span className="font-mono">{service}</span>.{namespace}
          </>
        }
      />
      {routing.isPending && <p>Loading {service}…</p>}
      {routing.error && <ErrorText>{routing.error.detail}</ErrorText>}
      {routing.data && <WizardForms routing={routing.data} />}
    </section>
  );
}

interface WizardTarget {
  readonly yaml: string;
  readonly existing: ServiceRouting['virtualService'] | ServiceRouting['destinationRule'];
  readonly kind: 'DestinationRule' | 'VirtualService';
  readonly alongside?: readonly string[];
}

/** The forms replace an object the service has, or create it. */
function writeTarget(
  kind: WizardTarget['kind'],
  namespace: string,
  existing: WizardTarget['existing'],
): WriteTarget {
  return existing
    ? { verb: 'update', kind, namespace, name: existing.name }
    : { verb: 'create', kind, namespace };
}

/**
 * Form state is set once from the first load: from the live objects when the service has them, so an
 * unchanged form writes them back unchanged. Later loads (after an apply) refresh what the forms are
 * laid over and the versions written against.
 */
function WizardForms({ routing }: { routing: ServiceRouting }): ReactNode {
  const { namespace, service } = routing;
  const session = useWriteSession();
  const write = useIstioWriteMutation();
  const [vsReading] = useState(
    () =>
      routing.virtualService &&
      readVirtualService(routing.virtualService.manifest.spec, service, namespace),
  );
  const [dr, setDr] = useState(() => initialDr(routing));
  const [vs, setVs] = useState<VsFormState>(() =>
    vsReading
      ? vsStateFrom(vsReading.input)
      : { ...INITIAL_VS, defaultSubset: routing.subsets[0]?.name ?? '' },
  );
  const [replaceRules, setReplaceRules] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  // Analyzer errors a write was refused for, tied to the texts refused: an edit of the form drops them.
  const [refused, setRefused] = useState<{ texts: string; errors: readonly LocatedValidation[] }>();
  const [applyAnyway, setApplyAnyway] = useState(false);
  const builtDr = buildDestinationRule(
    toDestinationRuleInput(dr, namespace, service, routing.destinationRule?.name),
  );
  const builtVs = buildVirtualService(
    toVirtualServiceInput(
      vs,
      namespace,
      service,
      routing.virtualService?.name,
      vsReading?.input.host,
    ),
  );
  const drYaml = manifestYaml(
    routing.destinationRule
      ? mergeDestinationRule(routing.destinationRule.manifest, builtDr)
      : builtDr,
  );
  const vsYaml = manifestYaml(
    routing.virtualService
      ? mergeVirtualService(routing.virtualService.manifest, builtVs)
      : builtVs,
  );
  const unsupported = vsReading?.unsupported ?? [];
  const blocked = unsupported.length > 0 && !replaceRules;
  const subsetNames = dr.subsets.map((s) => s.name.trim()).filter(Boolean);
  const decision =
    session &&
    allWritesDecision(session, [
      writeTarget('DestinationRule', namespace, routing.destinationRule),
      writeTarget('VirtualService', namespace, routing.virtualService),
    ]);
  const canWrite = decision?.allowed === true;
  const texts = `${drYaml}\n---\n${vsYaml}`;
  const overridable = refused?.texts === texts ? refused.errors : [];
  const overriding = applyAnyway && overridable.length > 0;

  const toWrite = (
    { yaml, existing, kind, alongside = [] }: WizardTarget,
    dryRun: boolean,
  ): IstioWrite =>
    existing
      ? {
          op: 'replace',
          namespace,
          kind,
          name: existing.name,
          yaml,
          resourceVersion: existing.resourceVersion,
          dryRun,
          applyAnyway: overriding,
          alongside,
        }
      : { op: 'create', namespace, yaml, dryRun, applyAnyway: overriding, alongside };
  const writes = (dryRun: boolean): [IstioWrite, IstioWrite] => [
    toWrite({ yaml: drYaml, existing: routing.destinationRule, kind: 'DestinationRule' }, dryRun),
    // Checked as if the DestinationRule were stored: the dry runs store neither.
    toWrite(
      {
        yaml: vsYaml,
        existing: routing.virtualService,
        kind: 'VirtualService',
        alongside: [drYaml],
      },
      dryRun,
    ),
  ];

  // The DestinationRule goes first so the subsets exist before a route names them; one at a time, so
  // a failure leaves a state a person can reason about rather than a half-applied batch.
  const apply = async (): Promise<void> => {
    setOutcome(undefined);
    try {
      await dryRunThenApply(write.mutateAsync, writes);
      setRefused(undefined);
      setApplyAnyway(false);
      setOutcome({
        ok: true,
        text: `Applied the DestinationRule and the VirtualService for ${service}${overriding ? ' despite the analyzer errors' : ''}.`,
      });
    } catch (err) {
      const errors = overridableErrors(err);
      setRefused(errors.length > 0 ? { texts, errors } : undefined);
      setOutcome(
        errors.length > 0 ? undefined : { ok: false, text: `Not applied: ${problemDetail(err)}` },
      );
    }
  };

  return (
    <div className="flex flex-col gap-6">
      {(routing.virtualService || routing.destinationRule) && (
        <p className="rounded-md border border-sky-600 bg-sky-50 p-3 text-sm text-sky-950 dark:bg-sky-950 dark:text-sky-100">
          The forms start from{' '}
          {[
            routing.destinationRule && `DestinationRule ${routing.destinationRule.name}`,
            routing.virtualService && `VirtualService ${routing.virtualService.name}`,
          ]
            .filter(Boolean)
            .join(' and ')}{' '}
          as they are now. Applying changes only what the forms hold and keeps every other field;
          the diffs below show exactly what changes. A change made by someone else meanwhile stops
          the write.
        </p>
      )}
      {unsupported.length > 0 && (
        <div className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          <p>
            <span aria-hidden>! </span>VirtualService {routing.virtualService?.name} has routing the
            form cannot show; applying the form replaces its http rules, and with them:
          </p>
          <ul className="my-2 list-disc pl-6">
            {unsupported.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
          <p className="mb-2">
            Weights are changed safely on{' '}
            <Link className={LINK} href={`/services/${namespace}/${service}`}>
              {service}&apos;s traffic split
            </Link>
            ; other rules in the{' '}
            <Link
              className={LINK}
              href={editorHref({
                namespace,
                kind: 'VirtualService',
                name: routing.virtualService?.name ?? '',
              })}
            >
              YAML editor
            </Link>
            .
          </p>
          <label className="flex items-center gap-2 font-medium">
            <input
              type="checkbox"
              checked={replaceRules}
              onChange={(e) => setReplaceRules(e.target.checked)}
            />
            Replace those rules with the form&apos;s
          </label>
        </div>
      )}
      <div className="grid gap-4 xl:grid-cols-2">
        <DestinationRuleForm state={dr} onChange={setDr} />
        <YamlPreview
          title="DestinationRule YAML"
          yaml={drYaml}
          namespace={namespace}
          {...(routing.destinationRule && { live: manifestYaml(routing.destinationRule.manifest) })}
        />
        <VirtualServiceForm state={vs} subsets={subsetNames} onChange={setVs} />
        <YamlPreview
          title="VirtualService YAML"
          yaml={vsYaml}
          namespace={namespace}
          alongside={drYaml}
          {...(routing.virtualService && { live: manifestYaml(routing.virtualService.manifest) })}
        />
      </div>
      {decision && !decision.allowed && (
        <p data-testid="write-denied" className="text-sm text-slate-700 dark:text-slate-300">
          {decision.reason} The forms show what would be written; nothing can be applied.
        </p>
      )}
      {canWrite && overridable.length > 0 && (
        <ApplyAnyway errors={overridable} checked={applyAnyway} onChange={setApplyAnyway} />
      )}
      {canWrite && (
        <div className="flex items-center gap-3">
          <button
            type="button"
            className={PRIMARY_BUTTON}
            disabled={write.isPending || blocked}
            onClick={() => void apply()}
          >
            {write.isPending
              ? 'Applying…'
              : overriding
                ? 'Dry run, then apply both anyway'
                : 'Dry run, then apply both'}
          </button>
          {blocked && (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              Tick “Replace those rules” above to apply.
            </p>
          )}
          {outcome && (
            <p
              role={outcome.ok ? 'status' : 'alert'}
              className={
                outcome.ok
                  ? 'text-emerald-800 dark:text-emerald-300'
                  : 'text-red-800 dark:text-red-300'
              }
            >
              {outcome.text}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
