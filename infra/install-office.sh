#!/usr/bin/env bash
# Installs what the PDF export and its tests need, when it is missing: Debian's LibreOffice Writer without a GUI
# (soffice, which converts our DOCX to PDF with correct Thai shaping) and poppler-utils (pdffonts, pdftotext,
# pdftoppm: the tests read the PDF back with them). The Sarabun fonts come with the jar (export/fonts), not from here.
# Idempotent: a machine that has them is left as it is.
#   infra/install-office.sh          install if missing (root, or sudo without a password)
#   infra/install-office.sh --check  only say whether they are there (exit 1 if not)
set -euo pipefail
packages=(libreoffice-writer-nogui poppler-utils)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} == 0)) && command -v soffice >/dev/null && command -v pdffonts >/dev/null; then
  echo "Office for the PDF export: $(soffice --version 2>/dev/null | head -n 1 | cut -d' ' -f1-2), $(pdftotext -v 2>&1 | head -n 1)"
  exit 0
fi
if [[ "${1:-}" == "--check" ]]; then
  echo "Missing for the PDF export: ${missing[*]:-soffice or pdffonts on the PATH}" >&2
  exit 1
fi
sudo=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "Installing ${missing[*]} needs root (or sudo)" >&2; exit 1; }
  sudo=(sudo -n)
fi
echo "Installing ${missing[*]} with apt-get…"
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
soffice --version | head -n 1
