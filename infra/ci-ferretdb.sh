#!/usr/bin/env bash
# Runs every MongoDB-touching test again against FerretDB 1.24.2 (MongoDB wire protocol over SQLite), an
# independent, index-backed server, so the code never relies on a quirk of the embedded server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! infra/ferretdb.sh install; then
  # Building needs the Go module proxy; without it this run cannot happen, and saying so beats failing the build.
  echo "FerretDB could not be built: the FerretDB run is SKIPPED (the embedded run above still gates)." >&2
  exit 0
fi
# a port the kernel finds free now, unless one is given: a FerretDB of another checkout (a developer's, or an earlier
# run's) may hold the default one, and this run must not fail or touch it for that
if [[ -z "${FERRETDB_PORT:-}" ]]; then
  FERRETDB_PORT=$(infra/free-ports.sh)
  export FERRETDB_PORT
fi
uri=$(infra/ferretdb.sh start | tail -n 1)
# the data of a run on a port of its own is of no use afterwards (its log stays, for a failure's sake)
trap 'infra/ferretdb.sh stop || true; rm -rf "${FERRETDB_HOME:-$root/.ferretdb}/data-$FERRETDB_PORT"' EXIT
# Test classes that reach no database (aggregate fixtures, folds, diffs, renderers: found from the compiled classes)
# ran on the embedded server already and cannot answer otherwise here: left out. If the classes cannot be compiled or
# read, the list is empty and everything runs.
excludes="$root/target/ferretdb-excludes.txt"
mkdir -p "$root/target"
: >"$excludes"
if ./mvnw -q -B test-compile -pl infra,command-service,query-service -am; then
  infra/database-free-tests.sh >"$excludes" || : >"$excludes"
fi
echo "Leaving out $(wc -l <"$excludes") test classes that reach no database (listed in $excludes)"
echo "Running the MongoDB-touching tests against FerretDB at $uri"
# The Keycloak tests (tag keycloak) are left out too: they check tokens and sign-in against Keycloak, which keeps its
# own database, and they ran in the embedded pass; here they cost a second Keycloak start and about 2 minutes more.
MONGODB_URI="$uri" MONGODB_SERVER_NAME=ferretdb timeout 2100 \
  ./mvnw -B test -pl infra,command-service,query-service -am -Dstudio.harness.edits-each=25 \
  -Dsurefire.excludesFile="$excludes" -DexcludedGroups=keycloak
