#!/usr/bin/env bash
# Installs what the PDF export and its tests need, when it is missing: Debian's LibreOffice Writer without a GUI
# (soffice, which converts our DOCX to PDF with correct Thai shaping) and poppler-utils (pdffonts, pdftotext,
# pdftoppm: the tests read the PDF back with them). The Sarabun fonts come with the jar (export/fonts), not from here.
# Idempotent: a machine that has them is left as it is.
#   infra/install-office.sh          install if missing (root, or sudo without a password)
#   infra/install-office.sh --check  only say whether they are there (exit 1 if not)
set -euo pipefail
# --check (passed on) only reports what is missing; infra/apt-install.sh does the installing
"$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" ${1:+"$1"} --for "the PDF export" libreoffice-writer-nogui poppler-utils
if ! command -v soffice >/dev/null || ! command -v pdffonts >/dev/null; then
  echo "Installed, but soffice or pdffonts is not on the PATH ($PATH)" >&2
  exit 1
fi
echo "Office for the PDF export: $(soffice --version 2>/dev/null | head -n 1 | cut -d' ' -f1-2), $(pdftotext -v 2>&1 | head -n 1)"
