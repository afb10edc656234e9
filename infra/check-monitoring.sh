#!/usr/bin/env bash
# Checks the monitoring files: the alert rules and the scrape configuration with promtool (Debian's `prometheus`
# package, installed when missing), and the Grafana dashboard: valid JSON, every panel's query valid PromQL (each
# is checked by promtool as a recording rule, Grafana's variables replaced) and naming only meters that exist.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v promtool >/dev/null; then
  # Debian's prometheus package (promtool comes with it): measured 16 s to install on the CI machine
  infra/apt-install.sh --for "promtool" prometheus
  # the package starts a Prometheus server where systemd runs; only promtool is wanted here
  sudo=()
  ((EUID == 0)) || sudo=(sudo -n)
  "${sudo[@]}" systemctl disable --now prometheus prometheus-node-exporter >/dev/null 2>&1 || true
  command -v promtool >/dev/null || { echo "prometheus is installed but promtool is not on the PATH" >&2; exit 1; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

promtool check rules infra/prometheus/alerts.yml

# the scrape configuration names a token file; promtool wants it to exist
cp infra/prometheus/prometheus.yml infra/prometheus/alerts.yml "$work"/
: >"$work/admin.token"
promtool check config "$work/prometheus.yml"

python3 - infra/grafana/pmqa-studio.json "$work/dashboard-rules.yml" <<'PY'
import json, re, sys
dashboard = json.load(open(sys.argv[1], encoding="utf-8"))
known = re.compile(r"\b(studio_[a-z_]+|http_server_requests_seconds_[a-z]+|up)\b")
meters = open("infra/src/main/java/th/pmqa/studio/infra/metrics/MeterNames.java", encoding="utf-8").read()
names = {n.replace(".", "_") for n in re.findall(r'"(studio\.[a-z.]+)"', meters)}
rules, problems = [], []
def check(where, expr):
    for metric in known.findall(expr):
        base = re.sub(r"_(seconds_(count|sum|max|bucket)|total)$", "", metric)
        if metric.startswith("studio_") and base not in names:
            problems.append(f"{where} names {metric}, which MeterNames does not have")
for line in open("infra/prometheus/alerts.yml", encoding="utf-8"):
    if not line.lstrip().startswith("#"):
        check("alerts.yml", line)
for panel in dashboard["panels"]:
    for target in panel.get("targets", []):
        expr = target["expr"].replace("$__rate_interval", "5m").replace("$instance", ".*")
        rules.append(expr)
        check(f"panel '{panel['title']}'", expr)
if problems:
    sys.exit("\n".join(problems))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("groups:\n  - name: dashboard\n    rules:\n")
    for i, expr in enumerate(rules):
        out.write(f"      - record: dashboard:query{i}\n        expr: {json.dumps(expr)}\n")
print(f"dashboard: {len(dashboard['panels'])} panels, {len(rules)} queries")
PY
promtool check rules "$work/dashboard-rules.yml" >/dev/null
echo "monitoring files OK"
