#!/usr/bin/env bash
# Fuzzes both running services from their own OpenAPI descriptions with schemathesis (from PyPI, into a venv under
# target/), with a valid EDITOR token of the organization whose assessment it opens first. Fails on any 5xx, any
# answer whose status, content type or body the published description does not allow.
#   infra/fuzz.sh                      starts its own stack (embedded MongoDB, temporary data folder), fuzzes, stops it
#   FUZZ_SECONDS=60 infra/fuzz.sh      time budget per service (default 75 s)
# Reports (JUnit XML, and a file of curl commands reproducing each failure) go to target/schemathesis/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${FUZZ_SECONDS:-75}"
version=4.32.5
venv="$root/target/tools/schemathesis-$version"
reports="$root/target/schemathesis"

if [[ ! -x "$venv/bin/st" ]]; then
  echo "Installing schemathesis $version into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "schemathesis==$version"
fi

# Own ports and data, so a stack the developer is running is left alone. The ports are whatever the kernel finds
# free right now, not fixed numbers: a fixed port still held by another stack (a developer's, an earlier run's in
# its shutdown) made the stack exit at start.
read -r free_command free_query free_mongo < <(infra/free-ports.sh 3)
export COMMAND_PORT="${FUZZ_COMMAND_PORT:-$free_command}" QUERY_PORT="${FUZZ_QUERY_PORT:-$free_query}" \
  MONGO_PORT="${FUZZ_MONGO_PORT:-$free_mongo}"
export STUDIO_DATA_DIR
STUDIO_DATA_DIR="$(mktemp -d)"
# The fuzzer sends thousands of writes a minute as one person: the per-person limit would answer nearly all of them
# with 429 and leave the handlers untested (the limit has its own test, WriteRateLimitTest).
export STUDIO_RATE_LIMIT_WRITES_PER_MINUTE=100000000
# LibreOffice (when installed) starts with the query service, so the first PDF export is not a 10 s cold start that
# outlasts the fuzzer's request timeout
export STUDIO_EXPORT_OFFICE_START=eager
unset MONGODB_URI
setsid infra/run.sh >"$STUDIO_DATA_DIR/run.log" 2>&1 &
stack=$!
stop() {
  kill -TERM -- "-$stack" 2>/dev/null || true
  wait "$stack" 2>/dev/null || true
  mkdir -p "$reports" && cp -r "$STUDIO_DATA_DIR/logs" "$reports/" 2>/dev/null || true
  rm -rf "$STUDIO_DATA_DIR"
}
trap stop EXIT
deadline=$((SECONDS + 300))
until grep -q "is running" "$STUDIO_DATA_DIR/run.log" 2>/dev/null; do
  if ! kill -0 "$stack" 2>/dev/null || ((SECONDS > deadline)); then
    echo "The stack did not start:" >&2; cat "$STUDIO_DATA_DIR/run.log" >&2
    for log in "$STUDIO_DATA_DIR"/logs/*.log; do
      [[ -f "$log" ]] && { echo "--- last lines of $log" >&2; tail -n 40 "$log" | cut -c1-400 >&2; }
    done
    exit 1
  fi
  sleep 1
done

command="http://127.0.0.1:$COMMAND_PORT" query="http://127.0.0.1:$QUERY_PORT"
admin=$(infra/run.sh token --user fuzz-admin --name "ผู้ดูแล" --org ADMIN --role ADMIN)
editor=$(infra/run.sh token --user fuzz-editor --name "บรรณาธิการ ทดสอบ" --org KKN --role EDITOR)
json=(-H 'Content-Type: application/json')
# Something to read and to edit: the assessment the dictionaries in infra/schemathesis.toml point at.
curl -fsS -X POST "$command/api/assessments" -H "Authorization: Bearer $admin" "${json[@]}" \
  -d '{"organizationCode":"KKN","organizationName":"จังหวัดขอนแก่น","organizationType":"PROVINCE","fiscalYear":2567,"catalogVersion":"pmqa-4.0/2567"}' >/dev/null
curl -fsS -X PUT "$command/api/assessments/KKN-2567/profile/1" -H "Authorization: Bearer $editor" "${json[@]}" \
  -d '{"text":"พันธกิจ ๑ ของจังหวัด 👩‍💻","baseRevision":0}' >/dev/null
curl -fsS -X PUT "$command/api/assessments/KKN-2567/criteria/1.1/levels/basic/approach" \
  -H "Authorization: Bearer $editor" "${json[@]}" -d '{"text":"แนวทางการนำองค์การ","baseRevision":0}' >/dev/null
# A C-I-D row of 6.3 and a key process to edit and remove: their ids go into the copy of infra/schemathesis.toml the
# fuzzer runs with, in place of its placeholders.
row=$(curl -fsS -X POST "$command/api/assessments/KKN-2567/criteria/6.3/cid" -H "Authorization: Bearer $editor" \
  "${json[@]}" -d '{"kind":"C","data":"เครือข่ายเกษตรกร","output":"มาตรฐาน GAP","need":"เกษตรกร"}' \
  | sed -E 's/.*"rowId":"([^"]+)".*/\1/')
process=$(curl -fsS -X POST "$command/api/assessments/KKN-2567/key-processes" -H "Authorization: Bearer $editor" \
  "${json[@]}" -d '{"name":"การส่งเสริมการท่องเที่ยว","stage":"midstream","leadingIndicators":"อุบัติเหตุลดลง"}' \
  | sed -E 's/.*"processId":"([^"]+)".*/\1/')
# A result to revise: its id is the server's too, so it joins the dictionaries in the same copy.
result=$(curl -fsS -X POST "$command/api/assessments/KKN-2567/criteria/1.1/levels/basic/results" \
  -H "Authorization: Bearer $editor" "${json[@]}" \
  -d '{"indicatorGroup":"7.1.1","name":"ร้อยละความสำเร็จ","target":80,"values":{"2565":70,"2566":78},"comparison":{"value":76.25,"source":"ค่าเฉลี่ยกลุ่มจังหวัด"},"direction":"higher"}' \
  | sed -n 's/.*"resultId":"\([^"]*\)".*/\1/p')
mkdir -p "$reports"
config="$reports/schemathesis.toml"
# [parameters] is the configuration's last table: the resultId line lands in it, its dictionary after it
{ sed -e "s/00000000-0000-4000-8000-00000000c1d0/$row/" -e "s/00000000-0000-4000-8000-0000000b0c50/$process/" \
    infra/schemathesis.toml
  echo '"path.resultId" = { dictionary = "results", probability = 0.7 }'
  echo '[dictionaries.results]'
  echo "values = [\"$result\"]"; } >"$config"

status=0
for service in command query; do
  base="${!service}"
  echo "=== schemathesis: $service service ($base), ${seconds}s"
  mkdir -p "$reports"
  # fetched first, with time to spare: springdoc builds the description on the first request, which on a busy
  # machine can outlast schemathesis' own 10 s
  curl -fsS --retry 3 --max-time 120 "$base/v3/api-docs" -o "$reports/$service-openapi.json"
  # One worker: with two, hypothesis describes its filters by parsing their source in both threads at once, and
  # CPython 3.11's parser then fails now and again ("AST constructor recursion depth mismatch"), a crash of the tool
  # that would fail the run with no finding about the API.
  if ! "$venv/bin/st" --config-file "$config" run "$reports/$service-openapi.json" \
      --url "$base" -H "Authorization: Bearer $editor" \
      --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
      --max-time "$seconds" --request-timeout 10 --workers 1 --seed "${FUZZ_SEED:-2567}" \
      --report junit,pytest --report-dir "$reports/$service"; then
    status=1
  fi
done
exit "$status"
