import { describe, expect, it } from 'vitest';
import { routeMatchWords, virtualServiceMatchWords } from './route-match-words';

describe('routeMatchWords', () => {
  it('reads the default PathPrefix / and no matches as the catch-all rule', () => {
    expect(routeMatchWords('HTTPRoute', undefined)).toEqual([]);
    expect(routeMatchWords('HTTPRoute', [{ path: { type: 'PathPrefix', value: '/' } }])).toEqual(
      [],
    );
    expect(routeMatchWords('HTTPRoute', [{}])).toEqual([]);
    expect(routeMatchWords('GRPCRoute', [{}])).toEqual([]);
  });

  it('says paths, methods, headers and query parameters in words', () => {
    expect(
      routeMatchWords('HTTPRoute', [
        {
          path: { type: 'PathPrefix', value: '/api' },
          method: 'GET',
          headers: [{ name: 'end-user', value: 'jason' }],
          queryParams: [{ type: 'RegularExpression', name: 'v', value: '2.*' }],
        },
        { path: { type: 'Exact', value: '/health' } },
      ]),
    ).toEqual([
      'path prefix /api and method GET and header end-user = jason and query v ~ 2.*',
      'path /health',
    ]);
  });

  it('keeps the default path beside a header: the header is what narrows the rule', () => {
    expect(
      routeMatchWords('HTTPRoute', [
        {
          path: { type: 'PathPrefix', value: '/' },
          headers: [{ name: 'end-user', value: 'jason' }],
        },
      ]),
    ).toEqual(['path prefix / and header end-user = jason']);
  });

  it('says gRPC methods as service/method', () => {
    expect(
      routeMatchWords('GRPCRoute', [
        { method: { service: 'flights.Search', method: 'Find' } },
        { method: { type: 'RegularExpression', service: 'flights\\..*' } },
      ]),
    ).toEqual(['gRPC method flights.Search/Find', 'gRPC method matching flights\\..*/*']);
  });
});

describe('virtualServiceMatchWords', () => {
  it('says uri, method, headers and query parameters in words', () => {
    expect(
      virtualServiceMatchWords([
        {
          uri: { prefix: '/api' },
          method: { exact: 'GET' },
          headers: { 'end-user': { exact: 'jason' } },
        },
        { queryParams: { v: { regex: '2.*' } }, port: 9080 },
        {},
      ]),
    ).toEqual([
      'uri starts with /api and method = GET and header end-user = jason',
      'query v ~ 2.* and port 9080',
      'any request',
    ]);
    expect(virtualServiceMatchWords(undefined)).toEqual([]);
  });
});
