#!/usr/bin/env bash
# Builds the image from the jar `mvn verify` built (target runtime-from-jar) and smoke-tests a container:
# it starts, answers /observe/health, passes its HEALTHCHECK, runs as uid 10001 with the JVM as PID 1, probes,
# keeps its database in the data volume, and stops on SIGTERM with exit code 0 after "Sentinel stopped". It also
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

log "container smoke: $passed passed, 0 failed"
