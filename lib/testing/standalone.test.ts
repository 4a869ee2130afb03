import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A user clones only the repository: no code, script or config may reach for the folder beside it. */
function trackedSources(): string[] {
  return execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|tsx|mts|mjs|cjs|js|json|sh|ya?ml)$|^\.ci\/|Dockerfile$/.test(f))
    .filter((f) => !f.startsWith('fixtures/') && f !== 'package-lock.json');
}

function offenders(pattern: RegExp): string[] {
  return trackedSources().filter((f) => pattern.test(readFileSync(path.join(ROOT, f), 'utf8')));
}

describe('the repository stands alone', () => {
  it('no tracked file outside the docs reads the shared folder beside the clone', () => {
    expect(offenders(/\.\.\/shared\b/)).toEqual([]);
  });

  it('no code comment cites a document the repository does not hold', () => {
    expect(offenders(/\b(DESIGN|STYLE|TOOLCHAIN)\.md\b/)).toEqual([]);
  });
});
