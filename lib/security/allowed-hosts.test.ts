import { describe, expect, it } from 'vitest';
import {
  defaultAllowedHosts,
  hostAllowed,
  originAllowed,
  parseHost,
  parseHostList,
  requestHost,
} from './allowed-hosts';

function headers(values: Record<string, string>): Headers {
  return new Headers(values);
}

describe('parseHost', () => {
  it.each([
    ['localhost:3000', { hostname: 'localhost', port: 3000 }],
    ['LocalHost', { hostname: 'localhost' }],
    ['meshlens.example.com.', { hostname: 'meshlens.example.com' }],
    ['Meshlens.Example.COM.:8443', { hostname: 'meshlens.example.com', port: 8443 }],
    ['[::1]:3000', { hostname: '[::1]', port: 3000 }],
    ['[0:0:0:0:0:0:0:1]', { hostname: '[::1]' }],
    ['[::FFFF:127.0.0.1]:80', { hostname: '[::ffff:7f00:1]', port: 80 }],
    ['127.1', { hostname: '127.0.0.1' }],
    ['bücher.example', { hostname: 'xn--bcher-kva.example' }],
  ])('reads %s', (text, host) => {
    expect(parseHost(text)).toEqual(host);
  });

  it.each([
    '',
    '::1',
    '[::1',
    'localhost:',
    'localhost:0',
    'localhost:65536',
    'localhost:3000:1',
    'http://localhost',
    'user@localhost',
    'localhost/path',
    'loc%61lhost',
    'a b',
    'a,b',
    '.',
  ])('refuses %j', (text) => {
    expect(parseHost(text)).toBeUndefined();
  });
});

describe('parseHostList', () => {
  it('reads entries, trimming them and skipping blanks', () => {
    expect(parseHostList(' a.example , b.example:8080,')).toEqual({
      ok: true,
      hosts: [{ hostname: 'a.example' }, { hostname: 'b.example', port: 8080 }],
    });
  });

  it('names the first bad entry', () => {
    expect(parseHostList('a.example,https://b.example')).toEqual({
      ok: false,
      bad: 'https://b.example',
    });
  });
});

describe('hostAllowed', () => {
  const allowed = [
    ...defaultAllowedHosts(3000),
    { hostname: 'any-port.example' },
    { hostname: 'tls.example', port: 443 },
  ];
  const allows = (host: string, hdrs: Record<string, string> = {}, trust = false): boolean => {
    const h = requestHost(headers({ host, ...hdrs }), trust);
    return h !== undefined && hostAllowed(h, allowed);
  };

  it('allows loopback on the listen port, in any case and with a trailing dot', () => {
    expect(allows('localhost:3000')).toBe(true);
    expect(allows('LOCALHOST.:3000')).toBe(true);
    expect(allows('127.0.0.1:3000')).toBe(true);
    expect(allows('[::1]:3000')).toBe(true);
  });

  it('refuses loopback on another port and foreign names on the listen port', () => {
    expect(allows('localhost:3001')).toBe(false);
    expect(allows('localhost')).toBe(false);
    expect(allows('[::2]:3000')).toBe(false);
    expect(allows('evil.example:3000')).toBe(false);
    expect(allows('localhost.evil.example:3000')).toBe(false);
  });

  it('lets an entry without a port match every port', () => {
    expect(allows('any-port.example')).toBe(true);
    expect(allows('any-port.example:9999')).toBe(true);
  });

  it('takes a Host without a port to mean 80 or 443, as a TLS-terminating proxy would send it', () => {
    expect(allows('tls.example')).toBe(true);
    expect(allows('tls.example:8443')).toBe(false);
  });

  it('ignores X-Forwarded-Host and -Proto unless the proxy is trusted', () => {
    const forwarded = { 'x-forwarded-host': 'tls.example, 10.0.0.7', 'x-forwarded-proto': 'https' };
    expect(allows('10.0.0.7:3000', forwarded)).toBe(false);
    expect(allows('localhost:3000', { 'x-forwarded-host': 'evil.example' })).toBe(true);
    expect(allows('10.0.0.7:3000', forwarded, true)).toBe(true);
    expect(allows('10.0.0.7:3000', { ...forwarded, 'x-forwarded-proto': 'http' }, true)).toBe(
      false,
    );
    expect(allows('localhost:3000', { 'x-forwarded-host': 'evil.example' }, true)).toBe(false);
  });

  it('refuses a missing or malformed Host', () => {
    expect(requestHost(headers({}), false)).toBeUndefined();
    expect(requestHost(headers({ host: 'localhost:3000/x' }), false)).toBeUndefined();
  });
});

describe('defaultAllowedHosts', () => {
  it("adds the Service's in-cluster names when the namespace is known", () => {
    expect(
      defaultAllowedHosts(3000, { name: 'meshlens', namespace: 'istio-system' }).map(
        (h) => h.hostname,
      ),
    ).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      'meshlens',
      'meshlens.istio-system',
      'meshlens.istio-system.svc',
      'meshlens.istio-system.svc.cluster.local',
    ]);
  });
});

describe('originAllowed', () => {
  const allowed = [...defaultAllowedHosts(3000), { hostname: 'meshlens.example', port: 443 }];

  it('accepts origins on allowed hosts and ports, normalising case and default ports', () => {
    expect(originAllowed('http://localhost:3000', allowed)).toBe(true);
    expect(originAllowed('http://[::1]:3000', allowed)).toBe(true);
    expect(originAllowed('HTTPS://MeshLens.Example:443', allowed)).toBe(true);
    expect(originAllowed('https://meshlens.example.', allowed)).toBe(true);
  });

  it('refuses foreign, opaque, non-http and wrong-port origins', () => {
    for (const origin of [
      'http://evil.example',
      'http://evil.example:3000',
      'null',
      '::',
      'file://localhost:3000',
      'http://localhost:3001',
      'http://meshlens.example',
    ]) {
      expect(originAllowed(origin, allowed)).toBe(false);
    }
  });
});
