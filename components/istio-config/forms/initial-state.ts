import type { ServiceRouting } from '@/lib/api/routing';
import { readDestinationRule } from '@/lib/mesh/routing-forms/read-destination-rule';
import { drStateFrom, type DrFormState, type VsFormState } from './form-state';

/** Where the routing forms start: the live objects' values, else defaults from the inventory. */

export function initialDr(routing: ServiceRouting): DrFormState {
  if (routing.destinationRule)
    return drStateFrom(readDestinationRule(routing.destinationRule.manifest.spec));
  return {
    subsets: routing.subsets.map((s) => ({ name: s.name, version: s.labels.version ?? '' })),
    loadBalancer: '',
    maxConnections: '',
    http1MaxPendingRequests: '',
    consecutive5xxErrors: '',
    interval: '',
    baseEjectionTime: '',
    maxEjectionPercent: '',
    tlsMode: '',
  };
}

export const INITIAL_VS: VsFormState = {
  headerRoutes: [],
  defaultSubset: '',
  timeout: '',
  attempts: '',
  perTryTimeout: '',
  retryOn: '',
  abortPercent: '',
  abortStatus: '',
  delayPercent: '',
  fixedDelay: '',
};
