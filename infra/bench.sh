#!/usr/bin/env bash
# Benchmarks (not tests): prints figures and ratios against baselines measured in the same run, ending with a
# machine-readable RESULT line. Runs against the embedded server, or MONGODB_URI when set.
#   infra/bench.sh [--quick]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -B -pl query-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null
cp="query-service/target/test-classes:query-service/target/classes:$(cat query-service/target/bench.cp)"
exec java -Xmx8g -Dfile.encoding=UTF-8 -Daxon.update-check.disabled=true -Ddisable-axoniq-console-message=true \
  -cp "$cp" th.pmqa.studio.query.bench.QueryBench "$@"
