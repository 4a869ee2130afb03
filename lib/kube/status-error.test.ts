import * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
  UpstreamError,
  UpstreamUnavailableError,
} from '@/lib/errors';
import { readFixture } from '@/lib/testing/fixtures';
import { parseKubeStatus, toKubeError } from './status-error';

function status(code: number, reason: string, message: string, details?: object): string {
  return JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    details,
    code,
  });
}

const CONFLICT =
  'Operation cannot be fulfilled on virtualservices.networking.istio.io "reviews": the object has been modified; please apply your changes to the latest version and try again';

describe('toKubeError', () => {
  it('maps the captured 422 to InvalidError with causes as field: message', () => {
    const body = readFixture('kubernetes/status-422-invalid.openshift-capture.json');
    const err = toKubeError(new k8s.ApiException(422, 'Unknown API Status Code!', body, {}));
    expect(err).toBeInstanceOf(InvalidError);
    const invalid = err as InvalidError;
    expect(invalid.status).toBe(422);
    expect(invalid.message).toMatch(
      /^metadata\.name: Invalid value: "-": a DNS-1123 subdomain must consist/,
    );
    expect(invalid.errors).toHaveLength(1);
    expect(invalid.errors[0]?.path).toBe('metadata.name');
  });

  it('joins several causes', () => {
    const body = status(422, 'Invalid', 'VirtualService.networking.istio.io "r" is invalid', {
      causes: [
        {
          reason: 'FieldValueInvalid',
          message: 'weight must be >= 0',
          field: 'spec.http[0].route[0].weight',
        },
        { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.hosts' },
      ],
    });
    expect(toKubeError(new k8s.ApiException(422, '', body, {})).message).toBe(
      'spec.http[0].route[0].weight: weight must be >= 0; spec.hosts: Required value',
    );
  });

  it('maps 409 to ConflictError keeping the apiserver message', () => {
    const body = status(409, 'Conflict', CONFLICT, {
      name: 'reviews',
      group: 'networking.istio.io',
      kind: 'virtualservices',
    });
    const err = toKubeError(new k8s.ApiException(409, '', body, {}));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toBe(CONFLICT);
  });

  it.each([
    [404, 'NotFound', 'virtualservices.networking.istio.io "x" not found', NotFoundError],
    [
      403,
      'Forbidden',
      'virtualservices.networking.istio.io "x" is forbidden: User "u" cannot patch resource',
      ForbiddenError,
    ],
    [400, 'BadRequest', 'the body of the request was in an unknown format', InvalidError],
    [
      503,
      'ServiceUnavailable',
      'the server is currently unable to handle the request',
      UpstreamUnavailableError,
    ],
    [500, 'InternalError', 'Internal error occurred: failed calling webhook', UpstreamError],
  ])('maps %d to the matching class', (code, reason, message, cls) => {
    const err = toKubeError(new k8s.ApiException(code, '', status(code, reason, message), {}));
    expect(err).toBeInstanceOf(cls);
    expect(err.message).toBe(message);
  });

  it('names credentials on a 401 with no body', () => {
    const err = toKubeError(new k8s.ApiException(401, 'Unauthorized', undefined, {}));
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err.message).toContain('credentials');
  });

  it('falls back to the code when the body is not a Status', () => {
    expect(toKubeError(new k8s.ApiException(404, '', '<html>', {})).message).toBe(
      'The Kubernetes API answered HTTP 404.',
    );
  });

  it('maps connection failures to UpstreamUnavailableError', () => {
    const err = Object.assign(
      new Error(
        'request to http://127.0.0.1:1/api/v1/pods failed, reason: connect ECONNREFUSED 127.0.0.1:1',
      ),
      {
        name: 'FetchError',
        code: 'ECONNREFUSED',
      },
    );
    const mapped = toKubeError(err);
    expect(mapped).toBeInstanceOf(UpstreamUnavailableError);
    expect(mapped.message).toContain('connect ECONNREFUSED 127.0.0.1:1');
  });

  it('passes typed errors and unknown errors through', () => {
    const typed = new NotFoundError('x');
    expect(toKubeError(typed)).toBe(typed);
    const plain = new Error('bug');
    expect(toKubeError(plain)).toBe(plain);
  });
});

describe('parseKubeStatus', () => {
  it('reads the field-complete Status fixture', () => {
    expect(
      parseKubeStatus(readFixture('kubernetes/field-complete/core.v1.Status.json')),
    ).toMatchObject({
      reason: 'reasonValue',
      details: {
        causes: [{ field: 'fieldValue', message: 'messageValue', reason: 'reasonValue' }],
      },
    });
  });

  it('refuses non-Status bodies', () => {
    expect(parseKubeStatus('{"kind":"Pod"}')).toBeUndefined();
    expect(parseKubeStatus('not json')).toBeUndefined();
  });
});
