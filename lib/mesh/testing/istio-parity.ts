import type { InventoryService, IstioObject } from '@/lib/mesh/types';
import { istio } from './mesh';
import type { MeshConfig, SemanticCheck } from '../validations/types';

/**
 * Helpers of the parity tests with `istioctl analyze` (lib/mesh/validations/istio-parity-*.test.ts):
 * each of those cases rebuilds, with our own small objects, a situation from Istio's analyzer test
 * table (istio/istio pkg/config/analysis/analyzers/analyzers_test.go) and asserts the verdict Istio
 * expects there: the same IST code where we have the check, nothing where Istio reports nothing.
 */

/** The codes `checks` report for `obj`, sorted: what istioctl's table compares. */
export function codes(
  checks: readonly SemanticCheck[],
  obj: IstioObject,
  mesh: MeshConfig,
): string[] {
  return checks.flatMap((check) => check(obj, mesh).map((v) => v.code)).sort();
}

export function withPorts(svc: InventoryService, ...ports: number[]): InventoryService {
  return { ...svc, ports: ports.map((port) => ({ port, protocol: 'TCP' })) };
}

export function vsTo(
  namespace: string,
  name: string,
  destination: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): IstioObject {
  return istio('VirtualService', namespace, name, {
    hosts: [name],
    http: [{ route: [{ destination }] }],
    ...extra,
  });
}
