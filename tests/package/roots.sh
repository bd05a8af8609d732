# Clean Debian 12 roots for the package tests (sourced by tests/package/deb_root_test and
# scripts/dockerfile-root). A minimal bookworm root (debootstrap --variant=minbase, about a minute)
# is made once and kept in $NEWSDEX_CACHE_DIR (default ~/.cache/newsdex) with the packages apt
# fetched into it ($roots_archives, mounted into each root; a script that runs apt in several roots
# at once points it elsewhere), so later runs copy it instead of bootstrapping and rarely download.
# NEWSDEX_DEBIAN_MIRROR overrides debootstrap's default mirror.

roots_cache=${NEWSDEX_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/newsdex}
roots_base=$roots_cache/bookworm-root
roots_archives=$roots_cache/apt-archives

# roots_check_tools: prints why these tests cannot run here, or nothing.
roots_check_tools() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "needs root (chroot and a private mount namespace)"
    return
  fi
  local tool
  for tool in debootstrap unshare chroot; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (scripts/setup installs it)"; return; }
  done
}

# roots_lock NAME: holds $roots_cache/NAME.lock (on descriptor 9) until the calling script exits,
# so runs from several build folders at once take their turns.
roots_lock() {
  mkdir -p "$roots_cache"
  exec 9>"$roots_cache/$1.lock"
  flock 9
}

# roots_ensure_base: bootstraps the cached root when it is missing (one bootstrap at a time).
roots_ensure_base() {
  mkdir -p "$roots_cache"
  exec 8>"$roots_cache/bootstrap.lock"
  flock 8
  if [ -d "$roots_base" ]; then
    exec 8>&-
    return 0
  fi
  echo "bootstrapping a minimal bookworm root into $roots_base"
  rm -rf "$roots_base.partial"
  # shellcheck disable=SC2086  # an empty mirror is no argument
  debootstrap --variant=minbase bookworm "$roots_base.partial" ${NEWSDEX_DEBIAN_MIRROR:-} \
    >"$roots_cache/debootstrap.log" 2>&1 ||
    { echo "debootstrap failed, see $roots_cache/debootstrap.log" >&2; return 1; }
  chroot "$roots_base.partial" apt-get update -qq
  chroot "$roots_base.partial" apt-get clean
  mv "$roots_base.partial" "$roots_base"
  exec 8>&-
}

# roots_copy DIR: a fresh copy of the cached root in DIR.
roots_copy() {
  rm -rf "$1"
  cp -a "$roots_base" "$1"
}

# roots_run DIR COMMAND...: runs COMMAND chrooted in DIR, in a private mount and PID namespace:
# /proc, /dev and the shared apt cache are mounted for this command only, and whatever it leaves
# running ends with it. ROOTS_BIND="HOSTDIR:ROOTDIR ..." adds bind mounts.
roots_run() {
  local root=$1
  shift
  mkdir -p "$roots_archives"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  unshare --mount --pid --fork --propagation private /bin/sh -c '
    set -e
    root=$1 archives=$2 binds=$3
    shift 3
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount --bind "$archives" "$root/var/cache/apt/archives"
    for bind in $binds; do
      mkdir -p "$root${bind#*:}"
      mount --bind "${bind%%:*}" "$root${bind#*:}"
    done
    exec chroot "$root" "$@"
  ' roots_run "$root" "$roots_archives" "${ROOTS_BIND:-}" "$@"
}
