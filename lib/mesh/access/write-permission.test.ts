import { describe, expect, it } from 'vitest';
import {
  allWritesDecision,
  type NamespaceAccess,
  type VerbAccess,
  type WriteAnswers,
  mayWriteAnywhere,
  namespacesAllowing,
  noWritesReason,
  objectWriteDecision,
  writeDecision,
} from './write-permission';

const NONE: VerbAccess = { create: false, update: false, delete: false };
const ALL: VerbAccess = { create: true, update: true, delete: true };

/** RBAC like the demo's bookinfo-editor: routing (networking) kinds in bookinfo only. */
function routingIn(allowed: boolean): NamespaceAccess {
  const net = allowed ? ALL : NONE;
  return {
    istio: {
      VirtualService: net,
      DestinationRule: { ...net, delete: false },
      Gateway: net,
      ServiceEntry: net,
      PeerAuthentication: NONE,
      AuthorizationPolicy: NONE,
      RequestAuthentication: NONE,
      Sidecar: net,
      EnvoyFilter: net,
      WorkloadEntry: net,
      WorkloadGroup: net,
      ProxyConfig: net,
      Telemetry: NONE,
      WasmPlugin: NONE,
      K8sGateway: net,
      GatewayClass: NONE,
      HTTPRoute: net,
      GRPCRoute: net,
      ReferenceGrant: net,
    },
  };
}

const editor: WriteAnswers = {
  user: 'bookinfo-editor',
  namespaces: ['bookinfo', 'shop'],
  can: { bookinfo: routingIn(true), shop: routingIn(false) },
};

const readOnly: WriteAnswers = {
  ...editor,
  can: {},
  readOnlyReason: 'Meshlens runs in read-only mode (READ_ONLY=true).',
};

describe('writeDecision', () => {
  it('allows what the namespace answers allow', () => {
    expect(
      writeDecision(editor, { verb: 'update', kind: 'VirtualService', namespace: 'bookinfo' }),
    ).toEqual({ allowed: true });
  });

  it('names the user, verb, kind, object and namespace of a refusal', () => {
    expect(
      writeDecision(editor, {
        verb: 'update',
        kind: 'VirtualService',
        namespace: 'shop',
        name: 'reviews',
      }),
    ).toEqual({
      allowed: false,
      reason:
        'Your Kubernetes permissions (signed in as bookinfo-editor) do not let you update VirtualService reviews in shop.',
    });
  });

  it('refuses a namespace the session does not list, and a verb refused alone', () => {
    expect(
      writeDecision(editor, { verb: 'create', kind: 'Gateway', namespace: 'kube-system' }).allowed,
    ).toBe(false);
    expect(
      writeDecision(editor, { verb: 'delete', kind: 'DestinationRule', namespace: 'bookinfo' })
        .allowed,
    ).toBe(false);
  });

  it('gives the READ_ONLY reason rather than RBAC when writes are off for everyone', () => {
    expect(
      writeDecision(readOnly, { verb: 'update', kind: 'VirtualService', namespace: 'bookinfo' }),
    ).toEqual({ allowed: false, reason: readOnly.readOnlyReason });
    expect(noWritesReason(readOnly)).toBe(readOnly.readOnlyReason);
  });
});

describe('objectWriteDecision', () => {
  it("follows the object's own review, not the namespace's", () => {
    const target = {
      verb: 'update',
      kind: 'VirtualService',
      namespace: 'bookinfo',
      name: 'ratings',
    } as const;
    expect(objectWriteDecision(editor, target, false)).toEqual({
      allowed: false,
      reason:
        'Your Kubernetes permissions (signed in as bookinfo-editor) do not let you update VirtualService ratings in bookinfo.',
    });
    expect(objectWriteDecision(editor, { ...target, namespace: 'shop' }, true)).toEqual({
      allowed: true,
    });
  });
});

describe('allWritesDecision', () => {
  it('is the first refusal among writes made together', () => {
    const both = (namespace: string) =>
      allWritesDecision(editor, [
        { verb: 'create', kind: 'DestinationRule', namespace },
        { verb: 'update', kind: 'VirtualService', namespace, name: 'reviews' },
      ]);
    expect(both('bookinfo')).toEqual({ allowed: true });
    expect(both('shop')).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('create DestinationRule in shop'),
    });
  });
});

describe('namespacesAllowing and mayWriteAnywhere', () => {
  it('lists the visible namespaces where the verb is allowed', () => {
    expect(namespacesAllowing(editor, 'create', 'VirtualService')).toEqual(['bookinfo']);
    expect(namespacesAllowing(editor, 'create', 'PeerAuthentication')).toEqual([]);
    expect(mayWriteAnywhere(editor, 'create', ['PeerAuthentication', 'Gateway'])).toBe(true);
    expect(mayWriteAnywhere(editor, 'delete', ['DestinationRule'])).toBe(false);
    expect(mayWriteAnywhere(readOnly, 'create', ['VirtualService'])).toBe(false);
  });

  it('says the person may write nothing, naming them', () => {
    expect(noWritesReason(editor)).toBe(
      'Your Kubernetes permissions (signed in as bookinfo-editor) let you change no Istio config in the namespaces you see.',
    );
  });
});
