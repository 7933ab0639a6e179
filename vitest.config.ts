import { defineConfig } from 'vitest/config'
import solid from 'vite-plugin-solid'

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [solid()],
        resolve: { conditions: ['browser', 'development'] },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/unit/setup.ts'],
          // A folder for the run's ready-made PGlite cluster, which every relay test's folder starts
          // as a copy of instead of setting one up again (tests/e2e/support/relay-data-dir.ts).
          globalSetup: ['tests/e2e/support/relay-template-setup.ts'],
          // Seeded fuzz runs take a few seconds on an idle machine; a busy one must not fail them.
          testTimeout: 60_000
        }
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // A folder for the run's ready-made relay database (tests/e2e/support/relay-data-dir.ts).
          globalSetup: ['tests/e2e/support/relay-template-setup.ts'],
          // Each file drives its own Chromium processes; two cores cannot run files in parallel.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // expect.poll waits for a condition. Its default of one second is a timed assertion in
          // disguise: a page that is merely slow (two cores, several Chromium processes) would fail.
          expect: { poll: { timeout: 30_000 } }
        }
      },
      {
        // Benchmarks (npm run bench): not part of npm test. Each prints one JSON object of
        // figures; a bench fails only on a real error, never on a time.
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.bench.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 30 * 60_000,
          hookTimeout: 5 * 60_000,
          // The JSON goes to stdout as it is, without vitest's per-test banner.
          disableConsoleIntercept: true
        }
      }
    ]
  }
})
