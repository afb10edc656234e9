#!/usr/bin/env bash
# Installs what the browser tests drive, when it is missing: Debian's chromium and chromium-driver (the tests use
# /usr/bin/chromium and /usr/bin/chromedriver; Selenium Manager never downloads anything) and Thai fonts, so
# Thai text is drawn and measured as people see it. Idempotent: a machine that has them is left as it is.
#   infra/install-browser.sh          install if missing (root, or sudo without a password)
#   infra/install-browser.sh --check  only say whether they are there (exit 1 if not)
set -euo pipefail
# --check (passed on) only reports what is missing; infra/apt-install.sh does the installing
"$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" ${1:+"$1"} --for "the browser tests" chromium chromium-driver fonts-thai-tlwg
if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "Installed, but /usr/bin/chromium or /usr/bin/chromedriver is missing" >&2
  exit 1
fi
echo "Browser for the tests: $(/usr/bin/chromium --version 2>/dev/null || echo chromium), $(/usr/bin/chromedriver --version 2>/dev/null | cut -d' ' -f1-2)"
