#!/usr/bin/env bash
# Starts a throw-away Keycloak on this machine with realm "pmqa" (infra/keycloak/pmqa-realm.json) for trying and
# testing production sign-in:
#   infra/keycloak.sh [--port N]
# prints the issuer URL (http://127.0.0.1:N/realms/pmqa) on stdout once the realm answers, then runs until stopped
# (Ctrl-C, SIGTERM); Keycloak stops with it. Dev mode (start-dev): plain HTTP, an in-memory database, so every start
# is the realm file again. Master realm administrator: admin / admin (loopback only).
# The server distribution (org.keycloak:keycloak-quarkus-dist, a 158 MB zip) comes from Maven Central through the
# Maven wrapper and is unpacked under infra/target/keycloak/. Keycloak 26 needs Java 21 or newer: the first of
# $KEYCLOAK_JAVA_HOME, $JAVA_HOME, `java` on the PATH and /usr/lib/jvm/* that is new enough is used.
# Environment: KEYCLOAK_VERSION, KEYCLOAK_PORT (default: a free port), KEYCLOAK_APP_ORIGINS (comma-separated origins
# of the web app, instead of the realm file's http://127.0.0.1:8082 and http://localhost:8082), KEYCLOAK_PARENT_PID
# (stop when that process is gone: a test JVM killed without running its hooks does not leave Keycloak behind).
# Log: infra/target/keycloak/keycloak-PORT.log.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${KEYCLOAK_VERSION:-26.5.6}"
cache="$root/infra/target/keycloak"
home="$cache/keycloak-$version"
port="${KEYCLOAK_PORT:-}"
while (($#)); do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    *) echo "usage: infra/keycloak.sh [--port N]" >&2; exit 2 ;;
  esac
done
[[ -n "$port" ]] || port=$("$root/infra/free-ports.sh" 1)

if [[ ! -x "$home/bin/kc.sh" ]]; then
  echo "Downloading Keycloak $version (once; cached in $cache)…" >&2
  "$root/mvnw" -q -B -N -f "$root/pom.xml" dependency:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" -DoutputDirectory="$cache" >&2
fi

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
java_home=""
for candidate in "${KEYCLOAK_JAVA_HOME:-}" "${JAVA_HOME:-}" \
                 "$(dirname "$(dirname "$(readlink -f "$(command -v java || echo /nonexistent)")")")" \
                 $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
  candidate="${candidate%/}"
  if [[ -n "$candidate" && -x "$candidate/bin/java" ]] && (( $(java_major "$candidate/bin/java" || echo 0) >= 21 )); then
    java_home="$candidate"
    break
  fi
done
if [[ -z "$java_home" ]]; then
  echo "Keycloak $version needs Java 21 or newer: none found (set KEYCLOAK_JAVA_HOME)." >&2
  exit 1
fi

# --import-realm reads the distribution's data/import folder
mkdir -p "$home/data/import"
# the web client may send people back to /app/* of these origins only (redirect and post-logout URIs)
python3 - "$root/infra/keycloak/pmqa-realm.json" "$home/data/import/pmqa-realm.json" "${KEYCLOAK_APP_ORIGINS:-}" <<'PY'
import json, sys
realm = json.load(open(sys.argv[1], encoding="utf-8"))
if sys.argv[3]:
    for client in realm["clients"]:
        if client["clientId"] == "pmqa-studio-web":
            client["redirectUris"] = [o.strip().rstrip("/") + "/app/*" for o in sys.argv[3].split(",") if o.strip()]
json.dump(realm, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
log="$cache/keycloak-$port.log"
issuer="http://127.0.0.1:$port/realms/pmqa"

# a small heap: the machine is shared with the services and a browser. Its own process group (setsid), so that
# stopping reaches the JVM too: kc.sh forwards a TERM only once its first JVM is running, and not at all while
# start-dev re-augments.
JAVA_HOME="$java_home" JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}" \
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  setsid "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" --db=dev-mem --import-realm \
  --cache=local >"$log" 2>&1 </dev/null &
keycloak=$!
stop() {
  kill -TERM -- "-$keycloak" 2>/dev/null || return 0
  local tenths=0
  while kill -0 -- "-$keycloak" 2>/dev/null && ((tenths++ < 150)); do
    sleep 0.1
  done
  kill -KILL -- "-$keycloak" 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

started=$SECONDS
until curl -fsS -o /dev/null "$issuer/.well-known/openid-configuration" 2>/dev/null; do
  if ! kill -0 "$keycloak" 2>/dev/null; then
    echo "Keycloak stopped while starting; its log ($log) ends with:" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  if ((SECONDS - started > 180)); then
    echo "Keycloak did not serve $issuer within 180 s; see $log" >&2
    exit 1
  fi
  sleep 0.5
done
echo "Keycloak $version (Java $(java_major "$java_home/bin/java")) ready in $((SECONDS - started)) s; log: $log" >&2
echo "$issuer"

while kill -0 "$keycloak" 2>/dev/null; do
  if [[ -n "${KEYCLOAK_PARENT_PID:-}" ]] && ! kill -0 "$KEYCLOAK_PARENT_PID" 2>/dev/null; then
    exit 0
  fi
  # short sleeps, so that a TERM is handled promptly (bash runs traps between commands)
  sleep 1
done
echo "Keycloak stopped; see $log" >&2
exit 1
