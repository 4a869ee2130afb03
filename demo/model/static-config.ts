import type { ConfigSource, KubeObject } from '../kube/types.js';

/**
 * The resource plural of a kind, as the API server names it (ServiceEntry → serviceentries,
 * Gateway → gateways, GatewayClass → gatewayclasses).
 */
export function pluralOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return /(s|x|ch|sh)$/.test(lower) ? `${lower}es` : `${lower}s`;
}

/** Where the API server's store keeps an object: Gateway API Gateways apart from Istio's. */
function resourceOf(object: KubeObject): string {
  return object.kind === 'Gateway' && object.apiVersion.startsWith('gateway.networking.k8s.io/')
    ? 'k8sgateways'
    : pluralOf(object.kind);
}

/**
 * An in-memory ConfigSource: what the backfill runs against (the scenario's objects as created),
 * and what tests edit to watch traffic follow the config.
 */
export class StaticConfig implements ConfigSource {
  private readonly byResource = new Map<string, KubeObject[]>();
  private rev = 1;

  constructor(objects: readonly KubeObject[]) {
    for (const o of objects) this.put(o);
  }

  list(resource: string, namespace?: string): readonly KubeObject[] {
    const all = this.byResource.get(resource) ?? [];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  revision(): number {
    return this.rev;
  }

  /** Creates or replaces (by kind, namespace and name). */
  apply(object: KubeObject): void {
    this.put(object);
    this.rev++;
  }

  /** Removes an object; `apiVersion` tells a Gateway API Gateway from Istio's. */
  delete(kind: string, namespace: string, name: string, apiVersion = ''): void {
    const resource = resourceOf({ apiVersion, kind, metadata: { name } });
    const list = this.byResource.get(resource) ?? [];
    this.byResource.set(
      resource,
      list.filter((o) => !(o.metadata.namespace === namespace && o.metadata.name === name)),
    );
    this.rev++;
  }

  private put(object: KubeObject): void {
    const resource = resourceOf(object);
    const list = (this.byResource.get(resource) ?? []).filter(
      (o) =>
        !(
          o.metadata.namespace === object.metadata.namespace &&
          o.metadata.name === object.metadata.name
        ),
    );
    list.push(object);
    this.byResource.set(resource, list);
  }
}
