import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['tests/support/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Two cores: a few files at a time. Tests that change a graph start their own Neo4j (tests/support/scratch.ts),
    // so the shared one stays read-only and files never race on it.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
