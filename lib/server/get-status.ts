import 'server-only';
import type { StatusResponse } from '@/lib/client/api-types';
import { getConfig, redact } from '@/lib/config';
import { getJaegerClient } from '@/lib/jaeger/client';
import { getKubeClient } from '@/lib/kube/client';
import { getInformers } from '@/lib/kube/informers';
import { getPrometheusClient } from '@/lib/prometheus/client';

/** Waits briefly for the first sync, so that a fresh server does not report "not synced" for a healthy cluster. */
const FIRST_SYNC_WAIT_MS = 3_000;

async function kubernetesStatus(): Promise<StatusResponse['sources']['kubernetes']> {
  try {
    const server = getKubeClient().server;
    const informers = getInformers();
    await informers.ready(FIRST_SYNC_WAIT_MS).catch(() => undefined);
    const state = informers.state();
    return state.ok
      ? { ok: true, server }
      : { ok: false, server, error: state.error ?? 'not synced yet' };
  } catch (err) {
    return { ok: false, server: '', error: err instanceof Error ? err.message : String(err) };
  }
}

/** The state of every data source, checked in parallel; one down source never hides the others. */
export async function getStatus(): Promise<StatusResponse> {
  const config = getConfig();
  const jaeger = getJaegerClient();
  const [prometheus, kubernetes, jaegerPing] = await Promise.all([
    getPrometheusClient().ping(),
    kubernetesStatus(),
    jaeger ? jaeger.ping() : Promise.resolve(undefined),
  ]);
  const jaegerUrl = config.jaeger ? redact(config.jaeger.url) : undefined;
  return {
    meshName: config.meshName,
    readOnly: config.readOnly,
    sources: {
      prometheus: { ...prometheus, url: redact(config.prometheus.url) },
      kubernetes,
      jaeger: jaegerPing
        ? {
            ok: jaegerPing.ok,
            configured: true,
            ...(jaegerUrl ? { url: jaegerUrl } : {}),
            ...(jaegerPing.error ? { error: jaegerPing.error } : {}),
          }
        : { ok: false, configured: false, error: 'JAEGER_URL is not set' },
    },
  };
}
