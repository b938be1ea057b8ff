import { describe, expect, it } from 'vitest';
import { BerthError } from '../contract/errors';
import { classifyProbeError } from './probe';

const nodeError = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('why an engine did not answer', () => {
  it.each([
    // What Node's tls module reports when the engine's certificate is not signed by the CA given.
    [nodeError('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'), 'tlsRefused'],
    [nodeError('SELF_SIGNED_CERT_IN_CHAIN'), 'tlsRefused'],
    [nodeError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"), 'tlsRefused'],
    // dockerd refusing the client's certificate ends the handshake with an alert.
    [nodeError('ECONNRESET', 'Client network socket disconnected before secure TLS connection was established'), 'tlsRefused'],
    [nodeError('EPROTO', 'error:0A000412:SSL routines::sslv3 alert bad certificate'), 'tlsRefused'],
    [nodeError('ECONNREFUSED'), 'noAnswer'],
    [nodeError('ENOENT'), 'noAnswer'],
    [Object.assign(new Error('timeout'), { name: 'TimeoutError' }), 'timeout'],
    [nodeError('EACCES'), 'refused'],
    [new BerthError('INVALID_INPUT', 'x', undefined, { reason: 'engineTlsFiles', params: { path: '/x/ca.pem' } }), 'tlsFiles'],
    [new Error('(HTTP code 400) Client sent an HTTP request to an HTTPS server.'), 'other'],
  ])('%s → %s', (error, kind) => {
    expect(classifyProbeError(error).kind).toBe(kind);
  });
});
