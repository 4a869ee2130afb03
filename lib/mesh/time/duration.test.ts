import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';

describe('Prometheus durations', () => {
  it('reads single and compound durations, largest unit first', () => {
    expect(parseDuration('5m')).toBe(300);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('7d')).toBe(604_800);
    expect(parseDuration('2w')).toBe(1_209_600);
    expect(parseDuration('1500ms')).toBe(1.5);
  });

  it('refuses what Prometheus refuses', () => {
    for (const bad of [
      '',
      '5',
      'm',
      '5M',
      '1m1h',
      '1.5h',
      '-5m',
      '5 m',
      '5mm',
      `${'1'.repeat(50)}s`,
    ])
      expect(parseDuration(bad), bad).toBeUndefined();
  });

  it('writes one spelling back', () => {
    expect(formatDuration(5400)).toBe('90m');
    expect(formatDuration(86_400)).toBe('1d');
    expect(formatDuration(604_800)).toBe('7d');
    expect(formatDuration(90)).toBe('90s');
    expect(formatDuration(0.2)).toBe('1s');
  });
});
