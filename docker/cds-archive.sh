#!/usr/bin/env bash
# Makes the class data sharing archive bin/sentinel maps (sentinel.jsa next to the jar), the way its first run in a
# writable directory does: starts the daemon once through bin/sentinel (same JVM settings), on the built-in
# configuration and a throw-away data directory, waits until /observe/health answers and the first probes ran, and
# stops it with SIGTERM; the JVM writes the classes it loaded as it exits (-XX:ArchiveClassesAtExit).
#
# The image runs it at build time (docker/Dockerfile), where the jar's directory is still writable: at run time it
# is read-only to the daemon's user, so the daemon could not write an archive there itself.
# bench/probe_load.py --cds runs it too.
#
# Usage: cds-archive.sh [JAR [ARCHIVE]]   (JAR: $SENTINEL_JAR or target/sentinel.jar; ARCHIVE: JAR's name, .jsa)
# The configuration and routes are SENTINEL_CONFIG and SENTINEL_ROUTES when set, else config/sentinel.yaml and
# routes/ beside bin/. Exits 1 when the daemon did not become healthy or no archive was written.
set -euo pipefail
# in the repository docker/, in the image bin/: either way one level below the home with bin/sentinel
home=$(cd "$(dirname "$0")/.." && pwd)
launcher=$home/bin/sentinel
jar=${1:-${SENTINEL_JAR:-$home/target/sentinel.jar}}
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
archive=${2:-${jar%.jar}.jsa}
[ -s "$jar" ] || { echo "cds-archive: no jar at $jar" >&2; exit 1; }

data=$(mktemp -d)
log=$data/daemon.log
port=18180
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
cleanup() { [ -n "${pid:-}" ] && kill -KILL "$pid" 2>/dev/null; rm -rf "$data"; }
trap cleanup EXIT

healthy() {
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET /observe/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  IFS= read -r -t 4 status <&3 || return 1
  exec 3<&-
  case $status in "HTTP/1."?" 200"*) return 0 ;; *) return 1 ;; esac
}

rm -f "$archive"
# run from the throw-away directory: the built-in configuration's reports directory is relative to it, and the
# image's own reports/ must stay untouched (and owned by the daemon's user)
cd "$data"
# SENTINEL_CDS=off: bin/sentinel adds no archive option of its own; this one names where to write it
SENTINEL_CDS=off SENTINEL_JAR=$jar SENTINEL_HTTP_PORT=$port SENTINEL_DATA=$data/data \
  SENTINEL_CONFIG=${SENTINEL_CONFIG:-$home/config/sentinel.yaml} SENTINEL_ROUTES=${SENTINEL_ROUTES:-$home/routes} \
  JAVA_OPTS="-XX:ArchiveClassesAtExit=$archive -Xlog:cds=off -Xlog:cds+dynamic=off ${JAVA_OPTS:-}" \
  "$launcher" run >"$log" 2>&1 &
pid=$!
started=$SECONDS
until healthy; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "cds-archive: the daemon exited while starting:" >&2; tail -20 "$log" >&2; exit 1
  fi
  if [ $((SECONDS - started)) -ge 120 ]; then
    echo "cds-archive: no answer on /observe/health within 120 s" >&2; tail -20 "$log" >&2; exit 1
  fi
  sleep 0.2
done
# the first probes and their results run within a moment of the start: their classes belong in the archive too
sleep 3
kill -TERM "$pid"
code=0; wait "$pid" || code=$?
pid=
[ "$code" = 0 ] || { echo "cds-archive: the daemon exited with $code on SIGTERM" >&2; tail -20 "$log" >&2; exit 1; }
[ -s "$archive" ] || { echo "cds-archive: no archive written at $archive" >&2; tail -20 "$log" >&2; exit 1; }
echo "cds-archive: wrote $archive ($(du -k "$archive" | cut -f1) KiB) in $((SECONDS - started)) s"
