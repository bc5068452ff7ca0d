#!/usr/bin/env bash
# Shared machine preparation for scripts/test and scripts/run. Source it; it defines functions only.

log() { printf '[pepper] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Prints the major version of the java binary given, or nothing.
java_major() {
  local version home
  # The JDK's release file says it without starting a JVM.
  home=$(dirname "$(dirname "$(readlink -f "$1")")")
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null || true)
  if [ -n "$version" ]; then printf '%s' "$version"; return 0; fi
  version=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  printf '%s' "${version%%.*}"
}

# The Java release the build targets, read from the root pom (<java.version>).
pom_java_version() { sed -n 's|.*<java.version>\([0-9]*\)</java.version>.*|\1|p' pom.xml | head -n 1; }

# The project version, read from the root pom (the first <version> after the parent's block).
pom_project_version() {
  sed -e '/<parent>/,/<\/parent>/d' pom.xml | sed -n 's|^\t<version>\(.*\)</version>.*|\1|p' | head -n 1
}

# Exports JAVA_HOME (and PATH) for a JDK of at least the release the build targets: JAVA_HOME if new
# enough, else the newest under /usr/lib/jvm, else the java on PATH.
find_jdk() {
  local candidate best="" best_major=0 major need
  need=$(pom_java_version)
  [ -n "$need" ] || die "pom.xml names no <java.version>"
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge "$need" ]; then best="$JAVA_HOME"; best_major=$major; fi
  fi
  if [ -z "$best" ]; then
    for candidate in /usr/lib/jvm/*/; do
      candidate=${candidate%/}
      [ -x "$candidate/bin/javac" ] || continue
      major=$(java_major "$candidate/bin/java")
      if [ "${major:-0}" -ge "$need" ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major=$major; fi
    done
  fi
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge "$need" ]; then best="$candidate"; best_major=$major; fi
  fi
  [ -n "$best" ] || die "no JDK $need or newer found (looked at JAVA_HOME, /usr/lib/jvm and PATH); the build targets Java $need: install one, e.g. a Temurin $need JDK"
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  log "using JDK $best_major at $JAVA_HOME"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else die "need root for: $*"; fi
}

apt_install() {
  log "installing $* from apt"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || die "apt-get install $* failed"
}

require_command() {
  local cmd=$1 package=$2
  command -v "$cmd" >/dev/null 2>&1 || apt_install "$package"
  command -v "$cmd" >/dev/null 2>&1 || die "$cmd still missing after installing $package"
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_for_port HOST PORT WHAT [LOG]: up to 60 s; on failure shows the end of LOG.
wait_for_port() {
  local host=$1 port=$2 what=$3 log=${4:-} i
  for i in $(seq 1 300); do
    port_open "$host" "$port" && return 0
    sleep 0.2
  done
  [ -n "$log" ] && [ -f "$log" ] && tail -n 20 "$log" >&2
  die "$what did not start listening on $host:$port within 60 s"
}

# PostgreSQL on 127.0.0.1:5432 (trust auth as on this kind of machine); started if down.
ensure_postgres() {
  local host=${PEPPER_TEST_PG_HOST:-127.0.0.1} port=${PEPPER_TEST_PG_PORT:-5432}
  if port_open "$host" "$port"; then return 0; fi
  [ "$host" = 127.0.0.1 ] || die "PostgreSQL is not reachable at $host:$port"
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    apt_install postgresql
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  log "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || die "cannot start PostgreSQL"
  wait_for_port "$host" "$port" PostgreSQL
}

# Redis on 127.0.0.1:6379; started if down (no persistence, like the machine's own).
ensure_redis() {
  local host=${PEPPER_TEST_REDIS_HOST:-127.0.0.1} port=${PEPPER_TEST_REDIS_PORT:-6379}
  if port_open "$host" "$port"; then return 0; fi
  [ "$host" = 127.0.0.1 ] || die "Redis is not reachable at $host:$port"
  require_command redis-server redis-server
  log "starting Redis on $port"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no >/dev/null \
    || die "cannot start Redis"
  wait_for_port "$host" "$port" Redis
}

free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 20000 ))
    port_open 127.0.0.1 "$port" || { printf '%s' "$port"; return 0; }
  done
}

# Starts a private InfluxDB 1.x on loopback, unless PEPPER_TEST_INFLUX_URL already names one.
# Usage: start_influx [data_dir [http_port]]. Without a data_dir the data lives in a temporary
# folder that stop_influx removes; without a port a free one is picked. Exports
# PEPPER_TEST_INFLUX_URL and sets PEPPER_INFLUX_PID / PEPPER_INFLUX_TMP for stop_influx.
start_influx() {
  if [ -n "${PEPPER_TEST_INFLUX_URL:-}" ]; then log "using InfluxDB at $PEPPER_TEST_INFLUX_URL"; return 0; fi
  require_command influxd influxdb
  local dir=${1:-} http_port=${2:-} rpc_port
  if [ -z "$dir" ]; then
    dir=$(mktemp -d -t pepper-influx.XXXXXX)
    PEPPER_INFLUX_TMP=$dir
  fi
  mkdir -p "$dir"
  [ -n "$http_port" ] || http_port=$(free_port)
  rpc_port=$(free_port)
  [ "$rpc_port" != "$http_port" ] || rpc_port=$(free_port)
  INFLUXDB_REPORTING_DISABLED=true \
  INFLUXDB_BIND_ADDRESS="127.0.0.1:$rpc_port" \
  INFLUXDB_HTTP_BIND_ADDRESS="127.0.0.1:$http_port" \
  INFLUXDB_HTTP_LOG_ENABLED=false \
  INFLUXDB_META_DIR="$dir/meta" \
  INFLUXDB_DATA_DIR="$dir/data" \
  INFLUXDB_DATA_WAL_DIR="$dir/wal" \
  INFLUXDB_DATA_QUERY_LOG_ENABLED=false \
  INFLUXDB_MONITOR_STORE_ENABLED=false \
    influxd run >"$dir/influxd.log" 2>&1 &
  PEPPER_INFLUX_PID=$!
  wait_for_port 127.0.0.1 "$http_port" InfluxDB "$dir/influxd.log"
  export PEPPER_TEST_INFLUX_URL="http://127.0.0.1:$http_port"
  log "InfluxDB $(influxd version 2>/dev/null | awk '{print $2}') on $PEPPER_TEST_INFLUX_URL (data in $dir)"
}

stop_influx() {
  if [ -n "${PEPPER_INFLUX_PID:-}" ]; then
    kill "$PEPPER_INFLUX_PID" 2>/dev/null && wait "$PEPPER_INFLUX_PID" 2>/dev/null
    PEPPER_INFLUX_PID=""
  fi
  if [ -n "${PEPPER_INFLUX_TMP:-}" ]; then rm -rf "$PEPPER_INFLUX_TMP"; PEPPER_INFLUX_TMP=""; fi
}

# Maven from the machine, or apt.
ensure_maven() {
  require_command mvn maven
}

# The browser tests drive Debian's Chromium through its chromedriver (headless; no browser is
# downloaded at test time).
ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    apt_install chromium chromium-driver
  fi
  command -v chromedriver >/dev/null 2>&1 || die "chromedriver still missing after installing chromium-driver"
}

# promtool checks the metrics every service serves; Debian ships it in the prometheus package.
# Once it is here the promtool tests must run, so they say so rather than pass without it.
ensure_promtool() {
  require_command promtool prometheus
  export PEPPER_REQUIRE_PROMTOOL=true
}

# The Redocly CLI lints the served OpenAPI description (OpenApiTest). It is installed once, at
# the pinned version, into .pepper/tools (git-ignored) from the npm registry; the test runs the
# binary named in PEPPER_REDOCLY and downloads nothing itself. Once it is here the lint must
# run, so PEPPER_REQUIRE_REDOCLY makes the test fail rather than skip without it.
REDOCLY_VERSION=2.77.0
ensure_redocly() {
  local prefix=.pepper/tools bin
  bin="$PWD/$prefix/node_modules/.bin/redocly"
  if [ ! -x "$bin" ] || [ "$(node -p "require('./$prefix/node_modules/@redocly/cli/package.json').version" 2>/dev/null)" != "$REDOCLY_VERSION" ]; then
    require_command npm npm
    log "installing @redocly/cli@$REDOCLY_VERSION into $prefix"
    npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error "@redocly/cli@$REDOCLY_VERSION" >/dev/null \
      || die "npm install @redocly/cli@$REDOCLY_VERSION failed"
  fi
  [ -x "$bin" ] || die "the Redocly CLI is still missing at $bin"
  export PEPPER_REDOCLY="$bin" PEPPER_REQUIRE_REDOCLY=true
}
