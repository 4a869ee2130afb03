import type { Sample } from '@/lib/mesh/types';
import type { ObservedCall } from './types';

export interface ObservedCallSamples {
  /** Grouped by CALL_REQUEST_LABELS (lib/prometheus/security-queries.ts). */
  readonly requests: readonly Sample[];
  /** Grouped by CALL_LABELS. */
  readonly tcpSent: readonly Sample[];
  readonly tcpReceived: readonly Sample[];
}

type Security = ObservedCall['security'];

interface Acc {
  source: string;
  sourceNamespace: string;
  principal: string;
  target: string;
  targetNamespace: string;
  security: Security;
  rps: number;
  forbiddenRps: number;
  bytesPerSecond: number;
}

/** A missing or empty label is what Istio itself writes when it does not know: 'unknown'. */
function label(s: Sample, name: string): string {
  const v = s.labels[name];
  return v === undefined || v === '' ? 'unknown' : v;
}

function security(s: Sample): Security {
  const v = s.labels.connection_security_policy;
  return v === 'mutual_tls' || v === 'none' ? v : 'unknown';
}

/**
 * The calls into each target from each caller, one per (caller, principal, target, connection
 * security): requests summed over status codes with the 403s kept apart, TCP bytes sent and received
 * added. Series that are not finite numbers are skipped (a NaN rate is not traffic), and a call with
 * no rate left in the window was not observed, so it is dropped. Largest first, so lists read top down.
 */
export function decodeObservedCalls(input: ObservedCallSamples): ObservedCall[] {
  const calls = new Map<string, Acc>();
  const accFor = (s: Sample): Acc => {
    const call = {
      source: label(s, 'source_workload'),
      sourceNamespace: label(s, 'source_workload_namespace'),
      principal: label(s, 'source_principal'),
      target: label(s, 'destination_workload'),
      targetNamespace: label(s, 'destination_workload_namespace'),
      security: security(s),
    };
    const key = JSON.stringify(call);
    let acc = calls.get(key);
    if (!acc) {
      acc = { ...call, rps: 0, forbiddenRps: 0, bytesPerSecond: 0 };
      calls.set(key, acc);
    }
    return acc;
  };
  for (const s of input.requests) {
    if (!Number.isFinite(s.value) || s.value < 0) continue;
    const acc = accFor(s);
    acc.rps += s.value;
    if (s.labels.response_code === '403') acc.forbiddenRps += s.value;
  }
  for (const s of [...input.tcpSent, ...input.tcpReceived]) {
    if (!Number.isFinite(s.value) || s.value < 0) continue;
    accFor(s).bytesPerSecond += s.value;
  }
  return [...calls.values()]
    .filter((c) => c.rps > 0 || c.bytesPerSecond > 0)
    .sort((a, b) => b.rps - a.rps || b.bytesPerSecond - a.bytesPerSecond);
}
