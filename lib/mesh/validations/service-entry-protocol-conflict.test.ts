import { describe, expect, it } from 'vitest';
import { istio, meshOf } from '@/lib/mesh/testing/mesh';
import type { IstioObject } from '@/lib/mesh/types';
import { checkServiceEntryProtocolConflict } from './service-entry-protocol-conflict';

const se = (namespace: string, name: string, protocol: string | undefined, exportTo?: string[]) =>
  istio('ServiceEntry', namespace, name, {
    hosts: ['example.com'],
    ports: [{ number: 13835, name: 'p', ...(protocol !== undefined && { protocol }) }],
    location: 'MESH_EXTERNAL',
    resolution: 'DNS',
    ...(exportTo && { exportTo }),
  });
const flagged = (objects: IstioObject[]) => {
  const mesh = meshOf(objects);
  return objects
    .filter((o) => checkServiceEntryProtocolConflict(o, mesh).length > 0)
    .map((o) => `${o.namespace}/${o.name}`);
};

describe('checkServiceEntryProtocolConflict (IST0177)', () => {
  it('reports each ServiceEntry giving one host and port another protocol, at the port', () => {
    const a = se('default', 'a', 'HTTPS');
    const b = se('default', 'b', 'HTTP');
    expect(flagged([a, b])).toEqual(['default/a', 'default/b']);
    const [found] = checkServiceEntryProtocolConflict(a, meshOf([a, b]));
    expect(found).toMatchObject({ code: 'IST0177', severity: 'warning', path: 'spec.ports[0]' });
    expect(found?.message).toContain('default/b');
  });

  it('compares protocols without case and counts a missing protocol as one', () => {
    expect(flagged([se('default', 'a', 'http'), se('default', 'b', 'HTTP')])).toEqual([]);
    expect(flagged([se('default', 'a', undefined), se('default', 'b', 'TCP')])).toHaveLength(2);
  });

  it('reports conflicts only where both are visible: exportTo scopes, `*` reaching all', () => {
    expect(flagged([se('a', 'x', 'HTTP', ['.']), se('b', 'y', 'TCP', ['.'])])).toEqual([]);
    expect(flagged([se('a', 'x', 'HTTP', ['.']), se('b', 'y', 'TCP')])).toEqual(['a/x', 'b/y']);
    expect(flagged([se('a', 'x', 'HTTP', ['b']), se('b', 'y', 'TCP', ['.'])])).toEqual([
      'a/x',
      'b/y',
    ]);
  });

  it('accepts other hosts or ports, and one ServiceEntry alone', () => {
    const other = istio('ServiceEntry', 'default', 'c', {
      hosts: ['example.com'],
      ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }],
    });
    expect(flagged([se('default', 'a', 'HTTP'), other])).toEqual([]);
    expect(flagged([se('default', 'a', 'HTTP')])).toEqual([]);
  });
});
