import { parse } from 'yaml';
import { z } from 'zod';
import { parseDuration } from '@/lib/mesh/time/duration';
import type { PrometheusLimits } from '@/lib/mesh/time/time-range';

// Ref https://prometheus.io/docs/prometheus/latest/querying/api/#config and #flags

/** Prometheus' own default when the configuration sets no global scrape_interval. */
const DEFAULT_SCRAPE_SECONDS = 60;
/** Prometheus' default retention when the flag is 0 and no size limit is set. */
const DEFAULT_RETENTION_SECONDS = 15 * 86_400;

export const StatusConfig = z.object({
  status: z.literal('success'),
  data: z.object({ yaml: z.string() }),
});

export const StatusFlags = z.object({
  status: z.literal('success'),
  data: z.record(z.string(), z.string()),
});

const GlobalSection = z.object({
  global: z.object({ scrape_interval: z.string().optional() }).nullish(),
});

/** The scrape interval from /api/v1/status/config's YAML; Prometheus' default when unset or unreadable. */
export function scrapeIntervalOf(configYaml: string): number {
  let raw: unknown;
  try {
    raw = parse(configYaml, { maxAliasCount: 100 });
  } catch {
    return DEFAULT_SCRAPE_SECONDS;
  }
  const global = GlobalSection.safeParse(raw);
  const text = global.success ? global.data.global?.scrape_interval : undefined;
  return (text !== undefined && parseDuration(text)) || DEFAULT_SCRAPE_SECONDS;
}

/**
 * The retention from /api/v1/status/flags: the time flag, Prometheus' 15 days when it is 0 and no
 * size limit is set, unknown when only a size limit bounds it (how far back that reaches depends on
 * the traffic).
 */
export function retentionOf(flags: Readonly<Record<string, string>>): number | undefined {
  const time = parseDuration(flags['storage.tsdb.retention.time'] ?? '0s') ?? 0;
  if (time > 0) return time;
  const size = flags['storage.tsdb.retention.size'] ?? '0B';
  return /^0[A-Za-z]*$/.test(size) ? DEFAULT_RETENTION_SECONDS : undefined;
}

export function limitsOf(
  configYaml: string,
  flags: Readonly<Record<string, string>>,
): PrometheusLimits {
  const retentionSeconds = retentionOf(flags);
  return {
    scrapeIntervalSeconds: scrapeIntervalOf(configYaml),
    ...(retentionSeconds !== undefined && { retentionSeconds }),
  };
}
