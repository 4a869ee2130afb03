import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildDestinationRule } from '@/lib/mesh/routing-forms/build-destination-rule';
import { buildVirtualService } from '@/lib/mesh/routing-forms/build-virtual-service';
import { readDestinationRule } from '@/lib/mesh/routing-forms/read-destination-rule';
import { readVirtualService } from '@/lib/mesh/routing-forms/read-virtual-service';
import {
  drStateFrom,
  toDestinationRuleInput,
  toVirtualServiceInput,
  type DrFormState,
  type VsFormState,
  vsStateFrom,
} from './form-state';

const EMPTY_DR: DrFormState = {
  subsets: [
    { name: 'v1', version: 'v1' },
    { name: '', version: '' },
  ],
  loadBalancer: '',
  maxConnections: '',
  http1MaxPendingRequests: '',
  consecutive5xxErrors: '',
  interval: '',
  baseEjectionTime: '',
  maxEjectionPercent: '',
  tlsMode: '',
};

const EMPTY_VS: VsFormState = {
  headerRoutes: [],
  defaultSubset: 'v1',
  timeout: '',
  attempts: '',
  perTryTimeout: '',
  retryOn: '',
  abortPercent: '',
  abortStatus: '',
  delayPercent: '',
  fixedDelay: '',
};

describe('routing form state → YAML', () => {
  it('an untouched DestinationRule form writes only host and the filled-in subsets', () => {
    const yaml = stringify(buildDestinationRule(toDestinationRuleInput(EMPTY_DR, 'shop', 'cart')));
    expect(yaml).toBe(
      'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  host: cart\n  subsets:\n    - name: v1\n      labels:\n        version: v1\n',
    );
  });

  it('typed policy fields become numbers and durations, keeping an existing object’s name', () => {
    const input = toDestinationRuleInput(
      {
        ...EMPTY_DR,
        loadBalancer: 'RANDOM',
        maxConnections: '50',
        interval: ' 5s ',
        tlsMode: 'ISTIO_MUTUAL',
      },
      'shop',
      'cart',
      'cart-rules',
    );
    expect(buildDestinationRule(input)).toMatchObject({
      metadata: { name: 'cart-rules' },
      spec: {
        trafficPolicy: {
          loadBalancer: { simple: 'RANDOM' },
          connectionPool: { tcp: { maxConnections: 50 } },
          outlierDetection: { interval: '5s' },
          tls: { mode: 'ISTIO_MUTUAL' },
        },
      },
    });
  });

  it('a VirtualService form with header rule, retries and both faults', () => {
    const input = toVirtualServiceInput(
      {
        ...EMPTY_VS,
        headerRoutes: [
          { header: 'end-user', match: 'exact', value: 'jason', subset: 'v2' },
          { header: '', match: 'exact', value: '', subset: 'v1' },
        ],
        attempts: '3',
        perTryTimeout: '1s',
        retryOn: '5xx, reset',
        abortPercent: '10',
        abortStatus: '',
        delayPercent: '5',
        fixedDelay: '',
      },
      'bookinfo',
      'reviews',
    );
    const http = (buildVirtualService(input).spec as { http: Record<string, unknown>[] }).http;
    expect(http).toHaveLength(2);
    expect(http[0]).toMatchObject({ match: [{ headers: { 'end-user': { exact: 'jason' } } }] });
    expect(http[1]).toEqual({
      route: [{ destination: { host: 'reviews', subset: 'v1' } }],
      retries: { attempts: 3, perTryTimeout: '1s', retryOn: '5xx,reset' },
      fault: {
        delay: { percentage: { value: 5 }, fixedDelay: '1s' },
        abort: { percentage: { value: 10 }, httpStatus: 503 },
      },
    });
  });

  it('keeps a number that does not parse as NaN, for the schema check to name', () => {
    const input = toVirtualServiceInput({ ...EMPTY_VS, attempts: 'three' }, 'a', 'b');
    expect(input.retries?.attempts).toBeNaN();
  });
});

describe('routing forms filled from live objects', () => {
  it('an unchanged form writes the VirtualService it was filled from', () => {
    const live = buildVirtualService({
      namespace: 'bookinfo',
      service: 'reviews',
      host: 'reviews.bookinfo.svc.cluster.local',
      headerRoutes: [{ header: 'end-user', match: 'prefix', value: 'ja', subset: 'v2' }],
      defaultSubset: 'v1',
      timeout: '2s',
      retries: { attempts: 2, retryOn: ['5xx'] },
      fault: { abort: { percent: 5, httpStatus: 503 } },
    });
    const { input } = readVirtualService(
      live.spec as Record<string, unknown>,
      'reviews',
      'bookinfo',
    );
    const state = vsStateFrom(input);
    expect(
      buildVirtualService(
        toVirtualServiceInput(state, 'bookinfo', 'reviews', undefined, input.host),
      ),
    ).toEqual(live);
  });

  it('an unchanged form writes the DestinationRule it was filled from', () => {
    const live = buildDestinationRule({
      namespace: 'bookinfo',
      service: 'reviews',
      subsets: [{ name: 'v1', labels: { version: 'v1' } }],
      trafficPolicy: {
        loadBalancer: 'RANDOM',
        connectionPool: { maxConnections: 10, http1MaxPendingRequests: 5 },
        outlierDetection: {
          consecutive5xxErrors: 3,
          interval: '5s',
          baseEjectionTime: '30s',
          maxEjectionPercent: 50,
        },
        tlsMode: 'ISTIO_MUTUAL',
      },
    });
    const state = drStateFrom(readDestinationRule(live.spec as Record<string, unknown>));
    expect(buildDestinationRule(toDestinationRuleInput(state, 'bookinfo', 'reviews'))).toEqual(
      live,
    );
  });
});
