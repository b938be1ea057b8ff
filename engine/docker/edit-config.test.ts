import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { containerEditForm, editCommands, editPlan, type ContainerEditForm } from '../contract/edit.js';
import { applyEdits, createBodyFromInspect, editableFromInspect, editFormFromInspect, portSpecsOf, type InspectedContainer } from './edit-config.js';

// A real `docker inspect` from docker 20.10.24 (the command that made it is in the file's "source").
const fixture = JSON.parse(readFileSync(new URL('./fixtures/edit-web.inspect.json', import.meta.url), 'utf8')) as {
  container: InspectedContainer;
  imageConfig: Record<string, unknown>;
};
const info = fixture.container;
const image = fixture.imageConfig;
const shortId = info.Id.slice(0, 12);

describe('createBodyFromInspect', () => {
  const body = createBodyFromInspect(info, image);

  it('keeps what the person gave and leaves what the image gives to the image', () => {
    expect(body.name).toBe('fx-web');
    expect(body.Config.Env).toEqual(['MODE=prod', 'TOKEN=s3cret']);
    expect(body.Config.Labels).toEqual({ app: 'web' });
    expect(body.Config.ExposedPorts).toEqual({ '90/udp': {} });
    expect(body.Config).not.toHaveProperty('Cmd');
    expect(body.Config.WorkingDir).toBe('/www');
    expect(body.Config.Hostname).toBe('fxhost');
    expect(body.Config.Healthcheck).toEqual({ Test: ['CMD-SHELL', 'true'], Interval: 1_000_000_000 });
    expect(body.Config.Image).toBe('berth-fixture/busybox:latest');
  });

  it('copies HostConfig through: mounts with their modes, binds, limits, restart policy, ports', () => {
    const { ContainerIDFile, Links, ...rest } = info.HostConfig;
    void ContainerIDFile;
    void Links;
    expect(body.HostConfig).toEqual(rest);
    expect(body.HostConfig.Mounts).toEqual([{ Type: 'bind', Source: '/tmp/fxdata', Target: '/data', ReadOnly: true, BindOptions: { Propagation: 'rslave' } }]);
  });

  it('creates on the first network with its static IP and alias, and connects the other with its alias, without the engine-made short-ID alias', () => {
    expect(body.EndpointsConfig).toEqual({ 'fx-a': { IPAMConfig: { IPv4Address: '10.77.0.50' }, Aliases: ['web-alias'] } });
    expect(body.connect).toEqual([{ network: 'fx-b', EndpointConfig: { Aliases: ['b-alias', 'fxhost'] } }]);
    expect(JSON.stringify(body)).not.toContain(shortId);
  });

  it('drops the engine-made hostname (the short ID), but keeps a person-given one', () => {
    const defaulted = { ...info, Config: { ...info.Config, Hostname: shortId } };
    expect(createBodyFromInspect(defaulted, image).Config).not.toHaveProperty('Hostname');
  });

  it('a duplicate leaves out static IPs, hostname and MAC address, which two containers cannot share', () => {
    const dup = createBodyFromInspect({ ...info, Config: { ...info.Config, MacAddress: '02:42:ac:11:00:09' } }, image, { duplicate: true });
    expect(dup.EndpointsConfig).toEqual({ 'fx-a': { Aliases: ['web-alias'] } });
    expect(dup.Config).not.toHaveProperty('Hostname');
    expect(dup.Config).not.toHaveProperty('MacAddress');
  });

  it('keeps an anonymous volume as a named mount of the same volume, so its data stays', () => {
    const anon = 'a'.repeat(64);
    const withAnon: InspectedContainer = { ...info, Mounts: [...(info.Mounts ?? []), { Type: 'volume', Name: anon, Source: `/var/lib/docker/volumes/${anon}/_data`, Destination: '/cache', RW: true }] };
    expect(createBodyFromInspect(withAnon, image).HostConfig.Mounts).toContainEqual({ Type: 'volume', Source: anon, Target: '/cache' });
    expect(createBodyFromInspect(withAnon, image, { duplicate: true }).HostConfig.Mounts).not.toContainEqual(expect.objectContaining({ Source: anon }));
  });

  it('keeps Cmd when an Entrypoint was given, and rewrites links to the create form', () => {
    const custom = createBodyFromInspect({ ...info, Config: { ...info.Config, Entrypoint: ['/bin/sh'], Cmd: ['-c', 'true'] }, HostConfig: { ...info.HostConfig, Links: ['/db:/fx-web/database'] } }, image);
    expect(custom.Config.Entrypoint).toEqual(['/bin/sh']);
    expect(custom.Config.Cmd).toEqual(['-c', 'true']);
    expect(custom.HostConfig.Links).toEqual(['db:database']);
  });
});

describe('editFormFromInspect', () => {
  it('fills the dialog as the container is', () => {
    expect(editFormFromInspect(info, image)).toEqual({
      image: 'berth-fixture/busybox:latest',
      name: 'fx-web',
      ports: ['127.0.0.1:8081:80', '0.0.0.0:9090:90/udp'],
      mounts: [
        { source: 'fx-vol', target: '/vol', readOnly: false },
        { source: '/tmp/fxdata', target: '/data', readOnly: true },
      ],
      env: ['MODE=prod', 'TOKEN=s3cret'],
      command: [],
      restart: 'unless-stopped',
      autoRemove: false,
      network: 'fx-a',
      memoryBytes: 64 * 1024 * 1024,
      nanoCpus: 500_000_000,
    });
  });

  it('passes the contract schema as it is (so an untouched form can be sent back)', () => {
    expect(containerEditForm.safeParse(editFormFromInspect(info, image)).success).toBe(true);
  });

  it('prints IPv6 host addresses in brackets and every-interface bindings as 0.0.0.0', () => {
    expect(portSpecsOf({ '53/udp': [{ HostIp: '::1', HostPort: '5353' }], '80/tcp': [{ HostIp: '', HostPort: '' }] })).toEqual(['[::1]:5353:53/udp', '0.0.0.0::80']);
  });

  it('names the Compose project and service of a Compose container', () => {
    const compose = { ...info, Config: { ...info.Config, Labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web', 'com.docker.compose.project.working_dir': '/srv/shop' } } };
    expect(editableFromInspect(compose, image).compose).toEqual({ project: 'shop', service: 'web', workingDir: '/srv/shop' });
  });
});

describe('applyEdits', () => {
  const original = editFormFromInspect(info, image);
  const body = createBodyFromInspect(info, image);

  it('a changed port touches the port bindings only', () => {
    const edited: ContainerEditForm = { ...original, ports: ['127.0.0.1:8082:80', '0.0.0.0:9090:90/udp'] };
    const out = applyEdits(body, info, original, edited);
    expect(out.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8082' }], '90/udp': [{ HostIp: '0.0.0.0', HostPort: '9090' }] });
    expect({ ...out.HostConfig, PortBindings: undefined }).toEqual({ ...body.HostConfig, PortBindings: undefined });
    expect({ ...out.Config, ExposedPorts: undefined }).toEqual({ ...body.Config, ExposedPorts: undefined });
    expect(out.EndpointsConfig).toEqual(body.EndpointsConfig);
    expect(out.connect).toEqual(body.connect);
  });

  it('a mount that stays keeps its original spec (propagation), a changed one is made anew', () => {
    const edited: ContainerEditForm = { ...original, mounts: [original.mounts[1]!, { source: 'fx-vol', target: '/vol', readOnly: true }] };
    const out = applyEdits(body, info, original, edited);
    expect(out.HostConfig.Binds).toBeNull();
    expect(out.HostConfig.Mounts).toEqual([
      { Type: 'bind', Source: '/tmp/fxdata', Target: '/data', ReadOnly: true, BindOptions: { Propagation: 'rslave' } },
      { Type: 'volume', Source: 'fx-vol', Target: '/vol', ReadOnly: true },
    ]);
  });

  it('env, command, restart, limits and network each change only their own fields', () => {
    const edited: ContainerEditForm = { ...original, env: ['MODE=dev'], command: ['sleep', '9'], restart: 'no', memoryBytes: 128 * 1024 * 1024, nanoCpus: 1e9, network: 'fx-b' };
    const out = applyEdits(body, info, original, edited);
    expect(out.Config.Env).toEqual(['MODE=dev']);
    expect(out.Config.Cmd).toEqual(['sleep', '9']);
    expect(out.HostConfig.RestartPolicy).toEqual({ Name: '', MaximumRetryCount: 0 });
    expect(out.HostConfig).toMatchObject({ Memory: 134217728, MemorySwap: 0, NanoCpus: 1e9, CpuPeriod: 0, CpuQuota: 0, NetworkMode: 'fx-b' });
    expect(out.EndpointsConfig).toEqual({ 'fx-b': { Aliases: ['b-alias', 'fxhost'] } });
    expect(out.connect).toEqual([]);
  });

  it('nothing changed: the body is the copied one', () => {
    expect(applyEdits(body, info, original, { ...original })).toEqual(body);
  });
});

describe('editPlan: which changed fields apply in place (docker update) and which need a recreate', () => {
  const original = editFormFromInspect(info, image);
  const table: [string, Partial<ContainerEditForm>, 'none' | 'update' | 'recreate', string[]][] = [
    ['nothing', {}, 'none', []],
    ['restart policy', { restart: 'always' }, 'update', []],
    ['memory limit raised', { memoryBytes: 128 * 1024 * 1024 }, 'update', []],
    ['CPU limit', { nanoCpus: 2e9 }, 'update', []],
    ['restart and limits together', { restart: 'no', memoryBytes: 1e8, nanoCpus: 1e9 }, 'update', []],
    ['memory limit removed (update reads 0 as unchanged)', { memoryBytes: 0 }, 'recreate', ['memoryBytes']],
    ['CPU limit removed', { nanoCpus: 0 }, 'recreate', ['nanoCpus']],
    ['port', { ports: ['127.0.0.1:8082:80'] }, 'recreate', ['ports']],
    ['env', { env: [] }, 'recreate', ['env']],
    ['mounts', { mounts: [] }, 'recreate', ['mounts']],
    ['image', { image: 'berth-fixture/busybox:v2' }, 'recreate', ['image']],
    ['command', { command: ['sh'] }, 'recreate', ['command']],
    ['network', { network: 'bridge' }, 'recreate', ['network']],
    ['auto remove', { autoRemove: true }, 'recreate', ['autoRemove']],
    ['name', { name: 'other' }, 'recreate', ['name']],
    ['restart and port', { restart: 'always', ports: [] }, 'recreate', ['ports']],
  ];
  it.each(table)('%s', (_, change, path, needRecreate) => {
    const plan = editPlan(original, { ...original, ...change });
    expect(plan.path).toBe(path);
    expect(plan.needRecreate).toEqual(needRecreate);
  });

  it('recreate mode recreates with nothing changed (an update to a newer image under the same tag)', () => {
    expect(editPlan(original, original, 'recreate').path).toBe('recreate');
  });
});

describe('editCommands', () => {
  const container = editableFromInspect(info, image);
  it('shows every step of the safe recreate, in order, secrets hidden', () => {
    const lines = editCommands(container, { ...container.form, ports: ['127.0.0.1:8082:80'] }, 'apply');
    expect(lines[0]).toMatch(/^docker create --memory 67108864 --cpus 0\.5 --name fx-web-berth-new -p 127\.0\.0\.1:8082:80 .*-e 'TOKEN=<hidden>'/);
    expect(lines.slice(1)).toEqual([
      'docker network connect --alias b-alias --alias fxhost fx-b fx-web-berth-new',
      'docker stop fx-web',
      `docker rename fx-web fx-web-berth-old-${info.Id.slice(0, 8)}`,
      'docker rename fx-web-berth-new fx-web',
      'docker start fx-web',
      `docker rm fx-web-berth-old-${info.Id.slice(0, 8)}`,
    ]);
    expect(editCommands(container, { ...container.form, ports: [] }, 'apply', { keepPrevious: true }).at(-1)).toBe('docker start fx-web');
  });

  it('in place: one docker update', () => {
    expect(editCommands(container, { ...container.form, restart: 'always', nanoCpus: 1.5e9 }, 'apply')).toEqual(['docker update --restart always --cpus 1.5 fx-web']);
  });

  it('duplicate: create, connect without static IPs, start', () => {
    const lines = editCommands(container, { ...container.form, name: 'fx-web-2' }, 'duplicate');
    expect(lines.slice(1)).toEqual(['docker network connect --alias b-alias --alias fxhost fx-b fx-web-2', 'docker start fx-web-2']);
  });
});
