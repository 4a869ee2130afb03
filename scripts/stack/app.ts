import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readyOrExit, startChild, type Child } from './child';
import { waitForHttp } from './wait-for';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');
const SOURCE_DIRS = ['app', 'components', 'lib', 'public'];
const SOURCE_FILES = ['next.config.mjs', 'package.json', 'postcss.config.mjs', 'tsconfig.json'];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry))
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** True when there is no production build or a source file changed after it was made. */
export function buildIsStale(): boolean {
  const buildId = path.join(ROOT, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return [...SOURCE_DIRS, ...SOURCE_FILES].some((e) => newestMtime(path.join(ROOT, e)) > built);
}

export function buildApp(log: (line: string) => void): void {
  log('Building Meshlens (next build)…');
  execFileSync(process.execPath, [NEXT_BIN, 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}

export interface AppOptions {
  readonly port: number;
  readonly env: Readonly<Record<string, string>>;
  readonly logFile: string;
}

/**
 * Starts `next start` as node's own child (not through npx), so that its PID is the server's and a
 * SIGTERM reaches it.
 */
export async function startApp(opts: AppOptions): Promise<{ url: string; child: Child }> {
  const child = startChild(
    'meshlens',
    process.execPath,
    [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', String(opts.port)],
    {
      cwd: ROOT,
      env: { ...process.env, ...opts.env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(opts.port) },
      logFile: opts.logFile,
    },
  );
  const url = `http://127.0.0.1:${opts.port}`;
  await readyOrExit(child, opts.logFile, waitForHttp(`${url}/api/health`, 60_000, 'Meshlens'));
  return { url, child };
}
