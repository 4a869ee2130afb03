/**
 * `npm run bench:graph`: /api/graph on the synthetic scale mesh at 100, 1000 and 3000 services, and
 * the graph page in Chromium at 1000. Prints a table, writes bench/results/graph-<date>.json and the
 * table into bench/README.md. Figures, never assertions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStack } from '../scripts/stack/index';
import { timeBrowserGraph, type BrowserResult } from './graph-browser';
import { median, sampleGraph, timePrometheusAlone, type ServerSample } from './graph-server';
import { findServerPid, processMemory } from './proc-memory';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,3000').split(',').map(Number);
const SAMPLES = 5;
/** Longer than the graph cache (5 s), so every sample is a fresh build. */
const PAUSE_MS = 5_500;
const BROWSER_SIZE = 1000;
const HERE = import.meta.dirname;

interface SizeResult {
  readonly services: number;
  readonly namespaces: number;
  readonly nodes: number;
  readonly edges: number;
  readonly queries: number;
  readonly responseBytes: number;
  /** Medians over SAMPLES fresh builds, in ms. */
  readonly totalMs: number;
  readonly serverTotalMs: number;
  readonly promMs: number;
  readonly promAloneMs: number;
  readonly processingMs: number;
  readonly buildMs: number;
  readonly jsonMs: number;
  readonly rssBytes: number;
  readonly peakRssBytes: number;
  /** 1-minute load average when the samples were taken: other work on the machine skews figures. */
  readonly loadAverage: number;
  /** Samples that failed, with the reason. */
  readonly failures: readonly string[];
  readonly browser?: BrowserResult;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function benchSize(services: number): Promise<SizeResult> {
  const stack = await startStack({
    scenario: 'scale',
    services,
    app: true,
    historyMinutes: 10,
    log: (line) => console.error(`  [stack] ${line}`),
  });
  try {
    const app = stack.appUrl ?? '';
    const namespaces = Array.from(
      { length: Math.ceil(services / 100) },
      (_, i) => `mesh-${String(i + 1).padStart(3, '0')}`,
    );
    const url = `${app}/api/graph?namespaces=${namespaces.join(',')}&window=5m`;
    // Wait for the whole mesh to show up (about one edge per service), then warm the server up.
    for (let tries = 0; ; tries++) {
      const s = await sampleGraph(url).catch(() => undefined);
      if (s !== undefined && s.edges >= services * 0.9) break;
      if (tries > 60) throw new Error(`the ${services}-service graph never filled in`);
      await sleep(2_000);
    }
    await sleep(PAUSE_MS);
    const samples: ServerSample[] = [];
    const failures: string[] = [];
    const promAlone: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      // A failed request (e.g. a 503 when Prometheus is slower than its timeout) is a figure too.
      await sampleGraph(url).then(
        (s) => samples.push(s),
        (err: unknown) =>
          failures.push(err instanceof Error ? err.message.slice(-200) : String(err)),
      );
      await sleep(2_500);
      promAlone.push(await timePrometheusAlone(stack.prometheusUrl, namespaces));
      await sleep(PAUSE_MS - 2_500);
    }
    const loadAverage = os.loadavg()[0] ?? NaN;
    const pid = findServerPid(Number(new URL(app).port));
    const mem = pid === undefined ? undefined : processMemory(pid);
    const t = (name: string): number => median(samples.map((s) => s.timing[name] ?? NaN));
    const last = samples[samples.length - 1];
    const browser =
      services === BROWSER_SIZE
        ? await timeBrowserGraph(app, namespaces).catch((err: unknown): BrowserResult => ({
            skipped: String(err),
          }))
        : undefined;
    return {
      services,
      namespaces: namespaces.length,
      nodes: last?.nodes ?? 0,
      edges: last?.edges ?? 0,
      queries: last?.queries ?? 0,
      responseBytes: last?.bytes ?? 0,
      totalMs: median(samples.map((s) => s.totalMs)),
      serverTotalMs: t('total'),
      promMs: t('prom'),
      promAloneMs: median(promAlone),
      processingMs: median(samples.map((s) => (s.timing.total ?? NaN) - (s.timing.prom ?? NaN))),
      buildMs: t('build'),
      jsonMs: t('json'),
      rssBytes: mem?.rssBytes ?? NaN,
      peakRssBytes: mem?.peakRssBytes ?? NaN,
      loadAverage,
      failures,
      ...(browser ? { browser } : {}),
    };
  } finally {
    await stack.stop();
  }
}

const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(v < 10 ? 1 : 0) : '–');
const mb = (v: number): string => (Number.isFinite(v) ? (v / 1048576).toFixed(0) : '–');

function table(results: readonly SizeResult[]): string {
  const rows = [
    '| services | nodes / edges | queries | /api/graph total ms | Prometheus alone ms | server prom ms | processing ms (build, json) | response KB | server RSS MB (peak) | load avg | failed |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.services} | ${r.nodes} / ${r.edges} | ${r.queries} | ${ms(r.totalMs)} | ${ms(r.promAloneMs)} | ${ms(r.promMs)} | ${ms(r.processingMs)} (${ms(r.buildMs)}, ${ms(r.jsonMs)}) | ${(r.responseBytes / 1024).toFixed(0)} | ${mb(r.rssBytes)} (${mb(r.peakRssBytes)}) | ${r.loadAverage.toFixed(1)} | ${r.failures.length}/${SAMPLES} |`,
    ),
  ];
  const b = results.find((r) => r.browser)?.browser;
  if (b !== undefined) {
    rows.push(
      '',
      'skipped' in b
        ? `Browser (${BROWSER_SIZE} services): skipped — ${b.skipped}`
        : `Browser (${BROWSER_SIZE} services, ${b.elements} elements): first drawn graph ${ms(b.firstDrawnMs)} ms after navigation; refresh applied in ${b.refreshAppliedMs.map(ms).join(', ')} ms${b.refreshesWithoutFrame > 0 ? ` (${b.refreshesWithoutFrame} more changed nothing drawn: no frame)` : ''}.`,
    );
  }
  return rows.join('\n');
}

function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemBytes: os.totalmem(),
    node: process.version,
  };
}

function writeReadmeTable(markdown: string, date: string): void {
  const readme = path.join(HERE, 'README.md');
  const start = '<!-- graph-bench:start -->';
  const end = '<!-- graph-bench:end -->';
  const text = fs.readFileSync(readme, 'utf8');
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${readme} lacks the ${start} … ${end} markers`);
  const m = machine();
  const block = `${start}\n${date}, ${String(m.cpus)} × ${String(m.cpuModel)}, ${mb(os.totalmem())} MB, Node ${process.version}:\n\n${markdown}\n${end}`;
  fs.writeFileSync(readme, text.slice(0, i) + block + text.slice(j + end.length));
}

async function main(): Promise<void> {
  const results: SizeResult[] = [];
  const errors: { services: number; error: string }[] = [];
  for (const n of SIZES) {
    console.error(`Benchmarking ${n} services…`);
    await benchSize(n).then(
      (r) => results.push(r),
      (err: unknown) => errors.push({ services: n, error: String(err) }),
    );
  }
  const date = new Date().toISOString();
  const markdown = [
    table(results),
    ...errors.map((e) => `\n${e.services} services: ${e.error}`),
  ].join('\n');
  console.log(markdown);
  const file = path.join(HERE, 'results', `graph-${date.slice(0, 10)}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    `${JSON.stringify({ date, machine: machine(), samplesPerSize: SAMPLES, results, errors }, null, 2)}\n`,
  );
  writeReadmeTable(markdown, date.slice(0, 10));
  console.error(`Wrote ${path.relative(process.cwd(), file)} and bench/README.md`);
}

await main();
