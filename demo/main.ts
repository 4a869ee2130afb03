import { parseArgs } from 'node:util';
import { startStack } from '../scripts/stack/index';
import { authAppEnv, authBanner, parseAuthMode, writeUsersFile } from './auth-mode';

/**
 * `npm run demo`: the simulated mesh, a real Prometheus scraping it and Meshlens configured against both,
 * exactly as against a real cluster. Ctrl-C (or SIGTERM) stops everything it started.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: '42' },
      services: { type: 'string', default: '1000' },
      port: { type: 'string' },
      'scrape-interval': { type: 'string', default: '5' },
      auth: { type: 'string', default: 'anonymous' },
    },
  });
  const scenario = values.scenario;
  if (scenario !== 'demo' && scenario !== 'scale') {
    throw new Error(`--scenario must be "demo" or "scale", got "${scenario}"`);
  }
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`PORT must be a port number, got "${values.port ?? process.env.PORT}"`);
  const services = Number(values.services);
  if (!Number.isInteger(services) || services < 1 || services > 3000)
    throw new Error('--services must be between 1 and 3000');

  const auth = parseAuthMode(values.auth);
  const appEnv = authAppEnv(auth);

  const stack = await startStack({
    appEnv,
    scenario,
    seed: Number(values.seed),
    services,
    app: true,
    appPort: port,
    scrapeIntervalSeconds: Number(values['scrape-interval']),
  });
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the demo…');
    stack.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  const usersFile = auth === 'anonymous' ? '' : writeUsersFile(stack.dir, stack.users);
  console.log(
    [
      '',
      `Meshlens demo (${scenario}) is running:`,
      `  Meshlens     ${stack.appUrl}`,
      `  Prometheus   ${stack.prometheusUrl}`,
      `  Kubernetes   ${stack.simulatorUrl}  (kubeconfig: ${stack.kubeconfig})`,
      `  Jaeger API   ${stack.jaegerUrl}`,
      `  Logs         ${stack.dir}`,
      ...authBanner(
        auth,
        stack.users,
        { ...process.env, ...appEnv },
        usersFile,
        stack.appUrl ?? `http://127.0.0.1:${port}`,
      ),
      '',
      `Open ${stack.appUrl} in a browser. Press Ctrl-C to stop.`,
    ].join('\n'),
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
