import { existsSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RULES = new Set(['import/no-restricted-paths', 'no-restricted-imports']);

interface Case {
  readonly file: string;
  readonly imports: string;
}

const MESH = 'lib/mesh is the pure domain';
const API = 'lib/api holds the API contract';
const SERVER = 'lib/server runs on the server only';
const COMPONENTS = 'Components reach Prometheus, Jaeger and Kubernetes through /api';
const FEATURE = 'A feature folder under components/ imports only itself';
const SHARED = 'components/ui, components/shell and components/testing are shared by every feature';
const DEMO = 'demo/ is a separate program';
const TESTING = 'Test support (lib/testing, lib/mesh/testing, components/testing) is for tests';

// Imports that break a rule, linted as if written in a file that does not exist: the rules
// look at paths only. The imported modules do exist, since an unresolved import is not checked.
const offending: readonly (Case & { readonly message: string })[] = [
  { file: 'lib/mesh/zone.ts', imports: 'node:fs', message: MESH },
  { file: 'lib/mesh/zone.ts', imports: '@kubernetes/client-node', message: MESH },
  { file: 'lib/mesh/zone.ts', imports: 'react', message: MESH },
  { file: 'lib/mesh/graph/zone.ts', imports: '@/lib/server/get-status', message: MESH },
  { file: 'lib/mesh/zone.ts', imports: '../kube/client', message: MESH },
  { file: 'lib/mesh/zone.ts', imports: '@/lib/prometheus/promql', message: MESH },
  { file: 'lib/mesh/zone.ts', imports: '@/lib/jaeger/decode', message: MESH },
  { file: 'lib/mesh/zone.ts', imports: '@/lib/client/query-keys', message: MESH },
  { file: 'lib/mesh/zone.ts', imports: '@/lib/testing/fixtures', message: MESH },
  { file: 'lib/mesh/zone.test.ts', imports: '@/lib/server/get-status', message: MESH },
  { file: 'lib/api/zone.ts', imports: '@/lib/server/get-status', message: API },
  { file: 'lib/api/zone.ts', imports: '@/lib/client/query-keys', message: API },
  { file: 'lib/api/zone.ts', imports: 'yaml', message: API },
  { file: 'lib/server/zone.ts', imports: '@/lib/client/use-traffic', message: SERVER },
  { file: 'lib/server/zone.ts', imports: '@/components/ui/format', message: SERVER },
  { file: 'components/graph/zone.tsx', imports: '@/lib/server/get-status', message: COMPONENTS },
  { file: 'components/ui/zone.tsx', imports: '@/lib/kube/client', message: COMPONENTS },
  { file: 'components/traces/zone.tsx', imports: '@/lib/jaeger/client', message: COMPONENTS },
  { file: 'lib/client/zone.ts', imports: '@/lib/prometheus/client', message: COMPONENTS },
  {
    file: 'components/graph/zone.tsx',
    imports: '@/components/traces/format-duration',
    message: FEATURE,
  },
  { file: 'components/traffic/zone.tsx', imports: '../graph/edge-width', message: FEATURE },
  { file: 'components/ui/zone.tsx', imports: '@/components/graph/edge-width', message: SHARED },
  { file: 'app/zone.ts', imports: '@/demo/simulator', message: DEMO },
  { file: 'lib/zone.ts', imports: '@/demo/simulator', message: DEMO },
  { file: 'components/graph/zone.tsx', imports: '@/demo/simulator', message: DEMO },
  { file: 'lib/mesh/graph/zone.ts', imports: '../testing/graph-samples', message: TESTING },
  { file: 'lib/mesh/zone.ts', imports: './testing/mesh', message: TESTING },
  { file: 'lib/server/zone.ts', imports: '@/lib/testing/fixtures', message: TESTING },
  {
    file: 'components/traffic/zone.tsx',
    imports: '@/components/testing/fake-api',
    message: TESTING,
  },
];

const allowed: readonly Case[] = [
  { file: 'lib/mesh/graph/zone.test.ts', imports: '../testing/graph-samples' },
  { file: 'components/traffic/zone.test.tsx', imports: '@/components/testing/fake-api' },
  { file: 'lib/mesh/graph/zone.ts', imports: '@/lib/mesh/types' },
  { file: 'lib/mesh/zone.ts', imports: './traffic/weights' },
  { file: 'lib/mesh/zone.ts', imports: 'zod' },
  { file: 'lib/mesh/zone.test.ts', imports: '@/lib/testing/fixtures' },
  { file: 'lib/api/zone.ts', imports: '@/lib/mesh/types' },
  { file: 'lib/api/zone.ts', imports: 'zod' },
  { file: 'lib/server/zone.ts', imports: '@/lib/kube/client' },
  { file: 'components/graph/zone.tsx', imports: '@/lib/client/use-traffic' },
  { file: 'components/graph/zone.tsx', imports: '@/components/ui/format' },
  { file: 'components/graph/zone.tsx', imports: './edge-width' },
  { file: 'lib/client/zone.ts', imports: '@/lib/mesh/types' },
  { file: 'app/zone.ts', imports: '@/lib/server/get-status' },
];

let eslint: ESLint;
// The first lint loads every plugin of the config, which takes seconds on a busy machine.
beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  await eslint.lintText('', { filePath: path.join(ROOT, 'lib/zone.ts') });
}, 120_000);

async function zoneMessages({ file, imports }: Case): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${imports}';\n`, {
    filePath: path.join(ROOT, file),
  });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== null && RULES.has(m.ruleId))
    .map((m) => m.message);
}

/** Fails on a moved module, which would otherwise pass unchecked: unresolved imports are skipped. */
function expectTargetExists({ file, imports }: Case): void {
  if (!imports.startsWith('.') && !imports.startsWith('@/')) return;
  const base = imports.startsWith('@/')
    ? path.join(ROOT, imports.slice(2))
    : path.resolve(ROOT, path.dirname(file), imports);
  expect(
    ['.ts', '.tsx'].some((ext) => existsSync(base + ext)),
    base,
  ).toBe(true);
}

describe('the import rules of eslint.config.mjs', () => {
  it.each(offending)(
    '$file may not import $imports',
    async (c) => {
      expectTargetExists(c);
      const messages = await zoneMessages(c);
      // An import may break two rules at once (lib/mesh reaching lib/testing); this zone must be one.
      expect(
        messages.some((message) => message.includes(c.message)),
        messages.join('\n'),
      ).toBe(true);
    },
    30_000,
  );

  it.each(allowed)(
    '$file may import $imports',
    async (c) => {
      expectTargetExists(c);
      expect(await zoneMessages(c)).toEqual([]);
    },
    30_000,
  );
});
