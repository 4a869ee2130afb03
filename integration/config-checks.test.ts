/**
 * Every check added for istioctl's breadth fires on the live demo mesh, through both doors: a crafted
 * object (with its companions) POSTed to /api/istio/validate, and the same objects stored in the
 * cluster, then listed by /api/istio. The cases are written beside each analyzer area in ./checks/.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ConfigListItem } from '@/lib/api/istio';
import { ISTIO_KIND_INFO, kindOfManifest } from '@/lib/mesh/istio/kinds';
import { CHECK_CASES } from './checks';
import type { CheckCase } from './checks/types';
import { eventually, getJson } from './harness';
import { appStackForFile, send } from './write-client';

const { stack, app } = appStackForFile();

interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string };
}

const CORE_RESOURCES: Readonly<Record<string, string>> = {
  Namespace: 'namespaces',
  Pod: 'pods',
  Service: 'services',
  Deployment: 'deployments',
  Secret: 'secrets',
  ConfigMap: 'configmaps',
};

/** The demo store's collection for a manifest: core kinds by name, Istio kinds by their plural. */
function resourceOf(m: Manifest): string {
  const istio = kindOfManifest(m.apiVersion, m.kind);
  const resource = istio ? ISTIO_KIND_INFO[istio].plural : CORE_RESOURCES[m.kind];
  if (!resource) throw new Error(`no collection for ${m.kind}`);
  return resource;
}

function manifestsOf(c: CheckCase): Manifest[] {
  return [c.yaml, ...(c.alongside ?? [])].map((text) => parse(text) as Manifest);
}

/** Stores a manifest as the API server would after a create (metadata the server owns filled in). */
function store(m: Manifest): () => void {
  const resource = resourceOf(m);
  const kube = stack().kube.store;
  const namespace = m.kind === 'Namespace' ? undefined : (m.metadata.namespace ?? 'default');
  const previous = kube.get(resource, namespace, m.metadata.name);
  const metadata = {
    ...m.metadata,
    ...(namespace !== undefined && { namespace }),
    uid: randomUUID(),
    creationTimestamp: new Date().toISOString(),
    resourceVersion: kube.nextResourceVersion(),
    generation: 1,
  };
  const obj = { ...m, metadata } as Parameters<typeof kube.create>[1];
  if (previous) kube.replace(resource, obj);
  else kube.create(resource, obj);
  return () => {
    if (previous)
      kube.replace(resource, {
        ...previous,
        metadata: { ...previous.metadata, resourceVersion: kube.nextResourceVersion() },
      });
    else kube.remove(resource, namespace, m.metadata.name);
  };
}

function itemOf(items: readonly ConfigListItem[], c: CheckCase): ConfigListItem | undefined {
  const { kind, namespace, name } = c.resource;
  return items.find((i) => i.kind === kind && i.namespace === namespace && i.name === name);
}

/** The demo's one deliberate mistake, kept to show a finding: checkout routes to a subset nobody defines. */
const DELIBERATE = new Set(['VirtualService shop/checkout IST0101']);

describe('the demo config as /api/istio lists it', () => {
  it('lists every kind the demo holds, the ones Meshlens does not read as not checked', async () => {
    const items = await eventually(async () => {
      const { status, body } = await getJson(`${app()}/api/istio`);
      return status === 200 && Array.isArray(body) && body.length > 0
        ? (body as ConfigListItem[])
        : undefined;
    });
    const kinds = new Set(items.map((i) => i.kind));
    for (const kind of Object.keys(ISTIO_KIND_INFO) as (keyof typeof ISTIO_KIND_INFO)[]) {
      const plural = ISTIO_KIND_INFO[kind].plural;
      if (stack().kube.store.list(plural).length > 0) expect(kinds).toContain(kind);
    }
    const unchecked = items.filter((i) => !i.editable && !i.checked);
    expect(unchecked.map((i) => i.kind)).toContain('TCPRoute');
    expect(unchecked.every((i) => i.validations.length === 0)).toBe(true);
  });

  it('finds nothing wrong with the demo objects but its one deliberate mistake', async () => {
    const { body } = await getJson(`${app()}/api/istio`);
    const findings = (body as ConfigListItem[]).flatMap((i) =>
      i.validations
        .filter((v) => v.severity !== 'info')
        .map((v) => `${i.kind} ${i.namespace}/${i.name} ${v.code}`),
    );
    expect(findings.filter((f) => !DELIBERATE.has(f))).toEqual([]);
  });
});

describe('each new check, through /api/istio/validate', () => {
  it.each(
    CHECK_CASES.map(
      (c) =>
        [`${c.code} on ${c.resource.kind} ${c.resource.namespace}/${c.resource.name}`, c] as const,
    ),
  )('%s', async (_, c) => {
    const res = await send(app(), 'POST', '/api/istio/validate', {
      yaml: c.yaml,
      ...(c.resource.namespace !== '' && { namespace: c.resource.namespace }),
      ...(c.alongside && { alongside: c.alongside }),
    });
    expect(res.status).toBe(200);
    const codes = (res.body.validations as { code: string }[]).map((v) => v.code);
    expect(codes).toContain(c.code);
  });
});

/** Objects of a kind Meshlens does not read are listed unchecked: their case is about validate only. */
const STORED_CASES = CHECK_CASES.filter((c) => c.code !== 'MESHLENS-100');

/**
 * Cases stored together, except one bringing a control-plane ConfigMap: it changes what the other
 * namespaces are (every namespace injected by default), so it gets a round of its own.
 */
const ROUNDS: readonly (readonly CheckCase[])[] = [
  STORED_CASES.filter((c) => !manifestsOf(c).some((m) => m.kind === 'ConfigMap')),
  ...STORED_CASES.filter((c) => manifestsOf(c).some((m) => m.kind === 'ConfigMap')).map((c) => [c]),
];

describe('each new check, on objects stored in the cluster, through /api/istio', () => {
  it.each(ROUNDS.map((round) => [round.map((c) => c.code).join(', '), round] as const))(
    'lists the crafted objects with their findings: %s',
    async (_, round) => {
      const undo = round.flatMap((c) => manifestsOf(c)).map(store);
      // Control-plane ConfigMaps are polled once a minute, not watched.
      const polled = round.some((c) => manifestsOf(c).some((m) => m.kind === 'ConfigMap'));
      try {
        const items = await eventually(
          async () => {
            const { status, body } = await getJson(`${app()}/api/istio`);
            if (status !== 200) throw new Error(`HTTP ${status}`);
            const list = body as ConfigListItem[];
            const missing = round.filter(
              (c) => !itemOf(list, c)?.validations.some((v) => v.code === c.code),
            );
            if (missing.length > 0)
              throw new Error(
                `not yet: ${missing.map((c) => `${c.code} ${c.resource.kind}/${c.resource.name}`).join(', ')}`,
              );
            return list;
          },
          { timeoutMs: polled ? 150_000 : 60_000 },
        );
        for (const c of round)
          expect(itemOf(items, c)?.validations.map((v) => v.code)).toContain(c.code);
      } finally {
        for (const u of undo.reverse()) u();
      }
    },
    200_000,
  );
});
