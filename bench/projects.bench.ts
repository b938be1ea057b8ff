import Docker from 'dockerode';
import { dockerOptionsFor } from '../engine/docker/client.js';
import { groupContainers } from '../renderer/src/features/compose-projects/grouping.js';
import { inParallel, rawContainerList, removeLabelled, startBenchBerth } from './harness.js';
import { median, ms, percentile, timeRuns } from './measure.js';

/**
 * Issue 13's benchmark, against the raw Engine API on the same engine, same run: 50 Compose
 * projects of 4 services (200 containers labelled as Compose 1.29 labels them) and 800 loose
 * containers, all created, none started. The grouped list (the default when a project exists):
 * contract request → rows on screen, vs GET /containers/json. Budget: ≤ 1.3 × raw + 30 ms.
 */
const projects = Number(process.env.BENCH_PROJECTS ?? 50);
const services = 4;
const loose = Number(process.env.BENCH_LOOSE ?? 800);
const runs = Number(process.env.BENCH_RUNS ?? 10);
const engineUrl = process.env.DOCKER_HOST;
if (!engineUrl) throw new Error('DOCKER_HOST is not set: run through "npm run bench".');
const image = process.env.BERTH_FIXTURE_IMAGE ?? 'berth-fixture/busybox:latest';
const label = 'dev.berth.bench-projects';
const anyRow = '[data-container-id], [data-project]';
const docker = new Docker(dockerOptionsFor(engineUrl));

function composeLabels(index: number, service: number): Record<string, string> {
  const project = `bench${String(index).padStart(2, '0')}`;
  return {
    [label]: '1',
    'com.docker.compose.project': project,
    'com.docker.compose.service': `svc${service}`,
    'com.docker.compose.container-number': '1',
    'com.docker.compose.oneoff': 'False',
    'com.docker.compose.project.working_dir': `/srv/${project}`,
    'com.docker.compose.project.config_files': 'docker-compose.yml,docker-compose.override.yml',
    'com.docker.compose.version': '1.29.2',
  };
}

async function ensureContainers(): Promise<void> {
  const existing = await docker.listContainers({ all: true, filters: { label: [label] } });
  const made = new Set(existing.map((c) => c.Names[0]!.slice(1)));
  const wanted: { name: string; labels: Record<string, string> }[] = [];
  for (let p = 0; p < projects; p++) for (let s = 0; s < services; s++) wanted.push({ name: `bench${String(p).padStart(2, '0')}_svc${s}_1`, labels: composeLabels(p, s) });
  for (let i = 0; i < loose; i++) wanted.push({ name: `bench-loose-${i}`, labels: { [label]: '1' } });
  const missing = wanted.filter((w) => !made.has(w.name));
  if (!missing.length) return;
  console.log(`creating ${missing.length} containers…`);
  await inParallel(missing.length, (i) => docker.createContainer({ name: missing[i]!.name, Image: image, Labels: missing[i]!.labels }));
}

async function main() {
  await ensureContainers();
  const berth = await startBenchBerth();
  const { engine, host, browser } = berth;
  try {
    const total = await rawContainerList(engineUrl!);
    console.log(`\n## Grouped containers list (${total} containers: ${projects} projects × ${services} services + ${loose} loose)`);
    await rawContainerList(engineUrl!); // warm the engine's caches for every contender alike
    const raw = await timeRuns(runs, () => rawContainerList(engineUrl!));
    // The grouping itself, on the contract's rows: what the renderer adds over the flat list.
    const listed = await engine.api.containers.list();
    const grouping = await timeRuns(runs, async () => groupContainers(listed, '', 'all', new Set()));

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${host.url}`);
    await page.waitForSelector(anyRow);
    const ui: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.reload();
      await page.waitForSelector(anyRow);
      // The first rows drawn (later marks are patches from events), from the contract request.
      ui.push(
        await page.evaluate(() => {
          const [request] = performance.getEntriesByName('berth:containers:request');
          const [rows] = performance.getEntriesByName('berth:containers:rows');
          return rows!.startTime - request!.startTime;
        }),
      );
    }
    // Loose containers were made last, so they are newest and on top; the projects are further down.
    await page.getByRole('searchbox', { name: 'Search' }).fill('svc');
    await page.waitForSelector('[data-project]');
    const grouped = await page.locator('[data-project]').count();
    const budget = 1.3 * median(raw) + 30;
    console.log(`project rows drawn when searched (virtualised)   ${grouped}`);
    console.log(`raw API GET /containers/json   median ${ms(median(raw))}`);
    console.log(`grouping ${listed.length} rows (Node)     median ${ms(median(grouping))}`);
    console.log(`UI grouped: request → rows     median ${ms(median(ui))}  (p95 ${ms(percentile(ui, 95))})`);
    console.log(`ratio UI / raw API             ${(median(ui) / median(raw)).toFixed(2)}×`);
    console.log(`budget ≤ 1.3 × raw + 30 ms = ${ms(budget)}: ${median(ui) <= budget ? 'within' : 'OVER'}`);
  } finally {
    await berth.close();
    if (process.env.BENCH_KEEP !== '1') {
      await removeLabelled(docker, label);
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
