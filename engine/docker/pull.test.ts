import { describe, expect, it } from 'vitest';
import { needsLogin, streamError } from './pull.js';

describe('needsLogin', () => {
  // What registries answer an anonymous or unauthorised pull, as the engine passes it on.
  it.each([
    'Head "http://127.0.0.1:5176/v2/qa/none/manifests/1": no basic auth credentials', // basic-auth registry, Docker 20.10 (seen on the test engine)
    'unauthorized: authentication required',
    'denied: requested access to the resource is denied',
    "pull access denied for private/app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
  ])('knows "%s" asks for a login', (message) => expect(needsLogin(message)).toBe(true));

  it.each([
    'manifest for busybox:nope not found: manifest unknown: manifest unknown',
    'Get "https://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused',
    'toomanyrequests: You have reached your pull rate limit.',
  ])('does not offer a login for "%s"', (message) => expect(needsLogin(message)).toBe(false));
});

describe('streamError', () => {
  // Seen on the test engine: a pull of a tag the plain registry does not have, and of a registry that is down.
  it('names the registry and image of a missing image or an unreachable registry, for the catalogs to word', () => {
    expect(streamError('manifest for 127.0.0.1:5125/nothing/here:1 not found: manifest unknown: manifest unknown', '127.0.0.1:5125/nothing/here:1', '127.0.0.1:5125', 'pull').toShape()).toMatchObject({
      code: 'ENGINE_ERROR',
      reason: 'registryImageMissing',
      params: { registry: '127.0.0.1:5125', image: '127.0.0.1:5125/nothing/here:1' },
    });
    expect(streamError('Get "https://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused', '127.0.0.1:1/a:1', '127.0.0.1:1', 'push').toShape()).toMatchObject({
      reason: 'registryUnreachable',
      params: { registry: '127.0.0.1:1', image: '127.0.0.1:1/a:1' },
    });
  });

  it('says a refusal it cannot place as a failed pull, the registry’s own words quoted', () => {
    const message = 'toomanyrequests: You have reached your pull rate limit.';
    expect(streamError(message, 'busybox', 'docker.io', 'pull').toShape()).toMatchObject({ reason: 'pullFailed', engineText: message });
  });
});
