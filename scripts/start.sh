#!/usr/bin/env bash
# Quick start: install, build, then start the server on the embedded SQLite default. The server runs the
# migrations and loads the reference and demo data at start. PORT, DATABASE_URL and DATA_DIR apply.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run build --silent
exec node dist/main.js
