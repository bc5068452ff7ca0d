#!/usr/bin/env bash
# Runs the benchmark test classes of one module: _run.sh MODULE TEST_PATTERN [extra Maven args].
# Sourced by the scripts beside it after they prepared what the benchmark needs.
set -euo pipefail
run_benchmark() {
  local module=$1 tests=$2; shift 2
  # Built within the reactor (-am), never installed: other branches share the local repository.
  mvn -B -ntp -q -Dspring-javaformat.skip=true -DskipTests package -pl "$module" -am
  mvn -B -ntp -Dspring-javaformat.skip=true -pl "$module" -am test -Dpepper.excludedGroups= -Dgroups=benchmark \
    -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false -DtrimStackTrace=false "$@"
}
