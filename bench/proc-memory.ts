import fs from 'node:fs';

export interface ProcessMemory {
  readonly pid: number;
  /** Resident set size now, and its peak since the process started (VmHWM), in bytes. */
  readonly rssBytes: number;
  readonly peakRssBytes: number;
}

/**
 * The pid of the Meshlens server listening on `port`. `next start` renames its process title, so
 * the command line no longer shows the port; its environment still holds `PORT=<port>`.
 */
export function findServerPid(port: number): number | undefined {
  const needle = `\0PORT=${port}\0`;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const env = `\0${fs.readFileSync(`/proc/${entry}/environ`, 'latin1')}`;
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'latin1');
      if (env.includes(needle) && /next/.test(cmd)) return Number(entry);
    } catch {
      // Processes come and go, and others' are unreadable.
    }
  }
  return undefined;
}

function statusKb(status: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return m?.[1] === undefined ? NaN : Number(m[1]) * 1024;
}

export function processMemory(pid: number): ProcessMemory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return { pid, rssBytes: statusKb(status, 'VmRSS'), peakRssBytes: statusKb(status, 'VmHWM') };
}
