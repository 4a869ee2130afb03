import { describe, expect, it } from 'vitest';
import { toProblemResponse } from '@/lib/errors';
import { IstioInvalidError } from './errors';

const subsetError = {
  code: 'IST0101',
  severity: 'error' as const,
  message: "Subset 'v2' is not defined",
  path: 'spec.http[0].route[1].destination.subset',
  line: 17,
};

describe('IstioInvalidError', () => {
  it('says when apply anyway would write the object, and how', async () => {
    const body = (await toProblemResponse(
      new IstioInvalidError([subsetError], { overridable: true }),
    ).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 422, overridable: true, validations: [subsetError] });
    expect(body.detail).toMatch(/apply anyway \(applyAnyway: true\)/);
  });

  it('is not overridable by default: schema and weight-rule refusals stand', async () => {
    const body = (await toProblemResponse(new IstioInvalidError([subsetError])).json()) as Record<
      string,
      unknown
    >;
    expect(body).toMatchObject({ overridable: false });
    expect(body.detail).not.toMatch(/apply anyway/);
  });

  it('lists at most 50 findings and errors, with their totals', async () => {
    const many = Array.from({ length: 300 }, () => subsetError);
    const body = (await toProblemResponse(new IstioInvalidError(many)).json()) as {
      validations: unknown[];
      errors: unknown[];
      validationsTotal: number;
      errorsTotal: number;
      truncated: boolean;
      detail: string;
    };
    expect(body.validations).toHaveLength(50);
    expect(body.errors).toHaveLength(50);
    expect(body).toMatchObject({ validationsTotal: 300, errorsTotal: 300, truncated: true });
    expect(body.detail).toMatch(/and 250 more$/);
  });
});
