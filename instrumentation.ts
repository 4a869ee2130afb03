/**
 * Runs once when the server starts (Next's instrumentation hook), Node-only: the configuration check,
 * then the routing change log, so that it sees every change of this process' life.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  await import('./lib/server/check-config-at-start');
  const { routingChanges } = await import('./lib/server/routing-changes');
  routingChanges();
}
