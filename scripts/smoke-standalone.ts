/**
 * Runs Meshlens the way the container does — the Next.js standalone output laid out as the
 * Dockerfile lays it out, `node server.js`, as an unprivileged user when started as root — against
 * the demo mesh, and checks what a user of the image would meet: every page renders in Chromium
 * under the Content-Security-Policy with no console error, an allowed host works, a foreign Host is
 * refused, and the server is not root. Needs a production build (`next build`).
 *
 * Prints "smoke: N passed, N failed" and exits non-zero when a check failed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startChild, readyOrExit, type Child } from './stack/child';
import { CHROMIUM_LAUNCH } from './stack/chromium';
import { freePort } from './stack/free-port';
import { startStack, type Stack } from './stack/index';
import { rawRequest } from './stack/raw-request';
import { waitForHttp } from './stack/wait-for';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, process.env.NEXT_DIST_DIR || '.next');
/** The image's USER is 1000; here any unprivileged account shows the same: nothing needs root. */
const UNPRIVILEGED = { uid: 65534, gid: 65534 };

const PAGES = [
  '/',
  '/graph?namespaces=bookinfo',
  '/services',
  '/services/bookinfo/reviews',
  '/workloads',
  '/istio',
  '/istio/bookinfo/virtualservices/reviews',
  '/istio/new',
  '/istio/wizard',
  '/istio/wizard/bookinfo/reviews',
  '/sign-in',
  '/traces',
];

interface Result {
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: string;
}

/** The image's layout: the standalone server at the root, its static assets and public/ beside it. */
function layOutImage(into: string): void {
  const standalone = path.join(DIST, 'standalone');
  if (!fs.existsSync(path.join(standalone, 'server.js')))
    throw new Error(`No standalone build at ${standalone}: run \`npx next build\` first.`);
  fs.cpSync(standalone, into, { recursive: true });
  fs.cpSync(path.join(DIST, 'static'), path.join(into, path.basename(DIST), 'static'), {
    recursive: true,
  });
  const pub = path.join(ROOT, 'public');
  if (fs.existsSync(pub)) fs.cpSync(pub, path.join(into, 'public'), { recursive: true });
}

/** `app` is a folder of its own: the stack's folder is private to this user. */
function startServer(stack: Stack, app: string, port: number): Child {
  layOutImage(app);
  const kubeconfig = path.join(app, 'kubeconfig');
  fs.copyFileSync(stack.kubeconfig, kubeconfig);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', `${UNPRIVILEGED.uid}:${UNPRIVILEGED.gid}`, app]);
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    NODE_ENV: 'production' as const,
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    ...stack.appEnv,
    KUBECONFIG: kubeconfig,
  };
  const [command, args] = asRoot
    ? [
        'setpriv',
        [
          `--reuid=${UNPRIVILEGED.uid}`,
          `--regid=${UNPRIVILEGED.gid}`,
          '--clear-groups',
          process.execPath,
          'server.js',
        ],
      ]
    : [process.execPath, ['server.js']];
  return startChild('meshlens (standalone)', command, args, {
    cwd: app,
    env,
    logFile: path.join(stack.dir, 'standalone.log'),
  });
}

/** The effective uid of the process listening for us (setpriv execs node, so the PID is the server's). */
function uidOf(pid: number): number | undefined {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const uid = /^Uid:\s+\d+\s+(\d+)/m.exec(status)?.[1];
  return uid === undefined ? undefined : Number(uid);
}

async function pageChecks(baseUrl: string): Promise<Result[]> {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const results: Result[] = [];
  try {
    for (const pathname of PAGES) {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
        });
      });
      try {
        const res = await page.goto(`${baseUrl}${pathname}`, { waitUntil: 'load' });
        const csp = res?.headers()['content-security-policy'] ?? '';
        if (!csp) problems.push('no Content-Security-Policy header');
        if (/'unsafe-eval'/.test(csp)) problems.push("the CSP allows 'unsafe-eval'");
        // Hydrated: the shell's navigation is interactive only once React has run under the CSP.
        await page.getByRole('navigation').first().waitFor({ timeout: 20_000 });
        await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
        if (res && res.status() !== 200) problems.push(`status ${res.status()}`);
      } catch (err) {
        problems.push(err instanceof Error ? err.message.split('\n')[0]! : String(err));
      }
      results.push({
        name: `page ${pathname} renders under the CSP with no console error`,
        ok: problems.length === 0,
        ...(problems.length ? { detail: problems.join('; ') } : {}),
      });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

async function main(): Promise<void> {
  const results: Result[] = [];
  const stack = await startStack({ historyMinutes: 10, scrapeIntervalSeconds: 2, log: () => {} });
  const app = fs.mkdtempSync(path.join(os.tmpdir(), 'meshlens-image-'));
  let server: Child | undefined;
  try {
    const port = await freePort();
    server = startServer(stack, app, port);
    const logFile = path.join(stack.dir, 'standalone.log');
    await readyOrExit(
      server,
      logFile,
      waitForHttp(`http://127.0.0.1:${port}/api/health`, 60_000, 'standalone Meshlens'),
    );
    const allowed = `127.0.0.1:${port}`;
    const base = `http://${allowed}`;

    const pid = server.process.pid;
    const uid = pid === undefined ? undefined : uidOf(pid);
    results.push({
      name: 'the server does not run as root',
      ok: uid !== undefined && uid !== 0,
      detail: `uid ${uid}`,
    });

    const status = await rawRequest(base, '/api/status', { headers: { host: allowed } });
    const sources = (JSON.parse(status.body) as { sources?: Record<string, { ok?: boolean }> })
      .sources;
    results.push({
      name: 'an allowed host reads /api/status with Prometheus and Kubernetes up',
      ok:
        status.status === 200 &&
        sources?.prometheus?.ok === true &&
        sources.kubernetes?.ok === true,
      detail: `${status.status} ${status.body.slice(0, 200)}`,
    });

    for (const pathname of ['/', '/api/graph?namespaces=bookinfo']) {
      const foreign = await rawRequest(base, pathname, {
        headers: { host: `evil.example:${port}` },
      });
      results.push({
        name: `a foreign Host is refused on ${pathname}`,
        ok: foreign.status >= 400 && foreign.status < 500 && !foreign.body.includes('bookinfo'),
        detail: `status ${foreign.status}`,
      });
    }

    results.push(...(await pageChecks(`http://${allowed}`)));
  } catch (err) {
    results.push({ name: 'the standalone server starts', ok: false, detail: String(err) });
  } finally {
    await server?.stop();
    await stack.stop();
    fs.rmSync(app, { recursive: true, force: true });
  }

  for (const r of results)
    console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.ok || !r.detail ? '' : `: ${r.detail}`}`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`smoke: ${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

await main();
