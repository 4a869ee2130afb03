import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatBytes,
  formatBytesPerSecond,
  formatMs,
  formatPercent,
  formatRps,
} from './format';

describe('format', () => {
  it('says how old data is, coarsely', () => {
    expect(formatAge(1_200)).toBe('just now');
    expect(formatAge(42_000)).toBe('42 s ago');
    expect(formatAge(4 * 60_000 + 59_000)).toBe('4 min ago');
    expect(formatAge(3 * 3_600_000 + 1)).toBe('3 h ago');
  });
  it('keeps small rates visible and large ones short', () => {
    expect(formatRps(0)).toBe('0');
    expect(formatRps(0.004)).toBe('<0.01');
    expect(formatRps(3.456)).toBe('3.46');
    expect(formatRps(42.42)).toBe('42.4');
    expect(formatRps(1234.5)).toBe('1,235');
  });
  it('formats shares as percentages', () => {
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.0004)).toBe('<0.1%');
    expect(formatPercent(0.052)).toBe('5.2%');
    expect(formatPercent(0.5)).toBe('50%');
  });
  it('formats latency and bytes', () => {
    expect(formatMs(0.5)).toBe('0.50 ms');
    expect(formatMs(123.4)).toBe('123 ms');
    expect(formatMs(2500)).toBe('2.50 s');
    expect(formatBytesPerSecond(2048)).toBe('2.0 KiB/s');
    expect(formatBytes(310)).toBe('310 B');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MiB');
  });
});
