import { defineConfig } from 'vitest/config';

// Unit tests (pure logic) and integration tests (*.int.test.ts: a real dockerd at DOCKER_HOST).
export default defineConfig({
  test: {
    include: ['engine/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
