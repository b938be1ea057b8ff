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

describe('run input', () => {
  it('explains bad ports, env lines and host paths', async () => {
    const { containerRunInput, mountInput, envLine, portSpec } = await import('./schemas.js');
    expect(firstProblem(portSpec, '70000:80')).toMatch(/not a host port/);
    expect(firstProblem(envLine, 'NO_EQUALS')).toMatch(/no value.*NO_EQUALS=value/);
    expect(firstProblem(envLine, 'two words=x')).toMatch(/has spaces/);
    expect(firstProblem(mountInput, { source: 'site/html', target: '/usr/share' })).toMatch(/relative path.*absolute/);
    expect(firstProblem(mountInput, { source: 'data', target: 'data' })).toMatch(/absolute, e\.g\. \/data/);
    expect(firstProblem(mountInput, { source: '~/site', target: '/data' })).toMatch(/relative path/);
    expect(firstProblem(mountInput, { source: '-bad', target: '/data' })).toMatch(/not a volume name/);
    expect(firstProblem(mountInput, { source: '/a\0b', target: '/data' })).toMatch(/NUL/);
    expect(firstProblem(containerRunInput, { image: 'Nginx' })).toMatch(/lowercase/);
    expect(firstProblem(containerRunInput, { image: 'nginx', mounts: [{ source: '/srv', target: '/data' }] })).toBeUndefined();
  });

  it('takes what docker takes: any env name, -p syntax, folders with ":"', async () => {
    const { containerRunInput } = await import('./schemas.js');
    const input = {
      image: 'nginx',
      env: ['spring.profiles.active=dev', 'with.dots=1', 'my-var=1', '1ST=x', 'TRAIL=a  '],
      ports: ['8000-8010:8000-8010', '192.168.1.5:8080:80', '[::1]:8081:80', '80/sctp', '9000-9010:90'],
      mounts: [{ source: '/tmp/x:y', target: '/data' }, { source: '/tmp/a,b', target: '/in:side' }],
    };
    expect(firstProblem(containerRunInput, input)).toBeUndefined();
  });
});

describe('image IDs typed where a name is wanted', () => {
  it('Pull refuses an ID and says it is one; Tag takes it as the source, never as the new name', async () => {
    const { imageReferenceInput, imageTagInput } = await import('./schemas.js');
    const id = 'a'.repeat(64);
    for (const reference of [id, `sha256:${id}`]) expect(firstProblem(imageReferenceInput, { reference })).toMatch(/is an image ID, not a name/);
    expect(firstProblem(imageTagInput, { source: `sha256:${id}`, target: 'team/app:1' })).toBeUndefined();
    expect(firstProblem(imageTagInput, { source: id, target: 'team/app:1' })).toBeUndefined();
    expect(firstProblem(imageTagInput, { source: 'app', target: `sha256:${id}` })).toMatch(/is an image ID, not a name/);
    const { containerRunInput } = await import('./schemas.js');
    for (const image of [id, `sha256:${id}`]) expect(firstProblem(containerRunInput, { image })).toBeUndefined();
  });
});

describe('command lines', () => {
  it('writes docker run with every option Berth uses', async () => {
    const { containerRunCommand } = await import('./cli.js');
    expect(
      containerRunCommand({
        image: 'nginx:1.27',
        name: 'web',
        ports: ['127.0.0.1:8080:80', '53:53/udp', '[::1]:8000-8001:8000-8001'],
        mounts: [{ source: 'site', target: '/usr/share/nginx/html', readOnly: true }, { source: '/tmp/x:y,z', target: '/data' }],
        env: ['A=b c'],
        restart: 'unless-stopped',
        autoRemove: false,
        command: ['nginx', '-g', 'daemon off;'],
      }),
    ).toBe(
      "docker run -d --name web -p 127.0.0.1:8080:80 -p 127.0.0.1:53:53/udp -p '[::1]:8000-8001:8000-8001' " +
        "--mount type=volume,source=site,target=/usr/share/nginx/html,readonly --mount 'type=bind,\"source=/tmp/x:y,z\",target=/data' " +
        "-e 'A=b c' --restart unless-stopped nginx:1.27 nginx -g 'daemon off;'",
    );
  });

  it('hides secret-looking build arguments too', async () => {
    const { imageBuildCommand } = await import('./cli.js');
    const input = { context: '/app', dockerfile: 'Dockerfile', tag: '', buildArgs: { NPM_TOKEN: 'npm_abc', VERSION: '1' } };
    expect(imageBuildCommand(input)).toBe("docker build --force-rm --build-arg 'NPM_TOKEN=<hidden>' --build-arg VERSION=1 /app");
    expect(imageBuildCommand(input, { revealSecrets: true })).toContain('NPM_TOKEN=npm_abc');
  });

  it('hides the values of secret-looking variables until revealed', async () => {
    const { containerRunCommand } = await import('./cli.js');
    const input = { image: 'db', env: ['DB_PASSWORD=hunter2', 'api_key=abc', 'GITHUB_TOKEN=t', 'LOG_LEVEL=debug', 'SECRET='] };
    const masked = containerRunCommand(input);
    expect(masked).toBe("docker run -d -e 'DB_PASSWORD=<hidden>' -e 'api_key=<hidden>' -e 'GITHUB_TOKEN=<hidden>' -e LOG_LEVEL=debug -e SECRET= db");
    expect(masked).not.toMatch(/hunter2|abc|=t /);
    expect(containerRunCommand(input, { revealSecrets: true })).toContain('-e DB_PASSWORD=hunter2');
  });

  it('splits a command line like a shell would, quotes included', async () => {
    const { splitCommandLine } = await import('./cli.js');
    expect(splitCommandLine(`sh -c 'echo "hi there"; sleep 1'`)).toEqual(['sh', '-c', 'echo "hi there"; sleep 1']);
    expect(splitCommandLine(`a "b c" d\\ e ""`)).toEqual(['a', 'b c', 'd e', '']);
    expect(splitCommandLine(`echo 'open`)).toBeUndefined();
  });
});

describe('names that reach the engine', () => {
  it('never let a name step into another Engine API path', async () => {
    const { localImageRef, networkRef, volumeRef } = await import('./schemas.js');
    expect(firstProblem(localImageRef, '127.0.0.1:5055/team/app:1.0')).toBeUndefined();
    expect(firstProblem(localImageRef, `sha256:${'a'.repeat(64)}`)).toBeUndefined();
    expect(firstProblem(localImageRef, 'a/../../containers/x')).toMatch(/no "\.\." parts/);
    expect(firstProblem(localImageRef, 'x?force=1')).toMatch(/named like nginx/);
    expect(firstProblem(volumeRef, '../containers')).toMatch(/letters, digits/);
    expect(firstProblem(networkRef, 'net/../x')).toMatch(/letters, digits/);
  });
});
