import { describe, expect, it } from 'vitest';
import { parseConfig, redact } from './config';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const base = { PROMETHEUS_URL: 'http://127.0.0.1:9090' };

describe('parseConfig', () => {
  it('applies defaults', () => {
    expect(parseConfig(base)).toEqual({
      prometheus: { url: 'http://127.0.0.1:9090', timeoutMs: 8000 },
      kube: { kind: 'default' },
      kubeTimeoutMs: 10_000,
      istioNamespace: 'istio-system',
      port: 3000,
      readOnly: false,
      meshName: 'mesh',
      allowedHosts: [
        { hostname: 'localhost', port: 3000 },
        { hostname: '127.0.0.1', port: 3000 },
        { hostname: '[::1]', port: 3000 },
      ],
      trustProxy: false,
      auth: { strategy: 'anonymous', allowAnonymousWrites: false },
      httpsPublicUrl: false,
    });
  });

  it('reads every variable', () => {
    const config = parseConfig(
      {
        ...base,
        PROMETHEUS_USERNAME: 'u',
        PROMETHEUS_PASSWORD: 'p',
        PROMETHEUS_CA_FILE: '/etc/ca.pem',
        PROMETHEUS_TIMEOUT_MS: '2500',
        JAEGER_URL: 'http://127.0.0.1:16686',
        JAEGER_UI_URL: 'https://jaeger.example.com',
        JAEGER_API: 'v3',
        KUBECONFIG: '/home/me/.kube/demo',
        KUBE_TIMEOUT_MS: '2000',
        PORT: '8080',
        READ_ONLY: '1',
        MESH_NAME: 'prod',
        ALLOWED_HOSTS: 'meshlens.example.com, Other.Example:9000',
        PUBLIC_URL: 'https://meshlens.corp.example/',
        TRUST_PROXY: 'true',
        POD_NAMESPACE: 'istio-system',
      },
      (path) => (path === '/etc/ca.pem' ? PEM : ''),
    );
    expect(config).toEqual({
      prometheus: {
        url: 'http://127.0.0.1:9090',
        auth: { kind: 'basic', username: 'u', password: 'p' },
        ca: PEM,
        timeoutMs: 2500,
      },
      jaeger: { url: 'http://127.0.0.1:16686', api: 'v3', timeoutMs: 2500 },
      jaegerUiUrl: 'https://jaeger.example.com',
      kube: { kind: 'file', path: '/home/me/.kube/demo' },
      kubeTimeoutMs: 2000,
      istioNamespace: 'istio-system',
      port: 8080,
      readOnly: true,
      meshName: 'prod',
      allowedHosts: [
        ...['localhost', '127.0.0.1', '[::1]'].map((hostname) => ({ hostname, port: 8080 })),
        ...[
          'meshlens',
          'meshlens.istio-system',
          'meshlens.istio-system.svc',
          'meshlens.istio-system.svc.cluster.local',
        ].map((hostname) => ({ hostname, port: 8080 })),
        { hostname: 'meshlens.corp.example', port: 443 },
        { hostname: 'meshlens.example.com' },
        { hostname: 'other.example', port: 9000 },
      ],
      trustProxy: true,
      auth: { strategy: 'anonymous', allowAnonymousWrites: false },
      httpsPublicUrl: true,
    });
  });

  it('uses bearer auth and the in-cluster account when running in a pod', () => {
    const config = parseConfig({
      ...base,
      PROMETHEUS_TOKEN: 't',
      KUBERNETES_SERVICE_HOST: '10.0.0.1',
    });
    expect(config.prometheus.auth).toEqual({ kind: 'bearer', token: 't' });
    expect(config.kube).toEqual({ kind: 'in-cluster' });
  });

  it.each([
    [{ PROMETHEUS_URL: 'foo' }, "PROMETHEUS_URL: must be an http(s) URL, got 'foo'"],
    [{ PROMETHEUS_URL: 'ftp://x' }, "PROMETHEUS_URL: must be an http(s) URL, got 'ftp://x'"],
    [{}, 'PROMETHEUS_URL: is required'],
    [{ ...base, PORT: '70000' }, "PORT: must be an integer from 1 to 65535, got '70000'"],
    [{ ...base, PORT: '3.5' }, "PORT: must be an integer from 1 to 65535, got '3.5'"],
    [{ ...base, READ_ONLY: 'yes' }, "READ_ONLY: must be true, false, 1 or 0, got 'yes'"],
    [{ ...base, JAEGER_API: 'v2' }, "JAEGER_API: must be v1 or v3, got 'v2'"],
    [
      { ...base, ALLOWED_HOSTS: 'ok.example,http://x.example' },
      "ALLOWED_HOSTS: 'http://x.example' is not a host or host:port",
    ],
    [{ ...base, PUBLIC_URL: 'meshlens.example' }, 'PUBLIC_URL: must be an http(s) URL'],
    [{ ...base, TRUST_PROXY: 'yes' }, "TRUST_PROXY: must be true, false, 1 or 0, got 'yes'"],
    [
      { ...base, JAEGER_URL: 'jaeger:16686' },
      "JAEGER_URL: must be an http(s) URL, got 'jaeger:16686'",
    ],
    [
      { ...base, PROMETHEUS_TOKEN: 't', PROMETHEUS_USERNAME: 'u' },
      'PROMETHEUS_TOKEN: cannot be combined',
    ],
    [
      { ...base, PROMETHEUS_PASSWORD: 'p' },
      'PROMETHEUS_PASSWORD: is set but PROMETHEUS_USERNAME is not',
    ],
  ])('rejects %o naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('treats empty strings as unset', () => {
    expect(parseConfig({ ...base, PORT: '', JAEGER_URL: '' }).port).toBe(3000);
  });

  it('reads NAMESPACES as a list of namespace names, trimmed and without repeats', () => {
    expect(parseConfig({ ...base, NAMESPACES: 'bookinfo, shop,bookinfo' }).namespaces).toEqual([
      'bookinfo',
      'shop',
    ]);
    expect(parseConfig(base)).not.toHaveProperty('namespaces');
  });

  it.each([
    ['Bookinfo', "NAMESPACES: 'Bookinfo' is not a namespace name"],
    ['bookinfo,,shop', 'NAMESPACES: has an empty item'],
    ['shop,-x', "NAMESPACES: '-x' is not a namespace name"],
    [`a${'b'.repeat(63)}`, 'is not a namespace name'],
    [
      Array.from({ length: 201 }, (_, i) => `ns-${i}`).join(','),
      'NAMESPACES: lists 201 namespaces; at most 200 are allowed',
    ],
  ])('rejects NAMESPACES=%s naming the variable', (value, message) => {
    expect(() => parseConfig({ ...base, NAMESPACES: value })).toThrow(message);
  });

  it('accepts 200 namespaces', () => {
    const names = Array.from({ length: 200 }, (_, i) => `ns-${i}`);
    expect(parseConfig({ ...base, NAMESPACES: names.join(',') }).namespaces).toEqual(names);
  });

  it('names the CA file it cannot read or that holds no certificate', () => {
    expect(() =>
      parseConfig({ ...base, PROMETHEUS_CA_FILE: '/nope.pem' }, () => {
        throw new Error('ENOENT: no such file or directory');
      }),
    ).toThrow("PROMETHEUS_CA_FILE: cannot read '/nope.pem': ENOENT");
    expect(() => parseConfig({ ...base, PROMETHEUS_CA_FILE: '/x.pem' }, () => 'hello')).toThrow(
      "PROMETHEUS_CA_FILE: '/x.pem' holds no PEM certificate",
    );
  });
});

describe('redact', () => {
  it('strips user info and query strings', () => {
    expect(redact('https://user:secret@prom.example.com:9090/prefix?token=abc')).toBe(
      'https://prom.example.com:9090/prefix',
    );
  });

  it('leaves plain URLs alone and does not echo unparseable ones', () => {
    expect(redact('http://127.0.0.1:9090')).toBe('http://127.0.0.1:9090');
    expect(redact('http://127.0.0.1:9090/')).toBe('http://127.0.0.1:9090/');
    expect(redact('user:pw@host')).toBe('(invalid URL)');
  });
});
