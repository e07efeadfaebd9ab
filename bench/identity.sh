#!/usr/bin/env bash
# bench/identity.sh A.duckdb B.duckdb [SCHEMA...]: the identity proof a speed change owes (issue 19).
# Every table and view in SCHEMA (default: marts) of warehouse A against the same relation in B, EXCEPT ALL both
# ways (duplicates count); columns recording build time or run ids are left out (Identity.java, --volatile REGEX).
# Exit 0 when identical, 1 when not. Needs `mvn -q -DskipTests package` (the tool is a test class).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${CSC_BENCH_JAR:-$REPO/target/csc-warehouse.jar}"
TEST_CLASSES="${CSC_BENCH_TEST_CLASSES:-$(dirname "$JAR")/test-classes}"
[ -f "$TEST_CLASSES/uk/csc/warehouse/bench/Identity.class" ] || { echo "identity.sh: no $TEST_CLASSES/uk/csc/warehouse/bench/Identity.class (mvn -q -DskipTests package compiles it)" >&2; exit 66; }
exec java -cp "$JAR:$TEST_CLASSES" uk.csc.warehouse.bench.Identity "$@"
