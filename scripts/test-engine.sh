#!/usr/bin/env bash
# A private rootful dockerd for tests: its own socket, data root, exec root and bridge under
# $BERTH_TEST_DIR, so it never touches another daemon's network (two rootful daemons on one host
# network clobber each other's bridge and port rules; see ../shared/ENVIRONMENT.md).
#   scripts/test-engine.sh start|stop|status
set -euo pipefail

dir=${BERTH_TEST_DIR:-/tmp/berth-test}
sock="$dir/docker.sock"
pidfile="$dir/dockerd.pid"
bridge=${BERTH_TEST_BRIDGE:-berth-test0}
bridge_cidr=${BERTH_TEST_BRIDGE_CIDR:-172.31.252.1/24}

now_ms() { date +%s%3N; }
answering() { curl -sf --max-time 1 --unix-socket "$sock" http://docker/_ping >/dev/null 2>&1; }

ensure_bridge() {
  if ! ip link show "$bridge" >/dev/null 2>&1; then
    ip link add "$bridge" type bridge
    ip addr add "$bridge_cidr" dev "$bridge"
  fi
  ip link set "$bridge" up
}

start() {
  mkdir -p "$dir"
  if answering; then
    echo "test engine: reusing the dockerd already answering on $sock"
    return 0
  fi
  ensure_bridge
  local began; began=$(now_ms)
  # --iptables=false: no NAT or filter rules of ours in the host's tables; published ports still work
  # on the host through docker-proxy (the userland proxy).
  setsid dockerd \
    --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$pidfile" \
    -H "unix://$sock" -b "$bridge" --iptables=false --ip-masq=false \
    </dev/null >>"$dir/dockerd.log" 2>&1 &
  for _ in $(seq 1 200); do
    if answering; then
      echo "test engine: dockerd answering on $sock after $(( $(now_ms) - began )) ms"
      return 0
    fi
    sleep 0.1
  done
  echo "test engine: dockerd did not answer within 20 s; the end of $dir/dockerd.log:" >&2
  tail -n 30 "$dir/dockerd.log" >&2 || true
  return 1
}

stop() {
  [ -f "$pidfile" ] || { echo "test engine: not running (no $pidfile)"; return 0; }
  local pid; pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    local began; began=$(now_ms)
    kill -TERM "$pid"
    for _ in $(seq 1 200); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "test engine: dockerd ignored SIGTERM for 20 s; killing it" >&2
      kill -KILL "$pid" || true
    fi
    echo "test engine: dockerd stopped after $(( $(now_ms) - began )) ms"
  fi
  rm -f "$pidfile"
  # A failed start can leave mounts under the exec root; unmount them so the folder can go.
  local mounts; mounts=$(awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
  for mount in $mounts; do umount -l "$mount" 2>/dev/null || true; done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) answering ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
