/**
 * Integration tests run against the real dockerd that scripts/test.sh starts. Without it they fail
 * loudly (never skip quietly): an integration test that did not run proves nothing.
 */
export function requireDockerHost(): string {
  const url = process.env.DOCKER_HOST;
  if (!url) {
    throw new Error('DOCKER_HOST is not set: run integration tests through "npm test" (it starts a private dockerd).');
  }
  return url;
}

export const fixtureImage = process.env.BERTH_FIXTURE_IMAGE ?? 'berth-fixture/busybox:latest';
