import type { CommandLogEntry } from '../../../../engine/contract/command-log';

/**
 * The command log as a POSIX shell script: `#!/bin/sh`, a comment header, then one command per
 * entry in the order Berth ran them (oldest first, the way a script runs). A failed command is
 * commented out, every line of it (a quoted argument may hold a newline), after a comment saying why.
 * `header` and `failure` give the comments' words (the person's language); they are kept to one line.
 */
export function commandLogScript(
  entriesOldestFirst: readonly CommandLogEntry[],
  words: { header: string; failure: (entry: CommandLogEntry) => string },
): string {
  const comment = (text: string) => `# ${text.replace(/\s*[\r\n]+\s*/g, ' ')}`;
  const lines = ['#!/bin/sh', comment(words.header)];
  for (const entry of entriesOldestFirst) {
    if (entry.ok) lines.push(entry.command);
    else lines.push(comment(words.failure(entry)), ...entry.command.split('\n').map((line) => `# ${line}`));
  }
  return `${lines.join('\n')}\n`;
}
