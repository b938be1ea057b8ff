/* global process, console */
// Builds only what changed since its last build: `node scripts/build.mjs [renderer] [web] [desktop]
// [--force]` (no part named: all three). Plain JavaScript on purpose: it runs before anything is
// compiled, and `npm run web` / `npm start` call it on every start, so deciding costs milliseconds
// (one stat per source file) and the build tools load only when something is stale.
//   renderer → dist/renderer (vite), the page both shells load;
//   web      → out/web (esbuild), the web host as plain JavaScript, no transpiler at run time;
//   desktop  → out/main and out/preload (electron-vite).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampDir = join(root, 'out', '.stamps');

/** Each part: the sources whose change makes it stale, what it produces, and how to build it. */
const parts = {
  renderer: {
    inputs: ['renderer', 'engine/contract', 'engine/shared', 'vite.config.ts'],
    output: 'dist/renderer/index.html',
    build: () => run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']),
  },
  web: {
    inputs: ['engine'],
    output: 'out/web/main.js',
    build: buildWebHost,
  },
  desktop: {
    inputs: ['electron', 'engine', 'electron.vite.config.ts'],
    output: 'out/main/main.cjs',
    build: () => run(['node_modules/electron-vite/bin/electron-vite.js', 'build']),
  },
};
/** A change here makes every part stale. */
const shared = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status ?? result.signal})`);
}

async function buildWebHost() {
  const { build } = await import('esbuild');
  rmSync(join(root, 'out/web'), { recursive: true, force: true }); // no chunks of older builds left behind
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'engine/server/main.ts', 'login-address': 'engine/server/login-address.ts' },
    outdir: 'out/web',
    bundle: true,
    splitting: true, // dynamic imports (the engine manager, dockerode's users) become chunks loaded on first use
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Libraries on the start path (zod, tRPC, ws) are bundled: one file reads faster than hundreds
    // (zod alone took 250–380 ms to import from node_modules on a busy machine). These stay outside:
    // dockerode and ssh2 load only when the engine is first reached, and have native optional parts;
    // pino runs its transports (pino-roll) in a worker that loads them by name.
    external: ['dockerode', 'docker-modem', 'ssh2', 'cpu-features', 'pino', 'pino-roll', 'thread-stream', 'bufferutil', 'utf-8-validate'],
    // Bundled CommonJS (ws) calls require() for Node's own modules; ESM output has none by itself.
    banner: { js: "import { createRequire as __berthCreateRequire } from 'node:module'; const require = __berthCreateRequire(import.meta.url);" },
    sourcemap: true,
    chunkNames: 'chunks/[name]-[hash]',
    minify: true, // less to parse at every start; the source map keeps stack traces readable
    logLevel: 'warning',
  });
}

/** Path, size and modification time of every file under `inputs` (and the shared files): what a build depends on. */
function fingerprint(inputs) {
  return fingerprintOf(root, [...shared, ...inputs]);
}

/**
 * A digest of every file's path (relative to `base`), size and modification time under `inputs`,
 * test files (*.test.ts, *.test.tsx) left out. Missing inputs count as empty.
 */
export function fingerprintOf(base, inputs) {
  const hash = createHash('sha256');
  const walk = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return; // an input that does not exist (yet) counts as empty
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) walk(join(path, name));
    } else if (!/\.test\.tsx?$/.test(path)) {
      hash.update(`${relative(base, path)}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  for (const input of inputs) walk(join(base, input));
  return hash.digest('hex');
}

/** True when `name`'s output is missing or its sources differ from those of its last build. */
export function isStale(name) {
  const part = parts[name];
  if (!existsSync(join(root, part.output))) return true;
  try {
    return readFileSync(join(stampDir, name), 'utf8') !== fingerprint(part.inputs);
  } catch {
    return true;
  }
}

/** Builds each named part that is stale (every one with `force`), in this process. */
export async function buildParts(names, force = false) {
  for (const name of names) {
    if (!parts[name]) throw new Error(`unknown part "${name}": use ${Object.keys(parts).join(', ')}`);
    if (!force && !isStale(name)) continue;
    const began = Date.now();
    // The fingerprint is taken before building, so an edit made during the build is seen next time.
    const print = fingerprint(parts[name].inputs);
    await parts[name].build();
    mkdirSync(stampDir, { recursive: true });
    writeFileSync(join(stampDir, name), print);
    console.error(`built ${name} in ${Date.now() - began} ms`);
  }
}

/** Builds what is stale in a child process, so the caller never loads the build tools itself. */
export function ensureBuilt(names) {
  if (!names.some(isStale)) return;
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...names], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const names = args.filter((a) => !a.startsWith('--'));
  buildParts(names.length > 0 ? names : Object.keys(parts), args.includes('--force')).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
