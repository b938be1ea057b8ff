import type Docker from 'dockerode';
import type { ImagesApi } from '../contract/service.js';
import { engineCall } from './bulk.js';
import { toImageSummary } from './mappers.js';

/** Images on a Docker Engine API. */
export class DockerImages implements ImagesApi {
  constructor(private readonly docker: Docker) {}

  async list() {
    return (await engineCall(this.docker.listImages({ all: false }))).map(toImageSummary);
  }
}
