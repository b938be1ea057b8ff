import type Docker from 'dockerode';
import { negotiateApiVersion } from '../contract/api-version.js';
import { BerthError } from '../contract/errors.js';
import type { EngineProblem } from '../contract/types.js';
import { engineVersion, pingEngine } from './health.js';

/** What one probe of an engine found: it answers (with versions), or why not. */
export interface ProbeResult {
  answering: boolean;
  version?: string;
  apiVersion?: string;
  problem?: EngineProblem;
}

// Node's names for a TLS handshake that failed on either side (OpenSSL verify codes, and a server
// that refused our certificate, which arrives as EPROTO or a reset during the handshake).
const tlsCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

/** Sorts a failed ping into the kinds the renderer words; `detail` is the system's own text. */
export function classifyProbeError(error: unknown): EngineProblem {
  if (error instanceof BerthError && error.reason === 'engineTlsFiles') return { kind: 'tlsFiles', detail: String(error.params?.path ?? '') };
  const code = (error as { code?: string } | undefined)?.code;
  const detail = (error as Error | undefined)?.message?.slice(0, 300);
  const withDetail = (kind: EngineProblem['kind']): EngineProblem => (detail ? { kind, detail } : { kind });
  if (code && (tlsCodes.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'))) return withDetail('tlsRefused');
  if (/certificate|handshake|alert|\bTLS\b|\bSSL\b/i.test(detail ?? '')) return withDetail('tlsRefused');
  if (code === 'ECONNREFUSED' || code === 'ENOENT' || code === 'EHOSTUNREACH' || code === 'ENOTFOUND') return withDetail('noAnswer');
  if ((error as Error | undefined)?.name === 'TimeoutError' || (error as Error | undefined)?.name === 'AbortError') return { kind: 'timeout' };
  if (code === 'EACCES' || code === 'EPERM') return withDetail('refused');
  return withDetail('other');
}

/**
 * Pings an engine and asks its version within `timeoutMs` each; never throws. The API version is
 * the one Berth would speak with it (negotiated, see contract/api-version.ts).
 */
export async function probeEngine(docker: Docker, timeoutMs: number): Promise<ProbeResult> {
  try {
    await pingEngine(docker, timeoutMs);
    const version = await engineVersion(docker, timeoutMs);
    const api = negotiateApiVersion(version.ApiVersion, (version as { MinAPIVersion?: string }).MinAPIVersion);
    return { answering: true, version: version.Version, apiVersion: api.version };
  } catch (error) {
    return { answering: false, problem: classifyProbeError(error) };
  }
}
