#!/usr/bin/env bash
# Quick start: install, build, then start the server on the embedded SQLite default. The server runs the
# migrations and loads the reference and demo data at start. PORT, DATABASE_URL, DATA_DIR and the other
# variables of the README apply.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run build --silent
# Demo data (editions 2020-2024, a few governments, a user of each role) unless DEMO_DATA=0.
export DEMO_DATA="${DEMO_DATA:-1}"
# The demo users' password is public: this machine only (another HOST needs DEMO_PASSWORD).
export HOST="${HOST:-127.0.0.1}"
# V8's allocation-site pretenuring off (set when V8 starts, as V8 flags must be): pages of an export otherwise
# pile up in the old generation until the heap grows (docs/operations.md, the national benchmark).
exec node --no-allocation-site-pretenuring dist/main.js
