import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql instance, as under Node: graphql-armor requires its CommonJS entry, so ESM imports
    // must get the same one, or graphql refuses types "from another module or realm".
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
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
