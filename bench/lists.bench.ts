import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { dockerOptionsFor, parseEngineUrl } from '../engine/docker/client.js';
import { inParallel, removeLabelled, startBenchBerth } from './harness.js';
import { median, ms, timeRuns } from './measure.js';

/**
 * Issue 17: the images and volumes lists at BENCH_LIST_COUNT (1,000) each, against the raw Engine
 * API call and the docker CLI in the same run. Budget: ≤ 1.2 × the raw API call.
 * Images are distinct (each a commit of one fixture container with its own label, as `docker image
 * ls` would list a machine with 1,000 images, not 1,000 names of one); volumes are empty.
 * Three figures per list, from User Timing marks in Chromium:
 * - click → rows: from pressing the section's button, a moment after the window opened (the views'
 *   code loaded and the lists kept warm fetched: `berth:lists:warm`), to its rows on screen: what a
 *   person waits for. No engine call stands in between any more. Also to the end of the first frame
 *   painted after the click (click → rows painted): the rows mark comes before the browser's own
 *   style, layout and paint of them.
 * - images only: the call the view makes behind the rows shown (`berth:images:request` → `:answer`),
 *   through the web host (an image built without a name sends no event, so the view asks again).
 * - cold, request → rows: the page loaded straight into the view (the address remembers the last
 *   view), so the list is asked for while the page starts: `berth:<list>:request` → `:rows`.
 */
const count = Number(process.env.BENCH_LIST_COUNT ?? 1000);
/** Which lists to measure (`BENCH_LISTS=volumes` skips making 1,000 images, the slow part). */
const lists = (process.env.BENCH_LISTS ?? 'images,volumes').split(',').map((name) => name.trim());
/** Containers on the engine meanwhile (created, not started): a machine with many images has many containers too. */
const containers = Number(process.env.BENCH_LIST_CONTAINERS ?? 1000);
const engineUrl = process.env.DOCKER_HOST;
if (!engineUrl) throw new Error('DOCKER_HOST is not set: run through "npm run bench".');
const image = process.env.BERTH_FIXTURE_IMAGE ?? 'berth-fixture/busybox:latest';
const repo = 'berth-bench/list';
const label = 'dev.berth.bench-list';
const docker = new Docker(dockerOptionsFor(engineUrl));
const run = promisify(execFile);

function raw(path: string): Promise<number> {
  const target = parseEngineUrl(engineUrl!);
  if (target.kind !== 'socket') throw new Error('the raw API comparison needs a unix socket engine');
  return new Promise((done, fail) => {
    const req = request({ socketPath: target.path, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(Buffer.concat(chunks).length));
    });
    req.on('error', fail);
    req.end();
  });
}

async function main() {
  console.log(`making ${lists.includes('images') ? `${count} images and ` : ''}${count} volumes…`);
  if (lists.includes('images')) {
    const source = await docker.createContainer({ Image: image, Labels: { [label]: '1' } });
    await inParallel(count, (i) => source.commit({ repo, tag: `t${i}`, changes: [`LABEL ${label}.n=${i}`] }));
    await source.remove();
  }
  await inParallel(containers, () => docker.createContainer({ Image: image, Labels: { [label]: '1' } }));
  await inParallel(count, (i) => docker.createVolume({ Name: `berth-bench-list-${i}`, Labels: { [label]: '1' } }));
  const berth = await startBenchBerth();
  try {
    const page = await berth.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(berth.host.url);
    await page.waitForSelector('[data-container-id], .view__empty');
    for (const list of [
      { name: 'images', nav: 'Images', api: '/images/json', cli: ['image', 'ls'] },
      { name: 'volumes', nav: 'Volumes', api: '/volumes', cli: ['volume', 'ls'] },
    ].filter((list) => lists.includes(list.name))) {
      await raw(list.api); // warm the engine alike for every contender
      const api = await timeRuns(10, () => raw(list.api));
      const cli = await timeRuns(5, () => run('docker', ['-H', engineUrl!, ...list.cli]));
      const clicks: number[] = [];
      const painted: number[] = [];
      const refresh: number[] = [];
      const cold: number[] = [];
      /** The cold call alone (request → answer parsed), and when the request left, ms after the page's navigation began. */
      const coldCall: number[] = [];
      const coldStart: number[] = [];
      for (let i = 0; i < 10; i++) {
        // A fresh page on the containers view each time (the address remembers the last view).
        await page.evaluate(() => (location.hash = '#/containers'));
        await page.reload();
        await page.waitForSelector('[data-container-id], .view__empty', { state: 'attached' });
        // Settled as a person finds it a moment later: the other views' code loaded, the warm lists
        // fetched, and the image update check (which lists every container too) answered; its button then says when.
        await page.waitForFunction(() => performance.getEntriesByName('berth:lists:warm').length > 0);
        await page.getByRole('button', { name: 'Check for updates' }).and(page.locator('[title]')).waitFor();
        await page.evaluate(() => {
          performance.clearMarks(); // the warm-up's own request and answer marks are not the view's
          document.addEventListener('pointerdown', () => performance.mark('berth:bench:click'), { capture: true, once: true });
          // The frame that shows the rows: requestAnimationFrame runs before its paint, a task queued there after it.
          document.addEventListener('click', () => requestAnimationFrame(() => setTimeout(() => performance.mark('berth:bench:painted'), 0)), { capture: true, once: true });
        });
        await page.getByRole('navigation').getByRole('button', { name: list.nav }).click();
        const marks = list.name === 'images' ? ['rows', 'answer'] : ['rows'];
        await page.waitForFunction((names) => names.every((n) => performance.getEntriesByName(n).length > 0), marks.map((m) => `berth:${list.name}:${m}`));
        clicks.push(await page.evaluate((name) => performance.measure(`${name}:click`, 'berth:bench:click', `berth:${name}:rows`).duration, list.name));
        await page.waitForFunction(() => performance.getEntriesByName('berth:bench:painted').length > 0);
        painted.push(await page.evaluate((name) => performance.measure(`${name}:painted`, 'berth:bench:click', 'berth:bench:painted').duration, list.name));
        // The view's own call; absent when it joined a fetch already out (then it made none).
        if (list.name === 'images' && (await page.evaluate(() => performance.getEntriesByName('berth:images:request').length > 0))) {
          refresh.push(await page.evaluate(() => performance.measure('images:call', 'berth:images:request', 'berth:images:answer').duration));
        }
        // Cold: the page opens on this view, its list not yet warm.
        await page.reload();
        await page.waitForFunction((name) => performance.getEntriesByName(`berth:${name}:rows`).length > 0, list.name);
        cold.push(await page.evaluate((name) => performance.measure(`${name}:cold`, `berth:${name}:request`, `berth:${name}:rows`).duration, list.name));
        coldCall.push(await page.evaluate((name) => performance.measure(`${name}:cold-call`, `berth:${name}:request`, `berth:${name}:answer`).duration, list.name));
        coldStart.push(await page.evaluate((name) => performance.getEntriesByName(`berth:${name}:request`)[0]!.startTime, list.name));
      }
      console.log(`\n## ${list.name} list (${count}+ on the engine, and ${containers} containers)`);
      console.log(`raw API GET ${list.api.padEnd(14)} median ${ms(median(api))}`);
      console.log(`docker ${list.cli.join(' ').padEnd(22)} median ${ms(median(cli))}`);
      console.log(`UI: click → rows (warm)       median ${ms(median(clicks))}  (${(median(clicks) / median(api)).toFixed(2)}× the raw API)`);
      console.log(`UI: click → rows painted      median ${ms(median(painted))}  (the first frame after the click)`);
      if (refresh.length) console.log(`  the view's call behind them  median ${ms(median(refresh))}  (${(median(refresh) / median(api)).toFixed(2)}× the raw API)`);
      console.log(`UI: cold request → rows       median ${ms(median(cold))}  (${(median(cold) / median(api)).toFixed(2)}× the raw API; page loading meanwhile)`);
      console.log(`  of which the call            median ${ms(median(coldCall))}  (asked ${ms(median(coldStart))} after the page's navigation began)`);
      // What no engine or transport can shorten: the page drawing the rows it was given, the first time.
      const drawing = median(cold.map((total, i) => total - coldCall[i]!));
      console.log(`  of which the first drawing   median ${ms(drawing)}  (${(drawing / median(api)).toFixed(2)}× the raw API on its own)`);
      console.log(`budget ≤ 1.2 × raw API = ${ms(1.2 * median(api))}: click → rows ${median(clicks) <= 1.2 * median(api) ? 'within' : 'OVER'}, cold ${median(cold) <= 1.2 * median(api) ? 'within' : 'OVER'}`);
      console.log(`ratio click → rows / docker CLI ${(median(clicks) / median(cli)).toFixed(2)}×`);
    }
  } finally {
    await berth.close();
    await removeLabelled(docker, label);
    if (lists.includes('images')) await inParallel(count, (i) => docker.getImage(`${repo}:t${i}`).remove().catch(() => undefined));
    await inParallel(count, (i) => docker.getVolume(`berth-bench-list-${i}`).remove().catch(() => undefined));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
