import type { IstioObject } from '../types';

export type IstioKindName = IstioObject['kind'];

/** The Istio kinds Meshlens lists and edits, in display order, with their API group and URL plural. */
export const ISTIO_KIND_INFO: Readonly<
  Record<IstioKindName, { readonly group: string; readonly plural: string }>
> = {
  VirtualService: { group: 'networking.istio.io', plural: 'virtualservices' },
  DestinationRule: { group: 'networking.istio.io', plural: 'destinationrules' },
  Gateway: { group: 'networking.istio.io', plural: 'gateways' },
  ServiceEntry: { group: 'networking.istio.io', plural: 'serviceentries' },
  PeerAuthentication: { group: 'security.istio.io', plural: 'peerauthentications' },
  AuthorizationPolicy: { group: 'security.istio.io', plural: 'authorizationpolicies' },
};

export const ISTIO_KIND_NAMES = Object.keys(ISTIO_KIND_INFO) as IstioKindName[];

/** The kind a URL segment names: its plural (`virtualservices`) or the kind itself, any case. */
export function kindFromSegment(segment: string): IstioKindName | undefined {
  const lower = segment.toLowerCase();
  return ISTIO_KIND_NAMES.find(
    (k) => k.toLowerCase() === lower || ISTIO_KIND_INFO[k].plural === lower,
  );
}

export function isIstioKind(value: unknown): value is IstioKindName {
  return typeof value === 'string' && (ISTIO_KIND_NAMES as string[]).includes(value);
}
