'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useState, type ReactNode } from 'react';
import { dryRunThenApply } from '@/lib/client/dry-run-then-apply';
import { useIstioWriteMutation, validateIstioYaml } from '@/lib/client/use-istio-config';
import { useNamespacesQuery } from '@/lib/client/use-namespaces';
import { writeDecision } from '@/lib/mesh/access/write-permission';
import {
  ISTIO_KIND_NAMES,
  isClusterScoped,
  kindLabel,
  type IstioKindName,
} from '@/lib/mesh/istio/kinds';
import { editorHref } from '@/components/ui/istio-links';
import { templateYaml } from '@/lib/mesh/istio/templates';
import type { LocatedValidation } from '@/lib/mesh/validations/types';
import { ErrorText } from '@/components/ui/problem-alert';
import { AuthorizationPreview } from './authorization-preview';
import { IstioPageHeader } from './istio-page-header';
import { problemDetail, problemValidations } from './problem-validations';
import { INPUT, PANEL, PRIMARY_BUTTON } from './styles';
import { useWriteSession } from './use-write-access';
import { ValidationList } from './validation-list';
import { YamlEditor } from './yaml-editor';

/** /istio/new?kind=&namespace=: a new object from a per-kind template, checked as it is typed. */
export function NewObjectPage(): ReactNode {
  const params = useSearchParams();
  const router = useRouter();
  const session = useWriteSession();
  const namespaces = (useNamespacesQuery().data ?? []).map((n) => n.name);
  const write = useIstioWriteMutation();
  const [kind, setKind] = useState<IstioKindName>(
    ISTIO_KIND_NAMES.find((k) => k === params.get('kind')) ?? 'VirtualService',
  );
  const [namespace, setNamespace] = useState(params.get('namespace') ?? 'default');
  const [start, setStart] = useState(() => templateYaml(kind, namespace));
  const [text, setText] = useState(start);
  const [validations, setValidations] = useState<readonly LocatedValidation[]>([]);
  const [error, setError] = useState<string | undefined>();
  const decision = session && writeDecision(session, { verb: 'create', kind, namespace });
  const canWrite = decision?.allowed === true;
  const validate = useCallback((t: string) => validateIstioYaml(t, namespace), [namespace]);
  // A GatewayClass belongs to the cluster: it is created without a namespace.
  const clusterWide = isClusterScoped(kind);

  const restart = (k: IstioKindName, ns: string): void => {
    setKind(k);
    setNamespace(ns);
    const fresh = templateYaml(k, ns);
    setStart(fresh);
    setText(fresh);
  };

  const create = async (): Promise<void> => {
    setError(undefined);
    try {
      const created = await dryRunThenApply(write.mutateAsync, (dryRun) => [
        { op: 'create' as const, namespace: clusterWide ? '' : namespace, yaml: text, dryRun },
      ]);
      router.push(editorHref(created));
    } catch (err) {
      const found = problemValidations(err);
      if (found.length > 0) setValidations(found);
      setError(problemDetail(err));
    }
  };

  return (
    <section className="flex flex-col gap-4">
      <IstioPageHeader trail={<>/ new</>} title="New Istio object from a template" />
      <div className="flex flex-wrap gap-4">
        <label className="flex flex-col text-xs font-semibold">
          Kind
          <select
            className={INPUT}
            value={kind}
            onChange={(e) => restart(e.target.value as IstioKindName, namespace)}
          >
            {ISTIO_KIND_NAMES.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs font-semibold">
          Namespace
          <select
            className={INPUT}
            value={namespace}
            disabled={clusterWide}
            onChange={(e) => restart(kind, e.target.value)}
          >
            {[...new Set([namespace, ...namespaces])].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-3">
          <YamlEditor
            label={`YAML of the new ${kindLabel(kind)}`}
            value={start}
            onChange={setText}
            validate={validate}
            onValidated={setValidations}
            readOnly={!canWrite}
          />
          {canWrite ? (
            <div>
              <button
                type="button"
                className={PRIMARY_BUTTON}
                disabled={write.isPending}
                onClick={() => void create()}
              >
                {write.isPending
                  ? 'Creating…'
                  : clusterWide
                    ? 'Create cluster-wide'
                    : `Create in ${namespace}`}
              </button>
            </div>
          ) : decision ? (
            <p data-testid="write-denied" className="text-sm text-slate-600 dark:text-slate-300">
              {decision.reason}
            </p>
          ) : null}
          {error && <ErrorText small>{error}</ErrorText>}
        </div>
        <div className="flex flex-col gap-4">
          <div className={PANEL}>
            <ValidationList validations={validations} />
          </div>
          {kind === 'AuthorizationPolicy' && (
            <div className={PANEL}>
              <AuthorizationPreview yaml={text} />
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
