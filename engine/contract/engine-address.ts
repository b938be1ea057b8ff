import type { EngineEndpoint, EngineTls } from './types.js';

/**
 * What an engine address says about where the engine is, read without Node (the renderer uses it
 * too): unix:// and npipe:// are this machine; tcp:// and ssh:// are remote unless the host is a
 * loopback address.
 */
export type AddressKind = 'socket' | 'tcp' | 'ssh' | 'unknown';

export function addressKind(url: string): AddressKind {
  if (url.startsWith('unix://') || url.startsWith('npipe://')) return 'socket';
  if (url.startsWith('tcp://') || url.startsWith('http://') || url.startsWith('https://')) return 'tcp';
  if (url.startsWith('ssh://')) return 'ssh';
  return 'unknown';
}

/** The host part of a tcp:// or ssh:// address, brackets of an IPv6 literal removed; undefined when unparsable. */
export function addressHost(url: string): string | undefined {
  try {
    const host = new URL(url).hostname;
    return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  } catch {
    return undefined;
  }
}

/** localhost, 127.0.0.0/8 and ::1 (also written in full or as an IPv4-mapped address). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (/^127(\.\d{1,3}){3}$/.test(h)) return h.split('.').every((part) => Number(part) <= 255);
  if (h === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(h) || h === '0:0:0:0:0:0:0:1') return true;
  const mapped = /^::ffff:(127(?:\.\d{1,3}){3})$/.exec(h);
  return mapped ? isLoopbackHost(mapped[1]!) : false;
}

/** The engine runs on another computer: ssh://, or tcp:// to anything but loopback. */
export function isRemoteAddress(url: string): boolean {
  const kind = addressKind(url);
  if (kind === 'socket' || kind === 'unknown') return false;
  const host = addressHost(url);
  return host === undefined || !isLoopbackHost(host);
}

/** tcp:// with TLS: TLS material given, https://, or the conventional TLS port 2376. */
export function usesTls(url: string, tls: EngineTls | undefined): boolean {
  if (addressKind(url) !== 'tcp') return false;
  if (tls && (tls.ca || tls.cert || tls.key || tls.skipVerify)) return true;
  if (url.startsWith('https://')) return true;
  try {
    return new URL(url.replace(/^tcp:/, 'http:')).port === '2376';
  } catch {
    return false;
  }
}

/**
 * Plain tcp:// to another computer: everything, registry logins included, would cross the network
 * in clear, so Berth asks every time before it connects.
 */
export function needsPlainTcpConsent(endpoint: Pick<EngineEndpoint, 'url' | 'tls'>, env?: { DOCKER_TLS_VERIFY?: string | undefined }): boolean {
  if (addressKind(endpoint.url) !== 'tcp') return false;
  if (usesTls(endpoint.url, endpoint.tls) || env?.DOCKER_TLS_VERIFY === '1') return false;
  return isRemoteAddress(endpoint.url);
}
