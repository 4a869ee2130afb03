import { ISTIO_KIND_INFO, namespaceSegment, type IstioKindName } from '@/lib/mesh/istio/kinds';

/**
 * The editor page of one Istio object: the Istio config list links to it, and so do the detail
 * pages and the graph, which is why it lives with the shared pieces.
 */
export function editorHref(item: {
  readonly kind: IstioKindName;
  readonly namespace: string;
  readonly name: string;
}): string {
  const seg = encodeURIComponent;
  return `/istio/${namespaceSegment(item.namespace)}/${ISTIO_KIND_INFO[item.kind].plural}/${seg(item.name)}`;
}
