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
exit $status
