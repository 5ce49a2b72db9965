#!/usr/bin/env bash
# Installs what the engine and its tests need on a fresh Debian machine with Node 20: Debian's Chromium
# (Puppeteer's own download cannot work here) and the npm packages of the lock file. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium renders the PDFs; poppler-utils (pdftoppm, pdfdetach) lets the tests read them back.
missing=()
[ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] || command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-liberation)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}..."
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Reinstall npm packages only when the lock file changed since the last install.
stamp=node_modules/.package-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing npm packages (sqlite3 compiles from source: about a minute)..."
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
