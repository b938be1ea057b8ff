import type Docker from 'dockerode';
import { BerthError } from '../contract/errors.js';
import type { RegistriesApi } from '../contract/service.js';
import { hideSecret, logFor } from '../shared/log.js';
import { engineMessage } from './errors.js';
import { configKeyFor, removeRegistryLogin, savedRegistryLogins, saveRegistryLogin } from './registry-auth.js';

const log = logFor('registries');

/**
 * Registry logins as `docker login` keeps them: checked by the engine against the registry, then
 * saved to the person's docker config (or credential helper). Passwords go only there: never into
 * Berth's logs or errors.
 */
export class DockerRegistries implements RegistriesApi {
  constructor(private readonly docker: Docker) {}

  list() {
    return savedRegistryLogins();
  }

  async login({ server, username, password }: { server: string; username: string; password: string }) {
    const serveraddress = configKeyFor(server);
    // Whatever the engine or registry echoes back, the log never shows this password.
    hideSecret(password);
    try {
      await this.docker.checkAuth({ username, password, serveraddress });
    } catch (e) {
      // The engine answers a wrong password with 500 and the registry's words.
      const said = engineMessage(e);
      log.warn('registry login refused', { server, username, error: e });
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
