import { readdirSync } from 'node:fs';
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The layering of the code, as import rules. Every zone carries a message that says why, and
// lib/testing/eslint-zones.test.ts proves each one fires.
const sources = ['./lib/server', './lib/kube', './lib/prometheus', './lib/jaeger'];
// components/testing holds the render tests' fakes, which every feature's tests share.
const shared = ['ui', 'shell', 'testing'];
// Every other folder under components/ is a feature, including the ones added later.
const features = readdirSync(new URL('./components', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !shared.includes(entry.name))
  .map((entry) => entry.name);

const tests = '**/*.test.{ts,tsx}';
const production = (folder) => `./${folder}/**/!(*.test).{ts,tsx}`;

const messages = {
  mesh: 'lib/mesh is the pure domain: it imports only lib/mesh and its libraries (zod, yaml, ajv).',
  api: 'lib/api holds the API contract: it imports only lib/api, lib/mesh and zod.',
  server: 'lib/server runs on the server only: it never imports lib/client or components.',
  components:
    'Components reach Prometheus, Jaeger and Kubernetes through /api and lib/client hooks, never directly.',
  feature:
    'A feature folder under components/ imports only itself and the shared components/ui, components/shell and components/testing.',
  shared:
    'components/ui, components/shell and components/testing are shared by every feature and import none of them.',
  testing:
    'Test support (lib/testing, lib/mesh/testing, components/testing) is for tests: production code never imports it.',
  demo: 'demo/ is a separate program that only feeds the app data: app/, lib/ and components/ never import it.',
};

const zones = [
  { target: './components', from: sources, message: messages.components },
  { target: './lib/client', from: sources, message: messages.components },
  {
    target: './lib/server',
    from: './lib/client',
    message: messages.server,
  },
  { target: './lib/server', from: './components', message: messages.server },
  {
    target: production('lib/mesh'),
    from: './',
    except: ['./lib/mesh', './node_modules'],
    message: messages.mesh,
  },
  // Tests of the domain may read fixtures; they still import nothing else outside lib/mesh.
  {
    target: './lib/mesh/**/*.test.ts',
    from: './',
    except: ['./lib/mesh', './lib/testing', './node_modules'],
    message: messages.mesh,
  },
  {
    target: production('lib/api'),
    from: './',
    except: ['./lib/api', './lib/mesh', './node_modules'],
    message: messages.api,
  },
  ...features.map((feature) => ({
    target: `./components/${feature}`,
    from: './components',
    except: [`./${feature}`, ...shared.map((folder) => `./${folder}`)],
    message: messages.feature,
  })),
  ...shared.map((folder) => ({
    target: `./components/${folder}`,
    from: features.map((feature) => `./components/${feature}`),
    message: messages.shared,
  })),
  { target: ['./app', './lib', './components'], from: './demo', message: messages.demo },
  {
    target: [
      production('app'),
      production('components/!(testing)'),
      production('lib/!(testing|mesh)'),
      production('lib/mesh/!(testing)'),
      './lib/mesh/!(*.test).ts',
    ],
    from: ['./lib/testing', './lib/mesh/testing', './components/testing'],
    message: messages.testing,
  },
];

// import/no-restricted-paths sees files only; packages and node: built-ins need an allow list.
const onlyPackages = (allowed, message) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: `^(?!\\.{1,2}/|@/(${allowed.folders.join('|')})/|(${allowed.packages.join('|')})(/|$))`,
          message,
        },
      ],
    },
  ],
});

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'import/no-restricted-paths': ['error', { zones, basePath: import.meta.dirname }],
    },
  },
  {
    files: ['lib/mesh/**/*.{ts,tsx}'],
    ignores: [tests],
    rules: onlyPackages(
      { folders: ['lib/mesh'], packages: ['zod', 'yaml', 'ajv', 'ajv-formats'] },
      messages.mesh,
    ),
  },
  {
    files: ['lib/api/**/*.{ts,tsx}'],
    ignores: [tests],
    rules: onlyPackages({ folders: ['lib/api', 'lib/mesh'], packages: ['zod'] }, messages.api),
  },
  {
    // Playwright fixtures take a `use` callback that is not React's hook.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
    'bench/results/**',
  ]),
]);
