import type { FaultInput, RetriesInput, VirtualServiceInput } from './types';

type Json = Record<string, unknown>;

function retries(input: RetriesInput | undefined): Json | undefined {
  if (!input) return undefined;
  return {
    attempts: input.attempts,
    ...(input.perTryTimeout && { perTryTimeout: input.perTryTimeout }),
    ...(input.retryOn && input.retryOn.length > 0 && { retryOn: input.retryOn.join(',') }),
  };
}

function fault(input: FaultInput | undefined): Json | undefined {
  if (!input?.abort && !input?.delay) return undefined;
  return {
    ...(input.delay && {
      delay: { percentage: { value: input.delay.percent }, fixedDelay: input.delay.fixedDelay },
    }),
    ...(input.abort && {
      abort: { percentage: { value: input.abort.percent }, httpStatus: input.abort.httpStatus },
    }),
  };
}

/**
 * The VirtualService a routing form describes: one http rule per header route (in order, first match
 * wins), then a catch-all rule. Timeout, retries and fault injection apply to every rule, as a person
 * filling one form for the service expects.
 */
export function buildVirtualService(input: VirtualServiceInput): Json {
  // A fresh object per rule: shared references would come out of YAML as anchors and aliases.
  const common = (): Json => ({
    ...(input.timeout && { timeout: input.timeout }),
    ...(input.retries && { retries: retries(input.retries) }),
    ...(fault(input.fault) && { fault: fault(input.fault) }),
  });
  const destination = (subset?: string): Json => ({
    destination: { host: input.host ?? input.service, ...(subset && { subset }) },
  });
  const headerRules = input.headerRoutes.map((r) => ({
    match: [{ headers: { [r.header.toLowerCase()]: { [r.match]: r.value } } }],
    route: [destination(r.subset)],
    ...common(),
  }));
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: input.name ?? input.service, namespace: input.namespace },
    spec: {
      hosts: [input.service],
      http: [...headerRules, { route: [destination(input.defaultSubset)], ...common() }],
    },
  };
}
