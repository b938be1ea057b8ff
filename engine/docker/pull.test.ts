import { describe, expect, it } from 'vitest';
import { needsLogin } from './pull.js';

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
