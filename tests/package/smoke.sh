#!/bin/sh
# Runs newsdex as its service would, inside a clean root (the installed .deb, or the Dockerfile's
# runtime stage): as user newsdex with CONFIG, newsdex-indexer --once indexes /tmp/examples copied
# into DOCS, then newsdex-searchd answers `newsdex search aliyev` over its socket in /run/newsdex
# (the directory systemd's RuntimeDirectory, or the image, provides), and exits 0 on SIGTERM.
# Where xapian-tools is installed (the image; the package only recommends it), the same query also
# goes through xapian-tcpsrv serving INDEX, as docker-compose.yml's "remote" profile runs it.
#   sh smoke.sh CONFIG DOCS INDEX
set -eu
config=$1 docs=$2 index=$3
ok() { echo "smoke: ok: $*"; }
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
as_newsdex() { setpriv --reuid=newsdex --regid=newsdex --init-groups "$@"; }

mkdir -p "$docs"
cp -r /tmp/examples/. "$docs/"
chgrp -R newsdex "$docs"
as_newsdex newsdex-indexer --config "$config" --once >/tmp/indexer.log 2>&1 ||
  { cat /tmp/indexer.log; fail "newsdex-indexer --once"; }
grep -q '^indexed [1-9][0-9]* documents' /tmp/indexer.log || { cat /tmp/indexer.log; fail "nothing indexed"; }
ok "newsdex-indexer --once as newsdex: $(grep '^indexed' /tmp/indexer.log)"

install -d -o newsdex -g newsdex -m 0750 /run/newsdex

# search_through WHAT ARGS...: starts newsdex-searchd with ARGS, asks it for aliyev over its socket,
# stops it with SIGTERM, which it must answer by exiting 0.
search_through() {
  what=$1
  shift
  rm -f /run/newsdex/searchd.sock
  # setpriv itself, not as_newsdex: a function in the background is a subshell, and $! its pid.
  setpriv --reuid=newsdex --regid=newsdex --init-groups newsdex-searchd --config "$config" "$@" \
    --listen 127.0.0.1:0 --socket /run/newsdex/searchd.sock >/tmp/searchd.log 2>&1 &
  searchd=$!
  i=0
  while [ ! -S /run/newsdex/searchd.sock ]; do
    i=$((i + 1))
    [ $i -le 100 ] && kill -0 $searchd 2>/dev/null || { cat /tmp/searchd.log; fail "searchd made no socket"; }
    sleep 0.1
  done
  as_newsdex newsdex --socket /run/newsdex/searchd.sock search aliyev >/tmp/search.out 2>&1 ||
    { cat /tmp/search.out; fail "newsdex search over the socket ($what)"; }
  grep -qi aliyev /tmp/search.out || { cat /tmp/search.out; fail "no hit for aliyev ($what)"; }
  kill -TERM $searchd
  status=0
  wait $searchd || status=$?
  [ $status -eq 0 ] || { cat /tmp/searchd.log; fail "searchd exited $status on SIGTERM, not 0"; }
  ok "newsdex-searchd ($what) answered 'newsdex search aliyev': $(head -n1 /tmp/search.out)"
}

search_through "local index"
if command -v xapian-tcpsrv >/dev/null; then
  # xapian-tcpsrv takes no port 0: a random one, another when it is taken (the network is the host's).
  for try in 1 2 3 4 5; do
    port=$((20000 + $(od -An -N2 -tu2 /dev/urandom) % 20000))
    setpriv --reuid=newsdex --regid=newsdex --init-groups xapian-tcpsrv --quiet \
      --interface 127.0.0.1 --port $port "$index" >/tmp/tcpsrv.log 2>&1 &
    tcpsrv=$!
    sleep 0.5
    kill -0 $tcpsrv 2>/dev/null && break
    [ $try -lt 5 ] || { cat /tmp/tcpsrv.log; fail "xapian-tcpsrv did not start"; }
  done
  search_through "remote shard tcp://127.0.0.1:$port" --index tcp://127.0.0.1:$port
  kill $tcpsrv
fi
