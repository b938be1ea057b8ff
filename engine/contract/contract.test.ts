import { describe, expect, it } from 'vitest';
import { containerRemoveCommand, commandLine, shellQuote } from './cli.js';
import { containerActionInput, containerName, firstProblem } from './schemas.js';

describe('containerName', () => {
  it('accepts docker-valid names', () => {
    for (const name of ['web-1', 'db_main', 'a.b', 'X9']) expect(firstProblem(containerName, name)).toBeUndefined();
  });

  it('says what is wrong and shows a right example', () => {
    expect(firstProblem(containerName, 'my app')).toMatch(/letters, digits.*e\.g\. "web-1"/);
    expect(firstProblem(containerName, '-web')).toMatch(/starts with a letter or digit/);
    expect(firstProblem(containerName, 'a')).toMatch(/at least 2 characters/);
    expect(firstProblem(containerName, 'x'.repeat(200))).toMatch(/at most 128/);
  });
});

describe('containerActionInput', () => {
  it('refuses an empty selection and unknown actions with a readable message', () => {
    expect(firstProblem(containerActionInput, { ids: [], action: 'stop' })).toBe('Select at least one container.');
    expect(firstProblem(containerActionInput, { ids: ['a'], action: 'explode' })).toMatch(/one of: start, stop/);
  });
});

describe('docker command equivalents', () => {
  it('quotes only what a shell would misread', () => {
    expect(shellQuote('web-1')).toBe('web-1');
    expect(shellQuote("it's here")).toBe(`'it'\\''s here'`);
    expect(commandLine(['stop', 'a', 'b c'])).toBe("docker stop a 'b c'");
  });

  it('adds -f and -v to rm as asked', () => {
    expect(containerRemoveCommand(['a'], { force: true, removeVolumes: true })).toBe('docker rm -f -v a');
    expect(containerRemoveCommand(['a', 'b'], { force: false, removeVolumes: false })).toBe('docker rm a b');
  });
});
