import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXIT_FOUND_ISSUES, EXIT_USAGE, runAnalyze } from './cli';

const ROOT = path.resolve(import.meta.dirname, '../..');

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'meshlens-analyze-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const BROKEN_ROUTE = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: bookinfo}
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews, subset: v9}
`;

function run(argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runAnalyze(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('runAnalyze', () => {
  it('prints the findings as JSON with --json and exits 79 on an error', () => {
    const { code, out } = run([tempFile('vs.yaml', BROKEN_ROUTE), '--json']);
    expect(code).toBe(EXIT_FOUND_ISSUES);
    const parsed = JSON.parse(out.join('\n')) as { code: string; resource: unknown }[];
    expect(parsed).toContainEqual(
      expect.objectContaining({
        code: 'IST0101',
        level: 'Error',
        resource: { kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews' },
      }),
    );
  });

  it('exits 0 on a clean directory and 64 on a usage mistake', () => {
    const file = tempFile('ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n');
    expect(run([path.dirname(file)]).code).toBe(0);
    expect(run([]).code).toBe(EXIT_USAGE);
    expect(run([file, '--frobnicate']).code).toBe(EXIT_USAGE);
    expect(run(['/nonexistent/meshlens.yaml']).code).toBe(EXIT_USAGE);
  });
});

describe('npm run analyze', () => {
  it('runs as a command, printing istioctl’s lines', async () => {
    const file = tempFile('vs.yaml', BROKEN_ROUTE);
    const result = await promisify(execFile)(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      [path.join(ROOT, 'scripts/analyze.ts'), file],
      { cwd: ROOT },
    ).then(
      () => ({ code: 0, stdout: '' }),
      (err: { code: number; stdout: string }) => err,
    );
    expect(result.code).toBe(EXIT_FOUND_ISSUES);
    expect(result.stdout).toMatch(/^Error \[IST0101\] \(VirtualService bookinfo\/reviews\) /m);
  }, 60_000);
});
