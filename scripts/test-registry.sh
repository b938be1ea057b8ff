#!/usr/bin/env bash
# Local registries standing in for Docker Hub in tests, bound to 127.0.0.1 only (Debian's default
# config listens on every interface and points at a broken htpasswd path, so we always write our own).
#   scripts/test-registry.sh start|stop [--auth]
# Plain: 127.0.0.1:$BERTH_REGISTRY_PORT (5055). With --auth: 127.0.0.1:$BERTH_REGISTRY_AUTH_PORT
# (5056), basic auth, user "berth", password $BERTH_REGISTRY_PASSWORD ("berth-secret").
set -euo pipefail

dir=${BERTH_TEST_DIR:-/tmp/berth-test}
command=${1:-}
auth=false
[ "${2:-}" = "--auth" ] && auth=true
if $auth; then
  name=registry-auth; port=${BERTH_REGISTRY_AUTH_PORT:-5056}
else
  name=registry; port=${BERTH_REGISTRY_PORT:-5055}
fi
home="$dir/$name"
pidfile="$home/registry.pid"

answering() { curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/v2/" 2>/dev/null | grep -qE '^(200|401)$'; }

start() {
  mkdir -p "$home/storage"
  if answering; then echo "registry: reusing the one answering on 127.0.0.1:$port"; return 0; fi
  {
    echo "version: 0.1"
    echo "log: { level: warn }"
    echo "storage: { filesystem: { rootdirectory: $home/storage }, delete: { enabled: true } }"
    echo "http: { addr: 127.0.0.1:$port, secret: berth-test-$name }"
    if $auth; then
      htpasswd -Bbn berth "${BERTH_REGISTRY_PASSWORD:-berth-secret}" >"$home/htpasswd"
      echo "auth: { htpasswd: { realm: berth-test, path: $home/htpasswd } }"
    fi
  } >"$home/config.yml"
  setsid docker-registry serve "$home/config.yml" </dev/null >>"$home/registry.log" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 100); do
    if answering; then echo "registry: $name answering on 127.0.0.1:$port"; return 0; fi
    sleep 0.1
  done
  echo "registry: $name did not answer within 10 s; see $home/registry.log" >&2
  tail -n 20 "$home/registry.log" >&2 || true
  return 1
}

stop() {
  [ -f "$pidfile" ] || return 0
  local pid; pid=$(cat "$pidfile")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

case "$command" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop [--auth]" >&2; exit 2 ;;
esac
