import { describe, expect, it } from 'vitest';
import type { Series } from '../types';
import { l7Reporters, ofReporter, resolveReporter, tcpReporter } from './reporter';

const series = (reporter: string, v = 1): Series => ({
  labels: { reporter, destination_version: 'v1' },
  points: [{ t: 0, v }],
});

describe('reporter choice', () => {
  it('asks the sidecar reporter and the waypoint together under auto, one reporter otherwise', () => {
    expect(l7Reporters('auto', 'inbound')).toEqual(['destination', 'waypoint']);
    expect(l7Reporters('auto', 'outbound')).toEqual(['source', 'waypoint']);
    expect(l7Reporters('waypoint', 'inbound')).toEqual(['waypoint']);
    expect(l7Reporters('both', 'inbound')).toBeUndefined();
  });

  it("reads TCP from ztunnel on the node's side when the waypoint may be read", () => {
    expect(tcpReporter('auto', 'inbound')).toBe('destination');
    expect(tcpReporter('waypoint', 'outbound')).toBe('source');
    expect(tcpReporter('source', 'inbound')).toBe('source');
    expect(tcpReporter('both', 'inbound')).toBeUndefined();
  });

  it("prefers the sidecar's report and falls back to the waypoint's", () => {
    expect(resolveReporter('auto', 'inbound', [series('waypoint'), series('destination')])).toBe(
      'destination',
    );
    expect(resolveReporter('auto', 'inbound', [series('waypoint')])).toBe('waypoint');
    expect(resolveReporter('auto', 'outbound', [])).toBe('source');
    expect(resolveReporter('both', 'inbound', [series('waypoint')])).toBe('both');
  });

  it('keeps only the chosen reporter', () => {
    const all = [series('waypoint', 2), series('destination', 3)];
    expect(ofReporter(all, 'waypoint').map((s) => s.points[0]?.v)).toEqual([2]);
    expect(ofReporter(all, 'both')).toHaveLength(2);
  });
});
