import type { ContainerInfo } from 'dockerode';
import { describe, expect, it } from 'vitest';
import { publishedPorts, toContainerSummary } from './mappers.js';

describe('publishedPorts', () => {
  it('shows a port bound on IPv4 and IPv6 once, as IPv4', () => {
    const { published } = publishedPorts([
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    ]);
    expect(published).toEqual([{ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' }]);
  });

  it('keeps exposed-only ports apart from published ones', () => {
    const result = publishedPorts([
      { IP: '', PrivatePort: 443, PublicPort: 0, Type: 'tcp' },
      { IP: '127.0.0.1', PrivatePort: 53, PublicPort: 5353, Type: 'udp' },
    ]);
    expect(result.exposed).toEqual([{ containerPort: 443, protocol: 'tcp' }]);
    expect(result.published).toEqual([{ hostIp: '127.0.0.1', hostPort: 5353, containerPort: 53, protocol: 'udp' }]);
  });
});

describe('toContainerSummary', () => {
  it('strips the leading slash and tells anonymous volumes from named ones', () => {
    const anonymous = 'a'.repeat(64);
    const summary = toContainerSummary({
      Id: 'f'.repeat(64),
      Names: ['/web-1'],
      Image: 'nginx:1.27',
      ImageID: 'sha256:1',
      Command: 'nginx',
      Created: 1700000000,
      Ports: [],
      Labels: { 'com.docker.compose.project': 'shop' },
      State: 'running',
      Status: 'Up 3 minutes',
      HostConfig: { NetworkMode: 'bridge' },
      NetworkSettings: { Networks: {} },
      Mounts: [
        { Type: 'volume', Name: anonymous, Source: '', Destination: '/data', Driver: 'local', Mode: '', RW: true, Propagation: '' },
        { Type: 'volume', Name: 'db-data', Source: '', Destination: '/var/lib/db', Driver: 'local', Mode: '', RW: true, Propagation: '' },
        { Type: 'bind', Source: '/home/me', Destination: '/src', Mode: '', RW: true, Propagation: '' },
      ],
    } as ContainerInfo);
    expect(summary.name).toBe('web-1');
    // The image id is what the images list joins "used by" on (the name may be a tag that moved).
    expect(summary).toMatchObject({ image: 'nginx:1.27', imageId: 'sha256:1' });
    expect(summary.compose?.project).toBe('shop');
    expect(summary.volumes).toEqual([
      { name: anonymous, destination: '/data', anonymous: true },
      { name: 'db-data', destination: '/var/lib/db', anonymous: false },
    ]);
  });

  it("names the networks a container is attached to, with the id once it has been started on one (docker ps --format '{{.Networks}}')", () => {
    const id = 'b'.repeat(64);
    const networks = { 'app net': { NetworkID: id }, bridge: { NetworkID: '' } };
    const summary = toContainerSummary({ Id: 'x', Names: ['/a'], State: 'exited', Ports: [], NetworkSettings: { Networks: networks } } as unknown as ContainerInfo);
    expect(summary.networks).toEqual([{ name: 'app net', id }, { name: 'bridge' }]);
    // `--network container:…` shares another's stack: the engine lists no network for it.
    expect(toContainerSummary({ Id: 'y', Names: ['/b'], State: 'running', Ports: [] } as unknown as ContainerInfo).networks).toEqual([]);
  });

  it('treats a state it does not know as dead rather than trusting it', () => {
    const summary = toContainerSummary({ Id: 'x', Names: ['/a'], State: 'weird', Ports: [] } as unknown as ContainerInfo);
    expect(summary.state).toBe('dead');
  });
});
