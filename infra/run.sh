#!/usr/bin/env bash
# Starts PMQA Report Studio on this machine:
#   infra/run.sh                 embedded MongoDB (unless MONGODB_URI is set), command service :8081, query service :8082
#   infra/run.sh token --user ID --name "NAME" --org CODE --role ROLE
#                                prints a bearer token the services accept with the local development key
#   infra/run.sh rebuild         drops and rebuilds the read models of the running query service, showing progress
# Environment: MONGODB_URI, COMMAND_PORT (8081), QUERY_PORT (8082), MONGO_PORT (27018), STUDIO_DATA_DIR (./data),
#              STUDIO_JWT_ISSUER_URI (production identity provider instead of the development key).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export STUDIO_DATA_DIR="${STUDIO_DATA_DIR:-$root/data}"
export COMMAND_PORT="${COMMAND_PORT:-8081}" QUERY_PORT="${QUERY_PORT:-8082}" MONGO_PORT="${MONGO_PORT:-27018}"
version=0.1.0-SNAPSHOT
command_jar="$root/command-service/target/command-service-$version-exec.jar"
query_jar="$root/query-service/target/query-service-$version.jar"
java_opts=(-Dfile.encoding=UTF-8 -Ddisable-axoniq-console-message=true)

build_if_needed() {
  local newest
  newest=$(find "$root" -path '*/src/*' -newer "$command_jar" -print -quit 2>/dev/null || true)
  if [[ ! -f "$command_jar" || ! -f "$query_jar" || -n "$newest" || "$root/pom.xml" -nt "$command_jar" ]]; then
    echo "Building (first start or sources changed)…" >&2
    "$root/mvnw" -q -B -DskipTests package >&2
  fi
}

# Runs a main class of the infra module from the command service's Spring Boot jar.
run_tool() {
  local main="$1"; shift
  java "${java_opts[@]}" -cp "$command_jar" -Dloader.main="$main" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}

if [[ "${1:-}" == "token" ]]; then
  shift
  build_if_needed
  run_tool th.pmqa.studio.infra.tools.TokenTool "$@" 2>/dev/null | tail -n 1
  exit "${PIPESTATUS[0]}"
fi

if [[ "${1:-}" == "rebuild" ]]; then
  build_if_needed
  token=$(run_tool th.pmqa.studio.infra.tools.TokenTool --user rebuild-cli --name "rebuild" --org ADMIN --role ADMIN 2>/dev/null | tail -n 1)
  base="http://127.0.0.1:$QUERY_PORT/api/admin/projections"
  curl -fsS -X POST -H "Authorization: Bearer $token" "$base/rebuild" >/dev/null \
    || { echo "The query service does not answer on port $QUERY_PORT: start it with infra/run.sh first." >&2; exit 1; }
  while true; do
    status=$(curl -fsS -H "Authorization: Bearer $token" "$base")
    field() { sed -n "s/.*\"$1\":\([0-9a-z]*\).*/\1/p" <<<"$status"; }
    echo "rebuild: $(field processed)/$(field total) events, $(field eventsPerSecond) events/s, lag $(field lag)"
    [[ "$(field done)" == "true" ]] && break
    sleep 1
  done
  echo "Read models rebuilt."
  exit 0
fi

build_if_needed
mkdir -p "$STUDIO_DATA_DIR/logs"
pids=()
stop_all() {
  trap - INT TERM EXIT
  echo "Stopping…"
  # services first, the database last, so nothing writes to a closing store
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill -TERM "${pids[i]}" 2>/dev/null || true; wait "${pids[i]}" 2>/dev/null || true; done
}
trap stop_all INT TERM EXIT

wait_http() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    (( SECONDS < deadline )) || { echo "Timed out waiting for $1 (see $STUDIO_DATA_DIR/logs)" >&2; return 1; }
    sleep 0.5
  done
}

if [[ -z "${MONGODB_URI:-}" ]]; then
  run_tool th.pmqa.studio.infra.tools.EmbeddedMongoServer >"$STUDIO_DATA_DIR/logs/mongo.log" 2>&1 &
  pids+=($!)
  export MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT/pmqa_studio"
  deadline=$((SECONDS + 60))
  until grep -q "listening" "$STUDIO_DATA_DIR/logs/mongo.log" 2>/dev/null; do
    (( SECONDS < deadline )) || { echo "Embedded MongoDB did not start: $STUDIO_DATA_DIR/logs/mongo.log" >&2; exit 1; }
    kill -0 "${pids[0]}" 2>/dev/null || { cat "$STUDIO_DATA_DIR/logs/mongo.log" >&2; exit 1; }
    sleep 0.3
  done
fi

java "${java_opts[@]}" -jar "$command_jar" >"$STUDIO_DATA_DIR/logs/command-service.log" 2>&1 &
pids+=($!)
java "${java_opts[@]}" -jar "$query_jar" >"$STUDIO_DATA_DIR/logs/query-service.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$COMMAND_PORT/actuator/health" 120
wait_http "http://127.0.0.1:$QUERY_PORT/actuator/health" 120

cat <<MSG
PMQA Report Studio is running.
  command service  http://127.0.0.1:$COMMAND_PORT   (health: /actuator/health)
  query service    http://127.0.0.1:$QUERY_PORT   (health: /actuator/health)
  MongoDB          ${MONGODB_URI}
  data             $STUDIO_DATA_DIR   logs: $STUDIO_DATA_DIR/logs
Get a token:  infra/run.sh token --user u-1 --name "สมศรี ใจดี" --org KKN --role LEAD
Stop with Ctrl-C.
MSG
# Exit (and stop everything) as soon as any part dies.
wait -n "${pids[@]}"
echo "A process exited; see $STUDIO_DATA_DIR/logs" >&2
