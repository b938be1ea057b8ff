import { defineConfig } from '@playwright/test';
const port = Number(process.env.BERTH_E2E_PORT || 7391);
export const testDir = process.env.BERTH_TEST_DIR || '/tmp/berth-test';

/**
 * e2e journeys drive the real UI in Debian's Chromium through the web host, against the private
 * dockerd that scripts/test.sh starts (DOCKER_HOST). The suite is serial: journeys share one engine,
 * and one of them stops and restarts it.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.BERTH_CHROMIUM || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'web', testIgnore: /electron\.spec\.ts/ },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
  webServer: {
    // The compiled web host, built first when its sources changed (scripts/build.mjs).
    command: 'node scripts/web.mjs',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
    env: {
      BERTH_PORT: String(port),
      // No fixed token: each journey asks the web host for a one-time address over its login socket
      // in BERTH_RUNTIME_DIR (e2e/support/app.ts).
      // The engine under test, even while it is down (otherwise detection would pick another one).
      ...(process.env.DOCKER_HOST ? { BERTH_ENGINE: process.env.DOCKER_HOST } : {}),
      // Berth's own folders and its engine's bridge, apart from the person's and from other runs.
      BERTH_DATA_DIR: `${testDir}/berth-data`,
      BERTH_RUNTIME_DIR: `${testDir}/berth-run`,
      BERTH_BRIDGE: process.env.BERTH_E2E_BRIDGE || 'berth-e2e0',
      BERTH_BRIDGE_CIDR: process.env.BERTH_E2E_BRIDGE_CIDR || '172.31.251.1/24',
      // Berth's VM: the guest image test.sh built, the host registry reachable from the guest as its
      // own 127.0.0.1, and dockerd without iptables (boots faster; the journey needs no outbound NAT).
      ...(process.env.BERTH_VM_IMAGE ? { BERTH_VM_IMAGE: process.env.BERTH_VM_IMAGE } : {}),
      BERTH_VM_HOST_PORTS: process.env.BERTH_REGISTRY_PORT || '5055',
      BERTH_VM_IPTABLES: '0',
      // Short back-off so the reconnect journey does not wait on the desktop default.
      BERTH_BACKOFF_MAX_MS: '1000',
    },
  },
});
