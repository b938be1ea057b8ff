/** ssh:// engines: the banner's form for a key file that wants its passphrase. */
export const sshKey = {
  title: 'Unlock your SSH key',
  body: '{{user}}@{{host}} accepted none of the keys Berth could offer. This key is locked with a passphrase:',
  file: 'Key file',
  passphrase: 'Passphrase',
  unlock: 'Unlock and connect',
  unlocking: 'Unlocking…',
  kept: 'Berth keeps the unlocked key in memory until it quits, as ssh-agent does. The passphrase itself is not kept or saved anywhere.',
  failed: 'Could not unlock the key',
  cli: 'With the docker CLI',
} as const;
