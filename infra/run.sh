#!/usr/bin/env bash
# Starts PMQA Report Studio on this machine:
#   infra/run.sh                 embedded MongoDB (unless MONGODB_URI is set), command service :8081, query service :8082
#   infra/run.sh --command-nodes N --query-nodes M
#                                N command and M query service instances against the one MongoDB: command node i
#                                (1..N) on COMMAND_PORT + 10*(i-1), query node i on QUERY_PORT + 10*(i-1), so by
#                                default 8081, 8091, … and 8082, 8092, …; logs in $STUDIO_DATA_DIR/logs/command-service-i.log
#                                and query-service-i.log (one node of a kind keeps command-service.log / query-service.log)
#   infra/run.sh --keycloak      also starts Keycloak with realm pmqa (infra/keycloak.sh, on KEYCLOAK_PORT, 8180) and
#                                the services with it as their issuer: sign in as lead-kkn, editor-kkn, lead-sld, …
#                                (password: demo); the admin console is at http://127.0.0.1:8180/admin (admin / admin)
#   infra/run.sh token --user ID --name "NAME" --org CODE --role ROLE
#                                prints a bearer token the services accept with the local development key
#   infra/run.sh rebuild         drops and rebuilds the read models of the running query service, showing progress
#                                Query nodes share the projection's segments (two by default) between them.
#                                A rebuild resets every segment, so it needs one query node: stop the stack, start it
#                                with --query-nodes 1, run infra/run.sh rebuild, then start it again with more nodes.
#   infra/run.sh trace REQUEST_ID
#                                the events a request (its X-Request-Id) caused; docs/operations.md, "Tracing a complaint"
#   infra/run.sh backup [DIR]    copies the embedded MongoDB's file ($STUDIO_DATA_DIR/mongo.mv) into DIR (a new or empty
#                                folder; default backups/studio-<UTC time>) and checks the copy; stop the stack first
#                                (it refuses while the file is in use). Production (MONGODB_URI): docs/operations.md.
#   infra/run.sh restore DIR [--force]
#                                copies a backup into $STUDIO_DATA_DIR; refuses a folder that holds anything unless
#                                --force (the replaced file is kept beside it as mongo.mv.replaced-<time>)
# The web app: http://127.0.0.1:QUERY_PORT/app/ (printed when everything is up).
# Environment: MONGODB_URI, COMMAND_PORT (8081), QUERY_PORT (8082), MONGO_PORT (27018), STUDIO_DATA_DIR (./data),
#              COMMAND_NODES (1), QUERY_NODES (1) (the flags win),
#              STUDIO_JWT_ISSUER_URI (production identity provider instead of the development key),
#              STUDIO_WEB_ORIGINS (origins the web app may call the command service from; default: the query nodes'),
#              STUDIO_LOG_FORMAT=json (one JSON object per log line, Elastic Common Schema; docs/operations.md, "Logs").
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
  # the tool's stderr is shown only when it fails (a usage message then, launcher chatter otherwise)
  errors=$(mktemp)
  status=0
  token=$(run_tool th.pmqa.studio.infra.tools.TokenTool "$@" 2>"$errors") || status=$?
  if ((status != 0)); then
    cat "$errors" >&2
  else
    tail -n 1 <<<"$token"
  fi
  rm -f "$errors"
  exit "$status"
fi

if [[ "${1:-}" == "trace" ]]; then
  shift
  build_if_needed
  # as for token: the tool's stderr only when it fails
  errors=$(mktemp)
  status=0
  run_tool th.pmqa.studio.infra.tools.RequestEvents "$@" 2>"$errors" || status=$?
  ((status == 0)) || cat "$errors" >&2
  rm -f "$errors"
  exit "$status"
fi

if [[ "${1:-}" == "backup" || "${1:-}" == "restore" ]]; then
  action="$1"; shift
  if [[ -n "${MONGODB_URI:-}" ]]; then
    echo "MONGODB_URI is set: back up that MongoDB with mongodump --oplog (docs/operations.md, \"Backup and restore\")." >&2
    exit 2
  fi
  build_if_needed
  if [[ "$action" == "backup" ]]; then
    dir="${1:-$root/backups/studio-$(date -u +%Y%m%dT%H%M%SZ)}"
    run_tool th.pmqa.studio.infra.tools.EmbeddedBackup backup "$STUDIO_DATA_DIR" "$dir"
  else
    [[ -n "${1:-}" ]] || { echo "usage: infra/run.sh restore DIR [--force]" >&2; exit 2; }
    run_tool th.pmqa.studio.infra.tools.EmbeddedBackup restore "$1" "$STUDIO_DATA_DIR" ${2:+"$2"}
  fi
  exit $?
fi

if [[ "${1:-}" == "rebuild" ]]; then
  build_if_needed
  token=$(run_tool th.pmqa.studio.infra.tools.TokenTool --user rebuild-cli --name "rebuild" --org ADMIN --role ADMIN 2>/dev/null | tail -n 1)
  base="http://127.0.0.1:$QUERY_PORT/api/admin/projections"
  field() { sed -n "s/.*\"$1\":\([0-9a-z]*\).*/\1/p" <<<"$status"; }
  status=$(curl -fsS -H "Authorization: Bearer $token" "$base") \
    || { echo "The query service does not answer on port $QUERY_PORT: start it with infra/run.sh first." >&2; exit 1; }
  # A reset needs every segment's claim: with a second query node holding one, it cannot happen.
  if [[ "$(field segmentsClaimedHere)" != "$(field segments)" ]]; then
    cat >&2 <<MSG
The query service on port $QUERY_PORT works $(field segmentsClaimedHere) of the projection's $(field segments) segments:
another query node holds the rest (or a stopped node's claim has not expired yet; that takes 10 s). A rebuild
resets every segment, so only one query node may run. Stop the stack, start it again with one query node
(infra/run.sh --query-nodes 1, same STUDIO_DATA_DIR or MONGODB_URI), run infra/run.sh rebuild, wait for it to
finish, then restart with as many query nodes as you like. Nothing was reset.
MSG
    exit 1
  fi
  curl -fsS -X POST -H "Authorization: Bearer $token" "$base/rebuild" >/dev/null \
    || { echo "The query service on port $QUERY_PORT refused the rebuild (see its log)." >&2; exit 1; }
  while true; do
    status=$(curl -fsS -H "Authorization: Bearer $token" "$base")
    echo "rebuild: $(field processed)/$(field total) events, $(field eventsPerSecond) events/s, lag $(field lag)"
    [[ "$(field done)" == "true" ]] && break
    sleep 1
  done
  echo "Read models rebuilt."
  exit 0
fi

command_nodes="${COMMAND_NODES:-1}" query_nodes="${QUERY_NODES:-1}" with_keycloak=""
while (($#)); do
  case "$1" in
    --keycloak) with_keycloak=1; shift ;;
    --command-nodes) command_nodes="${2:-}"; shift 2 || shift ;;
    --command-nodes=*) command_nodes="${1#*=}"; shift ;;
    --query-nodes) query_nodes="${2:-}"; shift 2 || shift ;;
    --query-nodes=*) query_nodes="${1#*=}"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done
for n in "$command_nodes" "$query_nodes"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "Node counts are whole numbers from 1, not '$n'" >&2; exit 2; }
done
# node i (from 1) of a kind listens on its base port + 10*(i-1)
command_ports=() query_ports=()
for ((i=0; i<command_nodes; i++)); do command_ports+=($((COMMAND_PORT + 10*i))); done
for ((i=0; i<query_nodes; i++)); do query_ports+=($((QUERY_PORT + 10*i))); done
all_ports=("${command_ports[@]}" "${query_ports[@]}")
[[ -n "${MONGODB_URI:-}" ]] || all_ports+=("$MONGO_PORT")
if [[ $(printf '%s\n' "${all_ports[@]}" | sort -u | wc -l) -ne ${#all_ports[@]} ]]; then
  echo "Ports collide: ${all_ports[*]} (nodes use their base port + 10, + 20, …): choose other COMMAND_PORT / QUERY_PORT" >&2
  exit 2
fi
# one node of a kind keeps the log name it always had
log_of() { # kind index count
  if (($3 == 1)); then echo "$STUDIO_DATA_DIR/logs/$1.log"; else echo "$STUDIO_DATA_DIR/logs/$1-$(($2 + 1)).log"; fi
}

# the PDF export needs LibreOffice (soffice); everything else, the Word export included, runs without it
if ! command -v soffice >/dev/null && [[ ! -x /usr/lib/libreoffice/program/soffice ]]; then
  echo "Note: LibreOffice (soffice) is not installed, so PDF exports will answer 503. Install it with" \
       "infra/install-office.sh (Debian: apt-get install libreoffice-writer-nogui poppler-utils)." >&2
fi
build_if_needed
mkdir -p "$STUDIO_DATA_DIR/logs"
pids=() logs=() mongo_pid=""
stop_all() {
  trap - INT TERM EXIT
  echo "Stopping…"
  # services first (all at once), the database last, so nothing writes to a closing store
  for pid in "${pids[@]}"; do
    [[ "$pid" == "$mongo_pid" ]] || kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    [[ "$pid" == "$mongo_pid" ]] || wait "$pid" 2>/dev/null || true
  done
  if [[ -n "$mongo_pid" ]]; then kill -TERM "$mongo_pid" 2>/dev/null || true; wait "$mongo_pid" 2>/dev/null || true; fi
}
trap stop_all INT TERM EXIT

wait_http() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    (( SECONDS < deadline )) || { echo "Timed out waiting for $1 (see $STUDIO_DATA_DIR/logs)" >&2; return 1; }
    for i in "${!pids[@]}"; do
      kill -0 "${pids[i]}" 2>/dev/null || {
        echo "A process exited while starting; the last lines of ${logs[i]}:" >&2
        tail -n 30 "${logs[i]}" >&2
        return 1
      }
    done
    sleep 0.5
  done
}

if [[ -z "${MONGODB_URI:-}" ]]; then
  # java itself in the background, not run_tool: a function would run in a subshell, and $! would be that
  # subshell, which SIGTERM stops without stopping the JVM
  java "${java_opts[@]}" -cp "$command_jar" -Dloader.main=th.pmqa.studio.infra.tools.EmbeddedMongoServer \
    org.springframework.boot.loader.launch.PropertiesLauncher >"$STUDIO_DATA_DIR/logs/mongo.log" 2>&1 &
  mongo_pid=$!
  pids+=($!) logs+=("$STUDIO_DATA_DIR/logs/mongo.log")
  export MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT/pmqa_studio"
  deadline=$((SECONDS + 60))
  until grep -q "listening" "$STUDIO_DATA_DIR/logs/mongo.log" 2>/dev/null; do
    (( SECONDS < deadline )) || { echo "Embedded MongoDB did not start: $STUDIO_DATA_DIR/logs/mongo.log" >&2; exit 1; }
    kill -0 "${pids[0]}" 2>/dev/null || { cat "$STUDIO_DATA_DIR/logs/mongo.log" >&2; exit 1; }
    sleep 0.3
  done
fi

# production sign-in tried locally: the realm of the Keycloak tests, the services with the README's settings for it
identity_args=()
if [[ -n "$with_keycloak" ]]; then
  app_origins=""
  for port in "${query_ports[@]}"; do app_origins+="${app_origins:+,}http://127.0.0.1:$port,http://localhost:$port"; done
  keycloak_out="$STUDIO_DATA_DIR/logs/keycloak.out"
  KEYCLOAK_APP_ORIGINS="$app_origins" "$root/infra/keycloak.sh" --port "${KEYCLOAK_PORT:-8180}" \
    >"$keycloak_out" 2>"$STUDIO_DATA_DIR/logs/keycloak-script.log" &
  pids+=($!) logs+=("$STUDIO_DATA_DIR/logs/keycloak-script.log")
  echo "Starting Keycloak (20 s to 2 min; the first time also downloads it)…" >&2
  until [[ -s "$keycloak_out" ]]; do
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$STUDIO_DATA_DIR/logs/keycloak-script.log" >&2; exit 1; }
    sleep 0.5
  done
  export STUDIO_JWT_ISSUER_URI="$(head -n 1 "$keycloak_out")"
  identity_args=(--studio.security.claims.roles=realm_access.roles)
fi

# the web app is served by every query node and calls the command service across origins: allow them all
# (STUDIO_WEB_ORIGINS, comma-separated, instead: e.g. the reverse proxy's origin)
web_origins="${STUDIO_WEB_ORIGINS:-}"
if [[ -z "$web_origins" ]]; then
  for port in "${query_ports[@]}"; do web_origins+="${web_origins:+,}http://127.0.0.1:$port,http://localhost:$port"; done
fi
for ((i=0; i<command_nodes; i++)); do
  log=$(log_of command-service "$i" "$command_nodes")
  java "${java_opts[@]}" -jar "$command_jar" --server.port="${command_ports[i]}" --studio.web.origins="$web_origins" \
    "${identity_args[@]}" >"$log" 2>&1 &
  pids+=($!) logs+=("$log")
done
for ((i=0; i<query_nodes; i++)); do
  log=$(log_of query-service "$i" "$query_nodes")
  java "${java_opts[@]}" -jar "$query_jar" --server.port="${query_ports[i]}" "${identity_args[@]}" >"$log" 2>&1 &
  pids+=($!) logs+=("$log")
done
for port in "${command_ports[@]}" "${query_ports[@]}"; do
  wait_http "http://127.0.0.1:$port/actuator/health" 120
done

# one column for the labels: as it always was with one node of each kind, wider for "command service 2"
width=17
((command_nodes == 1 && query_nodes == 1)) || width=19
urls() { # kind ports…
  local kind="$1"; shift
  local n=1 label
  for port in "$@"; do
    if (($# == 1)); then label="$kind"; else label="$kind $n"; fi
    printf "  %-${width}shttp://127.0.0.1:%s   (health: /actuator/health)\n" "$label" "$port"
    n=$((n + 1))
  done
}
echo "PMQA Report Studio is running."
urls "command service" "${command_ports[@]}"
urls "query service" "${query_ports[@]}"
sign_in="sign in as a demo person"
[[ -z "${STUDIO_JWT_ISSUER_URI:-}" ]] || sign_in="sign in with the identity provider"
printf "  %-${width}shttp://127.0.0.1:%s/app/   (%s)\n" "web app" "${query_ports[0]}" "$sign_in"
printf "  %-${width}s%s\n" MongoDB "$MONGODB_URI"
printf "  %-${width}s%s   logs: %s\n" data "$STUDIO_DATA_DIR" "$STUDIO_DATA_DIR/logs"
if [[ -n "$with_keycloak" ]]; then
  printf "  %-${width}s%s   (users lead-kkn, editor-kkn, lead-sld, editor-sld, facilitator, admin; password demo)\n" \
    Keycloak "$STUDIO_JWT_ISSUER_URI"
  echo "Stop with Ctrl-C."
else
  cat <<MSG
Get a token:  infra/run.sh token --user u-1 --name "สมศรี ใจดี" --org KKN --role LEAD
Stop with Ctrl-C.
MSG
fi
# Exit (and stop everything) as soon as any part dies.
wait -n "${pids[@]}"
echo "A process exited; see $STUDIO_DATA_DIR/logs" >&2
