#!/usr/bin/env bash
# Benchmarks (not tests): prints figures and ratios against baselines measured in the same run, ending with a
# machine-readable RESULT line.
#   infra/bench.sh --smoke                      # tiny sizes, every part once (CI)
#   infra/bench.sh [--quick|--smoke] --sse-only [--subscribers N]   # event → SSE alone
#   infra/bench.sh [--quick|--smoke] --rebuild-only [--rebuild-events N]   # seed, then drop and rebuild, alone
#   infra/bench.sh [--quick] [--commands N] [--threads N] [--subscribers N] [--rebuild-events N] [--commands-only]
#                  [--merge-only]                              # worst-case merges and diffs, alone
#   infra/bench.sh [--quick|--smoke] --asof-only      # time travel alone: first request ever, on a new node, later
#   infra/bench.sh --large-time-travel-only [--large-edits N]   # time travel over >64 MB of events, alone
#   infra/bench.sh --timeslider-browser-only [--timeslider-changes N] [--timeslider-steps N]
#                                              # history timeslider scrub steps on 5,000 changes, headless Chromium
#   infra/bench.sh --dashboard-browser-only [--dashboard-assessments N] [--dashboard-loads N]
#                                                              # the dashboard in headless Chromium (200 assessments)
#   infra/bench.sh --export-only [--export-rounds N]  # Word and PDF exports of a large report (needs soffice), alone
#   infra/bench.sh --browser-only [--saves N]   # one Chromium window's save → seen in a second one, p50/p95, alone
# Without MONGODB_URI it runs against the embedded server as users run it: the H2-file-backed wire server in a JVM
# of its own (data in a temporary folder, removed afterwards), so the benchmark JVM's heap is the query node's and
# its clients', not the database's. With MONGODB_URI (and MONGODB_SERVER_NAME for the RESULT line) it runs there.
# The embedded server answers a write only after committing and fsyncing it (group commit), so its raw inserts and
# commands include that cost; its own figures (writes per commit, time per commit + fsync) end the output.
# The HTTP and SSE load generators run in a JVM of their own (LoadClient). The script fails (non-zero) when the
# benchmark fails, times out (--timeout-minutes; smoke 15, quick 60, full 360) or prints no RESULT line. A full run
# (no --smoke/--quick, sizes not changed) appends its RESULT line, the commit, the date and the load average to
# docs/benchmarks.csv, the history a regression shows in.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -B -pl query-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null
cp="query-service/target/test-classes:query-service/target/classes:$(cat query-service/target/bench.cp)"
java_opts=(-Dfile.encoding=UTF-8 -Daxon.update-check.disabled=true -Ddisable-axoniq-console-message=true)

if [[ -z "${MONGODB_URI:-}" ]]; then
  data=$(mktemp -d)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  # BENCH_SERVER_JAVA_OPTS: the same for the embedded server's JVM
  STUDIO_DATA_DIR="$data" MONGO_PORT="$port" java -Xmx6g "${java_opts[@]}" ${BENCH_SERVER_JAVA_OPTS:-} -cp "$cp" \
    th.pmqa.studio.infra.tools.EmbeddedMongoServer >"$data/server.log" 2>&1 &
  server=$!
  # the server's log outlives the run (target/bench-server.log): it is where a failure of the server shows
  # (|| true: under set -e, the server's exit status 143 from SIGTERM would end the trap before the clean-up)
  trap 'status=$?; kill -TERM $server 2>/dev/null || true; wait $server 2>/dev/null || true
        mkdir -p target; cp "$data/server.log" target/bench-server.log
        sed -n "s/.*\(group commit: \)/embedded server \1/p" "$data/server.log"
        rm -rf "$data"; exit $status' EXIT
  until grep -q listening "$data/server.log" 2>/dev/null; do
    kill -0 "$server" 2>/dev/null || { cat "$data/server.log" >&2; exit 1; }
    sleep 0.3
  done
  export MONGODB_URI="mongodb://127.0.0.1:$port/" MONGODB_SERVER_NAME="embedded-h2"
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cpus)"
mkdir -p target
log=target/bench-last.log
set +e
# BENCH_JAVA_OPTS: e.g. -XX:StartFlightRecording=filename=target/bench.jfr,settings=profile for a profile
java -Xmx2g "${java_opts[@]}" ${BENCH_JAVA_OPTS:-} -cp "$cp" th.pmqa.studio.query.bench.QueryBench "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average after: $load"
if [[ $status -ne 0 ]]; then
  echo "bench: FAILED with status $status (output in $log)" >&2
  exit "$status"
fi
result=$(grep '^RESULT ' "$log" | tail -n 1 || true)
if [[ -z $result ]]; then
  echo "bench: FAILED: no RESULT line (output in $log)" >&2
  exit 1
fi
# every run's line goes to a local history (not committed); only full runs to the committed one: quick and smoke
# runs change sizes (their ratios are not the full run's) and run all day in development and CI
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ),$(git rev-parse --short HEAD 2>/dev/null || echo unknown),$load,\"${result#RESULT }\"" \
  >>target/bench-history.csv
if [[ $result == *" mode=full "* ]]; then
  csv=docs/benchmarks.csv
  [[ -f $csv ]] || echo 'date_utc,commit,load_average,result' >"$csv"
  commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
  [[ -z $(git status --porcelain --untracked-files=no 2>/dev/null) ]] || commit="$commit+changes"
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ),$commit,$load,\"${result#RESULT }\"" >>"$csv"
  echo "appended to $csv"
fi
