import { describe, expect, it } from 'vitest';
import { dataPlaneLabel, waypointName } from './describe';

const WAYPOINT = { namespace: 'travel', name: 'waypoint' };

describe('dataPlaneLabel', () => {
  it('names the waypoint only for ambient', () => {
    expect(dataPlaneLabel('ambient', WAYPOINT)).toBe('ambient + waypoint');
    expect(dataPlaneLabel('ambient')).toBe('ambient');
    expect(dataPlaneLabel('mixed', WAYPOINT)).toBe('mixed');
    expect(dataPlaneLabel('sidecar')).toBe('sidecar');
  });
});

describe('waypointName', () => {
  it('adds the namespace of a waypoint from elsewhere', () => {
    expect(waypointName(WAYPOINT, 'travel')).toBe('waypoint');
    expect(waypointName(WAYPOINT, 'shop')).toBe('travel/waypoint');
  });
});
