import { readFileSync } from 'node:fs';

/** The distribution's ID and ID_LIKE words from /etc/os-release (or the text given), e.g. ['ubuntu', 'debian']. */
export function osReleaseIds(osRelease?: string): string[] {
  let text = osRelease;
  if (text === undefined) {
    try {
      text = readFileSync('/etc/os-release', 'utf8');
    } catch {
      text = '';
    }
  }
  return [...text.matchAll(/^(?:ID|ID_LIKE)=("?)([^"\n]*)\1$/gm)].flatMap((m) => m[2]!.split(/\s+/));
}

/** The command that installs dockerd on this Linux distribution, read from /etc/os-release. */
export function dockerInstallCommand(osRelease?: string): string {
  const ids = osReleaseIds(osRelease);
  if (ids.some((id) => id === 'debian' || id === 'ubuntu')) return 'sudo apt-get install -y docker.io';
  if (ids.some((id) => id === 'fedora' || id === 'rhel' || id === 'centos')) return 'sudo dnf install -y moby-engine';
  if (ids.some((id) => id === 'arch')) return 'sudo pacman -S docker';
  if (ids.some((id) => id === 'opensuse' || id === 'suse')) return 'sudo zypper install docker';
  if (ids.some((id) => id === 'alpine')) return 'sudo apk add docker';
  return 'install Docker Engine from your distribution (package "docker.io" or "docker")';
}
