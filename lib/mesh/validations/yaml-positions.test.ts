import { describe, expect, it } from 'vitest';
import { positionsOfText } from './yaml-positions';

const TEXT = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: checkout
  labels:
    app.kubernetes.io/name: checkout
spec:
  hosts:
  - checkout
  http:
  - route:
    - destination:
        host: checkout
        subset: v1
      weight: 90
    - destination:
        host: checkout
        subset: v2
      weight: 10
`;

describe('yamlPositions', () => {
  const positions = positionsOfText(TEXT);

  it('finds the line of a nested key', () => {
    expect(positions.lineOf('spec.http[0].route[1].destination.subset')).toBe(18);
    expect(positions.lineOf('spec.http[0].route[0].weight')).toBe(15);
  });

  it('finds list items and quoted keys', () => {
    expect(positions.lineOf('spec.hosts[0]')).toBe(9);
    expect(positions.lineOf('metadata.labels["app.kubernetes.io/name"]')).toBe(6);
  });

  it('falls back to the deepest existing ancestor for a missing field', () => {
    expect(positions.lineOf('spec.http[0].timeout')).toBe(11);
    expect(positions.lineOf('spec.tcp[0]')).toBe(7);
    expect(positions.lineOf('')).toBe(1);
  });

  it('takes a path as segments too', () => {
    expect(positions.lineOf(['spec', 'http', 0, 'route', 0, 'destination'])).toBe(12);
  });
});
