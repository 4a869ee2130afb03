import type { IstioObject } from '@/lib/mesh/types';
import { formatPath, type PathSegment } from './path';
import { checkRe2 } from './re2';
import { isRecord } from '@/lib/mesh/istio/read';
import { readVirtualServiceSpec } from '@/lib/mesh/istio/virtual-service';
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
    const regex = isRecord(match) ? match.regex : undefined;
    if (typeof regex === 'string') out.push({ regex, path: [...path, 'regex'] });
  };
  for (const rule of readVirtualServiceSpec(vs.spec).http) {
    for (const { raw: match, path: base } of rule.matches) {
      for (const key of STRING_MATCHES) add(match[key], [...base, key]);
      for (const key of MAP_MATCHES) {
        const map = match[key];
        if (isRecord(map))
          for (const [name, value] of Object.entries(map)) add(value, [...base, key, name]);
      }
    }
    const cors = rule.raw?.corsPolicy;
    const origins = isRecord(cors) && Array.isArray(cors.allowOrigins) ? cors.allowOrigins : [];
    origins.forEach((origin: unknown, o) =>
      add(origin, [...rule.path, 'corsPolicy', 'allowOrigins', o]),
    );
  }
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
