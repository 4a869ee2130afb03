import { startSimulation, type SimulationOptions } from './simulation';

/**
 * The demo mesh as a process of its own (StackOptions.simulatorProcess), so that a test can SIGSTOP
 * it and see what an API server that hangs does to Meshlens. Options come as one JSON argument.
 */
async function main(): Promise<void> {
  const opts = JSON.parse(process.argv[2] ?? '{}') as SimulationOptions;
  const simulation = await startSimulation(opts);
  console.log(`simulator listening on ${simulation.url}`);
  const shutdown = (): void => {
    simulation.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
