import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { IstioEditorPage } from '@/components/istio-config/editor-page';
import { kindFromSegment, namespaceFromSegment } from '@/lib/mesh/istio/kinds';

interface Props {
  readonly params: Promise<{ namespace: string; kind: string; name: string }>;
}

export default async function IstioObjectPage({ params }: Props): Promise<ReactNode> {
  const { namespace, kind, name } = await params;
  const istioKind = kindFromSegment(kind);
  if (!istioKind) notFound();
  return (
    <IstioEditorPage
      namespace={namespaceFromSegment(namespace)}
      kind={istioKind}
      name={decodeURIComponent(name)}
    />
  );
}
