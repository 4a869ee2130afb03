import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts a program whose output goes to a log file, and stops it with SIGTERM, then SIGKILL after a
 * grace period, so that nothing outlives the stack.
 */
export function startChild(
  name: string,
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; logFile: string; cwd?: string },
): Child {
  const log = fs.openSync(options.logFile, 'a');
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    child.once('exit', () => resolve());
  });
  return {
    name,
    process: child,
    async stop(): Promise<void> {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits for `ready`, failing fast with the tail of the child's log if the child exits first. */
export async function readyOrExit(
  child: Child,
  logFile: string,
  ready: Promise<void>,
): Promise<void> {
  let onExit: ((code: number | null, signal: NodeJS.Signals | null) => void) | undefined;
  const exited = new Promise<never>((_, reject) => {
    onExit = (code, signal) => {
      const tail = fs.existsSync(logFile)
        ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n')
        : '';
      reject(
        new Error(
          `${child.name} exited early (${signal ?? `code ${code}`}). Last lines of ${logFile}:\n${tail}`,
        ),
      );
    };
    child.process.once('exit', onExit);
  });
  try {
    await Promise.race([ready, exited]);
  } finally {
    if (onExit) child.process.off('exit', onExit);
  }
}
