import { readFileSync } from 'node:fs';
import path from 'node:path';

const FIXTURES_ROOT = path.resolve(import.meta.dirname, '../../fixtures');

/** Absolute path of a file under the repository's fixtures/, e.g. `fixturePath('kubernetes/real-objects/po.json')`. */
export function fixturePath(rel: string): string {
  return path.join(FIXTURES_ROOT, rel);
}

export function readFixture(rel: string): string {
  return readFileSync(fixturePath(rel), 'utf8');
}

export function readJsonFixture(rel: string): unknown {
  return JSON.parse(readFixture(rel));
}
