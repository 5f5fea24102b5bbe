#!/usr/bin/env bash
# Builds the image from the jar `mvn verify` built (target runtime-from-jar) and smoke-tests a container:
# it starts, answers /observe/health, passes its HEALTHCHECK, runs as uid 10001 with the JVM as PID 1, probes,
# keeps its database in the data volume, and stops on SIGTERM with exit code 0 after "Sentinel stopped". Then two
# containers form a cluster on the host's PostgreSQL as the compose profile ha does, and one takes over from the other. It also
# checks the image's class data sharing archive: built with the image, mapped by the running JVM, and an archive
# that does not match (here a corrupt one) is skipped without a word.
#
# Needs no registry and no Docker engine: podman with runc, and a base image (Debian bookworm + OpenJDK 17 JRE
# + curl) made with mmdebstrap from the apt mirror this machine already uses, cached as a tarball under
# $OCI_WORK. About 3 minutes cold, under a minute warm. Run from anywhere, as root (it may apt-get install
# podman runc mmdebstrap): docker/smoke.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${OCI_WORK:-/var/tmp/sentinel-oci}      # podman storage and the cached base tarball
BASE_IMAGE=localhost/debian-jre17:latest
IMAGE=${IMAGE:-localhost/sentinel:smoke}
NAME=${NAME:-sentinel-smoke}
MIRROR=${MIRROR:-$(grep -h "^URIs:" /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 | awk '{print $2}' | sed 's#/debian/*$##')}
MIRROR=${MIRROR:-http://deb.debian.org}
t0=$SECONDS; passed=0
log() { echo "[smoke $((SECONDS - t0))s] $*"; }
pass() { passed=$((passed + 1)); log "ok: $*"; }
fail() { log "FAILED: $*"; podman logs "$NAME" 2>&1 | tail -40 || true; exit 1; }

[ -s "$ROOT/target/sentinel.jar" ] || { echo "no target/sentinel.jar: run mvn -B verify first"; exit 1; }

# 1. tools. podman's default runtime, crun, cannot run here (hybrid cgroups; raising RLIMIT_NOFILE refused)
if ! dpkg -s podman runc mmdebstrap curl >/dev/null 2>&1; then
  log "installing podman runc mmdebstrap curl"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends podman runc mmdebstrap curl >/dev/null
fi
log "tools: $(podman --version)"

# 2. private storage and engine settings, so nothing of the machine's own podman setup is touched
mkdir -p "$WORK/storage" "$WORK/run"
printf '[storage]\ndriver = "overlay"\ngraphroot = "%s/storage"\nrunroot = "%s/run"\n' "$WORK" "$WORK" > "$WORK/storage.conf"
nofile=$(ulimit -Hn); nproc=$(ulimit -Hu)
if [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ]; then nproc=32768; fi
cat > "$WORK/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]
netns = "host"
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
export CONTAINERS_STORAGE_CONF=$WORK/storage.conf CONTAINERS_CONF=$WORK/containers.conf

# 3. the base image, made offline from Debian's packages and cached as a tarball
if ! podman image exists "$BASE_IMAGE"; then
  if [ ! -s "$WORK/debian-jre17.tar" ]; then
    log "mmdebstrap bookworm + openjdk-17-jre-headless from $MIRROR (about 3 min)"
    mmdebstrap --quiet --variant=apt --format=tar --include=openjdk-17-jre-headless,curl,ca-certificates \
      --aptopt='APT::Install-Recommends "false"' \
      --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
      --dpkgopt='path-exclude=/usr/share/locale/*' \
      --customize-hook='rm -rf "$1"/var/lib/apt/lists/*' \
      bookworm "$WORK/debian-jre17.tar.part" \
      "deb $MIRROR/debian bookworm main" "deb $MIRROR/debian bookworm-updates main" \
      "deb $MIRROR/debian-security bookworm-security main"
    mv "$WORK/debian-jre17.tar.part" "$WORK/debian-jre17.tar"
  fi
  podman import --quiet --change 'ENV LANG=C.UTF-8' --change 'CMD ["/bin/bash"]' "$WORK/debian-jre17.tar" "$BASE_IMAGE" >/dev/null
fi
log "base image ready"

# 4. the image. --format docker keeps HEALTHCHECK (the OCI format drops it)
podman build --quiet --network=host --format docker --build-arg BASE_IMAGE="$BASE_IMAGE" \
  --target runtime-from-jar -f "$ROOT/docker/Dockerfile" -t "$IMAGE" "$ROOT" >/dev/null
log "built $IMAGE: $(podman image inspect --format '{{.Size}}' "$IMAGE") bytes, user $(podman image inspect --format '{{.User}}' "$IMAGE")"

# 5. a container on the host network, on a free port (8080 may be taken on a shared machine)
port=18080
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
health=http://127.0.0.1:$port/observe/health
cleanup() { podman rm -f -t 5 "$NAME" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup
# podman complains on stderr that it cannot set up the health timer (that needs systemd): kept in a file, shown
# only on failure; the HEALTHCHECK is run on demand below
launched=$(date +%s%N)
podman run -d --name "$NAME" --network=host -e SENTINEL_HTTP_PORT="$port" \
  -v "$ROOT/docker/smoke/sentinel.yaml:/srv/sentinel/config/sentinel.yaml:ro" "$IMAGE" >/dev/null 2>"$WORK/podman.err" \
  || { cat "$WORK/podman.err"; fail "podman run"; }
for i in $(seq 1 600); do
  curl -fsS -o /dev/null "$health" 2>/dev/null && break
  [ "$(podman inspect -f '{{.State.Running}}' "$NAME")" = true ] || fail "the container exited while starting"
  [ "$i" = 600 ] && fail "no answer on $health within 120 s"
  sleep 0.2
done
healthy_ms=$(( ($(date +%s%N) - launched) / 1000000 ))
pass "answers $health $healthy_ms ms after podman run: $(curl -fsS "$health")"

# the archive the image was built with, mapped by the JVM (a rejected archive would not be in its mappings)
podman exec "$NAME" test -s /srv/sentinel/lib/sentinel.jsa || fail "no class data sharing archive in the image"
podman exec "$NAME" grep -q /srv/sentinel/lib/sentinel.jsa /proc/1/maps \
  || fail "the JVM did not map /srv/sentinel/lib/sentinel.jsa"
pass "the JVM maps the image's class data sharing archive ($(podman exec "$NAME" du -k /srv/sentinel/lib/sentinel.jsa | cut -f1) KiB)"

podman healthcheck run "$NAME" >/dev/null || fail "HEALTHCHECK"
pass "HEALTHCHECK: $(podman inspect -f '{{.State.Health.Status}}' "$NAME")"

uid=$(podman exec "$NAME" id -u)
[ "$uid" = 10001 ] || fail "runs as uid $uid, not 10001"
pid1=$(podman exec "$NAME" cat /proc/1/comm)
[ "$pid1" = java ] || fail "PID 1 is $pid1: SIGTERM would not reach the JVM"
pass "runs as uid $uid, the JVM is PID 1"

for i in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/api/status" | grep -q '"state":"UP"' && break
  [ "$i" = 60 ] && fail "the own-health check never became UP: $(curl -sS "http://127.0.0.1:$port/api/status")"
  sleep 1
done
pass "probes run: own-health is UP"

podman exec "$NAME" test -s /srv/sentinel/data/sentinel.mv.db || fail "no database in the data volume"
pass "the embedded database is in the data volume (/srv/sentinel/data/sentinel.mv.db)"

stop_started=$SECONDS
podman stop -t 30 "$NAME" >/dev/null 2>>"$WORK/podman.err"
code=$(podman inspect -f '{{.State.ExitCode}}' "$NAME")
[ "$code" = 0 ] || fail "exit code $code after SIGTERM (137 would mean it was killed after the timeout)"
podman logs "$NAME" 2>&1 | grep -q "Sentinel stopped" || fail "no 'Sentinel stopped' in the log"
! podman logs "$NAME" 2>&1 | grep -q "cannot be written" || fail "results were left unwritten at the stop"
pass "SIGTERM: stopped in $((SECONDS - stop_started)) s, exit code 0, 'Sentinel stopped' logged"

# an archive that does not fit (another build's, or here a corrupt one) must never stop the daemon: the JVM skips it
# and bin/sentinel keeps its complaint out of the output
head -c 65536 /dev/urandom > "$WORK/corrupt.jsa"
out=$(podman run --rm --network=host -v "$WORK/corrupt.jsa:/srv/sentinel/lib/sentinel.jsa:ro" \
  -v "$ROOT/docker/smoke/sentinel.yaml:/srv/sentinel/config/sentinel.yaml:ro" "$IMAGE" validate 2>&1) \
  || fail "validate with a corrupt archive: $out"
! grep -qi "shared archive\|\[cds" <<<"$out" || fail "the JVM complained about the archive: $out"
pass "a corrupt archive is skipped silently (validate exits 0)"

# 6. the compose profile ha's shape without compose: two containers of the image, each its own location, on the
#    host's PostgreSQL, the leader elected by JGroups between them; kill -9 of the leader's container and the other
#    leads. Skipped (said so) when no PostgreSQL answers on 127.0.0.1:5432.
if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  ha_db=sentinel_ha_smoke
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $ha_db" -c "CREATE DATABASE $ha_db" \
    >/dev/null || fail "cannot create the database $ha_db"
  free_port() { local p=$1; while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }
  http_eu=$(free_port 18180); http_us=$(free_port $((http_eu + 1)))
  jg_eu=$(free_port 17800); jg_us=$(free_port $((jg_eu + 1)))
  ha_cleanup() { podman rm -f -t 5 sentinel-ha-eu sentinel-ha-us >/dev/null 2>&1 || true; }
  trap 'cleanup; ha_cleanup' EXIT
  ha_cleanup
  for member in eu:$http_eu:$jg_eu us:$http_us:$jg_us; do
    IFS=: read -r loc http jg <<<"$member"
    podman run -d --name "sentinel-ha-$loc" --network=host -e SENTINEL_HTTP_PORT="$http" \
      -e SENTINEL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$ha_db" -e SENTINEL_DB_USER=postgres \
      -e SENTINEL_LOCATION="$loc-1" -e SENTINEL_JGROUPS_BIND="127.0.0.1:$jg" \
      -e SENTINEL_JGROUPS_MEMBERS="127.0.0.1:$jg_eu,127.0.0.1:$jg_us" \
      -v "$ROOT/docker/smoke/ha.yaml:/srv/sentinel/config/sentinel.yaml:ro" "$IMAGE" >/dev/null 2>>"$WORK/podman.err" \
      || fail "podman run sentinel-ha-$loc"
  done
  # the cluster as one member's /api/status tells it: "<members> <leader's location or none>"
  cluster_of() {
    curl -fsS "http://127.0.0.1:$1/api/status" 2>/dev/null | python3 -c '
import json, sys
c = json.load(sys.stdin).get("cluster") or {}
m = c.get("members", [])
print(len(m), next((x["location"] for x in m if x.get("leader")), "none"), "leads" if c.get("leads") else "follows")' \
      2>/dev/null || echo "0 none down"
  }
  for i in $(seq 1 120); do
    read -r members leader _ <<<"$(cluster_of "$http_eu")"
    [ "$members" = 2 ] && [ "$leader" != none ] && break
    [ "$i" = 120 ] && { NAME=sentinel-ha-eu; fail "no cluster of two with a leader within 120 s: $(cluster_of "$http_eu")"; }
    sleep 1
  done
  pass "two containers, locations eu-1 and us-1, one PostgreSQL: $members members, $leader leads (JGroups)"
  case $leader in eu-1) dead=eu; survivor=us; port_left=$http_us ;; *) dead=us; survivor=eu; port_left=$http_eu ;; esac
  podman kill -s KILL "sentinel-ha-$dead" >/dev/null
  killed=$SECONDS
  for i in $(seq 1 60); do
    read -r _ _ role <<<"$(cluster_of "$port_left")"
    [ "$role" = leads ] && break
    [ "$i" = 60 ] && { NAME=sentinel-ha-$survivor; fail "sentinel-ha-$survivor did not lead within 60 s of the kill"; }
    sleep 1
  done
  took=$((SECONDS - killed))
  [ "$took" -le 30 ] || { NAME=sentinel-ha-$survivor; fail "takeover took $took s, more than 30 s"; }
  pass "kill -9 of the leader's container (sentinel-ha-$dead): sentinel-ha-$survivor leads after $took s"
  ha_cleanup
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $ha_db" >/dev/null 2>&1 || true
else
  log "skipped the two-container cluster: no PostgreSQL on 127.0.0.1:5432"
fi

log "container smoke: $passed passed, 0 failed"
