#!/usr/bin/env bash
# Starts a throw-away Keycloak on this machine with realm "pmqa" (infra/keycloak/pmqa-realm.json) for trying and
# testing production sign-in:
#   infra/keycloak.sh [--port N]
# prints the issuer URL (http://127.0.0.1:N/realms/pmqa) on stdout once the realm answers, then runs until stopped
# (Ctrl-C, SIGTERM); Keycloak stops with it. Dev-like settings (plain HTTP, hostname not strict, local cache, an H2
# file database of this start's own, deleted when it stops), so every start is the realm file again. Master realm
# administrator: admin / admin (loopback only).
# Start time: the server is built once (`kc.sh build`, cached in the distribution) and started with --optimized; the
# realm is imported once into a template database (`kc.sh import`, cached in KEYCLOAK_CACHE per realm
# file), which every start copies: no re-augmentation, schema creation or realm import at start.
# The server distribution (org.keycloak:keycloak-quarkus-dist, a 158 MB zip) comes from Maven Central through the
# Maven wrapper and is unpacked under infra/target/keycloak/. Keycloak 26 needs Java 21 or newer: the first of
# $KEYCLOAK_JAVA_HOME, $JAVA_HOME, `java` on the PATH and /usr/lib/jvm/* that is new enough is used.
# Environment: KEYCLOAK_VERSION, KEYCLOAK_PORT (default: a free port), KEYCLOAK_APP_ORIGINS (comma-separated origins
# of the web app, instead of the realm file's http://127.0.0.1:8082 and http://localhost:8082), KEYCLOAK_PARENT_PID
# (stop when that process is gone: a test JVM killed without running its hooks does not leave Keycloak behind).
# KEYCLOAK_CACHE (default infra/target/keycloak: the distribution, its build and the realm's template database; a
# folder outside the checkout, e.g. ~/.cache/pmqa-studio/keycloak, keeps them across clean clones).
# Log: $KEYCLOAK_CACHE/keycloak-PORT.log.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${KEYCLOAK_VERSION:-26.5.6}"
cache="${KEYCLOAK_CACHE:-$root/infra/target/keycloak}"
home="$cache/keycloak-$version"
port="${KEYCLOAK_PORT:-}"
while (($#)); do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    *) echo "usage: infra/keycloak.sh [--port N]" >&2; exit 2 ;;
  esac
done
[[ -n "$port" ]] || port=$("$root/infra/free-ports.sh" 1)

# the download, the build and the template once (per cache folder, which several checkouts may share): serialized,
# so that two starts at once do not build over each other; unlocked before Keycloak starts
mkdir -p "$cache"
exec {lock}>"$cache/keycloak.lock"
flock "$lock"
if [[ ! -x "$home/bin/kc.sh" ]]; then
  echo "Downloading Keycloak $version (once; cached in $cache)…" >&2
  # overWriteReleases: the marker an earlier unpack left in target/ would otherwise skip this one (another cache)
  "$root/mvnw" -q -B -N -f "$root/pom.xml" dependency:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" -DoutputDirectory="$cache" \
    -Dmdep.overWriteReleases=true >&2
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

# the realm file of this start, in a folder of its own (kc.sh import reads a folder)
realm_dir=$(mktemp -d "$cache/realm.XXXXXX")
trap 'rm -rf "$realm_dir"' EXIT
# the web client may send people back to /app/* of these origins only (redirect and post-logout URIs)
python3 - "$root/infra/keycloak/pmqa-realm.json" "$realm_dir/pmqa-realm.json" "${KEYCLOAK_APP_ORIGINS:-}" <<'PY'
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
export JAVA_HOME="$java_home" JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}"
h2_url() { echo "jdbc:h2:file:$1/keycloakdb;NON_KEYWORDS=VALUE"; }

build_options=(--db=dev-file --cache=local)
marker="$home/lib/quarkus/pmqa-build-options"
# built again when the options change, or when something else (a start-dev) re-augmented the distribution since
if [[ "$(cat "$marker" 2>/dev/null)" != "${build_options[*]}" || "$home/lib/quarkus/quarkus-application.dat" -nt "$marker" ]]; then
  echo "Building Keycloak $version (once; options ${build_options[*]})…" >&2
  "$home/bin/kc.sh" build "${build_options[@]}" >"$cache/build.log" 2>&1 \
    || { tail -n 30 "$cache/build.log" >&2; exit 1; }
  echo "${build_options[*]}" >"$marker"
fi
template="$cache/realm-db-$version-$(sha256sum "$realm_dir/pmqa-realm.json" | cut -c1-16)"
if [[ ! -f "$template/keycloakdb.mv.db" ]]; then
  echo "Importing realm pmqa into a template database (once per realm file)…" >&2
  rm -rf "$template.tmp"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$home/bin/kc.sh" import --optimized --dir "$realm_dir" --db-url="$(h2_url "$template.tmp")" \
    >"$cache/import.log" 2>&1 || { tail -n 30 "$cache/import.log" >&2; exit 1; }
  mv "$template.tmp" "$template"
fi
flock -u "$lock"
exec {lock}>&-
db="$cache/db-$port"
rm -rf "$db"
cp -r "$template" "$db"

# a small heap: the machine is shared with the services and a browser. Its own process group (setsid), so that
# stopping reaches the JVM too: kc.sh forwards a TERM only once its first JVM is running.
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  setsid "$home/bin/kc.sh" start --optimized --http-enabled=true --hostname-strict=false --http-host=127.0.0.1 \
  --http-port="$port" --db-url="$(h2_url "$db")" >"$log" 2>&1 </dev/null &
keycloak=$!
stop() {
  kill -TERM -- "-$keycloak" 2>/dev/null || return 0
  local tenths=0
  while kill -0 -- "-$keycloak" 2>/dev/null && ((tenths++ < 150)); do
    sleep 0.1
  done
  kill -KILL -- "-$keycloak" 2>/dev/null || true
  rm -rf "$db" "$realm_dir"
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
