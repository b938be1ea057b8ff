import type Docker from 'dockerode';
import { BerthError } from '../contract/errors.js';
import type { RegistriesApi } from '../contract/service.js';
import { hideSecret, logFor } from '../shared/log.js';
import { engineMessage } from './errors.js';
import { registryTrouble } from './pull.js';
import { configKeyFor, removeRegistryLogin, savedRegistryLogins, saveRegistryLogin } from './registry-auth.js';

const log = logFor('registries');

/**
 * How long a login check may take, in milliseconds. dockerd itself gives a registry that never
 * answers ~30 s (measured here: `docker login 127.0.0.1:PORT` against a listener that accepts and
 * stays silent took 29 s, https then http), and a name its DNS server drops a query for costs 5 s
 * per try (Go's resolver): a login normally answers in well under a second, so past this the
 * person learns at once that the registry did not answer, instead of watching a spinner.
 */
export const registryLoginDeadlineMs = 8_000;

/**
 * Registry logins as `docker login` keeps them: checked by the engine against the registry, then
 * saved to the person's docker config (or credential helper). Passwords go only there: never into
 * Berth's logs or errors.
 */
export class DockerRegistries implements RegistriesApi {
  /** `deadlineMs`: how long the engine's check of a login may take (registryLoginDeadlineMs). */
  constructor(
    private readonly docker: Docker,
    private readonly deadlineMs = registryLoginDeadlineMs,
  ) {}

  list() {
    return savedRegistryLogins();
  }

  /**
   * Checks the login with the engine (`POST /auth`), then saves it. Throws INVALID_INPUT
   * `registryLoginRefused` (params server) when the registry refuses it, ENGINE_ERROR
   * `registryUnreachable` (params registry) when the engine cannot reach the registry, and
   * ENGINE_ERROR `registryNoAnswer` (params server, seconds) when no answer came within the deadline.
   */
  async login({ server, username, password }: { server: string; username: string; password: string }) {
    const serveraddress = configKeyFor(server);
    // Whatever the engine or registry echoes back, the log never shows this password.
    hideSecret(password);
    const deadline = AbortSignal.timeout(this.deadlineMs);
    try {
      await this.docker.checkAuth({ username, password, serveraddress, abortSignal: deadline } as Parameters<Docker['checkAuth']>[0]);
    } catch (e) {
      if (deadline.aborted) {
        const seconds = Math.round(this.deadlineMs / 1000);
        log.warn('registry login check got no answer', { server, username, seconds });
        throw new BerthError('ENGINE_ERROR', `${server} did not answer the login within ${seconds} s.`, 'Check the address; if the registry is slow or far away, try again.', {
          reason: 'registryNoAnswer',
          params: { server, seconds },
        });
      }
      // The engine answers a wrong password with 500 and the registry's words.
      const said = engineMessage(e);
      log.warn('registry login refused', { server, username, error: e });
      if (registryTrouble(said) === 'unreachable') {
        throw new BerthError('ENGINE_ERROR', `The engine cannot reach ${server}: ${said}`, 'Is the address right, and is the registry up?', {
          reason: 'registryUnreachable',
          params: { registry: server },
          engineText: said,
        });
      }
      throw new BerthError('INVALID_INPUT', `${server} refused the login: ${said}`, 'Check the user name and password (or access token).', {
        reason: 'registryLoginRefused',
        params: { server },
        engineText: said,
      });
    }
    await saveRegistryLogin(server, username, password);
    return this.list();
  }

  async logout({ server }: { server: string }) {
    await removeRegistryLogin(server);
    return this.list();
  }
}
