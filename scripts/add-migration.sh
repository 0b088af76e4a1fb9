#!/usr/bin/env bash
# Adds a migration with the same name for both providers (EF's one-migrations-set-per-provider pattern).
# usage: scripts/add-migration.sh NameOfChange
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NameOfChange}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project src/Deliberation.Data \
    --startup-project src/Deliberation.Data \
    --context "${provider}DeliberationDbContext" \
    --output-dir "Migrations/$provider" \
    --namespace "Deliberation.Data.Migrations.$provider"
done
