#!/usr/bin/env python3
"""Load harness for Sentinel's probe pipeline.

Starts a local target server, writes a configuration with N http checks against it, runs the daemon jar
the way a user does, lets it warm up, then measures over a window:

  - sustained probes/s           (requests arriving at the target; the daemon's own scrape would be part of the load)
  - start to healthy             (process start until /observe/health answers)
  - schedule lag p50/p99         (at the target: gap between two probes of one check, minus the interval)
  - CPU per probe                (process user+system time over the window / probes in the window)
  - peak RSS                     (VmHWM of the daemon process)
  - live thread count            (Threads of the daemon process, sampled)

Usage: python3 bench/probe_load.py --checks 1000 --interval 10 [--warmup 60] [--window 120] [--cds] [--data DIR]
The jar must be built first: mvn -B -q package -DskipTests

--cds maps a class data sharing archive, as bin/sentinel and the image do: the one next to the jar (sentinel.jsa),
made first with docker/cds-archive.sh (the image's way: the built-in configuration) when it is missing or older
than the jar. --data keeps the configuration, database and log in DIR between runs (a start with stored rows).
"""
import argparse
import http.server
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

# the flags bin/sentinel runs the daemon with (README): C1 only, a small heap, one malloc arena, trimmed, the
# per-probe code compiled early
JVM_FLAGS = ["-Xms16m", "-Xmx128m", "-XX:MinHeapFreeRatio=5", "-XX:MaxHeapFreeRatio=20", "-XX:+UseSerialGC",
             "-Xss256k", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:ReservedCodeCacheSize=32m",
             "-XX:MaxDirectMemorySize=32m", "-XX:TrimNativeHeapInterval=5000", "-XX:-UsePerfData",
             "-Dio.netty.allocator.numDirectArenas=1", "-Dio.netty.allocator.numHeapArenas=1",
             "-Dio.netty.allocator.maxOrder=7", "-XX:NewRatio=3", "-XX:CompileCommand=quiet"] + [
    f"-XX:CompileCommand=CompileThresholdScaling,{package}.*::*,0.1"
    for package in ("io.sentinel", "org.apache.camel", "org.apache.hc", "io.github.resilience4j",
                    "com.fasterxml.jackson", "io.micrometer")]
MALLOC_SETTINGS = {"MALLOC_ARENA_MAX": "1", "MALLOC_TRIM_THRESHOLD_": "131072"}


class Arrivals:
    def __init__(self):
        self.lock = threading.Lock()
        self.by_path = {}

    def total(self):
        with self.lock:
            return sum(len(times) for times in self.by_path.values())

    def record(self, path):
        now = time.monotonic()
        with self.lock:
            self.by_path.setdefault(path, []).append(now)


def start_target(arrivals):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self):
            arrivals.record(self.path)
            body = b'{"status":"OK"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.request_queue_size = 512
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_config(directory, checks, interval, target_port):
    lines = [
        "storage:",
        f"  url: jdbc:h2:file:{directory}/data/sentinel",
        f"  reportsDirectory: {directory}/reports",
        "defaults:",
        f"  interval: {interval}s",
        "  timeout: 5s",
        "dependencies:",
        "  - id: target",
        "    breaker: {window: 100, minimumCalls: 100}",
        "checks:",
    ]
    for i in range(checks):
        lines += [f"  - id: c{i}", "    dependency: target", "    kind: http",
                  f"    url: http://127.0.0.1:{target_port}/t/{i}"]
    path = os.path.join(directory, "sentinel.yaml")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def proc_status(pid):
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            values[key] = value.strip()
    return values


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def thread_cpu(pid):
    """CPU seconds per thread name (user, system), to see where the time goes."""
    ticks = os.sysconf("SC_CLK_TCK")
    usage = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                raw = f.read()
        except OSError:
            continue
        name = raw[raw.index("(") + 1:raw.rindex(")")]
        name = "".join(ch if not ch.isdigit() else "#" for ch in name)
        fields = raw.rsplit(")", 1)[1].split()
        user, system = int(fields[11]) / ticks, int(fields[12]) / ticks
        total = usage.setdefault(name, [0.0, 0.0])
        total[0] += user
        total[1] += system
    return usage


def class_data_sharing(jar):
    """The JVM options bin/sentinel maps its archive with; the archive is made as the image makes it."""
    archive = jar[:-len(".jar")] + ".jsa"
    if not os.path.exists(archive) or os.path.getmtime(archive) <= os.path.getmtime(jar):
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docker", "cds-archive.sh")
        subprocess.run([script, jar, archive], check=True, stdout=sys.stderr)
    return [f"-XX:SharedArchiveFile={archive}", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--checks", type=int, default=1000)
    parser.add_argument("--interval", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=60)
    parser.add_argument("--window", type=int, default=120)
    parser.add_argument("--jar", default=os.path.join(os.path.dirname(__file__), "..", "target", "sentinel.jar"))
    parser.add_argument("--jvm", help="JVM flags instead of the recommended ones, space separated")
    parser.add_argument("--nmt", action="store_true", help="print the JVM's native memory summary at the end")
    parser.add_argument("--histogram", type=int, default=0, metavar="N",
                        help="print the N largest classes of the live heap at the end (jcmd GC.class_histogram)")
    parser.add_argument("--threads", action="store_true", help="print CPU per thread group over the window")
    parser.add_argument("--jfr", help="also record a Java Flight Recording to this file (JFR_SETTINGS=settings=<file.jfc>"
                        " for other settings than the profile ones)")
    parser.add_argument("--routes", default=os.path.join(os.path.dirname(__file__), "..", "routes"))
    parser.add_argument("--cds", action="store_true",
                        help="map the class data sharing archive next to the jar (made first when missing or stale)")
    parser.add_argument("--data", help="keep the configuration, database and log in this directory between runs")
    args = parser.parse_args()
    sharing = class_data_sharing(os.path.abspath(args.jar)) if args.cds else []

    arrivals = Arrivals()
    target = start_target(arrivals)
    if args.data:
        directory = os.path.abspath(args.data)
        os.makedirs(directory, exist_ok=True)
    else:
        directory = tempfile.mkdtemp(prefix="sentinel-bench-")
    config = write_config(directory, args.checks, args.interval, target.server_address[1])
    port = free_port()
    env = dict(os.environ, SENTINEL_HTTP_PORT=str(port))
    for name, value in MALLOC_SETTINGS.items():
        env.setdefault(name, value)
    log = open(os.path.join(directory, "daemon.log"), "a" if args.data else "w")
    tracking = ["-XX:NativeMemoryTracking=summary"] if args.nmt else []
    flags = args.jvm.split() if args.jvm else JVM_FLAGS
    daemon = subprocess.Popen(["java", *flags, *sharing, *tracking, "-jar", os.path.abspath(args.jar), "--config", config,
                               "--routes", os.path.abspath(args.routes), "--data", os.path.join(directory, "data")],
                              cwd=directory, env=env, stdout=log, stderr=subprocess.STDOUT)
    launched = time.monotonic()
    healthy_after = None
    try:
        for _ in range(2400):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/observe/health", timeout=2)
                healthy_after = time.monotonic() - launched
                break
            except Exception:
                time.sleep(0.05)
        time.sleep(args.warmup)

        if args.jfr:
            # profile the steady state only, not start-up
            settings = os.environ.get("JFR_SETTINGS", "settings=profile")
            subprocess.run(["jcmd", str(daemon.pid), "JFR.start", settings, f"duration={args.window}s",
                            f"filename={os.path.abspath(args.jfr)}"], check=True, capture_output=True)
        threads_start = thread_cpu(daemon.pid) if args.threads else {}
        cpu_start, probes_start, t_start = cpu_seconds(daemon.pid), arrivals.total(), time.monotonic()
        threads = []
        while time.monotonic() - t_start < args.window:
            threads.append(int(proc_status(daemon.pid)["Threads"]))
            time.sleep(1)
        cpu_end, probes_end, t_end = cpu_seconds(daemon.pid), arrivals.total(), time.monotonic()
        status = proc_status(daemon.pid)
        if args.threads:
            threads_end = thread_cpu(daemon.pid)
            for name, (user, system) in sorted(threads_end.items(), key=lambda item: -sum(item[1])):
                before = threads_start.get(name, [0.0, 0.0])
                spent = (user - before[0], system - before[1])
                if sum(spent) > 0.05:
                    print(f"  {name:40s} user {spent[0]:6.2f}s  system {spent[1]:6.2f}s", file=sys.stderr)
        if args.jfr:
            time.sleep(3)
        if args.nmt:
            summary = subprocess.run(["jcmd", str(daemon.pid), "VM.native_memory", "summary"],
                                     capture_output=True, text=True).stdout
            print(summary, file=sys.stderr)

        if args.histogram:
            histogram = subprocess.run(["jcmd", str(daemon.pid), "GC.class_histogram"],
                                       capture_output=True, text=True).stdout.splitlines()
            print("\n".join(histogram[:args.histogram + 3] + histogram[-1:]), file=sys.stderr)

        lags = []
        with arrivals.lock:
            for times in arrivals.by_path.values():
                for previous, current in zip(times, times[1:]):
                    if previous >= t_start and current <= t_end:
                        lags.append(max(0.0, current - previous - args.interval))
        probes = probes_end - probes_start
        result = {
            "checks": args.checks,
            "interval_s": args.interval,
            "start_to_healthy_s": round(healthy_after, 2) if healthy_after is not None else None,
            "cpu_s_per_30s": round((cpu_end - cpu_start) * 30 / (t_end - t_start), 2),
            "window_s": round(t_end - t_start, 1),
            "probes_per_s": round(probes / (t_end - t_start), 1),
            "expected_probes_per_s": round(args.checks / args.interval, 1),
            "schedule_lag_p50_ms": round(percentile(lags, 0.50) * 1000, 1) if lags else None,
            "schedule_lag_p99_ms": round(percentile(lags, 0.99) * 1000, 1) if lags else None,
            "cpu_ms_per_probe": round((cpu_end - cpu_start) * 1000 / probes, 3) if probes else None,
            "peak_rss_mib": round(int(status["VmHWM"].split()[0]) / 1024, 1),
            "rss_mib_at_end": round(int(status["VmRSS"].split()[0]) / 1024, 1),
            "threads_min": min(threads),
            "threads_max": max(threads),
            "jvm_flags": " ".join(flags + sharing),
            "malloc": {name: env[name] for name in MALLOC_SETTINGS},
        }
        print(json.dumps(result, indent=2))
    finally:
        daemon.terminate()
        try:
            daemon.wait(30)
        except subprocess.TimeoutExpired:
            daemon.kill()
        target.shutdown()
        log.close()
        if not args.data:
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
