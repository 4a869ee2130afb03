import 'server-only';
import { cappedList, ConflictError, InvalidError, joinCapped } from '@/lib/errors';
import type { LocatedValidation } from '@/lib/mesh/validations/types';

/**
 * 422 for an edited text that cannot be written; carries each finding with its line for the editor.
 * `overridable`: only analyzer errors stand in the way, and `applyAnyway: true` would write it.
 */
export class IstioInvalidError extends InvalidError {
  readonly validations: readonly LocatedValidation[];
  readonly overridable: boolean;

  constructor(validations: readonly LocatedValidation[], { overridable = false } = {}) {
    const errors = validations
      .filter((v) => v.severity === 'error')
      .map((v) => ({
        path: v.path ?? '',
        message: v.line ? `line ${v.line}: ${v.message}` : v.message,
      }));
    const listed = joinCapped(errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)));
    super(
      overridable
        ? `Nothing was written: the analyzers report ${errors.length === 1 ? 'an error' : `${errors.length} errors`} (${listed}). Fix ${errors.length === 1 ? 'it' : 'them'}, or apply anyway (applyAnyway: true) if the object is meant to be like this.`
        : `Nothing was written: ${listed}`,
      errors,
    );
    this.validations = validations;
    this.overridable = overridable;
  }

  override extras(): Record<string, unknown> {
    return {
      ...super.extras(),
      ...cappedList('validations', this.validations),
      overridable: this.overridable,
    };
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
