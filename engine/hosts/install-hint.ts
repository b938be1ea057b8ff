import { readFileSync } from 'node:fs';

/** The command that installs dockerd on this Linux distribution, read from /etc/os-release. */
export function dockerInstallCommand(osRelease?: string): string {
  let text = osRelease;
  if (text === undefined) {
    try {
      text = readFileSync('/etc/os-release', 'utf8');
    } catch {
      text = '';
    }
  }
  const ids = [...text.matchAll(/^(?:ID|ID_LIKE)=("?)([^"\n]*)\1$/gm)].flatMap((m) => m[2]!.split(/\s+/));
  if (ids.some((id) => id === 'debian' || id === 'ubuntu')) return 'sudo apt-get install -y docker.io';
  if (ids.some((id) => id === 'fedora' || id === 'rhel' || id === 'centos')) return 'sudo dnf install -y moby-engine';
  if (ids.some((id) => id === 'arch')) return 'sudo pacman -S docker';
  if (ids.some((id) => id === 'opensuse' || id === 'suse')) return 'sudo zypper install docker';
  if (ids.some((id) => id === 'alpine')) return 'sudo apk add docker';
  return 'install Docker Engine from your distribution (package "docker.io" or "docker")';
}
