/**
 * What the injection analyzers read from the control plane's ConfigMaps and from namespace and pod
 * metadata, the way istioctl's injection analyzers (pkg/config/analysis/analyzers/injection) read them.
 * Ref https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/
 */
import type { Inventory, InventoryConfigMap, InventoryPod } from '@/lib/mesh/types';
import { isRecord } from '@/lib/mesh/istio/read';

export const INJECTION_LABEL = 'istio-injection';
export const REVISION_LABEL = 'istio.io/rev';
export const SIDECAR_INJECT = 'sidecar.istio.io/inject';
/** Set by ztunnel's CNI on the pods it captures in ambient mode. */
export const AMBIENT_REDIRECTION = 'ambient.istio.io/redirection';

const INJECTOR_CONFIG_MAP = 'istio-sidecar-injector';

/** The injector ConfigMap of a revision: the default one for no revision or `default`. */
export function injectorConfigMapName(revision: string | undefined): string {
  return !revision || revision === 'default'
    ? INJECTOR_CONFIG_MAP
    : `${INJECTOR_CONFIG_MAP}-${revision}`;
}

export function isInjectorConfigMap(cm: InventoryConfigMap): boolean {
  return cm.name.startsWith(INJECTOR_CONFIG_MAP);
}

export function findConfigMap(inventory: Inventory, name: string): InventoryConfigMap | undefined {
  return inventory.configMaps?.find((cm) => cm.name === name);
}

function field(value: unknown, ...keys: string[]): unknown {
  let at = value;
  for (const key of keys) at = isRecord(at) ? at[key] : undefined;
  return at;
}

/** The Helm values the injector renders its template with (the `values` key, JSON); absent if unreadable. */
function injectorValues(cm: InventoryConfigMap): unknown {
  const text = cm.data.values;
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `sidecarInjectorWebhook.enableNamespacesByDefault`: every namespace without a label is injected. */
export function enablesNamespacesByDefault(cm: InventoryConfigMap): boolean {
  return field(injectorValues(cm), 'sidecarInjectorWebhook', 'enableNamespacesByDefault') === true;
}

/**
 * The proxy image the injector puts in new pods: `global.proxy.image` as written when it holds a
 * registry path, else `<global.hub>/<global.proxy.image>:<global.tag>`, as the injection template
 * composes it. Absent when the values do not say.
 */
export function injectorProxyImage(cm: InventoryConfigMap): string | undefined {
  const global = field(injectorValues(cm), 'global');
  const image = field(global, 'proxy', 'image');
  if (typeof image !== 'string' || image === '') return undefined;
  if (image.includes('/')) return image;
  const hub = field(global, 'hub');
  const tag = field(global, 'tag');
  if (typeof hub !== 'string' || (typeof tag !== 'string' && typeof tag !== 'number'))
    return undefined;
  return `${hub}/${image}:${String(tag)}`;
}

/**
 * The pod's annotations: its own, else its workload's pod template's (what the pod was created with);
 * absent when neither is known.
 */
export function podAnnotations(
  pod: InventoryPod,
  inventory: Inventory,
): Readonly<Record<string, string>> | undefined {
  if (pod.annotations) return pod.annotations;
  return inventory.workloads.find((w) => w.namespace === pod.namespace && w.name === pod.workload)
    ?.annotations;
}

/** Injection explicitly turned off for the pod: `sidecar.istio.io/inject=false`, the label winning over the annotation. */
export function podOptsOut(
  pod: InventoryPod,
  annotations: Readonly<Record<string, string>>,
): boolean {
  const value = pod.labels[SIDECAR_INJECT] ?? annotations[SIDECAR_INJECT] ?? '';
  return value.toLowerCase() === 'false';
}
