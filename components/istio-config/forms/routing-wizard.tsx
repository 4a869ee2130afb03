'use client';

import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { stringify } from 'yaml';
import type { ServiceRouting } from '@/lib/client/istio-types';
import {
  useIstioWriteMutation,
  useServiceRoutingQuery,
  type IstioWrite,
} from '@/lib/client/use-istio-config';
import { buildDestinationRule } from '@/lib/mesh/routing-forms/build-destination-rule';
import { buildVirtualService } from '@/lib/mesh/routing-forms/build-virtual-service';
import { LINK, PRIMARY_BUTTON } from '../styles';
import { problemDetail } from '../problem-validations';
import { useCanWrite } from '../use-write-access';
import { DestinationRuleForm } from './destination-rule-form';
import {
  toDestinationRuleInput,
  toVirtualServiceInput,
  type DrFormState,
  type VsFormState,
} from './form-state';
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
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link className={LINK} href="/istio">
          Istio config
        </Link>{' '}
        /{' '}
        <Link className={LINK} href="/istio/wizard">
          Routing forms
        </Link>{' '}
        / {namespace}
      </nav>
      <h1 className="text-xl font-semibold">
        Routing for <span className="font-mono">{service}</span>.{namespace}
      </h1>
      {routing.isPending && <p>Loading {service}…</p>}
      {routing.error && (
        <p role="alert" className="text-red-800 dark:text-red-300">
          {routing.error.detail}
        </p>
      )}
      {routing.data && <WizardForms routing={routing.data} />}
    </section>
  );
}

function initialDr(routing: ServiceRouting): DrFormState {
  return {
    subsets: routing.subsets.map((s) => ({ name: s.name, version: s.labels.version ?? '' })),
    loadBalancer: '',
    maxConnections: '',
    http1MaxPendingRequests: '',
    consecutive5xxErrors: '',
    interval: '',
    baseEjectionTime: '',
    maxEjectionPercent: '',
    tlsMode: '',
  };
}

const INITIAL_VS: VsFormState = {
  headerRoutes: [],
  defaultSubset: '',
  timeout: '',
  attempts: '',
  perTryTimeout: '',
  retryOn: '',
  abortPercent: '',
  abortStatus: '',
  delayPercent: '',
  fixedDelay: '',
};

/** Form state is set once from the first load; later loads (after an apply) only refresh the versions written against. */
function WizardForms({ routing }: { routing: ServiceRouting }): ReactNode {
  const { namespace, service } = routing;
  const canWrite = useCanWrite();
  const write = useIstioWriteMutation();
  const [dr, setDr] = useState(() => initialDr(routing));
  const [vs, setVs] = useState<VsFormState>({
    ...INITIAL_VS,
    defaultSubset: routing.subsets[0]?.name ?? '',
  });
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const drYaml = stringify(
    buildDestinationRule(
      toDestinationRuleInput(dr, namespace, service, routing.destinationRule?.name),
    ),
  );
  const vsYaml = stringify(
    buildVirtualService(
      toVirtualServiceInput(vs, namespace, service, routing.virtualService?.name),
    ),
  );
  const subsetNames = dr.subsets.map((s) => s.name.trim()).filter(Boolean);

  const writes = (dryRun: boolean): IstioWrite[] =>
    [
      { yaml: drYaml, existing: routing.destinationRule, kind: 'DestinationRule' as const },
      { yaml: vsYaml, existing: routing.virtualService, kind: 'VirtualService' as const },
    ].map(({ yaml, existing, kind }) =>
      existing
        ? {
            op: 'replace',
            namespace,
            kind,
            name: existing.name,
            yaml,
            resourceVersion: existing.resourceVersion,
            dryRun,
          }
        : { op: 'create', namespace, yaml, dryRun },
    );

  // The DestinationRule goes first so the subsets exist before a route names them; one at a time, so
  // a failure leaves a state a person can reason about rather than a half-applied batch.
  const apply = async (): Promise<void> => {
    setOutcome(undefined);
    try {
      for (const w of writes(true)) await write.mutateAsync(w);
      for (const w of writes(false)) await write.mutateAsync(w);
      setOutcome({
        ok: true,
        text: `Applied the DestinationRule and the VirtualService for ${service}.`,
      });
    } catch (err) {
      setOutcome({ ok: false, text: `Not applied: ${problemDetail(err)}` });
    }
  };

  return (
    <div className="flex flex-col gap-6">
      {(routing.virtualService || routing.destinationRule) && (
        <p className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          <span aria-hidden>! </span>
          {service} already has{' '}
          {[
            routing.destinationRule && `DestinationRule ${routing.destinationRule.name}`,
            routing.virtualService && `VirtualService ${routing.virtualService.name}`,
          ]
            .filter(Boolean)
            .join(' and ')}
          . Applying these forms replaces{' '}
          {routing.virtualService && routing.destinationRule ? 'them' : 'it'} (guarded by the
          version loaded now); to change a detail, open it in the YAML editor instead.
        </p>
      )}
      <div className="grid gap-4 xl:grid-cols-2">
        <DestinationRuleForm state={dr} onChange={setDr} />
        <YamlPreview title="DestinationRule YAML" yaml={drYaml} namespace={namespace} />
        <VirtualServiceForm state={vs} subsets={subsetNames} onChange={setVs} />
        <YamlPreview
          title="VirtualService YAML"
          yaml={vsYaml}
          namespace={namespace}
          alongside={drYaml}
        />
      </div>
      {canWrite && (
        <div className="flex items-center gap-3">
          <button
            type="button"
            className={PRIMARY_BUTTON}
            disabled={write.isPending}
            onClick={() => void apply()}
          >
            {write.isPending ? 'Applying…' : 'Dry run, then apply both'}
          </button>
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
