#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs, checks the code style (ESLint and
# Prettier, counted as one check), runs Jest (unit, integration, e2e and the dependency rules) on SQLite, and
# with TEST_POSTGRES=1 the integration and e2e suites (test/) again on a local PostgreSQL (scripts/postgres-setup.sh),
# and ends with one line "N passed, N failed" for everything. Extra arguments go to Jest (and skip the style check).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
mkdir -p .tmp
# Keep the app's own logs to errors during tests; LOG_LEVEL=log shows everything.
export LOG_LEVEL="${LOG_LEVEL:-error}"
# The PostgreSQL run's database: TEST_DATABASE_URL when it names one, else the one scripts/postgres-setup.sh makes.
case "${TEST_DATABASE_URL:-}" in
  postgres://* | postgresql://*) PG_URL="$TEST_DATABASE_URL" ;;
  *) PG_URL=postgres://migracidades:migracidades@127.0.0.1:5432/migracidades_test ;;
esac
lint_failed=0
style_ran=0
if [ $# -eq 0 ]; then
  style_ran=1
  echo "test: code style (eslint, prettier --check)..."
  if ! npm run --silent lint; then lint_failed=1; fi
fi

# Runs Jest writing its JSON report to $1 (the other arguments go to Jest); returns Jest's status.
run_jest() {
  local report="$1"
  shift
  rm -f "$report"
  npx jest --json --outputFile="$report" "$@"
}

sqlite_report=.tmp/jest-report.json
pg_report=.tmp/jest-report-postgres.json
rm -f "$pg_report"
echo "test: Jest on SQLite..."
(unset TEST_DATABASE_URL; run_jest "$sqlite_report" "$@")
status=$?
setup_failed=0
if [ "${TEST_POSTGRES:-0}" = "1" ]; then
  echo "test: Jest on PostgreSQL (test/ suites)..."
  if bash scripts/postgres-setup.sh; then
    if [ $# -eq 0 ]; then set -- "$PWD/test/"; fi
    (export TEST_DATABASE_URL="$PG_URL"; run_jest "$pg_report" "$@") || status=1
  else
    echo "test: PostgreSQL could not be set up"
    setup_failed=1
    status=1
  fi
fi

# One line for both runs; a report missing counts as one failure, a suite failing outside its tests as one.
node -e '
const fs = require("node:fs");
const [sqlite, pg, lint, styleRan, pgWanted, setupFailed] = process.argv.slice(1);
let passed = styleRan === "1" && lint === "0" ? 1 : 0;
let failed = Number(lint) + Number(setupFailed);
const count = (file, label) => {
  if (!fs.existsSync(file)) return (failed += 1), console.log(`${label}: no report`);
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  const suites = r.numFailedTestSuites - r.testResults.filter((s) => s.assertionResults.some((a) => a.status === "failed")).length;
  const f = r.numFailedTests + Math.max(0, suites);
  passed += r.numPassedTests;
  failed += f;
  console.log(`${label}: ${r.numPassedTests} passed, ${f} failed`);
};
count(sqlite, "SQLite");
if (pgWanted === "1" && setupFailed === "0") count(pg, "PostgreSQL");
console.log(`${passed} passed, ${failed} failed`);
' "$PWD/$sqlite_report" "$PWD/$pg_report" "$lint_failed" "$style_ran" "${TEST_POSTGRES:-0}" "$setup_failed"
[ "$lint_failed" -eq 0 ] || exit 1
exit $status
