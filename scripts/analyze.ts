/**
 * Checks Kubernetes and Istio YAML files offline, as `istioctl analyze` does, with Meshlens' checks.
 * Run: npm run analyze -- <file.yaml|dir>... [--json] [--mesh-config file]
 */
import { runAnalyze } from '../lib/analyze/cli';

process.exitCode = runAnalyze(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
