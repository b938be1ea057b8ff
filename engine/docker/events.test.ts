import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChangeCoalescer, containerTouchedBy, resourcesTouchedBy, type ChangeBatch } from './events.js';

describe('resourcesTouchedBy', () => {
  it('maps container lifecycle events to the lists they change', () => {
    expect(resourcesTouchedBy({ Type: 'container', Action: 'stop' })).toEqual(['containers']);
    expect(resourcesTouchedBy({ Type: 'container', Action: 'destroy' })).toEqual(['containers']);
    expect(resourcesTouchedBy({ Type: 'container', Action: 'commit' })).toEqual(['containers', 'images']);
  });

  it('ignores exec chatter and volume mounts', () => {
    expect(resourcesTouchedBy({ Type: 'container', Action: 'exec_start: sh' })).toEqual([]);
    expect(resourcesTouchedBy({ Type: 'volume', Action: 'mount' })).toEqual([]);
    expect(resourcesTouchedBy({ Type: 'volume', Action: 'create' })).toEqual(['volumes']);
  });

  it("ignores Berth's own helper containers, so listing a volume's files cannot loop", () => {
    const helper = { Type: 'container', Action: 'destroy', Actor: { ID: 'x', Attributes: { 'dev.berth.helper': '1' } } };
    expect(resourcesTouchedBy(helper)).toEqual([]);
  });

  it('refreshes the Swarm section on service and node events and on a task container starting or dying', () => {
    expect(resourcesTouchedBy({ Type: 'service', Action: 'update' })).toEqual(['swarm']);
    expect(resourcesTouchedBy({ Type: 'node', Action: 'update' })).toEqual(['swarm']);
    const task = { Type: 'container', Action: 'start', Actor: { ID: 'x', Attributes: { 'com.docker.swarm.task.id': 't1' } } };
    expect(resourcesTouchedBy(task)).toEqual(['containers', 'swarm']);
  });

  it("fetches again only the row of a container that joins or leaves a network (the Networks view joins its members from the rows)", () => {
    const connect = { Type: 'network', Action: 'connect', Actor: { ID: 'n'.repeat(64), Attributes: { container: 'c1', name: 'app', type: 'bridge' } } };
    expect(resourcesTouchedBy(connect)).toEqual(['containers']);
    expect(containerTouchedBy(connect)).toBe('c1');
    expect(containerTouchedBy({ ...connect, Action: 'disconnect' })).toBe('c1');
    expect(resourcesTouchedBy({ Type: 'network', Action: 'create', Actor: { ID: 'n' } })).toEqual(['networks']);
    expect(containerTouchedBy({ Type: 'network', Action: 'destroy', Actor: { ID: 'n' } })).toBeUndefined();
  });

  it('ignores event types it does not know', () => {
    expect(resourcesTouchedBy({ Type: 'plugin', Action: 'enable' })).toEqual([]);
  });
});

describe('ChangeCoalescer', () => {
  afterEach(() => vi.useRealTimers());

  it('turns a burst into one batch per window, naming the containers', () => {
    vi.useFakeTimers();
    const batches: ChangeBatch[] = [];
    const coalescer = new ChangeCoalescer(25, (b) => batches.push(b));
    for (let i = 0; i < 50; i++) coalescer.add({ Type: 'container', Action: 'stop', Actor: { ID: `c${i % 3}` } });
    coalescer.add({ Type: 'image', Action: 'pull' });
    coalescer.add({ Type: 'container', Action: 'exec_start: sh', Actor: { ID: 'c9' } });
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(25);
    expect(batches).toEqual([{ resources: ['containers', 'images'], containerIds: ['c0', 'c1', 'c2'] }]);
    coalescer.add({ Type: 'volume', Action: 'create' });
    vi.advanceTimersByTime(25);
    expect(batches[1]).toEqual({ resources: ['volumes'], containerIds: [] });
  });

  it("keeps a stop's die as the container's newest action when its network disconnect follows (so the exit is checked with inspect)", () => {
    vi.useFakeTimers();
    const batches: ChangeBatch[] = [];
    const coalescer = new ChangeCoalescer(25, (b) => batches.push(b));
    coalescer.add({ Type: 'container', Action: 'die', Actor: { ID: 'c1' }, timeNano: '1700000000000000001' });
    coalescer.add({ Type: 'network', Action: 'disconnect', Actor: { ID: 'n', Attributes: { container: 'c1' } }, timeNano: '1700000000000000002' });
    coalescer.add({ Type: 'network', Action: 'connect', Actor: { ID: 'n', Attributes: { container: 'c2' } }, timeNano: '1700000000000000003' });
    vi.advanceTimersByTime(25);
    // The row is stamped with the newest event's time, so a reply to an older notice cannot replace it.
    const marks = { c1: { action: 'die', time: '1700000000000000002' }, c2: { action: 'network connect', time: '1700000000000000003' } };
    expect(batches).toEqual([{ resources: ['containers'], containerIds: ['c1', 'c2'], marks }]);
  });

  it('drops pending changes when disposed', () => {
    vi.useFakeTimers();
    const batches: ChangeBatch[] = [];
    const coalescer = new ChangeCoalescer(25, (b) => batches.push(b));
    coalescer.add({ Type: 'container', Action: 'start', Actor: { ID: 'x' } });
    coalescer.dispose();
    vi.advanceTimersByTime(100);
    expect(batches).toEqual([]);
  });
});
