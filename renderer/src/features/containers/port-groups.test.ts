import { describe, expect, it } from 'vitest';
import type { PortMapping } from '../../../../engine/contract/types';
import { groupPorts, groupText, portsTooltip } from './port-groups';

const p = (hostIp: string, hostPort: number, containerPort: number, protocol: PortMapping['protocol'] = 'tcp'): PortMapping => ({ hostIp, hostPort, containerPort, protocol });
const texts = (ports: PortMapping[]) => groupPorts(ports).map(groupText).sort();

/**
 * Rows ported from docker/cli's TestDisplayablePorts (cli/command/formatter/container_test.go, as of
 * v20.10; written from memory of that table, not copied) for published ports, in Berth's notation
 * (`→`, and `localhost` for every interface). Order is compared as a set: docker sorts differently.
 */
const dockerTable: { ports: PortMapping[]; expected: string[] }[] = [
  { ports: [p('4.3.2.1', 8899, 9988)], expected: ['4.3.2.1:8899→9988/tcp'] },
  { ports: [p('4.3.2.1', 9988, 9988)], expected: ['4.3.2.1:9988→9988/tcp'] },
  { ports: [p('1.2.3.4', 9998, 9998, 'udp'), p('1.2.3.4', 9999, 9999, 'udp')], expected: ['1.2.3.4:9998-9999→9998-9999/udp'] },
  { ports: [p('1.2.3.4', 6677, 7766), p('0.0.0.0', 8899, 9988, 'udp')], expected: ['1.2.3.4:6677→7766/tcp', 'localhost:8899→9988/udp'] },
  { ports: [p('1.2.3.4', 9988, 9988, 'udp'), p('1.2.3.4', 9988, 9988, 'tcp')], expected: ['1.2.3.4:9988→9988/tcp', '1.2.3.4:9988→9988/udp'] },
  { ports: [p('1.2.3.4', 9998, 9998, 'udp'), p('1.2.3.4', 9999, 9999, 'udp'), p('4.3.2.1', 3456, 3456, 'tcp')], expected: ['1.2.3.4:9998-9999→9998-9999/udp', '4.3.2.1:3456→3456/tcp'] },
  {
    ports: [p('1.2.3.4', 80, 80), p('1.2.3.4', 81, 81), p('1.2.3.4', 82, 82), p('1.2.3.4', 83, 83), p('1.2.3.4', 90, 90)],
    expected: ['1.2.3.4:80-83→80-83/tcp', '1.2.3.4:90→90/tcp'],
  },
];

describe('groupPorts', () => {
  it.each(dockerTable)('agrees with docker ps: $expected', ({ ports, expected }) => {
    expect(texts(ports)).toEqual([...expected].sort());
  });

  it('collapses a 20-port range into one entry, and the tooltip still lists all twenty', () => {
    const ports = Array.from({ length: 20 }, (_, i) => p('127.0.0.1', 20000 + i, 20000 + i));
    expect(texts(ports.reverse())).toEqual(['127.0.0.1:20000-20019→20000-20019/tcp']);
    const lines = portsTooltip(ports).split('\n');
    expect(lines).toHaveLength(20);
    expect(lines[0]).toBe('127.0.0.1:20000→20000/tcp');
    expect(lines[19]).toBe('127.0.0.1:20019→20019/tcp');
  });

  it('shows a port bound to 0.0.0.0 and :: once', () => {
    const ports = [p('0.0.0.0', 8080, 80), p('::', 8080, 80), p('0.0.0.0', 8081, 81), p('::', 8081, 81)];
    expect(texts(ports)).toEqual(['localhost:8080-8081→80-81/tcp']);
    expect(portsTooltip(ports).split('\n')).toEqual(['localhost:8080→80/tcp', 'localhost:8081→81/tcp']);
  });

  it('collapses a range that maps onto other numbers (-p 8000-8002:9000-9002), which docker ps lists one by one', () => {
    // Berth departs from docker's table here on purpose: the run is what -p wrote, and 20 entries hide the rest.
    expect(texts([p('1.2.3.4', 8000, 9000), p('1.2.3.4', 8001, 9001), p('1.2.3.4', 8002, 9002)])).toEqual(['1.2.3.4:8000-8002→9000-9002/tcp']);
  });

  it('keeps apart what differs in address, protocol, or a gap on either side', () => {
    expect(texts([p('127.0.0.1', 1000, 1000), p('127.0.0.2', 1001, 1001)])).toEqual(['127.0.0.1:1000→1000/tcp', '127.0.0.2:1001→1001/tcp']);
    expect(texts([p('127.0.0.1', 1000, 1000), p('127.0.0.1', 1001, 1001, 'udp')])).toEqual(['127.0.0.1:1000→1000/tcp', '127.0.0.1:1001→1001/udp']);
    expect(texts([p('127.0.0.1', 1000, 1000), p('127.0.0.1', 1001, 1005)])).toEqual(['127.0.0.1:1000→1000/tcp', '127.0.0.1:1001→1005/tcp']);
    expect(texts([p('::1', 1000, 1000)])).toEqual(['[::1]:1000→1000/tcp']);
    expect(texts([])).toEqual([]);
  });
});
