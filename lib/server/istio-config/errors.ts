import 'server-only';
import { ConflictError, InvalidError } from '@/lib/errors';
import type { LocatedValidation } from '@/lib/mesh/validations/types';

/** 422 for an edited text that cannot be written; carries each finding with its line for the editor. */
export class IstioInvalidError extends InvalidError {
  readonly validations: readonly LocatedValidation[];

  constructor(validations: readonly LocatedValidation[]) {
    const errors = validations
      .filter((v) => v.severity === 'error')
      .map((v) => ({
        path: v.path ?? '',
        message: v.line ? `line ${v.line}: ${v.message}` : v.message,
      }));
    super(
      `Nothing was written: ${errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ')}`,
      errors,
    );
    this.validations = validations;
  }

  override extras(): Record<string, unknown> {
    return { ...super.extras(), validations: this.validations };
  }
}

/** 409 with the object as it is now, so the editor can show what changed and re-apply on top of it. */
export class IstioConflictError extends ConflictError {
  readonly currentYaml: string;

  constructor(detail: string, current: { resourceVersion: string; yaml: string }) {
    super(detail, { resourceVersion: current.resourceVersion });
    this.currentYaml = current.yaml;
  }

  override extras(): Record<string, unknown> {
    return { current: { resourceVersion: this.current?.resourceVersion, yaml: this.currentYaml } };
  }
}
