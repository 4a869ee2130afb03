/**
 * Figures for a detail page over short and long windows: the PromQL queries and the points its
 * charts cost (inbound and outbound, split by version), and the server's wait, for 1h, 6h, 1d and
 * 7d. Run with `npm run bench:detail`; figures only, nothing asserted.
 */
import { startStack } from '../scripts/stack/index';

const WINDOWS = ['1h', '6h', '1d', '7d'] as const;
const SAMPLES = 5;
const NODE = 'wl:bookinfo:reviews-v2';

interface Row {
  readonly window: string;
  readonly queries: number;
  readonly points: number;
  readonly stepSeconds: number;
  readonly medianMs: number;
}

async function sample(
  url: string,
): Promise<{ queries: number; points: number; step: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const body = (await res.json()) as { stepSeconds: number; groups: { points: unknown[] }[] };
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
  return {
    queries: Number(res.headers.get('meshlens-prometheus-queries') ?? 'NaN'),
    points: body.groups[0]?.points.length ?? 0,
    step: body.stepSeconds,
    ms,
  };
}

async function main(): Promise<void> {
  const stack = await startStack({
    app: true,
    // More than a 7-day chart's 2-hour step plus its rate window: its last point always has data.
    historyMinutes: 250,
    log: (l) => console.error(`  [stack] ${l}`),
  });
  try {
    const app = stack.appUrl ?? '';
    const rows: Row[] = [];
    for (const window of WINDOWS) {
      const times: number[] = [];
      let last = { queries: 0, points: 0, step: 0 };
      for (let i = 0; i < SAMPLES; i++) {
        // The first page of each window is cold; later ones within a step share its cached answers.
        const end = Math.floor(Date.now() / 1000) - 60;
        const both = await Promise.all(
          (['inbound', 'outbound'] as const).map((direction) =>
            sample(
              `${app}/api/metrics?node=${NODE}&direction=${direction}&by=version&window=${window}&end=${end}`,
            ),
          ),
        );
        times.push(Math.max(...both.map((s) => s.ms)));
        if (i === 0)
          last = {
            queries: both.reduce((n, s) => n + s.queries, 0),
            points: both[0]?.points ?? 0,
            step: both[0]?.step ?? 0,
          };
      }
      times.sort((a, b) => a - b);
      rows.push({
        window,
        queries: last.queries,
        points: last.points,
        stepSeconds: last.step,
        medianMs: Math.round(times[Math.floor(times.length / 2)] ?? 0),
      });
    }
    console.log(
      '| window | PromQL queries (cold page) | points per series | step s | page wait ms (median) |',
    );
    console.log(
      '| -----: | -------------------------: | ----------------: | -----: | -------------------: |',
    );
    for (const r of rows)
      console.log(
        `| ${r.window} | ${r.queries} | ${r.points} | ${r.stepSeconds} | ${r.medianMs} |`,
      );
  } finally {
    await stack.stop();
  }
}

await main();
