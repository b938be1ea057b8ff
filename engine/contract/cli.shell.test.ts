import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { commandLine, shellQuote } from './cli.js';

/**
 * Every printed command must give the same argv in dash (Debian's /bin/sh), bash and zsh (macOS's
 * default shell). Each shell runs `printf '%s\0' <quoted words>` and the NUL-separated output must
 * be the words again. zsh comes from scripts/test.sh's package list.
 */
const nastyWords = [
  '=x', '==', '=ls', 'a=b', '!', '!!', 'a!b', '$', '$HOME', '${x}', '`id`', '$(id)', "'", '"', `it's "here"`, '\\', 'a\\nb',
  'line1\nline2', '\n', 'tab\there', '\t', 'esc\u001b[31mred', '\u0007', '\u007f', '\u0085', 'bidi\u202egnp.exe', 'zero\u200bwidth',
  'café', 'naïve', '한국어 이름', '🐳', '~', '~root', 'a~b', '*', '?', '[a]', '#', 'a#b', '# x', '{a,b}', '{1..3}', '', ' ', '--', '-',
  '%1', '^x', 'a;b', 'a|b', 'a&b', '(x)', '<x>', 'a b', ' lead', 'trail ', "'\n'",
];
const shells = ['dash', 'bash', 'zsh'] as const;

function argvIn(shell: string, words: readonly string[]): string[] {
  const out = execFileSync(shell, ['-c', `printf '%s\\0' ${words.map(shellQuote).join(' ')}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('shellQuote in real shells', () => {
  for (const shell of shells) {
    it(`gives the same words back in ${shell}`, () => {
      expect(argvIn(shell, nastyWords)).toEqual(nastyWords);
    });
  }

  it('prints no control character except a newline inside quotes', () => {
    for (const word of nastyWords) {
      // eslint-disable-next-line no-control-regex -- looking for exactly these
      expect(shellQuote(word), JSON.stringify(word)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u200b-\u200f]/u);
    }
  });

  it('gives random words back in every shell (seeded fuzz)', () => {
    // A small LCG so a failure is reproducible; the alphabet is every character class shells treat specially.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const alphabet = [...'=!$`\'"\\ \t\n~*?#{}[]()<>|&;%^,:@+-_./aZ9', '\u001b', '\u0007', '\u007f', '\u0085', '\u202e', '한', '🐳', 'é'];
    const words = Array.from({ length: 200 }, () => Array.from({ length: next() % 8 }, () => alphabet[next() % alphabet.length]).join(''));
    for (const shell of shells) expect(argvIn(shell, words), shell).toEqual(words);
  });

  it('leaves ordinary words bare', () => {
    expect(commandLine(['run', '-p', '127.0.0.1:8080:80', '-e', 'A=b', 'nginx:1.27'])).toBe('docker run -p 127.0.0.1:8080:80 -e A=b nginx:1.27');
  });
});
