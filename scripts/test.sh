#!/usr/bin/env bash
# The test command of the README: every test of the solution, against a real PostgreSQL and SQLite.
# Starts a throwaway PostgreSQL unless DELIBERATION_TEST_POSTGRES names one, and a throwaway Redis (the backplane of
# the scale-out tests) unless DELIBERATION_TEST_REDIS names one; stops them on exit.
# Extra arguments go to `dotnet test` (e.g. --filter). TRX results land in TestResults/.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/postgres.sh
. scripts/redis.sh

cleanup() { stop_throwaway_postgres; stop_throwaway_redis; }
trap cleanup EXIT INT TERM

if [ -z "${DELIBERATION_TEST_POSTGRES:-}" ]; then
  start_throwaway_postgres || exit 1
fi
if [ -z "${DELIBERATION_TEST_REDIS:-}" ]; then
  start_throwaway_redis || exit 1
fi

rm -rf TestResults
dotnet test Deliberation.sln --logger "trx" --logger "console;verbosity=normal" --results-directory TestResults "$@"
status=$?

# Front-end unit tests (Vitest); their counts go into TestResults/ as a TRX, like the .NET tests'.
rm -f src/Deliberation.Web/test-results/vitest.json
(cd src/Deliberation.Web && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm test) || status=1
node src/Deliberation.Web/scripts/vitest-trx.mjs TestResults/vitest.trx || status=1
exit $status
