/** Runs once when the server starts (Next's instrumentation hook); the check itself is Node-only. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./lib/server/check-config-at-start');
}
