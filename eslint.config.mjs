import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const sources = ['./lib/server', './lib/kube', './lib/prometheus', './lib/jaeger'];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './components', from: [...sources, './demo'] },
            { target: './lib/client', from: [...sources, './demo'] },
            { target: './app', from: './demo' },
            { target: './lib', from: './demo' },
            {
              target: './lib/mesh',
              from: [...sources, './lib/client', './app', './components'],
            },
          ],
        },
      ],
    },
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
