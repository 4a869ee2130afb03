import { ApiProblem } from '@/lib/client/api-fetch';
import type { LocatedValidation } from '@/lib/mesh/validations/types';

/** The findings a 422 from /api/istio carries, when it carries them. */
export function problemValidations(err: unknown): LocatedValidation[] {
  if (!(err instanceof ApiProblem) || !Array.isArray(err.body.validations)) return [];
  return err.body.validations as LocatedValidation[];
}

/**
 * The analyzer errors of a 422 that "apply anyway" would override, or [] when the refusal is one no
 * flag lifts (syntax, schema, Istio's weight rule).
 */
export function overridableErrors(err: unknown): LocatedValidation[] {
  if (!(err instanceof ApiProblem) || err.status !== 422 || err.body.overridable !== true)
    return [];
  return problemValidations(err).filter((v) => v.severity === 'error');
}

/** The object as it is now, from a 409 of /api/istio. */
export function conflictCurrent(
  err: unknown,
): { resourceVersion: string; yaml: string } | undefined {
  if (!(err instanceof ApiProblem) || err.status !== 409) return undefined;
  const current = err.body.current as { resourceVersion?: unknown; yaml?: unknown } | undefined;
  return typeof current?.resourceVersion === 'string' && typeof current.yaml === 'string'
    ? { resourceVersion: current.resourceVersion, yaml: current.yaml }
    : undefined;
}

export function problemDetail(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
