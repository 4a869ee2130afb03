import type { CheckCase } from './types';

/** A kind Meshlens does not read is said to be unchecked, never valid. */
export const CASES: readonly CheckCase[] = [
  {
    code: 'MESHLENS-100',
    yaml: 'apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TCPRoute\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  parentRefs: [{ name: shop-gateway }]\n  rules: [{ backendRefs: [{ name: db, port: 5432 }] }]\n',
    resource: { kind: 'TCPRoute', namespace: 'shop', name: 'db' },
  },
];
