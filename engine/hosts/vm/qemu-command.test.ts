import { describe, expect, it } from 'vitest';
import { acceleratorCandidates, qemuArguments, type QemuLaunch } from './qemu-command.js';

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
};

describe('qemuArguments', () => {
  it('forwards only sshd, on the host loopback; the guest has NAT out for its pulls', () => {
    const args = qemuArguments(launch);
    const netdev = args[args.indexOf('-netdev') + 1];
    expect(netdev).toBe('user,id=net0,hostfwd=tcp:127.0.0.1:40022-10.0.2.15:22');
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

describe('acceleratorCandidates', () => {
  it('tries the platform’s hypervisor first and always ends with emulation', () => {
    expect(acceleratorCandidates('linux')).toEqual(['kvm', 'tcg']);
    expect(acceleratorCandidates('darwin')).toEqual(['hvf', 'tcg']);
    expect(acceleratorCandidates('win32')).toEqual(['whpx', 'tcg']);
  });
});
