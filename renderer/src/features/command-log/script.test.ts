import { describe, expect, it } from 'vitest';
import type { CommandLogEntry } from '../../../../engine/contract/command-log';
import { commandLogScript } from './script';

describe('commandLogScript', () => {
  it('one command per line in the order run; a failure commented out, every line, after why', () => {
    const entries: CommandLogEntry[] = [
      { seq: 1, at: 0, command: "docker run -d --name web -e 'DB_PASSWORD=<hidden>' busybox", ok: true },
      { seq: 2, at: 1, command: "docker run -d busybox sh -c 'echo a\necho b'", ok: false, error: { code: 'CONFLICT', message: 'x' } },
      { seq: 3, at: 2, command: 'docker stop web', ok: true },
    ];
    const script = commandLogScript(entries, { header: 'Berth command log\nline two', failure: () => 'failed: port\n8080 taken' });
    expect(script).toBe(
      [
        '#!/bin/sh',
        '# Berth command log line two',
        "docker run -d --name web -e 'DB_PASSWORD=<hidden>' busybox",
        '# failed: port 8080 taken',
        "# docker run -d busybox sh -c 'echo a",
        "# echo b'",
        'docker stop web',
        '',
      ].join('\n'),
    );
  });
});
