import { defineConfig } from 'vitest/config';

// Unit tests (pure logic) and integration tests (*.int.test.ts: a real dockerd at DOCKER_HOST).
export default defineConfig({
  test: {
    include: ['engine/**/*.test.ts', 'renderer/**/*.test.ts', 'electron/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['engine/testing/build-web-host.ts'],
    testTimeout: 20_000,
  },
});
