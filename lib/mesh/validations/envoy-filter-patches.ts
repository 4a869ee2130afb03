import { isRecord } from '@/lib/mesh/istio/read';
import type { IstioObject } from '@/lib/mesh/types';
import type { MeshConfig, Validation } from './types';

/**
 * istioctl's envoyfilter.EnvoyPatchAnalyzer (pkg/config/analysis/analyzers/envoyfilter/envoyfilter.go):
 * IST0153 / IST0154 an ADD or REMOVE that Istio ignores on ROUTE_CONFIGURATION and HTTP_ROUTE, IST0152
 * a REPLACE outside HTTP_FILTER and NETWORK_FILTER, and, on an EnvoyFilter without a priority, IST0151
 * a relative operation (INSERT_BEFORE, INSERT_AFTER, REPLACE, REMOVE) whose anchor may not be there yet,
 * IST0155 the same on a filter an earlier patch already ties to a proxyVersion.
 */
export const RELATIVE_OPERATION_CODE = 'IST0151';
export const REPLACE_OPERATION_CODE = 'IST0152';
export const ADD_OPERATION_CODE = 'IST0153';
export const REMOVE_OPERATION_CODE = 'IST0154';
export const RELATIVE_WITH_PROXY_VERSION_CODE = 'IST0155';

const ROUTE_LEVEL = new Set(['ROUTE_CONFIGURATION', 'HTTP_ROUTE']);
const REPLACEABLE = new Set(['HTTP_FILTER', 'NETWORK_FILTER']);

interface Patch {
  readonly applyTo: string;
  readonly operation: string;
  /** The filter the patch is about: its value's `name`, else the listener filter it matches. */
  readonly filter: string;
  readonly pinsProxyVersion: boolean;
}

const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The config patches Istio walks: it stops at the first one without a `patch`. */
function patchesOf(filter: IstioObject): Patch[] {
  const list = Array.isArray(filter.spec.configPatches) ? filter.spec.configPatches : [];
  const out: Patch[] = [];
  for (const raw of list) {
    const item = record(raw);
    if (!isRecord(item.patch)) break;
    const match = record(item.match);
    const value = record(item.patch.value);
    const fromListener = record(record(record(match.listener).filterChain).filter).name;
    const filterName =
      Object.keys(value).length === 0
        ? ''
        : 'name' in value
          ? JSON.stringify(value.name)
          : text(fromListener);
    out.push({
      applyTo: text(item.applyTo),
      operation: text(item.patch.operation),
      filter: filterName,
      pinsProxyVersion: text(record(match.proxy).proxyVersion) !== '',
    });
  }
  return out;
}

const byName = (a: IstioObject, b: IstioObject) =>
  a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);

/**
 * The filters earlier EnvoyFilters (in istioctl's order, by namespace and name) tie to a proxyVersion:
 * a relative patch on one of them without a priority may stop applying on an upgrade.
 */
function pinnedBefore(obj: IstioObject, mesh: MeshConfig): string[] {
  return mesh.objects
    .filter((o) => o.kind === 'EnvoyFilter' && byName(o, obj) < 0)
    .sort(byName)
    .flatMap((o) =>
      patchesOf(o)
        .filter((p) => p.pinsProxyVersion)
        .map((p) => p.filter),
    );
}

const finding = (code: string, index: number, message: string): Validation => ({
  code,
  severity:
    code === RELATIVE_OPERATION_CODE || code === RELATIVE_WITH_PROXY_VERSION_CODE
      ? 'warning'
      : 'error',
  message,
  path: `spec.configPatches[${index}]`,
});

function relative(patch: Patch, index: number, pinned: readonly string[]): Validation {
  return pinned.includes(patch.filter)
    ? finding(
        RELATIVE_WITH_PROXY_VERSION_CODE,
        index,
        `This EnvoyFilter has no priority and a relative ${patch.operation} patch on a filter another patch ties to a proxyVersion: during an upgrade it may not be applied. Set spec.priority, or use INSERT_FIRST or ADD.`,
      )
    : finding(
        RELATIVE_OPERATION_CODE,
        index,
        `This EnvoyFilter has no priority and a relative ${patch.operation} patch: if the filter it is relative to is not there yet, it is not applied. Set spec.priority, or use INSERT_FIRST or ADD.`,
      );
}

function patchFinding(
  patch: Patch,
  index: number,
  prioritized: boolean,
  pinned: readonly string[],
) {
  const { applyTo, operation } = patch;
  if (operation === 'ADD') {
    return ROUTE_LEVEL.has(applyTo)
      ? finding(
          ADD_OPERATION_CODE,
          index,
          `The ADD operation is ignored when applyTo is ${applyTo}: this patch does nothing. Use MERGE, or ADD a VIRTUAL_HOST.`,
        )
      : undefined;
  }
  if (operation === 'REMOVE' && ROUTE_LEVEL.has(applyTo)) {
    return finding(
      REMOVE_OPERATION_CODE,
      index,
      `The REMOVE operation is ignored when applyTo is ${applyTo}: this patch does nothing. Remove the VIRTUAL_HOST instead, or use MERGE.`,
    );
  }
  if (operation === 'REPLACE' && !REPLACEABLE.has(applyTo)) {
    return finding(
      REPLACE_OPERATION_CODE,
      index,
      `The REPLACE operation is only valid for HTTP_FILTER and NETWORK_FILTER, not ${applyTo || 'this applyTo'}: use MERGE, or REMOVE then ADD.`,
    );
  }
  const isRelative = ['REMOVE', 'REPLACE', 'INSERT_BEFORE', 'INSERT_AFTER'].includes(operation);
  return isRelative && !prioritized ? relative(patch, index, pinned) : undefined;
}

export function checkEnvoyFilterPatches(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'EnvoyFilter') return [];
  const prioritized = typeof obj.spec.priority === 'number' && obj.spec.priority !== 0;
  const pinned = pinnedBefore(obj, mesh);
  return patchesOf(obj).flatMap((patch, index) => {
    const validation = patchFinding(patch, index, prioritized, pinned);
    if (patch.pinsProxyVersion) pinned.push(patch.filter);
    return validation ? [validation] : [];
  });
}
