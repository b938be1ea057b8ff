#!/usr/bin/env bash
# `npm run bench`: Berth against the docker CLI and the raw Engine API on the same private engine.
set -euo pipefail
cd "$(dirname "$0")/.."
export BERTH_TEST_DIR=${BERTH_TEST_DIR:-/tmp/berth-test}
export DOCKER_HOST="unix://$BERTH_TEST_DIR/docker.sock"
export DOCKER_CONFIG="$BERTH_TEST_DIR/docker-config"
mkdir -p "$DOCKER_CONFIG"
started=false
trap '$started && bash scripts/test-engine.sh stop || true; bash scripts/test-registry.sh stop || true' EXIT
if ! bash scripts/test-engine.sh status; then bash scripts/test-engine.sh start; started=true; fi
bash scripts/fixtures.sh
bash scripts/test-registry.sh start
npm run --silent build:renderer
node scripts/build.mjs web
npx tsx bench/start.bench.ts
npx tsx bench/idle.bench.ts
npx tsx bench/containers.bench.ts
npx tsx bench/projects.bench.ts
npx tsx bench/lists.bench.ts
npx tsx bench/logs-exec.bench.ts
npx tsx bench/pull.bench.ts
npx tsx bench/upload.bench.ts
npx tsx bench/recreate.bench.ts
npx tsx bench/native-engine.bench.ts
npx tsx bench/ssh-engine.bench.ts
npx tsx bench/ssh-key-unlock.bench.ts
BERTH_VM_IMAGE=$(bash scripts/vm-image.sh "${BERTH_VM_IMAGE_CACHE:-/var/cache/berth-test/vm-image}" | tail -n 1) npx tsx bench/vm-engine.bench.ts
