import { describe, expect, it } from 'vitest';
import { istio } from '@/lib/mesh/testing/mesh';
import type { ResourceFinding, Validation } from '../validations/types';
import { kubeFindingEntries, mergeValidations, withMeshFindings } from './place-findings';

const warning = (code: string, message = 'm'): Validation => ({
  code,
  severity: 'warning',
  message,
});

const on = (kind: string, namespace: string, name: string, v: Validation): ResourceFinding => ({
  resource: { kind, namespace, name },
  validation: v,
});

describe('place findings', () => {
  it('adds findings on an Istio object to its own, once, errors first', () => {
    const vs = istio('VirtualService', 'bookinfo', 'reviews', {});
    const own = [warning('IST0101')];
    const error: Validation = { code: 'IST0145', severity: 'error', message: 'conflict' };
    const findings = [
      on('VirtualService', 'bookinfo', 'reviews', warning('IST0101')),
      on('VirtualService', 'bookinfo', 'reviews', error),
      on('VirtualService', 'shop', 'reviews', warning('IST0999')),
    ];
    expect(withMeshFindings(vs, own, findings)).toEqual([error, warning('IST0101')]);
  });

  it('makes one entry per Kubernetes object, with its apiVersion, leaving Istio kinds out', () => {
    const findings = [
      on('Namespace', '', 'bookinfo', warning('IST0102')),
      on('Deployment', 'shop', 'cart', warning('IST0107')),
      on('Namespace', '', 'bookinfo', warning('IST0102')),
      on('Namespace', '', 'bookinfo', warning('IST0113', 'other')),
      on('Gateway', 'shop', 'gw', warning('IST0145')),
    ];
    expect(kubeFindingEntries(findings)).toEqual([
      {
        resource: { kind: 'Namespace', namespace: '', name: 'bookinfo' },
        apiVersion: 'v1',
        validations: [warning('IST0102'), warning('IST0113', 'other')],
      },
      {
        resource: { kind: 'Deployment', namespace: 'shop', name: 'cart' },
        apiVersion: 'apps/v1',
        validations: [warning('IST0107')],
      },
    ]);
  });

  it('tells findings apart by code, path and message', () => {
    const a = { ...warning('IST0101'), path: 'spec.http[0]' };
    const b = { ...warning('IST0101'), path: 'spec.http[1]' };
    expect(mergeValidations([a], [a, b])).toEqual([a, b]);
  });
});
