import 'server-only';
import type { KubernetesSourceState, StatusResponse } from '@/lib/api/status';
import { getConfig, redact } from '@/lib/config';
import { getJaegerClient } from '@/lib/jaeger/client';
import { getKubeClient } from '@/lib/kube/client';
import { getInformers } from '@/lib/kube/informers';
import { toKubeError } from '@/lib/kube/status-error';
import { getPrometheusClient } from '@/lib/prometheus/client';
import { kubernetesSourceState } from './kube-source-state';

/** Waits briefly for the first sync, so that a fresh server does not report "not synced" for a healthy cluster. */
const FIRST_SYNC_WAIT_MS = 3_000;

async function kubernetesStatus(): Promise<KubernetesSourceState> {
  try {
    const client = getKubeClient();
    const informers = getInformers();
    // The caches alone cannot tell a hung API server from a quiet one for up to a watch timeout.
    const [probeError] = await Promise.all([
      client.probe().then(
        () => undefined,
        (err: unknown) => toKubeError(err).message,
      ),
      informers.ready(FIRST_SYNC_WAIT_MS).catch(() => undefined),
    ]);
    return kubernetesSourceState(client.server, probeError, informers.state());
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
