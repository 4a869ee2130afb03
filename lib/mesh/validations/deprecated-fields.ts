import { isRecord } from '@/lib/mesh/istio/read';
import { readVirtualServiceSpec } from '@/lib/mesh/istio/virtual-service';
import type { IstioObject } from '@/lib/mesh/types';
import { formatPath } from './path';
import type { Validation } from './types';

/**
 * IST0002 Deprecated, a warning as in istioctl's deprecation FieldAnalyzer (istio/istio
 * pkg/config/analysis/analyzers/deprecation/deprecation.go), for exactly the fields it lists: a
 * VirtualService fault delay's `percent` (replaced by `percentage`) and a Sidecar's
 * `outboundTrafficPolicy.egressProxy` (ignored).
 */
export const DEPRECATED_CODE = 'IST0002';

function virtualServiceFields(obj: IstioObject): Validation[] {
  return readVirtualServiceSpec(obj.spec).http.flatMap((rule): Validation[] => {
    const fault = rule.raw?.fault;
    const delay = isRecord(fault) ? fault.delay : undefined;
    const percent = isRecord(delay) ? delay.percent : undefined;
    if (typeof percent !== 'number' || percent <= 0) return [];
    return [
      {
        code: DEPRECATED_CODE,
        severity: 'warning',
        message: `The delay's 'percent' is deprecated. Write 'percentage: {value: ${percent}}' instead, which also takes fractions of a percent.`,
        path: formatPath([...rule.path, 'fault', 'delay', 'percent']),
      },
    ];
  });
}

function sidecarFields(obj: IstioObject): Validation[] {
  const policy = obj.spec.outboundTrafficPolicy;
  if (!isRecord(policy) || !isRecord(policy.egressProxy)) return [];
  return [
    {
      code: DEPRECATED_CODE,
      severity: 'warning',
      message:
        'outboundTrafficPolicy.egressProxy is deprecated and ignored: traffic to unknown hosts does not go through it. Route such traffic through an egress gateway with a ServiceEntry and a VirtualService, and remove the field.',
      path: formatPath(['spec', 'outboundTrafficPolicy', 'egressProxy']),
    },
  ];
}

export function checkDeprecatedFields(obj: IstioObject): Validation[] {
  if (obj.kind === 'VirtualService') return virtualServiceFields(obj);
  if (obj.kind === 'Sidecar') return sidecarFields(obj);
  return [];
}
