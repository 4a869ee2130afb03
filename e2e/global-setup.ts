import { startStack } from '../scripts/stack/index';

/** One demo stack for the whole run; tests find Meshlens at MESHLENS_URL. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startStack({ app: true, scrapeIntervalSeconds: 2, log: () => {} });
  process.env.MESHLENS_URL = stack.appUrl;
  process.env.MESHLENS_PROMETHEUS_URL = stack.prometheusUrl;
  return () => stack.stop();
}
