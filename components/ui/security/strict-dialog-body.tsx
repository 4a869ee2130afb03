'use client';

import type { ReactNode } from 'react';
import type { IstioObjectDocument } from '@/lib/api/istio';
import { useIstioListQuery, useIstioObjectQuery } from '@/lib/client/use-istio-config';
import { isRecord } from '@/lib/mesh/istio/read';
import { ErrorText } from '../problem-alert';
import { StrictPanel } from './strict-panel';
import { targetText, type StrictTarget } from './strict-target';

export interface StrictDialogBodyProps {
  readonly target: StrictTarget;
  readonly name: string;
  /** The policy the posture says decides the target, when there is one. */
  readonly deciding: string | undefined;
  readonly onClose: () => void;
}

/** Namespace-wide means no selector; a policy of that name with one is a workload's. */
const selects = (doc: IstioObjectDocument): boolean =>
  isRecord(doc.object.spec) && doc.object.spec.selector !== undefined;

function Note({ children }: { children: ReactNode }): ReactNode {
  return (
    <p data-testid="strict-unavailable" className="text-sm">
      {children}
    </p>
  );
}

function WithExisting(props: StrictDialogBodyProps): ReactNode {
  const { target, name, deciding } = props;
  const doc = useIstioObjectQuery(target.namespace, 'PeerAuthentication', name);
  if (doc.isPending) return <p className="text-sm">Loading PeerAuthentication {name}…</p>;
  if (doc.error) return <ErrorText small>{doc.error.detail}</ErrorText>;
  if (target.workload === undefined && selects(doc.data))
    return (
      <Note>
        PeerAuthentication {name} in {target.namespace} selects workloads, so Meshlens does not turn
        it into the namespace-wide policy; write one in the config editor.
      </Note>
    );
  if (target.workload !== undefined && deciding === undefined)
    return (
      <Note>
        A PeerAuthentication named {name} already exists in {target.namespace} and does not decide{' '}
        {targetText(target)}; require STRICT in the config editor.
      </Note>
    );
  return <StrictPanel {...props} existing={doc.data} />;
}

function NewPolicy(props: StrictDialogBodyProps): ReactNode {
  const { target, name } = props;
  const list = useIstioListQuery([target.namespace]);
  if (list.error) return <ErrorText small>{list.error.detail}</ErrorText>;
  if (!list.data) return <p className="text-sm">Loading the namespace&apos;s policies…</p>;
  const taken = list.data.some(
    (i) => i.kind === 'PeerAuthentication' && i.namespace === target.namespace && i.name === name,
  );
  return taken ? <WithExisting {...props} /> : <StrictPanel {...props} existing={undefined} />;
}

/** Loads what the write starts from: the deciding policy, or the names a new one must not take. */
export function StrictDialogBody(props: StrictDialogBodyProps): ReactNode {
  return props.deciding === undefined ? <NewPolicy {...props} /> : <WithExisting {...props} />;
}
