import { describe, expect, it } from 'vitest';
import { compareEventTimes, quoteTimeNano } from '../contract/event-time.js';
import { markEvent, type ContainerEventMark, type DockerEvent } from './events.js';
import { JsonLineParser } from './json-lines.js';
import { exitCodeFromStatus, healthFromStatus, withInspectedState } from './mappers.js';
import type { ContainerSummary } from '../contract/types.js';

// Status texts as moby's container/state.go State.String() and Health.String() write them
// ("Up %s (%s)" with "health: starting" for Starting; "Restarting (%d) %s ago"; "Exited (%d) %s ago").
// Written from knowledge of those sources (moby v27), not copied from a test file.
const statusTable: [status: string, health: ReturnType<typeof healthFromStatus>, exitCode: number | undefined][] = [
  ['Up 3 minutes (healthy)', 'healthy', undefined],
  ['Up 2 seconds (unhealthy)', 'unhealthy', undefined],
  ['Up Less than a second (health: starting)', 'starting', undefined],
  ['Up 5 hours', undefined, undefined],
  ['Up 4 minutes (Paused)', undefined, undefined],
  ['Restarting (1) 3 seconds ago', undefined, 1],
  ['Exited (137) 2 hours ago', undefined, 137],
  ['Exited (0) Less than a second ago', undefined, 0],
  ['Created', undefined, undefined],
  ['', undefined, undefined],
];

describe('health and exit code from the list Status text', () => {
  it.each(statusTable)('%j', (status, health, exitCode) => {
    expect(healthFromStatus(status)).toBe(health);
    expect(exitCodeFromStatus(status)).toBe(exitCode);
  });
});

describe('event times', () => {
  it('keeps all 19 digits of timeNano (a double would round them)', () => {
    const parser = new JsonLineParser<DockerEvent>(quoteTimeNano);
    const [event] = parser.push(Buffer.from('{"Type":"container","Action":"die","time":1796036772,"timeNano":1796036772865985301}\n'));
    expect(event!.timeNano).toBe('1796036772865985301');
  });

  it('orders decimal strings by value', () => {
    expect(compareEventTimes('1796036772865985301', '1796036772865985300')).toBe(1);
    expect(compareEventTimes('999999999999999999', '1796036772865985300')).toBe(-1);
    expect(compareEventTimes('5', '5')).toBe(0);
  });
});

describe('markEvent keeps the newest event per container whatever the arrival order', () => {
  const ev = (action: string, timeNano: string): DockerEvent => ({ Type: 'container', Action: action, timeNano });
  const net = (action: string, timeNano: string): DockerEvent => ({ Type: 'network', Action: action, Actor: { ID: 'n1', Attributes: { container: 'c1' } }, timeNano });
  const table: { name: string; events: DockerEvent[]; action: string; health?: string; time?: string }[] = [
    { name: 'in order', events: [ev('start', '100'), ev('die', '200')], action: 'die' },
    { name: 'die arrives before the start it followed', events: [ev('die', '200'), ev('start', '100')], action: 'die' },
    { name: 'health stays beside later events', events: [ev('health_status: unhealthy', '100'), ev('exec_die', '150'), ev('start', '200')], action: 'start', health: 'unhealthy' },
    { name: 'an older verdict does not replace a newer one', events: [ev('health_status: healthy', '300'), ev('health_status: unhealthy', '100')], action: 'health_status: healthy', health: 'healthy' },
    { name: 'seconds-only events (older engines)', events: [{ Type: 'container', Action: 'die', time: 2 }, { Type: 'container', Action: 'start', time: 1 }], action: 'die' },
    // A stop sends die, then network disconnect, then stop: the die still decides the inspect check.
    { name: 'a network disconnect after a die keeps the die', events: [ev('die', '100'), net('disconnect', '200')], action: 'die', time: '200' },
    { name: 'a network disconnect arriving before the die it followed', events: [net('disconnect', '200'), ev('die', '100')], action: 'die', time: '200' },
    { name: 'a network event alone', events: [net('connect', '100')], action: 'network connect', time: '100' },
    { name: 'a later start after a network event', events: [net('connect', '100'), ev('start', '200')], action: 'start', time: '200' },
  ];
  it.each(table)('$name', ({ events, action, health, time }) => {
    const marks = new Map<string, ContainerEventMark>();
    for (const event of events) markEvent(marks, 'c1', event);
    expect(marks.get('c1')?.action).toBe(action);
    expect(marks.get('c1')?.health).toBe(health);
    if (time) expect(marks.get('c1')?.time).toBe(time);
  });
});

describe('withInspectedState', () => {
  const row: ContainerSummary = { id: 'c1', name: 'loop', image: 'busybox', imageId: 'sha256:b', state: 'running', status: 'Up Less than a second', created: 0, ports: [], exposed: [], volumes: [], networks: [] };
  it('trusts inspect over a list that has not caught up with a die', () => {
    const next = withInspectedState(row, { RestartCount: 4, State: { Status: 'restarting', ExitCode: 1 } });
    expect(next).toMatchObject({ state: 'restarting', exitCode: 1, restartCount: 4, status: 'Restarting (1)' });
  });
  it('leaves a row that is running again as it is', () => {
    expect(withInspectedState(row, { RestartCount: 5, State: { Status: 'running', ExitCode: 0 } })).toMatchObject({ state: 'running', status: 'Up Less than a second', restartCount: 5 });
  });
});
