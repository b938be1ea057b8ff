#!/usr/bin/env bash
# `npm test` on a fresh machine: installs what is missing (as root), starts a private dockerd and
# local registries, makes fixture images, then runs typecheck, lint, unit, integration and e2e.
# It stops what it started. Extra arguments go to Playwright (e.g. npm test -- -g rename).
set -euo pipefail
cd "$(dirname "$0")/.."

began=$(date +%s)
step() { printf '\n=== %s (%ss)\n' "$1" "$(( $(date +%s) - began ))"; }

packages=(docker.io busybox-static docker-registry chromium apache2-utils iproute2 curl
  qemu-system-x86 qemu-utils debootstrap cpio zsh docker-compose openssh-server openssl)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "npm test needs these Debian packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  step "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  step "npm ci"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

export BERTH_TEST_DIR=${BERTH_TEST_DIR:-/tmp/berth-test}
export DOCKER_HOST="unix://$BERTH_TEST_DIR/docker.sock"
# Tests must never read or write the person's own docker login.
export DOCKER_CONFIG="$BERTH_TEST_DIR/docker-config"
mkdir -p "$DOCKER_CONFIG"

started_engine=false
started_registries=false
# The SSH engine tests start a second dockerd behind their own sshd (engine/testing/ssh-engine.ts).
ssh_remote_was_running=false
BERTH_TEST_DIR="$BERTH_TEST_DIR/ssh-remote" bash scripts/test-engine.sh status && ssh_remote_was_running=true
cleanup() {
  $started_registries && { bash scripts/test-registry.sh stop || true; bash scripts/test-registry.sh stop --auth || true; }
  $started_engine && bash scripts/test-engine.sh stop || true
  $ssh_remote_was_running || BERTH_TEST_DIR="$BERTH_TEST_DIR/ssh-remote" bash scripts/test-engine.sh stop || true
}
trap cleanup EXIT

step "test engine"
if ! bash scripts/test-engine.sh status; then
  bash scripts/test-engine.sh start
  started_engine=true
else
  echo "test engine: reusing the dockerd already answering on $DOCKER_HOST"
fi
bash scripts/fixtures.sh
step "VM guest image"
# Cached outside the checkout, keyed by the builder's own files: built once (~90 s), then reused.
export BERTH_VM_IMAGE
BERTH_VM_IMAGE=$(bash scripts/vm-image.sh "${BERTH_VM_IMAGE_CACHE:-/var/cache/berth-test/vm-image}" | tail -n 1)
bash scripts/test-registry.sh start
bash scripts/test-registry.sh start --auth
started_registries=true

step "typecheck"; npm run --silent typecheck
step "lint"; npm run --silent lint
step "unit tests"; npm run --silent unit
step "integration tests (real dockerd)"; npm run --silent integration
step "build renderer"; npm run --silent build:renderer
step "e2e (Playwright, Debian Chromium, web host)"; npx playwright test "$@"
step "all passed"
