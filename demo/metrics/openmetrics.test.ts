import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backfill } from '../backfill.js';
import { advance, createTrafficModel } from '../model/advance.js';
import { StaticConfig } from '../model/static-config.js';
import { miniMesh } from '../model/testing.js';
import { buildScenario } from '../scenarios/index.js';
import { renderMetrics } from './render.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meshlens-backfill-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function promtoolPath(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v promtool'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

describe('writeBackfill (OpenMetrics for promtool)', () => {
  const { scenario } = miniMesh({ rps: 5 });
  const endMs = 1_700_000_000_000;
  const file = path.join(dir, 'mini.om');
  const result = backfill({
    scenario,
    seed: scenario.seed,
    hours: 0.1,
    stepSeconds: 10,
    outFile: file,
    endMs,
    byteHistograms: true,
  });
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n').filter(Boolean);

  it('names counter families without _total and samples with it, ends with # EOF, no blank lines', () => {
    expect(text).toContain('# TYPE istio_requests counter\n');
    expect(text).toContain('# TYPE istio_request_duration_milliseconds histogram\n');
    expect(text).not.toContain('# TYPE istio_requests_total');
    // The first step ends one step after the start of the 6-minute window.
    expect(
      /^istio_requests_total\{reporter="source",.*,job="mesh",instance="simulator"\} \d+ 1699999650$/m.test(
        text,
      ),
    ).toBe(true);
    expect(text.endsWith('# EOF\n')).toBe(true);
    expect(text).not.toContain('\n\n');
  });

  it('groups samples per family and keeps time ascending per series', () => {
    const familyOrder: string[] = [];
    const lastTime = new Map<string, number>();
    for (const line of lines) {
      if (line.startsWith('# TYPE')) {
        familyOrder.push(line.split(' ')[2] ?? '');
        continue;
      }
      if (line === '# EOF') continue;
      const cut = line.lastIndexOf(' ');
      const series = line.slice(0, line.lastIndexOf(' ', cut - 1));
      const time = Number(line.slice(cut + 1));
      expect(time).toBeGreaterThan(lastTime.get(series) ?? 0);
      lastTime.set(series, time);
      const family = familyOrder[familyOrder.length - 1] ?? '';
      expect(series.startsWith(family)).toBe(true);
    }
    expect(new Set(familyOrder).size).toBe(familyOrder.length);
  });

  it('returns the state at the end so live counters continue without a reset', () => {
    expect(result.endMs).toBe(endMs);
    expect(result.state.nowMs).toBe(endMs);
    const lastValue = (series: string): number =>
      Number(
        lines
          .filter((l) => l.startsWith(series))
          .pop()
          ?.split(' ')[1],
      );
    const prefix = 'istio_requests_total{reporter="source"';
    const historic = lastValue(prefix);
    const model = createTrafficModel(scenario, new StaticConfig(scenario.objects));
    advance(model, result.state, endMs, endMs + 10_000);
    const live = renderMetrics(result.state)
      .split('\n')
      .find((l) => l.startsWith(prefix));
    expect(Number(live?.split(' ').pop())).toBeGreaterThan(historic);
  });

  it('writes an hour of the demo mesh at 10 s steps, printing how long it took', () => {
    const demo = buildScenario('demo', 42);
    const t0 = performance.now();
    backfill({
      scenario: demo,
      seed: 42,
      hours: 1,
      stepSeconds: 10,
      outFile: path.join(dir, 'demo.om'),
      endMs,
    });
    const ms = performance.now() - t0;
    console.log(
      `demo backfill 1 h / 10 s: ${ms.toFixed(0)} ms, ${(fs.statSync(path.join(dir, 'demo.om')).size / 1e6).toFixed(0)} MB`,
    );
  }, 60_000); // a figure to read, not a limit: a loaded machine may take several times longer

  it.skipIf(promtoolPath() === null)(
    'is accepted by promtool tsdb create-blocks-from openmetrics',
    () => {
      const out = path.join(dir, 'blocks');
      const stdout = execFileSync(
        promtoolPath() ?? 'promtool',
        ['tsdb', 'create-blocks-from', 'openmetrics', file, out],
        { encoding: 'utf8' },
      );
      expect(stdout).toContain('BLOCK ULID');
      expect(fs.readdirSync(out).length).toBeGreaterThan(0);
    },
  );
});
