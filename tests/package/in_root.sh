#!/bin/sh
# The checks deb_root_test runs inside the clean Debian root, as root, with /tmp/newsdex.deb,
# /tmp/examples and /tmp/smoke.sh copied in. Prints one "ok:" line per check; the first failure exits 1.
set -eu
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin
ok() { echo "in root: ok: $*"; }
fail() { echo "in root: FAILED: $*" >&2; exit 1; }

# apt resolves Depends from the root's package lists; when they are stale (the mirror moved on),
# fetch them again and retry once.
install_deb() {
  apt-get install -y -qq --no-install-recommends "$@" /tmp/newsdex.deb >/tmp/apt.log 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" /tmp/newsdex.deb \
        >/tmp/apt.log 2>&1; } || { cat /tmp/apt.log; fail "apt-get install ./newsdex.deb"; }
}
install_deb
ok "apt-get installed the package and its Depends: $(dpkg-query -W -f='${Depends}' newsdex)"

# postinst: a system user with its group, no login, home the state folder.
entry=$(getent passwd newsdex) || fail "postinst made no newsdex user"
uid=$(echo "$entry" | cut -d: -f3)
[ "$uid" -lt 1000 ] || fail "newsdex is not a system user (uid $uid)"
[ "$(echo "$entry" | cut -d: -f6-7)" = "/var/lib/newsdex:/usr/sbin/nologin" ] ||
  fail "newsdex home and shell: $entry"
getent group newsdex >/dev/null || fail "no newsdex group"
[ "$(stat -c %U:%a /var/lib/newsdex)" = "newsdex:750" ] || fail "/var/lib/newsdex: $(stat -c %U:%a /var/lib/newsdex)"
ok "system user: $entry"

# The config: a conffile, readable by group newsdex only.
grep -qx /etc/newsdex/newsdex.toml /var/lib/dpkg/info/newsdex.conffiles || fail "not a conffile"
[ "$(stat -c %U:%G:%a /etc/newsdex/newsdex.toml)" = "root:newsdex:640" ] ||
  fail "/etc/newsdex/newsdex.toml is $(stat -c %U:%G:%a /etc/newsdex/newsdex.toml)"
ok "conffile /etc/newsdex/newsdex.toml root:newsdex 0640"

# The units: each ExecStart names a program the package installed (xapian-* come from xapian-tools).
for unit in newsdex-indexer newsdex-searchd newsdex-replicate-server newsdex-replica newsdex-replica@; do
  file=/lib/systemd/system/$unit.service
  [ -f "$file" ] || fail "no $file"
  program=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$file")
  case $program in
    /usr/bin/newsdex*) [ -x "$program" ] || fail "$unit runs $program, which is not installed" ;;
    /usr/bin/xapian-*) ;;
    *) fail "$unit runs $program" ;;
  esac
done
ok "units in /lib/systemd/system run /usr/bin/newsdex-indexer and /usr/bin/newsdex-searchd"

# Every shared library resolves.
for program in /usr/bin/newsdex /usr/bin/newsdex-indexer /usr/bin/newsdex-searchd /usr/bin/newsdex-parse-helper; do
  missing=$(ldd "$program" | grep 'not found' || true)
  [ -z "$missing" ] || fail "$program: $missing"
done
ok "every shared library of the four programs resolves"

# Man pages say what --help says: every long option of --help is in the page.
for program in newsdex newsdex-indexer newsdex-searchd; do
  page=/usr/share/man/man1/$program.1.gz
  [ -f "$page" ] || fail "no $page"
  text=$(zcat "$page" | sed 's/\\-/-/g')
  for option in $("$program" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    echo "$text" | grep -q -- "$option" || fail "$page lacks $option of $program --help"
  done
done
ok "man pages of newsdex, newsdex-indexer, newsdex-searchd hold every option of their --help"

# Index and search as the service would: the newsdex user, the shipped config.
sh /tmp/smoke.sh /etc/newsdex/newsdex.toml /srv/newsdex/docs /var/lib/newsdex/index
ok "indexed and searched as newsdex with /etc/newsdex/newsdex.toml"

# Reinstall: postinst again (the user exists), and an edited conffile is kept.
echo "# edited by the admin" >>/etc/newsdex/newsdex.toml
dpkg -i --force-confold /tmp/newsdex.deb >/tmp/dpkg.log 2>&1 || { cat /tmp/dpkg.log; fail "reinstall"; }
[ "$(getent passwd newsdex)" = "$entry" ] || fail "reinstall changed the user: $(getent passwd newsdex)"
tail -n1 /etc/newsdex/newsdex.toml | grep -q 'edited by the admin' || fail "reinstall lost the edit"
ok "reinstall keeps the user and the edited conffile"

# Purge: user, group, state and config gone; the documents stay.
apt-get purge -y -qq newsdex >/tmp/purge.log 2>&1 || { cat /tmp/purge.log; fail "purge"; }
! getent passwd newsdex >/dev/null || fail "purge left the user"
! getent group newsdex >/dev/null || fail "purge left the group"
for path in /etc/newsdex /var/lib/newsdex /usr/bin/newsdex-indexer /lib/systemd/system/newsdex-indexer.service; do
  [ ! -e "$path" ] || fail "purge left $path"
done
[ -d /srv/newsdex/docs/world ] || fail "purge removed the documents"
ok "purge removes user, group, /etc/newsdex and /var/lib/newsdex, keeps the documents"
