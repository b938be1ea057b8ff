import { describe, expect, it } from 'vitest';
import { isSecretKey, parseEnvText } from './env.js';

/**
 * Ported as data from github.com/docker/cli (v27) opts/envfile_test.go (TestParseEnvFileGoodFile,
 * TestParseEnvFileBadlyFormattedFile, TestParseEnvFileRandomFile,
 * TestParseEnvVariableDefinitionsFile, TestParseEnvVariableWithNoNameFile) and opts/opts_test.go
 * (TestValidateEnv). Written from knowledge of those files (no network here). Docker stops at the
 * first bad line; Berth reports every bad line by number, so the rows list them all.
 */
const files: [content: string, env: string[], problems: [line: number, code: string][]][] = [
  // TestParseEnvFileGoodFile
  ['foo=bar\n    baz=quux\n# comment\n\n_foobar=foobaz\nwith.dots=working\nand_underscore=working too\n', ['foo=bar', 'baz=quux', '_foobar=foobaz', 'with.dots=working', 'and_underscore=working too'], []],
  // TestParseEnvFileEmptyFile
  ['', [], []],
  // TestParseEnvFileBadlyFormattedFile
  ['foo=bar\n    f   =quux\n', ['foo=bar'], [[2, 'keySpaces']]],
  // TestParseEnvFileRandomFile
  ['first line\nanother invalid line', [], [[1, 'keySpaces'], [2, 'keySpaces']]],
  // TestParseEnvVariableDefinitionsFile: docker reads a bare name from its shell; Berth refuses it.
  ['# comment=\nUNDEFINED_VAR\nDEFINED_VAR\n', [], [[2, 'noValue'], [3, 'noValue']]],
  // TestParseEnvVariableWithNoNameFile
  ['# comment=\n=blank variable names are an error case\n', [], [[2, 'noKey']]],
  // TestValidateEnv: any non-empty name, the value as written
  ['a=1\n__a__=1\nspring.profiles.active=dev\nmy-var=1\nUPPER=x\nk=v=w\nempty=\nsome space=x', ['a=1', '__a__=1', 'spring.profiles.active=dev', 'my-var=1', 'UPPER=x', 'k=v=w', 'empty='], [[8, 'keySpaces']]],
  // Berth's rows: values keep trailing spaces, CRLF files and a BOM read as docker reads them
  ['\uFEFFA=1\r\nB=two  \r\n  # indented comment\r\n', ['A=1', 'B=two  '], []],
  ['A=x\0y', [], [[1, 'nul']]],
];

describe('parseEnvText (docker/cli env file tables)', () => {
  it.each(files)('reads %j', (content, env, problems) => {
    const result = parseEnvText(content);
    expect(result.env).toEqual(env);
    expect(result.problems.map((p) => [p.line, p.code])).toEqual(problems);
  });
});

describe('isSecretKey', () => {
  it('knows secret-looking names, in any case and as part of the name', () => {
    for (const key of ['PASSWORD', 'db_password', 'MYSQL_ROOT_PASSWD', 'GITHUB_TOKEN', 'client_secret', 'API_KEY', 'ssh_private', 'AWS_CREDENTIALS', 'BASIC_AUTH', 'PGPASS']) expect(isSecretKey(key), key).toBe(true);
    for (const key of ['LOG_LEVEL', 'PORT', 'spring.profiles.active', 'TZ']) expect(isSecretKey(key), key).toBe(false);
  });
});
