import type Docker from 'dockerode';
import type { VolumesApi } from '../contract/service.js';
import { engineCall } from './bulk.js';
import { toVolumeSummary } from './mappers.js';

/** Volumes on a Docker Engine API. */
export class DockerVolumes implements VolumesApi {
  constructor(private readonly docker: Docker) {}

  async list() {
    const { Volumes } = await engineCall(this.docker.listVolumes());
    return (Volumes ?? []).map(toVolumeSummary);
  }
}
