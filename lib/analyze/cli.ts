/**
 * `npm run analyze -- <file.yaml|dir>... [--json] [--mesh-config file]`: istioctl analyze's offline
 * mode on files, with Meshlens' checks. Reads the files, prints one line per finding (or JSON), and
 * exits as istioctl does: 0 without errors, 79 with errors, 64 on a usage mistake.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  analyzeDocuments,
  formatFinding,
  readDocuments,
  sortFindings,
  summarize,
  type OfflineFinding,
  type SourceDocument,
} from '@/lib/mesh/analysis/offline';
import type { CrdSchemas } from '@/lib/mesh/validations/schema';

/** istioctl's exit codes (istioctl/pkg/util/exitcodes): issues found, and a command used wrongly. */
export const EXIT_FOUND_ISSUES = 79;
export const EXIT_USAGE = 64;

const EXTENSIONS = ['.yaml', '.yml', '.json'];

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

interface Args {
  readonly paths: string[];
  readonly json: boolean;
  readonly meshConfig?: string;
}

const USAGE = 'usage: npm run analyze -- <file.yaml|dir>... [--json] [--mesh-config file]';

function parseArgs(argv: readonly string[]): Args | string {
  const paths: string[] = [];
  let json = false;
  let meshConfig: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--mesh-config' || arg.startsWith('--mesh-config=')) {
      meshConfig = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!meshConfig) return '--mesh-config needs a file';
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else paths.push(arg);
  }
  if (paths.length === 0) return 'no file or directory given';
  return { paths, json, ...(meshConfig !== undefined && { meshConfig }) };
}

/** The config files under each path, directories walked in name order. */
function filesOf(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(target, entry.name);
      if (entry.isDirectory()) return filesOf(full);
      return EXTENSIONS.includes(path.extname(entry.name)) ? [full] : [];
    });
}

function readSchemas(): CrdSchemas {
  const dir = path.resolve(import.meta.dirname, '../kube');
  const read = (name: string): CrdSchemas =>
    JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as CrdSchemas;
  return { ...read('istio-crd-schemas.gen.json'), ...read('gateway-api-crd-schemas.json') };
}

/** Runs the command; returns its exit code. */
export function runAnalyze(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`${args}\n${USAGE}`);
    return EXIT_USAGE;
  }
  let files: string[];
  let meshConfig: string | undefined;
  try {
    files = args.paths.flatMap(filesOf);
    meshConfig = args.meshConfig === undefined ? undefined : readFileSync(args.meshConfig, 'utf8');
  } catch (err) {
    io.err(`cannot read: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT_USAGE;
  }
  const documents: SourceDocument[] = [];
  const fileFindings: OfflineFinding[] = [];
  for (const file of files) {
    const read = readDocuments(readFileSync(file, 'utf8'), file);
    documents.push(...read.documents);
    fileFindings.push(...read.findings);
  }
  const findings = sortFindings([
    ...fileFindings,
    ...analyzeDocuments(documents, {
      schemas: readSchemas(),
      ...(meshConfig !== undefined && { meshConfig }),
      onError: (what, err) =>
        io.err(
          `${what} failed, its findings are missing: ${err instanceof Error ? err.message : String(err)}`,
        ),
    }),
  ]);
  if (args.json) io.out(JSON.stringify(findings, null, 2));
  else for (const f of findings) io.out(formatFinding(f));
  io.err(summarize(findings, documents.length));
  return findings.some((f) => f.level === 'Error') ? EXIT_FOUND_ISSUES : 0;
}
