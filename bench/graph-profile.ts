/**
 * `tsx bench/graph-profile.ts`: where the graph page spends its time at 1000 services (BENCH_SIZES
 * picks another size). Starts the scale stack like bench/graph.ts, opens /graph in Chromium with the
 * CPU profiler on, and prints the page's timeline (resources, user timings) and the heaviest
 * functions for the first draw and for one live refresh. For finding work, not for the README table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { startStack } from '../scripts/stack/index';
import { CHROMIUM_LAUNCH } from '../scripts/stack/chromium';
import { waitForRefreshApplied } from './graph-browser';
import { sampleGraph } from './graph-server';
import { costsByFrame, formatCosts, type CpuProfile } from './cpu-profile';

const SERVICES = Number(process.env.BENCH_SIZES ?? '1000');
const TOP = Number(process.env.PROFILE_TOP ?? '40');
/** Where to keep the raw profiles (open them in Chrome DevTools' Performance panel), if anywhere. */
const PROFILE_DIR = process.env.PROFILE_DIR;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function stopProfile(cdp: CDPSession, title: string): Promise<void> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  if (PROFILE_DIR !== undefined) {
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    const file = path.join(
      PROFILE_DIR,
      `${title.split(' ')[0] ?? 'profile'}-${Date.now()}.cpuprofile`,
    );
    fs.writeFileSync(file, JSON.stringify(profile));
  }
  const costs = costsByFrame(profile);
  const ms = (profile.endTime - profile.startTime) / 1000;
  console.log(`\n== ${title}: ${ms.toFixed(0)} ms profiled; total ms, self ms, function`);
  console.log(formatCosts(costs, TOP));
  console.log(`-- heaviest self time`);
  console.log(
    formatCosts(
      [...costs].sort((a, b) => b.selfMs - a.selfMs),
      TOP / 2,
    ),
  );
}

async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

async function printTimeline(page: Page): Promise<void> {
  const rows = await page.evaluate(() =>
    [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
      ...performance.getEntriesByType('measure'),
      ...performance.getEntriesByType('mark'),
    ].map((e) => {
      const r = e as PerformanceResourceTiming;
      const start = 'requestStart' in r && r.requestStart > 0 ? r.requestStart : e.startTime;
      return {
        name: e.name.replace(location.origin, '').slice(0, 90),
        type: e.entryType,
        start,
        end: 'responseEnd' in r ? r.responseEnd : e.startTime + e.duration,
        kb: 'transferSize' in r ? r.transferSize / 1024 : 0,
      };
    }),
  );
  console.log('\n== timeline (ms after navigation): start → end, KB');
  for (const r of rows.sort((a, b) => a.start - b.start))
    console.log(
      `${r.start.toFixed(0).padStart(6)} → ${r.end.toFixed(0).padStart(6)} ${r.kb.toFixed(0).padStart(5)}  ${r.type} ${r.name}`,
    );
}

async function main(): Promise<void> {
  const stack = await startStack({
    scenario: 'scale',
    services: SERVICES,
    app: true,
    historyMinutes: 10,
    log: (line) => console.error(`  [stack] ${line}`),
  });
  try {
    await profilePage(stack.appUrl ?? '');
  } finally {
    await stack.stop();
  }
}

async function profilePage(app: string): Promise<void> {
  const browser = await chromium.launch({
    ...CHROMIUM_LAUNCH,
  });
  try {
    const namespaces = Array.from(
      { length: Math.ceil(SERVICES / 100) },
      (_, i) => `mesh-${String(i + 1).padStart(3, '0')}`,
    ).join(',');
    for (let tries = 0; tries < 60; tries++) {
      const s = await sampleGraph(`${app}/api/graph?namespaces=${namespaces}&window=5m`).catch(
        () => undefined,
      );
      if (s !== undefined && s.edges >= SERVICES * 0.9) break;
      await sleep(2_000);
    }
    await sleep(5_500);
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const cdp = await page.context().newCDPSession(page);
    await startProfile(cdp);
    await page.goto(`${app}/graph?namespaces=${namespaces}&refresh=10s`, { waitUntil: 'commit' });
    await page.waitForSelector('[data-ready="1"]', { timeout: 60_000 });
    const ready = await page.evaluate(() => performance.now());
    await stopProfile(cdp, `first draw (data-ready at ${ready.toFixed(0)} ms)`);
    await printTimeline(page);
    for (let i = 0; i < 2; i++) {
      await sleep(1_000);
      await startProfile(cdp);
      const applied = await waitForRefreshApplied(page);
      await stopProfile(
        cdp,
        `refresh (${applied === null ? 'no frame' : `applied ${applied.toFixed(0)} ms after the response`})`,
      );
    }
  } finally {
    await browser.close();
  }
}

await main();
