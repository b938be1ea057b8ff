#!/usr/bin/env bash
# The guest image for Berth's VM engine: builds it (root, ~90 s) unless one made by the same builder
# is already there. `sudo npm run vm:image` puts it where Berth looks by default; tests pass a cache
# folder. Prints the image folder on its last line.
#   scripts/vm-image.sh [DIR]     DIR defaults to $BERTH_VM_IMAGE, else Berth's data folder/vm-image
set -euo pipefail
cd "$(dirname "$0")/.."
guest=engine/hosts/vm/guest

if [ -n "${SUDO_USER:-}" ]; then home=$(getent passwd "$SUDO_USER" | cut -d: -f6); else home=$HOME; fi
default_dir="${BERTH_DATA_DIR:-${XDG_DATA_HOME:-$home/.local/share}/berth}/vm-image"
dir=${1:-${BERTH_VM_IMAGE:-$default_dir}}

# The builder's own files name the image: change them and the image is built again.
builder=$(cat "$guest/build-image.sh" "$guest/berth-init" | sha256sum | cut -c1-16)
if [ -f "$dir/manifest.json" ] && [ "$(cat "$dir/builder" 2>/dev/null)" = "$builder" ]; then
  echo "vm image: reusing $dir"
  echo "$dir"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Building the VM's guest image needs root (debootstrap): sudo npm run vm:image" >&2
  exit 1
fi
bash "$guest/build-image.sh" "$dir"
echo "$builder" > "$dir/builder"
[ -n "${SUDO_USER:-}" ] && chown -R "$SUDO_USER:" "$dir"
echo "$dir"
