import 'server-only';
import { getConfig, redact } from '@/lib/config';
import { getJaegerClient } from '@/lib/jaeger/client';
import { getKubeClient } from '@/lib/kube/client';
import { getInformers } from '@/lib/kube/informers';
import { getPrometheusClient } from '@/lib/prometheus/client';

export interface SourceStatus {
  readonly ok: boolean;
  readonly error?: string;
}

export interface Status {
  readonly meshName: string;
  readonly sources: {
    readonly prometheus: SourceStatus & { readonly url: string };
    readonly kubernetes: SourceStatus & { readonly server: string };
    readonly jaeger: SourceStatus & { readonly url?: string; readonly configured: boolean };
  };
  readonly readOnly: boolean;
}

function kubernetesStatus(): Status['sources']['kubernetes'] {
  try {
    const server = getKubeClient().server;
    const state = getInformers().state();
    return state.ok
      ? { ok: true, server }
      : { ok: false, server, error: state.error ?? 'not synced yet' };
  } catch (err) {
    return { ok: false, server: '', error: err instanceof Error ? err.message : String(err) };
  }
}

/** The state of every data source, checked in parallel; one down source never hides the others. */
export async function getStatus(): Promise<Status> {
  const config = getConfig();
  const jaeger = getJaegerClient();
  const [prometheus, jaegerPing] = await Promise.all([
    getPrometheusClient().ping(),
    jaeger ? jaeger.ping() : Promise.resolve(undefined),
  ]);
  const jaegerUrl = config.jaeger ? redact(config.jaeger.url) : undefined;
  return {
    meshName: config.meshName,
    readOnly: config.readOnly,
    sources: {
      prometheus: { ...prometheus, url: redact(config.prometheus.url) },
      kubernetes: kubernetesStatus(),
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
