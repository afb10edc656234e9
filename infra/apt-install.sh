#!/usr/bin/env bash
# Installs the Debian packages the infra scripts need (install-office.sh, install-browser.sh, check-monitoring.sh)
# when they are missing: one place for the dpkg check, root-or-sudo, one apt-get update and the install.
#   infra/apt-install.sh [--check] [--for WHAT] PACKAGE...
# Prints nothing and exits 0 when every package is installed (a machine that has them is left as it is).
# --check only says which are missing (on stderr) and exits 1. Otherwise the missing ones are installed (root, or sudo
# without a password); apt-get's output is kept and shown only when it fails (then exit 1).
set -euo pipefail
check=false
what="the tests"
while (($#)); do
  case "$1" in
    --check) check=true; shift ;;
    --for) what=$2; shift 2 ;;
    --) shift; break ;;
    -*) echo "apt-install.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
(($#)) || { echo "usage: infra/apt-install.sh [--check] [--for WHAT] PACKAGE..." >&2; exit 2; }

missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
((${#missing[@]} == 0)) && exit 0
if $check; then
  echo "Missing for $what: ${missing[*]}" >&2
  exit 1
fi

sudo=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "Installing ${missing[*]} (for $what) needs root (or sudo)" >&2; exit 1; }
  sudo=(sudo -n)
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# through env, not as an assignment before sudo: sudo's env_reset would drop it
apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q)
echo "Installing ${missing[*]} (for $what) with apt-get…"
if ! "${apt[@]}" update >"$log" 2>&1 \
  || ! "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >>"$log" 2>&1; then
  cat "$log" >&2
  echo "Installing ${missing[*]} (for $what) failed: apt-get's output above" >&2
  exit 1
fi
