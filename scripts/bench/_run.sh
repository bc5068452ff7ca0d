#!/usr/bin/env bash
# Runs the benchmark test classes of one module: _run.sh MODULE TEST_PATTERN [extra Maven args].
# Sourced by the scripts beside it after they prepared what the benchmark needs. The module and
# what it depends on are built in one reactor run, so nothing is installed into the local Maven
# repository.
set -euo pipefail
run_benchmark() {
  local module=$1 tests=$2; shift 2
  mvn -B -ntp -Dspring-javaformat.skip=true -pl "$module" -am test -Dpepper.excludedGroups= -Dgroups=benchmark \
    -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false -DtrimStackTrace=false "$@"
}
# Runs one benchmark class of system-tests (a failsafe IT that starts the services' jars):
# run_system_benchmark TEST_CLASS [extra Maven args]. The jars are packaged in the same reactor
# run; no unit tests run.
run_system_benchmark() {
  local test=$1; shift
  mvn -B -ntp -Dspring-javaformat.skip=true -pl system-tests -am verify -Dpepper.excludedGroups= -Dgroups=benchmark \
    -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test="$test" \
    -Dfailsafe.failIfNoSpecifiedTests=false -DtrimStackTrace=false "$@"
}
