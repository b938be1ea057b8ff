import { describe, expect, it } from 'vitest';
import { parsePortRange, parsePortSpec, withDefaultHost, type PortBinding } from './ports.js';

const b = (hostIp: string, hostPort: string, containerPort: number, protocol: PortBinding['protocol'] = 'tcp'): PortBinding => ({ hostIp, hostPort, containerPort, protocol });

/**
 * Ported as data from github.com/docker/go-connections (v0.5.0) nat/nat_test.go (TestParsePortSpecs,
 * TestParsePortSpecsWithRange, TestParsePortSpecFull, TestPartPortSpecIPV6,
 * TestPartPortSpecIPV6WithHostPort, TestParsePortSpecEmptyContainerPort, TestParseNetworkOpts*)
 * and nat/parse_test.go (TestParsePortRange*). Written from knowledge of those files (no network
 * here); the expected bindings are nat's PortBinding{HostIP, HostPort} per container port.
 */
const specs: [spec: string, bindings: PortBinding[]][] = [
  ['1234/tcp', [b('', '', 1234)]],
  ['2345/udp', [b('', '', 2345, 'udp')]],
  ['3456/sctp', [b('', '', 3456, 'sctp')]],
  ['1234:1234/tcp', [b('', '1234', 1234)]],
  ['2345:2345/udp', [b('', '2345', 2345, 'udp')]],
  ['3456:3456/sctp', [b('', '3456', 3456, 'sctp')]],
  ['0.0.0.0:1234:1234/tcp', [b('0.0.0.0', '1234', 1234)]],
  ['0.0.0.0:2345:2345/udp', [b('0.0.0.0', '2345', 2345, 'udp')]],
  ['0.0.0.0:3456:3456/sctp', [b('0.0.0.0', '3456', 3456, 'sctp')]],
  ['1234-1236/tcp', [b('', '', 1234), b('', '', 1235), b('', '', 1236)]],
  ['2345-2347/udp', [b('', '', 2345, 'udp'), b('', '', 2346, 'udp'), b('', '', 2347, 'udp')]],
  ['1234-1236:1234-1236/tcp', [b('', '1234', 1234), b('', '1235', 1235), b('', '1236', 1236)]],
  ['0.0.0.0:1234-1236:1234-1236/tcp', [b('0.0.0.0', '1234', 1234), b('0.0.0.0', '1235', 1235), b('0.0.0.0', '1236', 1236)]],
  ['0.0.0.0:1234-1235:3333-3334/tcp', [b('0.0.0.0', '1234', 3333), b('0.0.0.0', '1235', 3334)]],
  ['[2001:4860:0:2001::68]::333', [b('2001:4860:0:2001::68', '', 333)]],
  ['[::1]:80:80', [b('::1', '80', 80)]],
  ['192.168.1.100::80', [b('192.168.1.100', '', 80)]],
  ['192.168.1.100::6000/udp', [b('192.168.1.100', '', 6000, 'udp')]],
  ['192.168.1.100::6000/sctp', [b('192.168.1.100', '', 6000, 'sctp')]],
  ['192.168.1.100:8080:80', [b('192.168.1.100', '8080', 80)]],
  ['80:80/', [b('', '80', 80)]],
  ['80/TCP', [b('', '', 80)]],
  // A host range with one container port: the engine picks one free host port in the range.
  ['8000-8010:80', [b('', '8000-8010', 80)]],
  ['0:80', [b('', '0', 80)]],
];

const badSpecs: [spec: string, code: string][] = [
  ['', 'empty'],
  ['0.0.0.0:1234-1235:/tcp', 'noContainerPort'],
  ['0.0.0.0:1234-1235:', 'noContainerPort'],
  ['localhost:1234:1234/tcp', 'ipAddress'],
  ['localhost:1234-1236:1234-1236/tcp', 'ipAddress'],
  ['192.168.1.100:-1:80', 'hostPort'],
  ['192.168.1.100:a:80', 'hostPort'],
  ['1234-1236:1234-1237', 'rangeSizes'],
  ['80/icmp', 'protocol'],
  ['80000', 'containerPort'],
  ['[::1:80:80', 'ipAddress'],
  ['[fe80::1%eth0]:80:80', 'ipAddress'],
  ['999.1.1.1:80:80', 'ipAddress'],
  // Berth's own: container port 0 is refused (docker passes it to the engine, which fails).
  ['8080:0', 'containerPortZero'],
];

const ranges: [text: string, range: { start: number; end: number } | undefined][] = [
  ['8000-8080', { start: 8000, end: 8080 }],
  ['8080', { start: 8080, end: 8080 }],
  ['', undefined],
  ['9000-8080', undefined],
  ['8000-a', undefined],
  ['8000-30a', undefined],
  ['a-8000', undefined],
  ['30a-8000', undefined],
  ['65536', undefined],
  ['0', { start: 0, end: 0 }],
];

describe('parsePortSpec (go-connections nat tables)', () => {
  it.each(specs)('reads %s', (spec, bindings) => {
    const result = parsePortSpec(spec);
    expect(result.ok && result.bindings).toEqual(bindings);
  });
  it.each(badSpecs)('refuses %s', (spec, code) => {
    const result = parsePortSpec(spec);
    expect(result.ok ? 'accepted' : result.code).toBe(code);
  });
  it.each(ranges)('reads the range %s', (text, range) => {
    expect(parsePortRange(text)).toEqual(range);
  });
});

describe('withDefaultHost', () => {
  it('spells out the address Berth publishes on: 127.0.0.1 when the spec names none', () => {
    expect(withDefaultHost('8080:80')).toBe('127.0.0.1:8080:80');
    expect(withDefaultHost('80')).toBe('127.0.0.1::80');
    expect(withDefaultHost('8000-8010:8000-8010')).toBe('127.0.0.1:8000-8010:8000-8010');
    expect(withDefaultHost('[::1]:8080:80/udp')).toBe('[::1]:8080:80/udp');
    expect(withDefaultHost('0.0.0.0:53:53/sctp')).toBe('0.0.0.0:53:53/sctp');
    expect(withDefaultHost('nope')).toBeUndefined();
  });
});

describe('parsePortSpec on random input (seeded fuzz)', () => {
  it('never throws, and the spelled-out spec of what it accepts gives the same ports on 127.0.0.1 by default', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const pick = (options: string[]) => options[next() % options.length]!;
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      let text = pick(['', '127.0.0.1:', '0.0.0.0:', '[::1]:', '::1:', '1.2.3:', 'x:', '[fe80::2]:']) + pick(['', '80:', '8000-8002:', '9:', '5-4:', ':', '0:']) +
        pick(['80', '81-83', '0', '70000', '', '8-', '443']) + pick(['', '/tcp', '/udp', '/sctp', '/x', '/', '/UDP']);
      // Now and then a character is dropped or doubled, to step off the grammar.
      if (next() % 4 === 0 && text) {
        const at = next() % text.length;
        text = next() % 2 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + text[at] + text.slice(at);
      }
      const result = parsePortSpec(text);
      if (!result.ok) continue;
      accepted++;
      const again = parsePortSpec(withDefaultHost(text)!);
      expect(again.ok && again.bindings, text).toEqual(result.bindings.map((binding) => ({ ...binding, hostIp: binding.hostIp || '127.0.0.1' })));
    }
    expect(accepted).toBeGreaterThan(200);
  });
});
