import { networkInterfaces } from 'node:os';
import type { VmAccelerator, VmSettings } from '../../contract/types.js';

export interface QemuLaunch {
  accelerator: VmAccelerator;
  settings: VmSettings;
  kernel: string;
  initrd: string;
  /** The VM's own copy-on-write overlay (qcow2) on the base image. */
  overlay: string;
  /** 127.0.0.1 port on the host that reaches the guest's sshd. */
  sshPort: number;
  /** Berth's public key, "ssh-ed25519 AAAA…", handed to the guest on the kernel command line. */
  publicKey: string;
  serialLog: string;
  qmpSocket: string;
  pidFile: string;
  /** dockerd in the guest without iptables: boots faster, but containers get no outbound NAT. */
  iptables: boolean;
  /**
   * The host's own IPv4 addresses (from `hostAddresses()`): the guest drops new connections to
   * them, as it does to 10.0.2.2 (QEMU's NAT maps that to the host's loopback). Up to 64.
   */
  hostAddresses: string[];
}

const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

const guestIp = '10.0.2.15';

/** The qemu-system argument array for one boot (never a shell string). */
export function qemuArguments(launch: QemuLaunch): string[] {
  const [keyType, keyBlob] = launch.publicKey.split(' ');
  if (!keyType || !keyBlob || !/^[A-Za-z0-9+/=]+$/.test(keyBlob)) throw new Error('The VM key is not an OpenSSH public key.');
  const kernelArguments = [
    'console=ttyS0',
    'root=/dev/vda',
    'quiet',
    'loglevel=3',
    'panic=-1',
    'net.ifnames=0',
    `berth.key=${keyType}:${keyBlob}`,
    ...(launch.iptables ? [] : ['berth.iptables=0']),
    ...(launch.hostAddresses.length > 0 ? [`berth.hostaddrs=${launch.hostAddresses.join(',')}`] : []),
  ];
  // The kernel command line holds 2048 bytes: at most 64 addresses (~1 KiB), never anything but addresses.
  if (launch.hostAddresses.length > 64 || launch.hostAddresses.some((a) => !ipv4.test(a))) throw new Error('The host addresses for the VM are not IPv4 addresses.');
  return [
    '-name', 'berth-vm',
    ...acceleratorArguments(launch.accelerator),
    '-cpu', launch.accelerator === 'tcg' ? 'max' : 'host',
    '-smp', String(launch.settings.cpus),
    '-m', String(launch.settings.memoryMiB),
    '-nodefaults', '-no-user-config', '-display', 'none', '-no-reboot',
    '-kernel', launch.kernel,
    '-initrd', launch.initrd,
    '-append', kernelArguments.join(' '),
    '-drive', `file=${launch.overlay},if=virtio,format=qcow2,cache=writeback,discard=unmap`,
    // Only sshd is reachable from the host, on its loopback; the Docker socket and published ports
    // go through SSH. The guest gets QEMU's user-mode NAT out (pulls from Docker Hub need it; it
    // was restrict=on once, and then `docker pull` inside could reach nothing). The NAT would also
    // carry the guest to the host's own services (10.0.2.2 is the host's loopback): berth-init
    // drops those connections (berth.hostaddrs), and IPv6 is off so fec0::2 (the host's ::1) is
    // not a way around it.
    '-netdev', `user,id=net0,ipv6=off,hostfwd=tcp:127.0.0.1:${launch.sshPort}-${guestIp}:22`,
    '-device', 'virtio-net-pci,netdev=net0',
    '-device', 'virtio-rng-pci',
    '-serial', `file:${launch.serialLog}`,
    '-qmp', `unix:${launch.qmpSocket},server=on,wait=off`,
    '-pidfile', launch.pidFile,
  ];
}

export function acceleratorArguments(accelerator: VmAccelerator): string[] {
  // Multi-threaded TCG with a bigger translation cache: about a third faster to boot here.
  return accelerator === 'tcg' ? ['-accel', 'tcg,thread=multi,tb-size=256'] : ['-accel', accelerator];
}

/** Accelerators worth trying on this platform, fastest first; TCG (emulation) always works. */
export function acceleratorCandidates(platform: NodeJS.Platform): VmAccelerator[] {
  if (platform === 'darwin') return ['hvf', 'tcg'];
  if (platform === 'win32') return ['whpx', 'tcg'];
  if (platform === 'linux') return ['kvm', 'tcg'];
  return ['tcg'];
}

/** The QEMU system emulator for this machine's architecture. */
export function qemuBinaryName(arch: string = process.arch): string {
  return arch === 'arm64' ? 'qemu-system-aarch64' : 'qemu-system-x86_64';
}

/**
 * The host's own IPv4 addresses other than loopback, as `os.networkInterfaces()` lists them (first
 * 64): connections the guest makes to them would reach the host's services through QEMU's NAT.
 */
export function hostAddresses(interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces()): string[] {
  const found = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((a) => a.family === 'IPv4' && !a.internal && ipv4.test(a.address))
    .map((a) => a.address);
  return [...new Set(found)].slice(0, 64);
}
