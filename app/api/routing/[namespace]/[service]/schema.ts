import { z } from 'zod';
import type { RoutingParams } from '@/lib/api/routing';
import { isNamespaceName } from '@/lib/mesh/namespace-name';
import { parseParams } from '@/lib/server/parse-input';

const label = z.string().refine(isNamespaceName, { error: "not a DNS-1123 label (a-z, 0-9, '-')" });
const Params = z.object({ namespace: label, service: label });

export function parseRoutingParams(params: unknown): RoutingParams {
  return parseParams(Params, params);
}
