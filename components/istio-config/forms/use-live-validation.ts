'use client';

import { useEffect, useState } from 'react';
import { validateIstioYaml } from '@/lib/client/use-istio-config';
import type { LocatedValidation } from '@/lib/mesh/validations/types';

const DELAY_MS = 400;

/** Findings for a generated YAML (checked as if `alongside` were stored too), re-checked a moment after it stops changing; undefined while checking. */
export function useLiveValidation(
  yaml: string,
  namespace: string,
  alongside: string | undefined,
): readonly LocatedValidation[] | undefined {
  const [result, setResult] = useState<{
    yaml: string;
    validations: readonly LocatedValidation[];
  }>();
  useEffect(() => {
    const abort = new AbortController();
    const timer = setTimeout(() => {
      validateIstioYaml(yaml, namespace, abort.signal, alongside ? [alongside] : [])
        .then((validations) => setResult({ yaml, validations }))
        .catch(() => undefined);
    }, DELAY_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [yaml, namespace, alongside]);
  return result?.yaml === yaml ? result.validations : undefined;
}
