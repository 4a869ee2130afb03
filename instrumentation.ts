/**
 * Runs once when the server starts: a bad configuration stops the start with a message naming the
 * variable, rather than failing later on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getConfig } = await import('./lib/config');
  try {
    getConfig();
  } catch (err) {
    console.error(`Meshlens cannot start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
