import { describe, expect, it } from 'vitest';
import { namespaceInjects } from './injection';

const ns = (labels: Record<string, string>) => ({ name: 'x', labels, annotations: {} });

describe('namespaceInjects', () => {
  it('follows istio-injection and revision labels, disabled winning', () => {
    expect(namespaceInjects(ns({ 'istio-injection': 'enabled' }))).toBe(true);
    expect(namespaceInjects(ns({ 'istio.io/rev': 'canary' }))).toBe(true);
    expect(namespaceInjects(ns({ 'istio-injection': 'disabled', 'istio.io/rev': 'canary' }))).toBe(
      false,
    );
    expect(namespaceInjects(ns({}))).toBe(false);
    expect(namespaceInjects(undefined)).toBe(false);
  });
});
