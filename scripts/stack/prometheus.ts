import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readyOrExit, startChild, type Child } from './child';
import { waitForHttp } from './wait-for';

function which(binary: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  const out = found.stdout.trim();
  return found.status === 0 && out ? out : undefined;
}

/**
 * Finds Debian's prometheus and promtool, installing the package with apt when we are root and it is
 * missing; otherwise says exactly what to install.
 */
export function ensurePrometheus(log: (line: string) => void): {
  prometheus: string;
  promtool: string;
} {
  let prometheus = which('prometheus');
  let promtool = which('promtool');
  if ((!prometheus || !promtool) && process.getuid?.() === 0 && which('apt-get')) {
    log('Prometheus is not installed: installing Debian\'s "prometheus" package with apt-get…');
    execFileSync(
      'sh',
      [
        '-c',
        'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus',
      ],
      {
        stdio: 'inherit',
      },
    );
    prometheus = which('prometheus');
    promtool = which('promtool');
  }
  if (!prometheus || !promtool) {
    throw new Error(
      "Meshlens' demo needs Prometheus 2.x and promtool on the PATH. On Debian or Ubuntu run: " +
        'sudo apt-get install prometheus   (or put the binaries from https://prometheus.io/download/ on the PATH)',
    );
  }
  return { prometheus, promtool };
}

export interface PrometheusOptions {
  readonly dir: string;
  readonly port: number;
  readonly scrapeTarget: string;
  readonly scrapeIntervalSeconds: number;
  /** An OpenMetrics file to turn into TSDB blocks before start, so history exists from the first second. */
  readonly backfillFile?: string;
  readonly log: (line: string) => void;
}

/**
 * The scrape sets instance="simulator" so that the live series continue the backfilled ones (which carry
 * the same job and instance) instead of starting new series beside them.
 */
export function prometheusConfig(target: string, intervalSeconds: number): string {
  return [
    'global:',
    `  scrape_interval: ${intervalSeconds}s`,
    `  evaluation_interval: ${intervalSeconds}s`,
    'scrape_configs:',
    '  - job_name: mesh',
    '    static_configs:',
    `      - targets: ['${target}']`,
    '    relabel_configs:',
    '      - target_label: instance',
    '        replacement: simulator',
    '',
  ].join('\n');
}

export async function startPrometheus(
  opts: PrometheusOptions,
): Promise<{ url: string; child: Child }> {
  const bins = ensurePrometheus(opts.log);
  const dataDir = path.join(opts.dir, 'prometheus-data');
  fs.mkdirSync(dataDir, { recursive: true });
  const configFile = path.join(opts.dir, 'prometheus.yml');
  fs.writeFileSync(configFile, prometheusConfig(opts.scrapeTarget, opts.scrapeIntervalSeconds));
  if (opts.backfillFile) {
    execFileSync(
      bins.promtool,
      ['tsdb', 'create-blocks-from', 'openmetrics', opts.backfillFile, dataDir],
      {
        stdio: 'ignore',
      },
    );
  }
  const logFile = path.join(opts.dir, 'prometheus.log');
  const child = startChild(
    'prometheus',
    bins.prometheus,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${dataDir}`,
      `--web.listen-address=127.0.0.1:${opts.port}`,
      '--storage.tsdb.retention.time=1d',
      '--web.enable-lifecycle',
      '--log.level=warn',
    ],
    { logFile },
  );
  const url = `http://127.0.0.1:${opts.port}`;
  await readyOrExit(child, logFile, waitForHttp(`${url}/-/ready`, 30_000, 'Prometheus'));
  return { url, child };
}
