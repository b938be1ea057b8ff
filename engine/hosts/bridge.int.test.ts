import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOutboundNat, forwardChain, type CommandRunner } from './bridge.js';

const run = promisify(execFile);
const root = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * The real kernel, in throw-away network namespaces so this machine's own tables are untouched:
 * `router` plays the computer Berth runs on, with Berth's bridge (one container, `box`, on it), an
 * outside network (`outside`) and another network (`lan`) it must not route for.
 */
describe.runIf(root)("Berth's bridge forwarding (network namespaces, real kernel)", () => {
  const tag = randomBytes(3).toString('hex');
  const ns = { router: `bh-r-${tag}`, outside: `bh-o-${tag}`, lan: `bh-l-${tag}`, box: `bh-b-${tag}` };
  const bridge = { name: 'berth-t0', cidr: '172.30.9.1/24' };
  const inNs = (name: string, ...command: string[]) => run('ip', ['netns', 'exec', name, ...command]);
  const router: CommandRunner = (file, args) => inNs(ns.router, file, ...args);
  const reaches = (from: string, address: string) =>
    inNs(from, 'busybox', 'ping', '-c', '1', '-W', '1', address).then(
      () => true,
      () => false,
    );

  beforeAll(async () => {
    for (const name of Object.values(ns)) await run('ip', ['netns', 'add', name]);
    const link = async (a: string, aIf: string, b: string, bIf: string) => {
      await inNs(a, 'ip', 'link', 'add', aIf, 'type', 'veth', 'peer', 'name', bIf, 'netns', b);
    };
    await link(ns.router, 'out0', ns.outside, 'eth0');
    await link(ns.router, 'lan0', ns.lan, 'eth0');
    await link(ns.router, 'box0', ns.box, 'eth0');
    const sh = (name: string, script: string) => inNs(name, 'sh', '-ec', script);
    await sh(ns.router, `sysctl -q -w net.ipv4.ip_forward=0
      ip link set lo up
      ip addr add 10.77.0.1/24 dev out0; ip link set out0 up
      ip addr add 10.78.0.1/24 dev lan0; ip link set lan0 up
      ip link add ${bridge.name} type bridge; ip addr add ${bridge.cidr} dev ${bridge.name}; ip link set ${bridge.name} up
      ip link set box0 master ${bridge.name}; ip link set box0 up`);
    // `outside` routes back through the router, so only the router's forwarding decides what reaches it.
    await sh(ns.outside, 'ip link set lo up; ip addr add 10.77.0.2/24 dev eth0; ip link set eth0 up; ip route add default via 10.77.0.1');
    await sh(ns.lan, 'ip link set lo up; ip addr add 10.78.0.2/24 dev eth0; ip link set eth0 up; ip route add default via 10.78.0.1');
    await sh(ns.box, 'ip link set lo up; ip addr add 172.30.9.2/24 dev eth0; ip link set eth0 up; ip route add default via 172.30.9.1');
  });

  afterAll(async () => {
    for (const name of Object.values(ns)) await run('ip', ['netns', 'del', name]).catch(() => undefined);
  });

  it("forwards for Berth's containers only, not for every network this computer is on", async () => {
    expect(await ensureOutboundNat(bridge, router)).toBeUndefined();
    // A container on Berth's bridge reaches outside.
    expect(await reaches(ns.box, '10.77.0.2')).toBe(true);
    // Another network using this computer as its gateway is not routed.
    expect(await reaches(ns.lan, '10.77.0.2')).toBe(false);
    expect((await router('sysctl', ['-n', 'net.ipv4.ip_forward'])).stdout.trim()).toBe('1');
    // Again (a restart of Berth's engine): no duplicate rules.
    expect(await ensureOutboundNat(bridge, router)).toBeUndefined();
    const forward = (await router('iptables', ['-w', '-S', 'FORWARD'])).stdout;
    expect(forward.split('\n').filter((l) => l.includes(`-j ${forwardChain}`))).toHaveLength(1);
  });

  it('leaves the forwarding policy alone where this computer was already a router', async () => {
    await router('iptables', ['-w', '-P', 'FORWARD', 'ACCEPT']);
    expect(await ensureOutboundNat(bridge, router)).toBeUndefined();
    expect((await router('iptables', ['-w', '-S', 'FORWARD'])).stdout).toContain('-P FORWARD ACCEPT');
  });
});
