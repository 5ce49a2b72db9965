#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs, runs Jest (unit, integration, e2e and
# the dependency rules), and ends with one line "N passed, N failed". Extra arguments go to Jest.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
mkdir -p .tmp
# Keep the app's own logs to errors during tests; LOG_LEVEL=log shows everything.
export LOG_LEVEL="${LOG_LEVEL:-error}"
report=.tmp/jest-report.json
rm -f "$report"
npx jest --json --outputFile="$report" "$@"
status=$?
if [ ! -f "$report" ]; then
  echo "0 passed, 1 failed"
  exit 1
fi
node -e '
const r = require(process.argv[1]);
const failedSuites = r.numFailedTestSuites - r.testResults.filter((s) => s.assertionResults.some((a) => a.status === "failed")).length;
const failed = r.numFailedTests + Math.max(0, failedSuites);
console.log(`${r.numPassedTests} passed, ${failed} failed`);
' "$PWD/$report"
exit $status
