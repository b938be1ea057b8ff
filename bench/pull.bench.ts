import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startBenchBerth } from './harness.js';
import { median, ms } from './measure.js';

/**
 * Issue 3's benchmark: pulling a multi-layer image of over 50 MB from the local registry through
 * Berth's Pull dialog (progress UI and all) against `docker pull`, same engine, same run, after
 * `docker rmi` each time. Budget ≤ 1.1×.
 */
const registry = `127.0.0.1:${process.env.BERTH_REGISTRY_PORT || 5055}`;
const image = process.env.BERTH_FIXTURE_IMAGE ?? 'berth-fixture/busybox:latest';
const runs = Number(process.env.BENCH_PULL_RUNS ?? 3);
const run = promisify(execFile);

async function main() {
  const berth = await startBenchBerth();
  const docker = (...args: string[]) => run('docker', ['-H', berth.engineUrl, ...args], { maxBuffer: 1 << 26 }).then((r) => r.stdout.trim());
  const reference = `${registry}/bench/big:${process.pid}`;
  try {
    // Three layers of 20 MB of random bytes each (random, so no compression makes them small).
    const maker = `berth-bench-maker-${process.pid}`;
    let base = image;
    for (let layer = 1; layer <= 3; layer++) {
      await docker('run', '--name', maker, base, 'sh', '-c', `head -c 20000000 /dev/urandom > /layer${layer}`);
      await docker('commit', maker, reference);
      await docker('rm', maker);
      base = reference;
    }
    await docker('push', reference);
    const size = Number(await docker('image', 'inspect', '--format', '{{.Size}}', reference));
    console.log(`\n## Pull of a ${(size / 1e6).toFixed(0)} MB, 4-layer image from ${registry} (${runs} runs each)`);

    const cli: number[] = [];
    const ui: number[] = [];
    const page = await berth.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(berth.host.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
    for (let i = 0; i < runs; i++) {
      await docker('rmi', reference);
      const started = performance.now();
      await docker('pull', '-q', reference);
      cli.push(performance.now() - started);

      await docker('rmi', reference);
      await page.getByRole('button', { name: 'Pull…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Pull an image' });
      await dialog.getByRole('textbox', { name: 'Image' }).fill(reference);
      // Timed inside the page, from the click to "Pulled" on screen: Playwright's own waits poll at
      // up to 500 ms, which would be measured too. A string, because tsx's helpers do not exist in the page.
      const timing = page.evaluate<number>(`new Promise((done) => {
        let start = 0;
        document.addEventListener('click', () => { start = performance.now(); }, { capture: true, once: true });
        const observer = new MutationObserver(() => {
          const status = [...document.querySelectorAll('[role=status]')].find((el) => el.textContent.startsWith('Pulled'));
          if (start && status) { observer.disconnect(); done(performance.now() - start); }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      })`);
      await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
      ui.push(await timing);
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    console.log(`docker pull                median ${ms(median(cli))}`);
    console.log(`Berth Pull dialog          median ${ms(median(ui))}`);
    console.log(`ratio Berth / docker pull  ${(median(ui) / median(cli)).toFixed(2)}× (budget ≤ 1.1×: ${median(ui) <= 1.1 * median(cli) ? 'within' : 'OVER'})`);
  } finally {
    await docker('rmi', reference).catch(() => undefined);
    await berth.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
