import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { ContainersPage, loginAddress, openBerth } from './support/app';
import { docker, e2eLabel, fixtureImage, removeE2eContainers, uniqueName } from './support/engine';

/**
 * The web host's door as a browser meets it: a login address opens Berth once (a reload of the tab
 * keeps it open), and nothing the browser sends to another port of 127.0.0.1 — the web page of a
 * container opened from Berth's port link, or any server a person types — opens Berth when
 * replayed from elsewhere.
 */

test.afterEach(removeE2eContainers);

const berthPort = () => Number(new URL(test.info().project.use.baseURL!).port);

test('a login address opens Berth once: the tab survives a reload; a second use, no address, or a forgotten session each say what to do', async ({ page, browser }) => {
  const address = await loginAddress();
  await page.goto(address);
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Connected');
  // The token leaves the address bar at once, so it is not in history or a bookmark.
  expect(page.url()).not.toContain('token');
  await page.reload();
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Connected');

  const again = await page.context().newPage();
  await again.goto(address);
  await expect(again.getByRole('heading', { name: 'Berth needs a new address' })).toBeVisible();
  await expect(again.getByRole('alert')).toContainText('This address has already opened Berth once');
  await expect(again.getByRole('alert')).toContainText('Restart Berth, or ask it for a new address');

  const korean = await browser.newContext({ locale: 'ko-KR' });
  try {
    const koPage = await korean.newPage();
    await koPage.goto(address);
    await expect(koPage.getByRole('heading', { name: 'Berth를 열려면 새 주소가 필요합니다' })).toBeVisible();
    await expect(koPage.getByRole('alert')).toContainText('Berth를 다시 시작하거나 새 주소를 요청하세요');
  } finally {
    await korean.close();
  }

  const none = await page.context().newPage();
  await none.goto('/');
  await expect(none.getByRole('alert')).toContainText('Open the address Berth printed when it started');

  // A tab whose session the host no longer knows (Berth restarted) says so, instead of knocking forever.
  await none.evaluate(() => sessionStorage.setItem('berth.session', 'from-a-berth-that-restarted'));
  await none.reload();
  await expect(none.getByRole('alert')).toContainText('Berth restarted, so this page’s session has ended');
});

/** What one request to a header-echo server carried: its target and every header, as received. */
interface Seen {
  how: string;
  headers: [string, string][];
}

/** A Node header-echo server on another 127.0.0.1 port: records every request and upgrade, answers with a page. */
async function startEcho(seen: Seen[]): Promise<{ server: Server; port: number }> {
  const pairs = (req: IncomingMessage): [string, string][] => {
    const out: [string, string][] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) out.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
    return out;
  };
  const server = createServer((req, res) => {
    seen.push({ how: `typed address: ${req.method} ${req.url}`, headers: pairs(req) });
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>echo</title><p>header echo</p>');
  });
  server.on('upgrade', (req, socket) => {
    seen.push({ how: `typed address: WebSocket ${req.url}`, headers: pairs(req) });
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

/** The CGI environment busybox httpd handed the script (HTTP_FOO_BAR=x), back as headers. */
function headersFromCgi(text: string): [string, string][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('HTTP_'))
    .map((line) => {
      const eq = line.indexOf('=');
      const name = line.slice(5, eq).toLowerCase().replace(/_/g, '-');
      return [name, line.slice(eq + 1)] as [string, string];
    });
}

const upgradeNames = new Set(['upgrade', 'connection', 'sec-websocket-key', 'sec-websocket-version', 'content-length', 'transfer-encoding']);

/**
 * Sends `headers` as they were received over raw TCP, Host and Origin too unless `host` replaces
 * them (as anyone replaying from plain Node would forge them); resolves with the status.
 */
function replay(port: number, line: string, headers: [string, string][], options: { host?: string; upgrade?: boolean; body?: string } = {}): Promise<number> {
  const lines = [line];
  for (const [name, value] of headers) {
    if (upgradeNames.has(name.toLowerCase())) continue;
    if (options.host && ['host', 'origin', 'sec-fetch-site'].includes(name.toLowerCase())) continue;
    lines.push(`${name}: ${value}`);
  }
  if (options.host) lines.push(`Host: ${options.host}`, `Origin: http://${options.host}`);
  if (options.upgrade) lines.push('Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13');
  else lines.push('Connection: close');
  if (options.body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(options.body)}`);
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let got = '';
    socket.on('data', (c: Buffer) => {
      got += c.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(got);
      if (status) {
        socket.destroy();
        resolve(Number(status[1]));
      }
    });
    socket.on('error', () => resolve(0));
    socket.on('close', () => resolve(0));
    socket.end(`${lines.join('\r\n')}\r\n\r\n${options.body ?? ''}`, 'latin1');
  });
}

async function sessionOf(page: Page): Promise<string> {
  return page.evaluate(() => sessionStorage.getItem('berth.session') ?? '');
}

test('headers a container’s web page or a typed server received, replayed against Berth, open nothing', async ({ page }) => {
  const seen: Seen[] = [];
  const echo = await startEcho(seen);
  try {
    await openBerth(page);
    const secret = await sessionOf(page);
    expect(secret).toMatch(/^[\w-]{40,}$/);

    // A container whose web page prints the request headers it got (busybox httpd, a CGI script).
    const name = uniqueName('echo');
    const script = [
      'mkdir -p /www/cgi-bin',
      'printf \'#!/bin/sh\\nprintf "Content-Type: text/plain\\\\r\\\\n\\\\r\\\\n"\\nenv\\n\' > /www/cgi-bin/headers',
      'chmod +x /www/cgi-bin/headers',
      'printf \'<!doctype html><meta http-equiv="refresh" content="0;url=/cgi-bin/headers">\' > /www/index.html',
      'exec httpd -f -p 80 -h /www',
    ].join(' && ');
    await docker('run', '-d', '--name', name, '--label', e2eLabel, '--stop-timeout', '1', '-p', '127.0.0.1::80', fixtureImage, 'sh', '-c', script);
    const hostPort = (await docker('port', name, '80/tcp')).split('\n')[0]!.split(':').at(-1)!;

    // Through Berth's own port link, as a person opens a container's page.
    const list = new ContainersPage(page);
    const popupOpened = page.waitForEvent('popup');
    await list.row(name).getByRole('link', { name: `127.0.0.1:${hostPort}→80/tcp` }).click();
    const containerPage = await popupOpened;
    await expect(containerPage.locator('body')).toContainText('HTTP_HOST=', { timeout: 15_000 });
    seen.push({ how: 'container page via Berth’s port link', headers: headersFromCgi(await containerPage.locator('body').innerText()) });

    // By typing another server's address in the same browser; its page also opens a WebSocket and fetches.
    const typed = await page.context().newPage();
    await typed.goto(`http://127.0.0.1:${echo.port}/typed`);
    await typed.evaluate(async (port) => {
      await fetch(`http://127.0.0.1:${port}/fetched`, { credentials: 'include' }).catch(() => undefined);
      await new Promise<void>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/rpc`);
        socket.onerror = () => resolve();
        socket.onclose = () => resolve();
      });
    }, echo.port);
    await expect.poll(() => seen.map((s) => s.how)).toEqual(
      expect.arrayContaining(['typed address: GET /typed', 'typed address: GET /fetched', 'typed address: WebSocket /rpc']),
    );

    const port = berthPort();
    const own = `127.0.0.1:${port}`;
    const results: string[] = [];
    for (const { how, headers } of seen) {
      // Nothing of Berth's door rode along: no session secret, no cookie of ours.
      expect(JSON.stringify(headers), how).not.toContain(secret);
      for (const host of [undefined, own]) {
        const attempts = [
          ['GET /rpc (upgrade)', await replay(port, 'GET /rpc HTTP/1.1', headers, { host, upgrade: true })],
          [`GET /download/logs/${name}`, await replay(port, `GET /download/logs/${name} HTTP/1.1`, headers, { host })],
          ['POST /ticket', await replay(port, 'POST /ticket HTTP/1.1', [...headers, ['Content-Type', 'application/json']], { host, body: JSON.stringify({ method: 'GET', target: `/download/logs/${name}` }) })],
          ['POST /session', await replay(port, 'POST /session HTTP/1.1', [...headers, ['Content-Type', 'application/json']], { host, body: JSON.stringify({ session: '' }) })],
          [`POST /upload/volume/x`, await replay(port, 'POST /upload/volume/x?path=/&name=a HTTP/1.1', headers, { host, body: 'a' })],
        ] as const;
        for (const [what, status] of attempts) {
          results.push(`${how} → ${what}${host ? ' (Host and Origin forged)' : ''}: ${status}`);
          expect(status >= 400 && status < 500, `${how} → ${what}${host ? ' with Host and Origin forged as Berth’s' : ''} answered ${status}`).toBe(true);
        }
      }
      // Verbatim, even the public page is refused: the Host names the other server.
      expect(await replay(port, 'GET / HTTP/1.1', headers), how).toBe(403);
    }
    console.log(`replayed ${seen.length} captured header sets against Berth: ${results.length} attempts, all refused`);

    // The same replay with the page's secret does open the socket: the refusals above are the door's doing.
    const withSecret: [string, string][] = [['Origin', `http://${own}`], ['Sec-WebSocket-Protocol', `berth.v1, berth.session.${secret}`]];
    expect(await replay(port, 'GET /rpc HTTP/1.1', withSecret, { host: own, upgrade: true })).toBe(101);
  } finally {
    echo.server.closeAllConnections();
    await new Promise((resolve) => echo.server.close(resolve));
  }
});

// After a restart the tab says "open the new address"; pasting it into that same tab only changes
// the fragment, which used to leave the door page standing.
test('a new address pasted into a tab that shows the door opens Berth there', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Berth needs a new address' })).toBeVisible();
  await page.goto(await loginAddress());
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Connected');
  expect(page.url()).not.toContain('token');
});
