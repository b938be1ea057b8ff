import { describe, expect, it } from 'vitest';
import { stackDeployCommand, swarmCommands, swarmScaleInput } from '../contract/swarm.js';
import { imageWithoutDigest, toSwarmNode, toSwarmService, toSwarmTask, withTaskCounts } from './swarm.js';

describe('Swarm objects as the section shows them', () => {
  it('a stack service: digest dropped from the image, counts from ServiceStatus, ports with their publish mode', () => {
    const service = toSwarmService({
      ID: 'svc1',
      UpdatedAt: '2026-11-30T10:00:00Z',
      Spec: {
        Name: 'shop_web',
        Labels: { 'com.docker.stack.namespace': 'shop' },
        TaskTemplate: { ContainerSpec: { Image: 'nginx:1.27@sha256:0123abcd' } },
        Mode: { Replicated: { Replicas: 3 } },
      },
      PreviousSpec: {},
      Endpoint: { Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'host' }, { Protocol: 'udp', TargetPort: 53, PublishedPort: 30000, PublishMode: 'ingress' }] },
      UpdateStatus: { State: 'rollback_completed', Message: 'rollback completed' },
      ServiceStatus: { RunningTasks: 2, DesiredTasks: 3 },
    });
    expect(service).toEqual({
      id: 'svc1',
      name: 'shop_web',
      image: 'nginx:1.27',
      mode: 'replicated',
      desired: 3,
      running: 2,
      starting: 0,
      ports: [
        { target: 80, published: 8080, protocol: 'tcp', publishMode: 'host' },
        { target: 53, published: 30000, protocol: 'udp', publishMode: 'ingress' },
      ],
      stack: 'shop',
      updateState: 'rollback_completed',
      updateMessage: 'rollback completed',
      canRollback: true,
      updatedAt: '2026-11-30T10:00:00Z',
    });
  });

  it('a global service outside a stack with no previous spec cannot be rolled back', () => {
    const service = toSwarmService({ ID: 'g', Spec: { Name: 'agent', TaskTemplate: { ContainerSpec: { Image: 'busybox' } }, Mode: { Global: {} } } });
    expect(service).toMatchObject({ mode: 'global', canRollback: false, running: 0, ports: [] });
    expect(service).not.toHaveProperty('stack');
  });

  it('a failed task keeps the engine’s error text; the node is named by hostname', () => {
    const task = toSwarmTask(
      { ID: 't', ServiceID: 's', Slot: 2, NodeID: 'n1', DesiredState: 'shutdown', Status: { State: 'failed', Message: 'started', Err: 'task: non-zero exit (1)', Timestamp: 'T' }, Spec: { ContainerSpec: { Image: 'app:2@sha256:ff' } } },
      new Map([['n1', 'build-box']]),
    );
    expect(task).toEqual({ id: 't', serviceId: 's', slot: 2, nodeId: 'n1', node: 'build-box', desiredState: 'shutdown', state: 'failed', message: 'started', error: 'task: non-zero exit (1)', timestamp: 'T', image: 'app:2' });
  });

  it('a leader manager node, marked as this engine', () => {
    const node = toSwarmNode({ ID: 'n1', Spec: { Role: 'manager', Availability: 'drain' }, Description: { Hostname: 'box', Engine: { EngineVersion: '28.0.1' } }, Status: { State: 'ready', Addr: '10.0.0.5' }, ManagerStatus: { Leader: true, Reachability: 'reachable' } }, 'n1');
    expect(node).toEqual({ id: 'n1', hostname: 'box', role: 'manager', availability: 'drain', status: 'ready', managerStatus: 'leader', address: '10.0.0.5', engineVersion: '28.0.1', self: true });
  });

  it('counts the tasks on their way, and the running/desired counts an engine older than API 1.41 does not send', () => {
    const spec = { Name: 'web', Mode: { Replicated: { Replicas: 3 } } };
    const tasks = [
      { ID: '1', ServiceID: 'a', Status: { State: 'running' } },
      { ID: '2', ServiceID: 'a', Status: { State: 'preparing' } },
      { ID: '3', ServiceID: 'b', Status: { State: 'pending' } },
    ];
    const [a, b] = withTaskCounts([{ ID: 'a', Spec: spec }, { ID: 'b', Spec: spec, ServiceStatus: { RunningTasks: 0, DesiredTasks: 1 } }], tasks).map(toSwarmService);
    expect(a).toMatchObject({ running: 1, desired: 3, starting: 1 });
    expect(b).toMatchObject({ running: 0, desired: 1, starting: 1 });
  });

  it('keeps a registry port and drops only the digest', () => {
    expect(imageWithoutDigest('127.0.0.1:5000/a/b:v1@sha256:aa')).toBe('127.0.0.1:5000/a/b:v1');
    expect(imageWithoutDigest('busybox')).toBe('busybox');
  });
});

describe('the docker command each Swarm action equals', () => {
  it.each([
    [swarmCommands.scale('web', 3), 'docker service scale web=3'],
    [swarmCommands.updateImage('web', 'nginx:1.27'), 'docker service update --image nginx:1.27 web'],
    [swarmCommands.rollback('web'), 'docker service rollback web'],
    [swarmCommands.remove('web'), 'docker service rm web'],
    [swarmCommands.stackRemove('shop'), 'docker stack rm shop'],
    [stackDeployCommand('/home/me/my app/stack.yml', 'shop'), "docker stack deploy -c '/home/me/my app/stack.yml' shop"],
  ])('%s', (command, expected) => expect(command).toBe(expected));

  it('refuses a replica count that is not a whole number from 0 to 1000, and a service name that could read as an option', () => {
    expect(swarmScaleInput.safeParse({ service: 'web', replicas: 2.5 }).success).toBe(false);
    expect(swarmScaleInput.safeParse({ service: 'web', replicas: -1 }).success).toBe(false);
    expect(swarmScaleInput.safeParse({ service: '--force', replicas: 1 }).success).toBe(false);
    expect(swarmScaleInput.safeParse({ service: 'web', replicas: 0 }).success).toBe(true);
  });
});
