#!/bin/sh
# Runs newsdex as its service would, inside a clean root (the installed .deb, or the Dockerfile's
# runtime stage): as user newsdex with CONFIG, newsdex-indexer --once indexes /tmp/examples copied
# into DOCS, then newsdex-searchd answers `newsdex search aliyev` over its socket in /run/newsdex
# (the directory systemd's RuntimeDirectory, or the image, provides), and exits 0 on SIGTERM.
#   sh smoke.sh CONFIG DOCS
set -eu
config=$1 docs=$2
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
# setpriv itself, not the function: a function in the background is a subshell, and $! its pid.
setpriv --reuid=newsdex --regid=newsdex --init-groups newsdex-searchd --config "$config" --listen 127.0.0.1:0 \
  --socket /run/newsdex/searchd.sock >/tmp/searchd.log 2>&1 &
searchd=$!
i=0
while [ ! -S /run/newsdex/searchd.sock ]; do
  i=$((i + 1))
  [ $i -le 100 ] && kill -0 $searchd 2>/dev/null || { cat /tmp/searchd.log; fail "searchd made no socket"; }
  sleep 0.1
done
as_newsdex newsdex --socket /run/newsdex/searchd.sock search aliyev >/tmp/search.out 2>&1 ||
  { cat /tmp/search.out; fail "newsdex search over the socket"; }
grep -qi aliyev /tmp/search.out || { cat /tmp/search.out; fail "no hit for aliyev"; }
kill -TERM $searchd
status=0
wait $searchd || status=$?
[ $status -eq 0 ] || { cat /tmp/searchd.log; fail "searchd exited $status on SIGTERM, not 0"; }
ok "newsdex-searchd answered 'newsdex search aliyev': $(head -n1 /tmp/search.out)"
