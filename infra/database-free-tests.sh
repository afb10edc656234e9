#!/usr/bin/env bash
# Prints, one a line as surefire exclude patterns, the test classes that cannot reach a database: neither they nor
# anything of ours they use (followed class by class through the compiled classes with jdeps, nested and anonymous
# classes included) touches a MongoDB driver or server, a Spring test context or application, or another process.
# CI's second run on FerretDB leaves them out: they ran on the embedded server already and their outcome cannot
# depend on the server. Needs the classes compiled (target/classes, target/test-classes); a class it cannot read is
# not printed, so it runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

dirs=()
for module in shared-events infra command-service query-service; do
  for d in "$module/target/classes" "$module/target/test-classes"; do
    [[ -d "$d" ]] && dirs+=("$d")
  done
done
((${#dirs[@]})) || exit 0

# what a class uses: ours (th.pmqa.*, to follow) and the markers of a database, a context or a process
jdeps -verbose:class -filter:none -e 'th\.pmqa\..*|com\.mongodb\..*|org\.bson\..*|de\.bwaldvogel\..*|org\.springframework\.boot\.SpringApplication.*|org\.springframework\.boot\.builder\..*|org\.springframework\.boot\.test\..*|org\.springframework\.test\.context\..*|org\.springframework\.context\..*ApplicationContext|java\.lang\.Process.*|java\.lang\.Runtime' \
  "${dirs[@]}" 2>/dev/null | python3 -c '
import collections, re, sys, pathlib
uses = collections.defaultdict(set)
for line in sys.stdin:
    m = re.match(r"\s+(\S+)\s+->\s+(\S+)", line)
    if m:
        uses[m.group(1)].add(m.group(2))
marker = re.compile(r"com\.mongodb\.|org\.bson\.|de\.bwaldvogel\.|org\.springframework\.|java\.lang\.(Process|Runtime)")
classes = set(uses) | {c for used in uses.values() for c in used}
memo = {}
def reaches(start):
    seen, todo = set(), [start]
    while todo:
        c = todo.pop()
        if c in seen:
            continue
        seen.add(c)
        if marker.match(c):
            return True
        # a class uses its nested and anonymous classes: follow them too
        todo.extend(uses.get(c, ()))
        todo.extend(n for n in classes if n.startswith(c + "$"))
    return False
roots = ["shared-events", "infra", "command-service", "query-service"]
for module in roots:
    tests = pathlib.Path(module, "target", "test-classes")
    for f in sorted(tests.rglob("*Test.class")) if tests.is_dir() else []:
        name = ".".join(f.relative_to(tests).with_suffix("").parts)
        if "$" in name or name not in uses:
            continue
        if not reaches(name):
            print(name.replace(".", "/") + ".java")
'
