import { commandLine } from './cli.js';
import type { EngineEndpoint, EngineTls } from './types.js';

function tlsArgs(tls: EngineTls | undefined): string[] {
  if (!tls) return [];
  if (tls.skipVerify) return ['--tls'];
  return ['--tlsverify', ...(tls.ca ? [`--tlscacert=${tls.ca}`] : []), ...(tls.cert ? [`--tlscert=${tls.cert}`] : []), ...(tls.key ? [`--tlskey=${tls.key}`] : [])];
}

/** What reaching this engine looks like with the docker CLI: `docker --context NAME info`, else `docker -H URL [TLS flags] info`. */
export function engineInfoCommand(endpoint: Pick<EngineEndpoint, 'url' | 'tls' | 'contextName' | 'source'>): string {
  if (endpoint.source === 'context' && endpoint.contextName) return commandLine(['--context', endpoint.contextName, 'info']);
  return commandLine(['-H', endpoint.url, ...tlsArgs(endpoint.tls), 'info']);
}

/** `docker context create NAME --docker host=URL,ca=…,cert=…,key=…`: what "Also save as a docker context" does. */
export function contextCreateCommand(name: string, url: string, tls: EngineTls | undefined): string {
  const fields = [`host=${url}`, ...(tls?.ca ? [`ca=${tls.ca}`] : []), ...(tls?.cert ? [`cert=${tls.cert}`] : []), ...(tls?.key ? [`key=${tls.key}`] : [])];
  return commandLine(['context', 'create', name, '--docker', fields.join(',')]);
}

/** `docker context rm NAME`. */
export function contextRemoveCommand(name: string): string {
  return commandLine(['context', 'rm', name]);
}
