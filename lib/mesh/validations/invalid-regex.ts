import type { IstioObject } from '@/lib/mesh/types';
import { formatPath, type PathSegment } from './path';
import { checkRe2 } from './re2';
import { asList, asRecord } from './spec-walk';
import type { Validation } from './types';

/**
 * IST0122 InvalidRegexp, a warning as in istioctl (istio/istio pkg/config/analysis/analyzers/
 * virtualservice/regexes.go): Istio's admission validation refuses such an object anyway.
 */
export const INVALID_REGEX_CODE = 'IST0122';

const STRING_MATCHES = ['uri', 'scheme', 'method', 'authority'] as const;
// istioctl leaves withoutHeaders out ("undocumented"); so do we, to report what it reports.
const MAP_MATCHES = ['headers', 'queryParams'] as const;

/** Every `regex` a VirtualService's HTTP matches and CORS origins hold, with its path. */
function regexesOf(vs: IstioObject): { regex: string; path: PathSegment[] }[] {
  const out: { regex: string; path: PathSegment[] }[] = [];
  const add = (match: unknown, path: PathSegment[]): void => {
    const regex = asRecord(match)?.regex;
    if (typeof regex === 'string') out.push({ regex, path: [...path, 'regex'] });
  };
  asList(vs.spec.http).forEach((rule, r) => {
    asList(asRecord(rule)?.match).forEach((raw, m) => {
      const match = asRecord(raw);
      const base: PathSegment[] = ['spec', 'http', r, 'match', m];
      for (const key of STRING_MATCHES) add(match?.[key], [...base, key]);
      for (const key of MAP_MATCHES)
        for (const [name, value] of Object.entries(asRecord(match?.[key]) ?? {}))
          add(value, [...base, key, name]);
    });
    asList(asRecord(asRecord(rule)?.corsPolicy)?.allowOrigins).forEach((origin, o) =>
      add(origin, ['spec', 'http', r, 'corsPolicy', 'allowOrigins', o]),
    );
  });
  return out;
}

export function checkInvalidRegex(obj: IstioObject): Validation[] {
  if (obj.kind !== 'VirtualService') return [];
  return regexesOf(obj).flatMap(({ regex, path }) => {
    const result = checkRe2(regex);
    return result.ok
      ? []
      : [
          {
            code: INVALID_REGEX_CODE,
            severity: 'warning' as const,
            message: `The regex ${JSON.stringify(regex)} does not compile: ${result.reason}. Envoy uses RE2 syntax and matches the whole value.`,
            path: formatPath(path),
          },
        ];
  });
}
