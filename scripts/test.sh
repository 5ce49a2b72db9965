#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs, checks the code style (ESLint and
# Prettier, counted as one check), runs Jest (unit, integration, e2e and the dependency rules), and ends
# with one line "N passed, N failed". Extra arguments go to Jest (and skip the style check).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
mkdir -p .tmp
# Keep the app's own logs to errors during tests; LOG_LEVEL=log shows everything.
export LOG_LEVEL="${LOG_LEVEL:-error}"
lint_failed=0
if [ $# -eq 0 ]; then
  echo "test: code style (eslint, prettier --check)..."
  if ! npm run --silent lint; then lint_failed=1; fi
fi
report=.tmp/jest-report.json
rm -f "$report"
npx jest --json --outputFile="$report" "$@"
status=$?
if [ ! -f "$report" ]; then
  echo "0 passed, $((1 + lint_failed)) failed"
  exit 1
fi
node -e '
const r = require(process.argv[1]);
const failedSuites = r.numFailedTestSuites - r.testResults.filter((s) => s.assertionResults.some((a) => a.status === "failed")).length;
const lint = Number(process.argv[2]);
const failed = r.numFailedTests + Math.max(0, failedSuites) + lint;
const passed = r.numPassedTests + (process.argv[3] === "1" && lint === 0 ? 1 : 0);
console.log(`${passed} passed, ${failed} failed`);
' "$PWD/$report" "$lint_failed" "$([ $# -eq 0 ] && echo 1 || echo 0)"
[ "$lint_failed" -eq 0 ] || exit 1
exit $status
