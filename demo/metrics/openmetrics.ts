import fs from 'node:fs';
import { advance, createTrafficModel } from '../model/advance.js';
import { newModelState, type ModelState } from '../model/state.js';
import { StaticConfig } from '../model/static-config.js';
import type { BuiltScenario } from '../scenarios/topology.js';
import { LE_VALUES, istioFamilies, type Family } from './families.js';
import { roundSum } from './render.js';

/**
 * History for `promtool tsdb create-blocks-from openmetrics`, from the same traffic model as the live
 * /metrics. promtool wants: `# TYPE` naming counters without `_total`, samples
 * `name_total{…} value unix_seconds`, each family's samples together, time ascending per series,
 * no blank lines, and a final `# EOF`.
 */

export interface BackfillOptions {
  /** Labels Prometheus would add when scraping (job, instance), so live series continue these. */
  extraLabels?: Readonly<Record<string, string>>;
  /** istio_request_bytes / istio_response_bytes history (default true when the scenario has them). */
  byteHistograms?: boolean;
}

const FLUSH_CHARS = 1 << 22;

/** Writes the file and returns the model state at toMs, for the live simulator to continue from. */
export function writeBackfill(
  scenario: BuiltScenario,
  seed: number,
  fromMs: number,
  toMs: number,
  stepMs: number,
  outFile: string,
  options: BackfillOptions = {},
): ModelState {
  const model = createTrafficModel({ ...scenario, seed }, new StaticConfig(scenario.objects));
  const state = newModelState(seed, fromMs);
  const shape = scenario.topology.metrics;
  const families = istioFamilies({
    ...shape,
    byteHistograms: shape.byteHistograms && (options.byteHistograms ?? true),
  });
  const recorder = new Recorder(families);
  const times: number[] = [];
  for (let t = fromMs + stepMs; t <= toMs; t += stepMs) {
    advance(model, state, t - stepMs, t);
    times.push(t);
    recorder.snapshot(state);
  }
  const extra = Object.entries(options.extraLabels ?? {})
    .map(([k, v]) => `,${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
    .join('');
  const fd = fs.openSync(outFile, 'w');
  try {
    const out = new ChunkWriter(fd);
    const stamps = times.map((t) => (t % 1000 === 0 ? String(t / 1000) : (t / 1000).toFixed(3)));
    families.forEach((family, f) => recorder.write(out, family, f, extra, stamps));
    out.push('# EOF\n');
    out.flush();
  } finally {
    fs.closeSync(fd);
  }
  return state;
}

class ChunkWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly fd: number) {}
  push(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_CHARS) this.flush();
  }
  flush(): void {
    if (this.parts.length > 0) fs.writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

interface Track {
  labels: string;
  firstStep: number;
  values: number[];
}

/** Per family, per series: the values at every step since the series appeared. */
class Recorder {
  private readonly tracks: Map<string, Track>[];
  private step = 0;

  constructor(private readonly families: readonly Family[]) {
    this.tracks = families.map(() => new Map());
  }

  snapshot(state: ModelState): void {
    this.families.forEach((family, f) => {
      const tracks = this.tracks[f];
      if (!tracks) return;
      for (const s of family.series(state)) {
        let track = tracks.get(s.labels);
        if (!track)
          tracks.set(s.labels, (track = { labels: s.labels, firstStep: this.step, values: [] }));
        if ('value' in s) track.values.push(s.value);
        else {
          let cumulative = 0;
          for (let i = 0; i < LE_VALUES.length; i++)
            track.values.push((cumulative += s.histogram.counts[i] ?? 0));
          track.values.push(roundSum(s.histogram.sum));
        }
      }
    });
    this.step++;
  }

  write(
    out: ChunkWriter,
    family: Family,
    f: number,
    extra: string,
    stamps: readonly string[],
  ): void {
    const tracks = this.tracks[f];
    if (!tracks || tracks.size === 0) return;
    if (family.kind === 'counter') {
      const base = family.name.replace(/_total$/, '');
      out.push(`# TYPE ${base} counter\n`);
      for (const t of tracks.values()) {
        const prefix = `${family.name}{${t.labels}${extra}} `;
        t.values.forEach((v, i) => out.push(`${prefix}${v} ${stamps[t.firstStep + i]}\n`));
      }
      return;
    }
    out.push(`# TYPE ${family.name} histogram\n`);
    const width = LE_VALUES.length + 1;
    for (const t of tracks.values()) {
      const bucketPrefixes = LE_VALUES.map(
        (le) => `${family.name}_bucket{${t.labels}${extra},le="${le}"} `,
      );
      const sumPrefix = `${family.name}_sum{${t.labels}${extra}} `;
      const countPrefix = `${family.name}_count{${t.labels}${extra}} `;
      const points = t.values.length / width;
      for (let p = 0; p < points; p++) {
        const ts = stamps[t.firstStep + p];
        const row = p * width;
        let lines = '';
        for (let i = 0; i < LE_VALUES.length; i++)
          lines += `${bucketPrefixes[i]}${t.values[row + i]} ${ts}\n`;
        lines += `${countPrefix}${t.values[row + LE_VALUES.length - 1]} ${ts}\n${sumPrefix}${t.values[row + width - 1]} ${ts}\n`;
        out.push(lines);
      }
    }
  }
}
