#!/usr/bin/env bash
# Fixture images for tests, made without any registry: a busybox-static root file system turned into
# an image with `docker import`. Skips images that already exist on the engine at $DOCKER_HOST.
set -euo pipefail
: "${DOCKER_HOST:?DOCKER_HOST must name the test engine, e.g. unix:///tmp/berth-test/docker.sock}"

image=${BERTH_FIXTURE_IMAGE:-berth-fixture/busybox:latest}
busybox=$(command -v busybox || true)
[ -x /bin/busybox ] && busybox=/bin/busybox
[ -n "$busybox" ] || { echo "fixtures: busybox is missing; install the busybox-static package" >&2; exit 1; }

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "fixtures: $image already exists"
  exit 0
fi

began=$(date +%s%3N)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,etc,tmp,www,root,data}
chmod 1777 "$root/tmp"
cp "$busybox" "$root/bin/busybox"
applets=(sh ash ls cat echo httpd sleep id env wget top ps mkdir rm true false printf seq yes head tail
  date stty grep sed tar gzip sha256sum du find kill hostname uname wc touch cp mv ln chmod nc tee)
for applet in "${applets[@]}"; do ln -s busybox "$root/bin/$applet"; done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
echo 'berth fixture' >"$root/www/index.html"

tar -C "$root" -c . | docker import \
  -c 'CMD ["/bin/httpd","-f","-p","80","-h","/www"]' \
  -c 'EXPOSE 80/tcp' \
  -c 'ENV PATH=/bin' \
  - "$image" >/dev/null
echo "fixtures: made $image in $(( $(date +%s%3N) - began )) ms"
