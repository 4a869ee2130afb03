/** Test helpers for the authorization tests: AuthorizationPolicy objects as the informers hold them, and the workloads they select. */
import type { Inventory, InventoryWorkload, IstioObject } from '../types';

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

const shopWorkload = (name: string, app: string): InventoryWorkload => ({
  namespace: 'shop',
  name,
  kind: 'Deployment',
  labels: { app, version: 'v1' },
  annotations: {},
  app,
  version: 'v1',
  desiredReplicas: 1,
  readyReplicas: 1,
  hasSidecar: true,
});

/** The demo shop's workloads its AuthorizationPolicies select (payments, catalog), with their labels. */
export const SHOP_POLICY_INVENTORY: Inventory = {
  namespaces: [],
  services: [],
  workloads: [shopWorkload('payments-v1', 'payments'), shopWorkload('catalog-v1', 'catalog')],
  pods: [],
};
