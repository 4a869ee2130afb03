import { afterEach, describe, expect, it, vi } from 'vitest';
import { ForbiddenError } from '@/lib/errors';

const config = vi.hoisted(() => ({
  readOnly: false,
  allowedHosts: [
    { hostname: 'localhost', port: 3000 },
    { hostname: 'meshlens.example', port: 80 },
    { hostname: 'meshlens.corp.example', port: 443 },
  ],
}));
vi.mock('@/lib/config', () => ({ getConfig: () => config }));

const { assertWritable } = await import('./write-guard');

function write(
  headers: Record<string, string>,
  url = 'http://localhost:3000/api/traffic/a/b',
): Request {
  return new Request(url, { method: 'PUT', headers: { host: 'localhost:3000', ...headers } });
}

function refusal(req: Request): string | undefined {
  try {
    assertWritable(req);
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(ForbiddenError);
    return (err as ForbiddenError).detail;
  }
}

afterEach(() => {
  config.readOnly = false;
});

describe('assertWritable', () => {
  it('accepts a same-origin write with the CSRF header', () => {
    expect(
      refusal(write({ 'x-meshlens-csrf': '1', origin: 'http://localhost:3000' })),
    ).toBeUndefined();
  });

  it('accepts a write without Origin (curl, scripts) that carries the CSRF header', () => {
    expect(refusal(write({ 'x-meshlens-csrf': '1' }))).toBeUndefined();
  });

  it('refuses every write in read-only mode, even a well-formed one', () => {
    config.readOnly = true;
    expect(refusal(write({ 'x-meshlens-csrf': '1', origin: 'http://localhost:3000' }))).toMatch(
      /read-only/,
    );
  });

  it('refuses a write without the CSRF header or with another value', () => {
    expect(refusal(write({}))).toMatch(/X-Meshlens-CSRF/);
    expect(refusal(write({ 'x-meshlens-csrf': 'true' }))).toMatch(/X-Meshlens-CSRF/);
  });

  it('refuses a foreign, opaque or malformed Origin', () => {
    for (const origin of ['http://evil.example', 'null', 'http://localhost:3001', '::']) {
      expect(refusal(write({ 'x-meshlens-csrf': '1', origin }))).toMatch(/own pages/);
    }
  });

  it('compares the Origin with the allowed hosts, never with the Host the request names', () => {
    const forged = { 'x-meshlens-csrf': '1', origin: 'http://evil.example' };
    expect(
      refusal(write({ ...forged, host: 'evil.example' }, 'http://evil.example/api/x')),
    ).toMatch(/own pages/);
    expect(
      refusal(
        write({ ...forged, 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' }),
      ),
    ).toMatch(/own pages/);
  });

  it('normalises case and default ports before comparing', () => {
    const req = write(
      { 'x-meshlens-csrf': '1', origin: 'HTTP://MeshLens.Example:80', host: 'meshlens.example' },
      'http://meshlens.example/api/x',
    );
    expect(refusal(req)).toBeUndefined();
  });

  it('accepts an allowed origin whatever host the request reached through a proxy', () => {
    const req = write(
      { 'x-meshlens-csrf': '1', host: '10.0.0.7:3000', origin: 'https://meshlens.corp.example' },
      'http://10.0.0.7:3000/api/x',
    );
    expect(refusal(req)).toBeUndefined();
  });
});
