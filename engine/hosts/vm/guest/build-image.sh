#!/usr/bin/env bash
# Builds the guest image for Berth's VM engine: a Debian kernel, a tiny busybox initramfs, and a
# sparse ext4 disk holding a debootstrap minbase system with docker.io and openssh-server, whose
# PID 1 is berth-init. Needs root on Debian/Ubuntu with debootstrap, and reaches only the host's
# own apt mirror. Takes about 75-110 s.
#   build-image.sh OUT_DIR      -> OUT_DIR/{vmlinuz,initrd.img,disk.raw,manifest.json}
# The image is written to OUT_DIR.partial and renamed into place only when complete.
set -euo pipefail
out=${1:?usage: build-image.sh OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
suite=${BERTH_VM_SUITE:-bookworm}
mirror=${BERTH_VM_MIRROR:-$(grep -hoE '^(deb|URIs:)[[:space:]]+[^[:space:]]+' /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null | awk '{print $2; exit}' || true)}
disk_size=${BERTH_VM_BASE_DISK:-2G}
began=$(date +%s)
say() { echo "[vm-image +$(( $(date +%s) - began ))s] $*"; }

[ "$(id -u)" -eq 0 ] || { echo "build-image.sh needs root (debootstrap and chroot)." >&2; exit 1; }
for tool in debootstrap mkfs.ext4 cpio busybox apt-get dpkg; do
  command -v "$tool" >/dev/null || { echo "build-image.sh needs $tool: apt-get install debootstrap e2fsprogs cpio busybox-static" >&2; exit 1; }
done

work="$out.partial"
rm -rf "$work"; mkdir -p "$work"; cd "$work"

# 1. The kernel: Debian's, extracted from its package (nothing installed on the host).
mkdir kernel
apt-cache show linux-image-amd64 >/dev/null 2>&1 || apt-get update -qq
kernel_package=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
( cd kernel && apt-get download "$kernel_package" >/dev/null && dpkg -x "$kernel_package"_*.deb root )
kernel_version=${kernel_package#linux-image-}
cp "kernel/root/boot/vmlinuz-$kernel_version" vmlinuz
say "kernel $kernel_version"

# 2. The guest system.
debootstrap --variant=minbase --include=docker.io,openssh-server,iproute2,kmod,ca-certificates,e2fsprogs \
  "$suite" rootfs "$mirror" > debootstrap.log 2>&1 || { tail -n 20 debootstrap.log >&2; exit 1; }
say "debootstrap done"

# 3. Only the kernel modules Docker and virtio need (~15 MB instead of ~400 MB).
modules_from=kernel/root/lib/modules/$kernel_version
mkdir -p rootfs/tmp/kmods/lib/modules && cp -al "$modules_from" rootfs/tmp/kmods/lib/modules/
chroot rootfs depmod -b /tmp/kmods "$kernel_version"
wanted="virtio_pci virtio_blk virtio_net virtio_rng virtio_console ext4 overlay bridge br_netfilter veth vxlan
 nf_tables nft_compat nft_chain_nat nft_masq nft_nat nft_ct nft_fib_inet nft_reject_inet nf_nat nf_conntrack
 xt_addrtype xt_conntrack xt_MASQUERADE xt_nat xt_tcpudp xt_mark xt_comment iptable_nat iptable_filter
 iptable_mangle ip_tables ip6_tables ip6table_nat ip6table_filter ipt_REJECT tun dummy ipvlan macvlan"
for module in $wanted; do chroot rootfs modprobe -d /tmp/kmods -S "$kernel_version" --show-depends "$module" 2>/dev/null || true; done \
  | awk '/^insmod/{print $2}' | sed "s#^/tmp/kmods/lib/modules/$kernel_version/##" > modules.wanted
( cd "rootfs/tmp/kmods/lib/modules/$kernel_version" && {
    find kernel/net/netfilter kernel/net/ipv4/netfilter kernel/net/ipv6/netfilter kernel/net/bridge -name '*.ko*'
    cat "$work/modules.wanted"; } | sort -u > "$work/modules.all" )
target=rootfs/lib/modules/$kernel_version; rm -rf "$target"; mkdir -p "$target"
( cd "rootfs/tmp/kmods/lib/modules/$kernel_version" && xargs -a "$work/modules.all" cp --parents -t "$work/$target/" \
  && cp modules.order modules.builtin modules.builtin.modinfo "$work/$target/" )
chroot rootfs depmod "$kernel_version"
for module in virtio_pci virtio_blk ext4; do chroot rootfs modprobe -d /tmp/kmods -S "$kernel_version" --show-depends "$module"; done \
  | awk '/^insmod/{print $2}' | awk '!seen[$0]++' | sed "s#^/tmp/kmods##" > initrd-modules.list
rm -rf rootfs/tmp/kmods

# 4. Smaller: no caches, docs or locales.
rm -rf rootfs/var/cache/apt/*.bin rootfs/var/cache/apt/archives/*.deb rootfs/var/lib/apt/lists/* \
  rootfs/usr/share/doc/* rootfs/usr/share/man/* rootfs/usr/share/info/* rootfs/usr/share/locale/*

# 5. Berth's PID 1; no host keys in the image (each VM makes its own on first boot).
install -m 0755 "$here/berth-init" rootfs/sbin/berth-init
rm -f rootfs/etc/ssh/ssh_host_*
echo berth-vm > rootfs/etc/hostname
printf '127.0.0.1 localhost\n127.0.1.1 berth-vm\n' > rootfs/etc/hosts
echo '/dev/vda / ext4 rw,relatime 0 1' > rootfs/etc/fstab

# 6. The initramfs: busybox, the virtio and ext4 modules, mount /dev/vda, switch_root to berth-init.
mkdir -p initrd/{bin,dev,proc,sys,newroot,mods}
cp "$(command -v busybox)" initrd/bin/busybox
for applet in sh mount umount insmod switch_root sleep cat; do ln -s busybox "initrd/bin/$applet"; done
n=0; while read -r module; do n=$((n + 1)); cp "rootfs$module" "initrd/mods/$(printf %02d $n)-$(basename "$module")"; done < initrd-modules.list
cat > initrd/init <<'INIT'
#!/bin/sh
mount -t proc proc /proc; mount -t devtmpfs devtmpfs /dev
echo "berth: stage kernel" > /dev/ttyS0
for m in /mods/*.ko*; do insmod "$m" 2>/dev/null; done
i=0; while [ ! -b /dev/vda ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
mount -t ext4 -o rw /dev/vda /newroot || { echo "berth: error cannot mount /dev/vda" > /dev/ttyS0; exec sh; }
umount /proc; umount /dev
exec switch_root /newroot /sbin/berth-init
INIT
chmod +x initrd/init
( cd initrd && find . | cpio -o -H newc --quiet | gzip -9 > "$work/initrd.img" )

# 7. A sparse disk made straight from the folder (no loop mount).
truncate -s "$disk_size" disk.raw
mkfs.ext4 -q -F -L berth-root -d rootfs disk.raw

sums=$(sha256sum vmlinuz initrd.img disk.raw)
sum_of() { awk -v f="$1" '$2 == f {print $1}' <<<"$sums"; }
cat > manifest.json <<JSON
{
  "format": 1,
  "kernel": "$kernel_version",
  "suite": "$suite",
  "built": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "sha256": { "vmlinuz": "$(sum_of vmlinuz)", "initrd.img": "$(sum_of initrd.img)", "disk.raw": "$(sum_of disk.raw)" }
}
JSON
rm -rf kernel rootfs initrd debootstrap.log modules.* initrd-modules.list
rm -rf "$out"; mv "$work" "$out"
say "done: $out (disk $(du -h "$out/disk.raw" | cut -f1) used of $disk_size)"
