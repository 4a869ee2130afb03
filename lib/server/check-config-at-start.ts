import 'server-only';
import fs from 'node:fs';
import { anonymousWritesRefusal, bindHost } from '@/lib/auth/bind-address';
import { getConfig } from '@/lib/config';

function stop(message: string): never {
  console.error(`Meshlens cannot start: ${message}`);
  process.exit(1);
}

/**
 * The command line that chose the listen address. `next dev` serves from a forked worker that is
 * told the address over IPC, so the parent's command line (Linux /proc) holds the -H flag.
 */
function launchArgv(): { argv: readonly string[]; known: boolean } {
  if (process.env.__NEXT_DEV_SERVER !== '1') return { argv: process.argv, known: true };
  try {
    const parent = fs.readFileSync(`/proc/${process.ppid}/cmdline`, 'utf8').split('\0');
    return { argv: parent, known: true };
  } catch {
    return { argv: process.argv, known: false };
  }
}

// A bad configuration stops the start with a message naming the variable, rather than failing later on
// the first request.
let config: ReturnType<typeof getConfig>;
try {
  config = getConfig();
} catch (err) {
  stop(err instanceof Error ? err.message : String(err));
}

const { argv, known } = launchArgv();
const refusal = anonymousWritesRefusal(config.auth, config.readOnly, bindHost(argv, process.env));
if (refusal && known) stop(refusal);
if (refusal)
  console.warn(
    `Meshlens: cannot tell the dev server's listen address; if it is not loopback: ${refusal}`,
  );

if (config.auth.strategy === 'token' && config.auth.session.secretGenerated)
  console.warn(
    'Meshlens: SESSION_SECRET is unset, so sessions are sealed with a random secret made at start: every ' +
      "session ends when Meshlens restarts, and replicas cannot read each other's. Set SESSION_SECRET (32+ characters) to keep them.",
  );
