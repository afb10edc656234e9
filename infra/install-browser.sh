#!/usr/bin/env bash
# Installs what the browser tests drive, when it is missing: Debian's chromium and chromium-driver (the tests use
# /usr/bin/chromium and /usr/bin/chromedriver; Selenium Manager never downloads anything) and Thai fonts, so
# Thai text is drawn and measured as people see it. Idempotent: a machine that has them is left as it is.
#   infra/install-browser.sh          install if missing (root, or sudo without a password)
#   infra/install-browser.sh --check  only say whether they are there (exit 1 if not)
set -euo pipefail
packages=(chromium chromium-driver fonts-thai-tlwg)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} == 0)) && [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  echo "Browser for the tests: $(/usr/bin/chromium --version 2>/dev/null || echo chromium), $(/usr/bin/chromedriver --version 2>/dev/null | cut -d' ' -f1-2)"
  exit 0
fi
if [[ "${1:-}" == "--check" ]]; then
  echo "Missing for the browser tests: ${missing[*]:-chromium binaries}" >&2
  exit 1
fi
sudo=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "Installing ${missing[*]} needs root (or sudo)" >&2; exit 1; }
  sudo=(sudo -n)
fi
echo "Installing ${missing[*]} with apt-get…"
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
/usr/bin/chromium --version
/usr/bin/chromedriver --version
