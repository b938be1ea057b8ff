import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommandLog } from '../contract/command-log.js';
import type { ContractContext } from '../contract/router.js';
import { berthPaths } from '../hosts/paths.js';
import { flushLog, levelFromEnv, logFor, openLog } from '../shared/log.js';
import { webHostRoutes } from './downloads.js';
import { LoginChannelTaken, loginSocketPath, serveLoginChannel } from './login-channel.js';
import { startWebHost } from './web-host.js';

/**
 * `npm run web`: Berth in a browser. Serves on loopback only and prints a one-time address (its
 * token in the fragment, which no browser sends to any server). Another one-time address: press
 * Enter in this terminal, or connect to the login socket in the private runtime directory
 * (./login-channel.ts). BERTH_PORT picks the port (default 7370; 0 for any free one), BERTH_ENGINE
 * an engine URL (default: the first engine found that answers), BERTH_TOKEN the first address's
 * token (still good for one login; 32 characters at least), BERTH_BACKOFF_MAX_MS the longest wait between reconnect attempts.
 *
 * The host listens and prints its address before the engine is found (issue 17: start fast): the
 * engine manager, and with it dockerode and ssh2, loads in the background, and the page's calls wait
 * for it.
 */
const log = logFor('web-host');

async function main() {
  const rendererDir = resolve(fileURLToPath(new URL('../../dist/renderer', import.meta.url)));
  const port = parsePort(process.env.BERTH_PORT ?? '7370');
  const backoffMaxMs = process.env.BERTH_BACKOFF_MAX_MS ? parsePositive('BERTH_BACKOFF_MAX_MS', process.env.BERTH_BACKOFF_MAX_MS) : undefined;
  const managerReady = import('../engine-manager.js').then(({ EngineManager }) =>
    EngineManager.start({
      ...(process.env.BERTH_ENGINE ? { engineUrl: process.env.BERTH_ENGINE } : {}),
      ...(backoffMaxMs ? { timings: { backoffMaxMs } } : {}),
    }),
  );
  // Berth cannot work without its engine manager: a failure there ends the process, saying why.
  managerReady.catch((error: unknown) => fail(error));
  // One log for every window of this host: what Berth did on the engine this session.
  const commandLog = new CommandLog();
  const context: Promise<ContractContext> = managerReady.then((engine) => ({ engine: engine.api, engines: engine.engines, commandLog }));
  const host = await startWebHost({
    port,
    ...(process.env.BERTH_TOKEN ? { token: process.env.BERTH_TOKEN } : {}),
    rendererDir,
    context,
    routes: managerReady.then((engine) => webHostRoutes(engine.api, join(berthPaths().dataDir, 'uploads'))),
  });
  const runtimeDir = berthPaths().runtimeDir;
  const enter = process.stdin.isTTY ? ', or press Enter here' : '';
  const channel = await serveLoginChannel(runtimeDir, host.newLoginAddress).catch((e: Error) => {
    if (e instanceof LoginChannelTaken) {
      console.error(
        `Another Berth web host already answers logins on ${e.path}, so npm run web:address reaches that one, not this one. ` +
          `This host's logins: the address below${enter}. To give it a login socket of its own, start it with BERTH_RUNTIME_DIR set to a folder of its own.`,
      );
    } else {
      console.error(`Berth could not open its login socket (${e.message}); only the address below${process.stdin.isTTY ? ' and Enter here give' : ' gives'} logins.`);
    }
    log.warn('no login channel', { error: e });
    return undefined;
  });
  if (!host.ipv6) console.log('This machine has no IPv6 loopback: Berth listens on 127.0.0.1 only.');
  console.log(`Berth is ready. Open this address in your browser (it works for one login):\n  ${host.url}`);
  if (channel) console.log(`Another one-time address: npm run web:address (it asks ${loginSocketPath(runtimeDir)})${enter}.`);
  if (process.stdin.isTTY) {
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', () => console.log(`  ${host.newLoginAddress()}`));
  }
  void managerReady.then((engine) => {
    console.log(`Berth engine: ${engine.endpoint.url} (${engine.endpoint.source})`);
    log.info('engine chosen', { url: engine.endpoint.url, source: engine.endpoint.source });
  });
  // The log file opens once the address is out: pino stays off the start path.
  const logDir = berthPaths().logDir;
  openLog({ dir: logDir, level: levelFromEnv() ?? 'info' }).then(
    () => log.info('web host listening', { port: host.port, version: process.env.npm_package_version, node: process.version }),
    (e: Error) => console.error(`Berth could not open its log in ${logDir} (${e.message}); it goes on without one.`),
  );

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    channel?.close();
    await host.close();
    await (await managerReady).close();
    log.info('web host stopped');
    await flushLog();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

function parsePositive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`${name} must be a whole number of milliseconds above 0; got "${text}".`);
    process.exit(2);
  }
  return value;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`BERTH_PORT must be a whole number from 0 to 65535 (0 picks a free port); got "${text}".`);
    process.exit(2);
  }
  return port;
}

function fail(error: unknown): never {
  logFor('web-host').error('could not start', { error });
  console.error(`Berth could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

main().catch(fail);
