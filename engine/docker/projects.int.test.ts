import { afterAll, describe, expect, it } from 'vitest';
import { fixtureImage } from '../testing/engine-env.js';
import { testEngineClient } from '../testing/test-engine.js';
import { DockerProjects } from './projects.js';

const { docker, made } = testEngineClient();
const projects = new DockerProjects(docker);
const project = `h1int${Date.now().toString(36)}`;
const neighbour = `${project}x`; // a name the first one is a prefix of: label filters must not mix them up

/** A container labelled the way Compose 1.29 labels one (checked against `docker-compose up` on this machine). */
async function composeContainer(projectName: string, service: string, number: number, extra: { volume?: string; network?: string } = {}) {
  const container = await docker.createContainer({
    Image: fixtureImage,
    name: `${projectName}_${service}_${number}`,
    // Ends on SIGTERM within a second (a bare sleep as PID 1 ignores it, and each stop would wait 10 s).
    Cmd: ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 1; done'],
    Labels: {
      'dev.berth.e2e': '1',
      'com.docker.compose.project': projectName,
      'com.docker.compose.service': service,
      'com.docker.compose.container-number': String(number),
      'com.docker.compose.oneoff': 'False',
      'com.docker.compose.project.working_dir': `/srv/${projectName}`,
      'com.docker.compose.project.config_files': 'docker-compose.yml',
    },
    HostConfig: {
      ...(extra.network ? { NetworkMode: extra.network } : {}),
      ...(extra.volume ? { Mounts: [{ Type: 'volume', Source: extra.volume, Target: '/data' }] } : {}),
    },
  });
  made.push(container.id);
  return container;
}

const labels = (name: string) => ({ 'dev.berth.e2e': '1', 'com.docker.compose.project': project, 'com.docker.compose.volume': name });

afterAll(async () => {
  for (const c of made) await docker.getContainer(c).remove({ force: true }).catch(() => undefined);
  await docker.getNetwork(`${project}_default`).remove().catch(() => undefined);
  for (const v of [`${project}_data`, `${project}_shared`]) await docker.getVolume(v).remove().catch(() => undefined);
});

describe('a Compose project through the Engine API, by label', () => {
  it('starts services in the order they were brought up, stops them in reverse, and leaves other projects alone', async () => {
    await docker.createNetwork({ Name: `${project}_default`, Labels: { 'dev.berth.e2e': '1', 'com.docker.compose.project': project, 'com.docker.compose.network': 'default' } });
    await docker.createVolume({ Name: `${project}_data`, Labels: labels('data') });
    await docker.createVolume({ Name: `${project}_shared`, Labels: labels('shared') });
    const db = await composeContainer(project, 'db', 1, { network: `${project}_default`, volume: `${project}_data` });
    // Created a second later: the engine's Created is in whole seconds, and it is what says db came first.
    await new Promise((r) => setTimeout(r, 1100));
    const web = await composeContainer(project, 'web', 1, { network: `${project}_default`, volume: `${project}_shared` });
    const other = await composeContainer(neighbour, 'web', 1);

    const started = await projects.act(project, 'start');
    expect(started.map((o) => o.id)).toEqual([db.id, web.id]);
    expect(started.every((o) => o.ok)).toBe(true);
    const [dbInfo, webInfo] = await Promise.all([db.inspect(), web.inspect()]);
    expect(dbInfo.State.Running && webInfo.State.Running).toBe(true);
    expect(dbInfo.State.StartedAt < webInfo.State.StartedAt).toBe(true);
    expect((await other.inspect()).State.Status).toBe('created');

    await projects.act(project, 'pause');
    expect((await db.inspect()).State.Status).toBe('paused');
    await projects.act(project, 'unpause');
    expect((await web.inspect()).State.Status).toBe('running');

    const stopped = await projects.act(project, 'stop');
    expect(stopped.map((o) => o.id)).toEqual([web.id, db.id]);
    const [dbDown, webDown] = await Promise.all([db.inspect(), web.inspect()]);
    expect(dbDown.State.Running || webDown.State.Running).toBe(false);
    expect(webDown.State.FinishedAt < dbDown.State.FinishedAt).toBe(true);

    // Stopping again is nothing to do, not a failure.
    expect(await projects.act(project, 'stop')).toEqual([]);
  });

  it('lists its named volumes and networks, then removes them with its containers; a volume in use elsewhere is refused, by item', async () => {
    // Someone else's container uses the project's shared volume.
    const outsider = await docker.createContainer({
      Image: fixtureImage,
      Labels: { 'dev.berth.e2e': '1' },
      HostConfig: { Mounts: [{ Type: 'volume', Source: `${project}_shared`, Target: '/data' }] },
    });
    made.push(outsider.id);
    const outsiderName = (await outsider.inspect()).Name.replace(/^\//, '');

    const resources = await projects.resources(project);
    expect(resources.networks).toEqual([{ name: `${project}_default` }]);
    expect(resources.volumes).toEqual([
      { name: `${project}_data`, usedBy: [] },
      { name: `${project}_shared`, usedBy: [outsiderName] },
    ]);

    await projects.act(project, 'start');
    // A volume not of this project, named in the request anyway, is left alone and said so.
    const stranger = `${project}-stranger`;
    await docker.createVolume({ Name: stranger });
    const outcomes = await projects.remove(project, [`${project}_data`, `${project}_shared`, stranger], [`${project}_default`]);
    expect(outcomes.filter((o) => o.kind === 'container').map((o) => [o.name, o.ok]).sort()).toEqual([
      [`${project}_db_1`, true],
      [`${project}_web_1`, true],
    ]);
    expect(outcomes.filter((o) => o.kind !== 'container').map((o) => [o.kind, o.name, o.ok])).toEqual([
      ['network', `${project}_default`, true],
      ['volume', `${project}_data`, true],
      ['volume', `${project}_shared`, false],
      ['volume', stranger, false],
    ]);
    expect(outcomes.at(-2)!.error).toMatchObject({ code: 'CONFLICT' });
    expect(outcomes.at(-1)!.error).toMatchObject({ reason: 'notOfProject', params: { name: stranger, project } });
    expect((await docker.listVolumes()).Volumes.map((v) => v.Name)).toContain(stranger);
    await docker.getVolume(stranger).remove();

    const left = await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}`] } });
    expect(left).toEqual([]);
    const volumes = (await docker.listVolumes()).Volumes.map((v) => v.Name);
    expect(volumes).not.toContain(`${project}_data`);
    expect(volumes).toContain(`${project}_shared`);
    expect((await docker.listNetworks()).map((n) => n.Name)).not.toContain(`${project}_default`);
    // The neighbour whose name starts the same is still there.
    expect(await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${neighbour}`] } })).toHaveLength(1);
  });
});
