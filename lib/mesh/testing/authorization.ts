/** Test helpers for the authorization tests: an AuthorizationPolicy object as the informers hold it. */
import type { IstioObject } from '../types';

export const authorizationPolicy = (
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
): IstioObject => ({
  kind: 'AuthorizationPolicy',
  apiVersion: 'security.istio.io/v1',
  namespace,
  name,
  resourceVersion: '1',
  labels: {},
  spec,
});
