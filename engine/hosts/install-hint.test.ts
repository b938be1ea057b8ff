import { describe, expect, it } from 'vitest';
import { dockerInstallCommand } from './install-hint.js';

describe('dockerInstallCommand', () => {
  it('names the package manager of the distribution', () => {
    expect(dockerInstallCommand('ID=debian\nVERSION_ID="12"\n')).toBe('sudo apt-get install -y docker.io');
    expect(dockerInstallCommand('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe('sudo apt-get install -y docker.io');
    expect(dockerInstallCommand('ID="fedora"\n')).toBe('sudo dnf install -y moby-engine');
    expect(dockerInstallCommand('ID=arch\n')).toBe('sudo pacman -S docker');
  });

  it('still says what to do on a distribution it does not know', () => {
    expect(dockerInstallCommand('ID=plan9\n')).toMatch(/docker\.io/);
  });
});
