import { describe, expect, it } from 'vitest';
import { acceleratorCandidates, hostAddresses, qemuArguments, type QemuLaunch } from './qemu-command.js';

const launch: QemuLaunch = {
  accelerator: 'tcg',
  settings: { cpus: 2, memoryMiB: 2048, diskGiB: 20 },
  kernel: '/img/vmlinuz',
  initrd: '/img/initrd.img',
  overlay: '/data/vm/disk.qcow2',
  sshPort: 40022,
  publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI berth',
  serialLog: '/data/vm/serial.log',
  qmpSocket: '/run/berth/vm/qmp.sock',
  pidFile: '/run/berth/vm/qemu.pid',
  iptables: false,
  hostAddresses: ['192.168.1.20', '172.17.0.1'],
};

describe('qemuArguments', () => {
  it('forwards only sshd, on the host loopback; the guest has NAT out for its pulls, IPv4 only', () => {
    const args = qemuArguments(launch);
    const netdev = args[args.indexOf('-netdev') + 1];
    expect(netdev).toBe('user,id=net0,ipv6=off,hostfwd=tcp:127.0.0.1:40022-10.0.2.15:22');
  });

  it('tells the guest the host addresses it must not reach, and refuses anything else there', () => {
    const append = qemuArguments(launch)[qemuArguments(launch).indexOf('-append') + 1];
    expect(append!.split(' ')).toContain('berth.hostaddrs=192.168.1.20,172.17.0.1');
    expect(qemuArguments({ ...launch, hostAddresses: [] }).join(' ')).not.toContain('berth.hostaddrs');
    expect(() => qemuArguments({ ...launch, hostAddresses: ['1.2.3.4 init=/bin/sh'] })).toThrow(/IPv4/);
    expect(() => qemuArguments({ ...launch, hostAddresses: ['256.1.1.1'] })).toThrow(/IPv4/);
  });

  it('hands the public key and the iptables choice to the guest', () => {
    const append = qemuArguments(launch)[qemuArguments(launch).indexOf('-append') + 1];
    expect(append).toContain('berth.key=ssh-ed25519:AAAAC3NzaC1lZDI1NTE5AAAAI');
    expect(append).toContain('berth.iptables=0');
    expect(qemuArguments({ ...launch, iptables: true }).join(' ')).not.toContain('berth.iptables');
  });

  it('uses the settings and the chosen accelerator', () => {
    const args = qemuArguments({ ...launch, accelerator: 'kvm', settings: { cpus: 4, memoryMiB: 4096, diskGiB: 20 } });
    expect(args.slice(args.indexOf('-accel'), args.indexOf('-accel') + 2)).toEqual(['-accel', 'kvm']);
    expect(args[args.indexOf('-smp') + 1]).toBe('4');
    expect(args[args.indexOf('-m') + 1]).toBe('4096');
  });

  it('refuses a key that could smuggle kernel arguments', () => {
    expect(() => qemuArguments({ ...launch, publicKey: 'ssh-ed25519 AAAA init=/bin/sh' })).not.toThrow();
    expect(() => qemuArguments({ ...launch, publicKey: 'ssh-ed25519 AA=A;x' })).toThrow(/public key/);
  });
});

describe('hostAddresses', () => {
  it('lists the non-loopback IPv4 addresses once each', () => {
    const at = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
      ({ address, family, internal, netmask: '', mac: '', cidr: null }) as never;
    expect(
      hostAddresses({ lo: [at('127.0.0.1', 'IPv4', true)], eth0: [at('192.168.1.20', 'IPv4'), at('fe80::1', 'IPv6')], br0: [at('192.168.1.20', 'IPv4'), at('172.17.0.1', 'IPv4')] }),
    ).toEqual(['192.168.1.20', '172.17.0.1']);
  });
});

describe('acceleratorCandidates', () => {
  it('tries the platform’s hypervisor first and always ends with emulation', () => {
    expect(acceleratorCandidates('linux')).toEqual(['kvm', 'tcg']);
    expect(acceleratorCandidates('darwin')).toEqual(['hvf', 'tcg']);
    expect(acceleratorCandidates('win32')).toEqual(['whpx', 'tcg']);
  });
});
