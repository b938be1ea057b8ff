import { describe, expect, it } from 'vitest';
import { containerCommitCommand, containerExportCommand, imageImportCommand, imageLoadCommand, imageSaveCommand } from './cli.js';
import { containerCommitInput, imageImportInput } from './schemas.js';

describe('the commands of image and container moves', () => {
  it('commit: options only where they differ from the CLI defaults, each --change quoted as one word', () => {
    expect(containerCommitCommand({ container: 'web', reference: '', message: '', author: '', pause: true, changes: [] })).toBe('docker commit web');
    expect(
      containerCommitCommand({ container: 'web', reference: 'me/web:v2', message: 'add config', author: 'Kim <kim@example.com>', pause: false, changes: ['CMD ["httpd", "-f"]', 'ENV A=1'] }),
    ).toBe(`docker commit --pause=false -m 'add config' -a 'Kim <kim@example.com>' -c 'CMD ["httpd", "-f"]' -c 'ENV A=1' web me/web:v2`);
  });

  it('hides a secret-looking ENV value in a --change line, as run hides its -e values', () => {
    expect(containerCommitCommand({ container: 'db', reference: '', message: '', author: '', pause: true, changes: ['ENV DB_PASSWORD=hunter2', 'ENV MODE=dev'] })).toBe(
      "docker commit -c 'ENV DB_PASSWORD=<hidden>' -c 'ENV MODE=dev' db",
    );
    expect(imageImportCommand({ file: 'fs.tar', reference: '', message: '', changes: ['env API_TOKEN=abc'] })).toBe("docker import -c 'env API_TOKEN=<hidden>' fs.tar");
  });

  it('save, load, export and import name the file the way the CLI does', () => {
    expect(imageSaveCommand(['web:1', 'db:2'], 'web_1.tar')).toBe('docker save -o web_1.tar web:1 db:2');
    expect(imageLoadCommand('my images.tar')).toBe("docker load -i 'my images.tar'");
    expect(containerExportCommand('web', 'web.tar')).toBe('docker export -o web.tar web');
    expect(imageImportCommand({ file: 'web.tar', reference: 'web:flat', message: 'flat', changes: ['CMD ["sh"]'] })).toBe(`docker import -m flat -c 'CMD ["sh"]' web.tar web:flat`);
  });
});

describe('commit and import inputs', () => {
  // The instructions moby accepts for --change (daemon/commit.go validCommitCommands); others are refused before the engine.
  const changes: [string, boolean][] = [
    ['CMD ["httpd", "-f"]', true],
    ['cmd echo hi', true],
    ['ENTRYPOINT ["/bin/sh"]', true],
    ['ENV A=1', true],
    ['EXPOSE 8080/tcp', true],
    ['LABEL a=b', true],
    ['ONBUILD RUN true', true],
    ['USER 1000', true],
    ['VOLUME /data', true],
    ['WORKDIR /srv', true],
    ['RUN rm -rf /', false],
    ['COPY . /', false],
    ['FROM busybox', false],
    ['CMD', false],
    ['', false],
  ];
  it.each(changes)('--change %j accepted: %s', (change, ok) => {
    expect(containerCommitInput.safeParse({ container: 'web', changes: [change] }).success).toBe(ok);
    expect(imageImportInput.safeParse({ changes: [change] }).success).toBe(ok);
  });

  it('takes no name (an untagged image) or a valid reference, and refuses a bad one', () => {
    expect(containerCommitInput.parse({ container: 'web' })).toMatchObject({ reference: '', pause: true, changes: [] });
    expect(containerCommitInput.safeParse({ container: 'web', reference: 'Web:Latest' }).success).toBe(false);
    expect(imageImportInput.safeParse({ reference: 'registry.local:5000/team/web:v1' }).success).toBe(true);
  });
});
