/**
 * How much of `istioctl analyze` Meshlens' checks reproduce, measured on Istio's own analyzer test table.
 * Istio's test data is not in this repository: point this at a checkout of istio/istio.
 *
 *   npx tsx bench/istioctl-parity.ts <istio>/pkg/config/analysis/analyzers
 *
 * Each case of `testGrid` in analyzers_test.go runs one of istioctl's analyzers on its input files and
 * lists the messages it expects (message type and resource). This runs `npm run analyze -- --json` on
 * the same files and prints, per case and overall:
 * - recall: the expected messages Meshlens also reports (same code, same resource);
 * - precision: of what Meshlens reports with a code that analyzer emits, the share istioctl expects.
 *   Meshlens runs every check at once, istioctl one analyzer per case, so findings of other codes are
 *   counted apart ("other codes") rather than as false alarms.
 * Cases of analyzers Meshlens has no counterpart for (webhooks, multi-cluster mesh networks, external
 * control planes) are listed as skipped.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Istio's message type names (pkg/config/analysis/msg/messages.yaml) and their codes. */
const CODES: Readonly<Record<string, string>> = {
  Deprecated: 'IST0002',
  ReferencedResourceNotFound: 'IST0101',
  NamespaceNotInjected: 'IST0102',
  PodMissingProxy: 'IST0103',
  SchemaValidationError: 'IST0106',
  MisplacedAnnotation: 'IST0107',
  UnknownAnnotation: 'IST0108',
  ConflictingMeshGatewayVirtualServiceHosts: 'IST0109',
  ConflictingSidecarWorkloadSelectors: 'IST0110',
  MultipleSidecarsWithoutWorkloadSelectors: 'IST0111',
  VirtualServiceDestinationPortSelectorRequired: 'IST0112',
  MTLSPolicyConflict: 'IST0113',
  DeploymentAssociatedToMultipleServices: 'IST0116',
  PortNameIsNotUnderNamingConvention: 'IST0118',
  InvalidRegexp: 'IST0122',
  NamespaceMultipleInjectionLabels: 'IST0123',
  InvalidAnnotation: 'IST0125',
  NoMatchingWorkloadsFound: 'IST0127',
  NoServerCertificateVerificationDestinationLevel: 'IST0128',
  NoServerCertificateVerificationPortLevel: 'IST0129',
  VirtualServiceUnreachableRule: 'IST0130',
  VirtualServiceIneffectiveMatch: 'IST0131',
  VirtualServiceHostNotFoundInGateway: 'IST0132',
  ServiceEntryAddressesRequired: 'IST0134',
  DeprecatedAnnotation: 'IST0135',
  AlphaAnnotation: 'IST0136',
  DeploymentConflictingPorts: 'IST0137',
  GatewayDuplicateCertificate: 'IST0138',
  IngressRouteRulesNotAffected: 'IST0140',
  InvalidApplicationUID: 'IST0144',
  ConflictingGateways: 'IST0145',
  ImageAutoWithoutInjectionWarning: 'IST0146',
  ImageAutoWithoutInjectionError: 'IST0147',
  NamespaceInjectionEnabledByDefault: 'IST0148',
  JwtClaimBasedRoutingWithoutRequestAuthN: 'IST0149',
  ExternalNameServiceTypeInvalidPortName: 'IST0150',
  EnvoyFilterUsesRelativeOperation: 'IST0151',
  EnvoyFilterUsesReplaceOperationIncorrectly: 'IST0152',
  EnvoyFilterUsesAddOperationIncorrectly: 'IST0153',
  EnvoyFilterUsesRemoveOperationIncorrectly: 'IST0154',
  EnvoyFilterUsesRelativeOperationWithProxyVersion: 'IST0155',
  InvalidTelemetryProvider: 'IST0157',
  PodsIstioProxyImageMismatchInNamespace: 'IST0158',
  ConflictingTelemetryWorkloadSelectors: 'IST0159',
  MultipleTelemetriesWithoutWorkloadSelectors: 'IST0160',
  InvalidGatewayCredential: 'IST0161',
  GatewayPortNotDefinedOnService: 'IST0162',
  ReferencedInternalGateway: 'IST0165',
  IneffectiveSelector: 'IST0166',
  IneffectivePolicy: 'IST0167',
};

/** Analyzers whose inputs Meshlens does not read: their cases are reported as skipped. */
const OUT_OF_SCOPE = /webhook|externalcontrolplane|multicluster|MeshNetworks|maturity|authz/i;

interface Expected {
  readonly code: string;
  /** istioctl's friendly name: `Kind name` or `Kind namespace/name` when the YAML gave a namespace. */
  readonly resource: string;
}

interface Case {
  readonly name: string;
  readonly analyzer: string;
  readonly files: readonly string[];
  readonly meshConfig?: string;
  readonly expected: readonly Expected[];
}

interface Finding {
  readonly code: string;
  readonly resource: { readonly kind: string; readonly namespace: string; readonly name: string };
}

function strings(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '');
}

/** The cases of `var testGrid = []testCase{ … }`, read with patterns: the table is regular Go. */
function readGrid(source: string): Case[] {
  const start = source.indexOf('testGrid = []testCase{');
  const body = start < 0 ? '' : source.slice(start);
  const cases: Case[] = [];
  for (const block of body.split(/\n\t\{\s*\n|\n\t\{(?=name:)|\{name:/).slice(1)) {
    const name = /name:\s*"([^"]*)"/.exec(block)?.[1];
    const files = /inputFiles:\s*\[\]string\{([^}]*)\}/.exec(block)?.[1];
    const analyzer = /analyzer:\s*([^\n,]+(?:\([^)]*\))?)/.exec(block)?.[1]?.trim();
    if (!name || files === undefined || !analyzer) continue;
    const meshConfig = /meshConfigFile:\s*"([^"]*)"/.exec(block)?.[1];
    const expectedText = /expected:\s*\[\]message\{([\s\S]*?)\n\t*\}/.exec(block)?.[1] ?? '';
    const expected = [...expectedText.matchAll(/\{msg\.(\w+),\s*"([^"]*)"\}/g)].flatMap((m) => {
      const code = CODES[m[1] ?? ''];
      return code ? [{ code, resource: m[2] ?? '' }] : [];
    });
    cases.push({
      name,
      analyzer,
      files: strings(files),
      ...(meshConfig && { meshConfig }),
      expected,
    });
  }
  return cases;
}

function analyze(dir: string, c: Case): Finding[] {
  const args = ['tsx', 'scripts/analyze.ts', '--json'];
  if (c.meshConfig) args.push('--mesh-config', path.join(dir, c.meshConfig));
  args.push(...c.files.map((f) => path.join(dir, f)));
  let out: string;
  try {
    out = execFileSync('npx', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    // Exit code 3 means "errors found", with the JSON on stdout as usual.
    const stdout = (err as { stdout?: string }).stdout;
    if (typeof stdout !== 'string' || stdout.trim() === '') throw err;
    out = stdout;
  }
  return JSON.parse(out) as Finding[];
}

/** Does our finding name the resource istioctl names? A name without namespace matches any namespace. */
function sameResource(f: Finding, friendly: string): boolean {
  const [kind, ref] = friendly.split(' ');
  if (!kind || !ref) return false;
  const kindOf = f.resource.kind === 'K8sGateway' ? 'Gateway' : f.resource.kind;
  if (kindOf !== kind) return false;
  const slash = ref.indexOf('/');
  if (slash < 0) return f.resource.name === ref;
  return f.resource.namespace === ref.slice(0, slash) && f.resource.name === ref.slice(slash + 1);
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npx tsx bench/istioctl-parity.ts <istio>/pkg/config/analysis/analyzers');
    process.exit(2);
  }
  const gridFile = fs.existsSync(path.join(dir, 'analyzers_test.go'))
    ? path.join(dir, 'analyzers_test.go')
    : path.join(dir, 'grid.go');
  const cases = readGrid(fs.readFileSync(gridFile, 'utf8'));
  const codesOf = new Map<string, Set<string>>();
  for (const c of cases) {
    const set = codesOf.get(c.analyzer) ?? new Set<string>();
    for (const e of c.expected) set.add(e.code);
    codesOf.set(c.analyzer, set);
  }
  let expectedTotal = 0;
  let found = 0;
  let oursInScope = 0;
  let oursExpected = 0;
  for (const c of cases) {
    const missingFile = [...c.files, ...(c.meshConfig ? [c.meshConfig] : [])].find(
      (f) => !fs.existsSync(path.join(dir, f)),
    );
    if (OUT_OF_SCOPE.test(c.analyzer) || missingFile) {
      console.log(`skip  ${c.name} (${missingFile ? `no ${missingFile}` : 'out of scope'})`);
      continue;
    }
    const ours = analyze(dir, c);
    const scope = codesOf.get(c.analyzer) ?? new Set<string>();
    const unique = [...new Set(c.expected.map((e) => `${e.code} ${e.resource}`))].map((k) => {
      const [code = '', ...rest] = k.split(' ');
      return { code, resource: rest.join(' ') };
    });
    const hits = unique.filter((e) =>
      ours.some((f) => f.code === e.code && sameResource(f, e.resource)),
    );
    const inScope = ours.filter((f) => scope.has(f.code));
    const keys = new Set(
      inScope.map((f) => `${f.code} ${f.resource.kind} ${f.resource.namespace}/${f.resource.name}`),
    );
    const expectedKeys = [...keys].filter((k) => {
      const f = inScope.find(
        (x) => `${x.code} ${x.resource.kind} ${x.resource.namespace}/${x.resource.name}` === k,
      );
      return (
        f !== undefined && unique.some((e) => e.code === f.code && sameResource(f, e.resource))
      );
    });
    expectedTotal += unique.length;
    found += hits.length;
    oursInScope += keys.size;
    oursExpected += expectedKeys.length;
    const missed = unique.filter((e) => !hits.includes(e)).map((e) => `${e.code} ${e.resource}`);
    const extra = [...keys].filter((k) => !expectedKeys.includes(k));
    const other = ours
      .filter((f) => !scope.has(f.code))
      .map((f) => `${f.code} ${f.resource.kind} ${f.resource.namespace}/${f.resource.name}`);
    console.log(
      `case  ${c.name}: found ${hits.length}/${unique.length}, ours in scope ${keys.size} (${expectedKeys.length} expected)`,
    );
    if (missed.length > 0) console.log(`      missed: ${missed.join('; ')}`);
    if (extra.length > 0) console.log(`      not expected: ${extra.join('; ')}`);
    if (other.length > 0) console.log(`      other codes: ${[...new Set(other)].join('; ')}`);
  }
  const pct = (a: number, b: number): string =>
    b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`;
  console.log(
    `\nrecall ${found}/${expectedTotal} = ${pct(found, expectedTotal)}; precision ${oursExpected}/${oursInScope} = ${pct(oursExpected, oursInScope)}`,
  );
}

main();
