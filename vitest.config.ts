import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs only Node (never reads ../shared, starts no server);
// `integration` uses the official CRDs, the conformance data and real servers (nginx, Prometheus).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/integration/**'],
          testTimeout: 20_000,
          // Hermetic: a developer's `crds pull` cache must not change what unit tests see.
          env: { TE_CRD_CACHE: '/nonexistent/traffic-engineer-test-crd-cache' },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
