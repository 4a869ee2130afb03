import { describe, expect, it } from 'vitest';
import { limitsOf, retentionOf, scrapeIntervalOf } from './limits';

describe('Prometheus limits', () => {
  it('reads the global scrape interval, with the default when unset or broken', () => {
    expect(scrapeIntervalOf('global:\n  scrape_interval: 15s\n  evaluation_interval: 30s\n')).toBe(
      15,
    );
    expect(scrapeIntervalOf('scrape_configs: []\n')).toBe(60);
    expect(scrapeIntervalOf('global: [')).toBe(60);
  });

  it('reads the retention flag, the 15-day default, and "unknown" for a size-only limit', () => {
    expect(retentionOf({ 'storage.tsdb.retention.time': '1d' })).toBe(86_400);
    expect(
      retentionOf({ 'storage.tsdb.retention.time': '0s', 'storage.tsdb.retention.size': '0B' }),
    ).toBe(15 * 86_400);
    expect(
      retentionOf({ 'storage.tsdb.retention.time': '0s', 'storage.tsdb.retention.size': '10GB' }),
    ).toBeUndefined();
    expect(
      limitsOf('global: {scrape_interval: 5s}', { 'storage.tsdb.retention.time': '1d' }),
    ).toEqual({
      scrapeIntervalSeconds: 5,
      retentionSeconds: 86_400,
    });
  });
});
