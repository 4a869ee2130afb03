import type {
  DestinationRuleInput,
  HeaderMatchType,
  LoadBalancer,
  TlsMode,
  VirtualServiceInput,
} from '@/lib/mesh/routing-forms/types';

/*
 * The routing forms' raw field values (strings, as typed) and their conversion into the builders'
 * inputs. Empty fields are left out of the object; a number that does not parse stays NaN so the
 * schema check names the field instead of the form silently dropping it.
 */

/** "" → undefined, else the number (NaN stays NaN so the schema check reports it). */
export function optionalNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

export function optionalText(text: string): string | undefined {
  return text.trim() === '' ? undefined : text.trim();
}

/** The DestinationRule form's raw field values; strings as typed, converted by toDestinationRuleInput. */
export interface DrFormState {
  readonly subsets: readonly { readonly name: string; readonly version: string }[];
  readonly loadBalancer: LoadBalancer | '';
  readonly maxConnections: string;
  readonly http1MaxPendingRequests: string;
  readonly consecutive5xxErrors: string;
  readonly interval: string;
  readonly baseEjectionTime: string;
  readonly maxEjectionPercent: string;
  readonly tlsMode: TlsMode | '';
}

export function toDestinationRuleInput(
  state: DrFormState,
  namespace: string,
  service: string,
  name?: string,
): DestinationRuleInput {
  return {
    namespace,
    service,
    ...(name && { name }),
    subsets: state.subsets
      .filter((s) => s.name.trim())
      .map((s) => ({ name: s.name.trim(), labels: { version: s.version.trim() } })),
    trafficPolicy: {
      ...(state.loadBalancer && { loadBalancer: state.loadBalancer }),
      connectionPool: {
        maxConnections: optionalNumber(state.maxConnections),
        http1MaxPendingRequests: optionalNumber(state.http1MaxPendingRequests),
      },
      outlierDetection: {
        consecutive5xxErrors: optionalNumber(state.consecutive5xxErrors),
        interval: optionalText(state.interval),
        baseEjectionTime: optionalText(state.baseEjectionTime),
        maxEjectionPercent: optionalNumber(state.maxEjectionPercent),
      },
      ...(state.tlsMode && { tlsMode: state.tlsMode }),
    },
  };
}

export interface HeaderRouteState {
  readonly header: string;
  readonly match: HeaderMatchType;
  readonly value: string;
  readonly subset: string;
}

/** The VirtualService form's raw field values; strings as typed, converted by toVirtualServiceInput. */
export interface VsFormState {
  readonly headerRoutes: readonly HeaderRouteState[];
  readonly defaultSubset: string;
  readonly timeout: string;
  readonly attempts: string;
  readonly perTryTimeout: string;
  readonly retryOn: string;
  readonly abortPercent: string;
  readonly abortStatus: string;
  readonly delayPercent: string;
  readonly fixedDelay: string;
}

export function toVirtualServiceInput(
  state: VsFormState,
  namespace: string,
  service: string,
  name?: string,
  host?: string,
): VirtualServiceInput {
  const attempts = optionalNumber(state.attempts);
  const abortPercent = optionalNumber(state.abortPercent);
  const delayPercent = optionalNumber(state.delayPercent);
  return {
    namespace,
    service,
    ...(name && { name }),
    ...(host && { host }),
    headerRoutes: state.headerRoutes.filter((r) => r.header.trim() && r.subset),
    ...(state.defaultSubset && { defaultSubset: state.defaultSubset }),
    ...(optionalText(state.timeout) && { timeout: state.timeout.trim() }),
    ...(attempts !== undefined && {
      retries: {
        attempts,
        ...(optionalText(state.perTryTimeout) && { perTryTimeout: state.perTryTimeout.trim() }),
        retryOn: state.retryOn
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      },
    }),
    fault: {
      ...(abortPercent !== undefined && {
        abort: { percent: abortPercent, httpStatus: optionalNumber(state.abortStatus) ?? 503 },
      }),
      ...(delayPercent !== undefined && {
        delay: { percent: delayPercent, fixedDelay: optionalText(state.fixedDelay) ?? '1s' },
      }),
    },
  };
}

const text = (v: number | string | undefined): string => (v === undefined ? '' : String(v));

/** The DestinationRule form filled from a live object (see readDestinationRule). */
export function drStateFrom(
  input: Pick<DestinationRuleInput, 'subsets' | 'trafficPolicy'>,
): DrFormState {
  const policy = input.trafficPolicy;
  return {
    subsets: input.subsets.map((s) => ({ name: s.name, version: s.labels.version ?? '' })),
    loadBalancer: policy?.loadBalancer ?? '',
    maxConnections: text(policy?.connectionPool?.maxConnections),
    http1MaxPendingRequests: text(policy?.connectionPool?.http1MaxPendingRequests),
    consecutive5xxErrors: text(policy?.outlierDetection?.consecutive5xxErrors),
    interval: text(policy?.outlierDetection?.interval),
    baseEjectionTime: text(policy?.outlierDetection?.baseEjectionTime),
    maxEjectionPercent: text(policy?.outlierDetection?.maxEjectionPercent),
    tlsMode: policy?.tlsMode ?? '',
  };
}

/** The VirtualService form filled from a live object (see readVirtualService). */
export function vsStateFrom(
  input: Pick<
    VirtualServiceInput,
    'headerRoutes' | 'defaultSubset' | 'timeout' | 'retries' | 'fault'
  >,
): VsFormState {
  return {
    headerRoutes: input.headerRoutes.map((r) => ({ ...r })),
    defaultSubset: input.defaultSubset ?? '',
    timeout: input.timeout ?? '',
    attempts: text(input.retries?.attempts),
    perTryTimeout: input.retries?.perTryTimeout ?? '',
    retryOn: input.retries?.retryOn?.join(',') ?? '',
    abortPercent: text(input.fault?.abort?.percent),
    abortStatus: text(input.fault?.abort?.httpStatus),
    delayPercent: text(input.fault?.delay?.percent),
    fixedDelay: input.fault?.delay?.fixedDelay ?? '',
  };
}
