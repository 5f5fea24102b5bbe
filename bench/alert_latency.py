#!/usr/bin/env python3
"""Alert latency harness: from the deciding failed probe to the Slack webhook receiving the alert.

Runs the daemon jar with N http checks (interval 10 s unless --interval says otherwise, failureThreshold 3)
against a local target and a local Slack stand-in. After a warm-up, K checks are made to fail, in rounds. Each round picks checks whose probes fall
at least --gap seconds apart in the checks' cycle (the target has seen when each check probes), so that each alert is
a message of its own and the figure is one alert's way through the pipeline, grouping window included, not Slack's
pace (bench/alert_burst.py measures alerts decided close together). For each, the latency is measured from the
moment the target answered the check's third failing probe (the one that decides DOWN) to the moment the webhook
received the FIRING message naming it. Prints p50/p95/max.

Usage: python3 bench/alert_latency.py --checks 1000 --failing 30 [--gap 1.5] [--interval 10]
The jar must be built first: mvn -B -q package -DskipTests
"""
import argparse
import datetime
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from probe_load import JVM_FLAGS, MALLOC_SETTINGS, free_port, percentile  # noqa: E402


class Target:
    """Answers 200, or 500 for checks switched to failing; remembers when each failing answer went out."""

    def __init__(self):
        self.lock = threading.Lock()
        self.failing = set()
        self.failures = {}
        self.arrivals = {}

    def fail(self, index):
        with self.lock:
            self.failing.add(index)

    def serve(self):
        target = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self):
                index = int(self.path.rsplit("/", 1)[1])
                with target.lock:
                    failing = index in target.failing
                    target.arrivals[index] = time.monotonic()
                body = b'{"status":"DOWN"}' if failing else b'{"status":"OK"}'
                self.send_response(500 if failing else 200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                self.wfile.flush()
                if failing:
                    with target.lock:
                        target.failures.setdefault(index, []).append(time.monotonic())

            def log_message(self, *args):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.request_queue_size = 512
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server


STATE_CHANGE = re.compile(r"^(\S+) INFO .* c(\d+) is now DOWN \(was UP\)")


def decided_at(log_path, wall_minus_monotonic):
    """When the daemon logged each check's change to DOWN (the rules' decision), on the harness's monotonic clock."""
    decided = {}
    with open(log_path) as log:
        for line in log:
            match = STATE_CHANGE.match(line)
            if match:
                wall = datetime.datetime.fromisoformat(match.group(1).replace("Z", "+00:00")).timestamp()
                decided.setdefault(int(match.group(2)), wall - wall_minus_monotonic)
    return decided


FIRING_KEY = re.compile(r"\bc(\d+)@[^/\s\"]+/FIRING-DOWN/ops-slack")


class Webhook:
    """A Slack incoming webhook stand-in: answers ok, and records every message and when each check's FIRING
    arrived (a message sent for several alerts together names each of them by its key)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.firing = {}
        self.messages = []

    def serve(self):
        webhook = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_POST(self):
                arrived = time.monotonic()
                payload = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                checks = {int(index) for index in FIRING_KEY.findall(payload)}
                with webhook.lock:
                    webhook.messages.append((arrived, checks))
                    for index in checks:
                        webhook.firing.setdefault(index, arrived)
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server


def write_config(directory, checks, target_port, webhook_port, group_window="", slack_burst=None, interval=10):
    lines = [
        "storage:",
        f"  url: jdbc:h2:file:{directory}/data/sentinel",
        f"  reportsDirectory: {directory}/reports",
        f"defaults: {{interval: {interval}s, timeout: 5s, failureThreshold: 3, successThreshold: 2}}",
        "dependencies:",
        "  - id: target",
        "    breaker: {window: 1000, minimumCalls: 1000}",
        "checks:",
    ]
    # ten thousand checks with a severity each pass the 1 MiB a configuration may have: beyond a thousand they
    # keep the default severity (high), which the routing below sends to the same channel
    severity = " severity: critical," if checks <= 1000 else ""
    for i in range(checks):
        lines.append(f"  - {{id: c{i}, dependency: target, kind: http,{severity}"
                     f" url: \"http://127.0.0.1:{target_port}/t/{i}\"}}")
    lines += [
        "alerts:",
        *([f"  groupWindow: {group_window}"] if group_window else []),
        "  channels:",
        f"    - {{id: ops-slack, type: slack, webhookUrl: \"http://127.0.0.1:{webhook_port}/hook\""
        + (f", burst: {slack_burst}" if slack_burst else "") + "}",
        "  routing: {critical: [ops-slack], high: [ops-slack], medium: [ops-slack]}",
    ]
    path = os.path.join(directory, "sentinel.yaml")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def start_daemon(jar, routes, config, directory):
    """The jar with bin/sentinel's flags, on a free port; returns once its health answers (or after a minute)."""
    port = free_port()
    log = open(os.path.join(directory, "daemon.log"), "w")
    daemon = subprocess.Popen(["java", *JVM_FLAGS, "-jar", os.path.abspath(jar), "--config", config,
                               "--routes", os.path.abspath(routes), "--data", os.path.join(directory, "data")],
                              cwd=directory, env=dict(os.environ, SENTINEL_HTTP_PORT=str(port), **MALLOC_SETTINGS),
                              stdout=log, stderr=subprocess.STDOUT)
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/observe/health", timeout=2)
            break
        except Exception:
            time.sleep(0.5)
    return daemon, log


def stop_daemon(daemon, log, directory, *servers):
    daemon.terminate()
    try:
        daemon.wait(30)
    except subprocess.TimeoutExpired:
        daemon.kill()
    for server in servers:
        server.shutdown()
    log.close()
    shutil.rmtree(directory, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--checks", type=int, default=1000)
    parser.add_argument("--failing", type=int, default=30)
    parser.add_argument("--gap", type=float, default=1.5, help="least seconds between two deciding probes of a round")
    parser.add_argument("--warmup", type=int, default=60)
    parser.add_argument("--interval", type=int, default=10, help="every check's interval, seconds")
    parser.add_argument("--jar", default=os.path.join(os.path.dirname(__file__), "..", "target", "sentinel.jar"))
    parser.add_argument("--routes", default=os.path.join(os.path.dirname(__file__), "..", "routes"))
    args = parser.parse_args()

    target, webhook = Target(), Webhook()
    target_server, webhook_server = target.serve(), webhook.serve()
    directory = tempfile.mkdtemp(prefix="sentinel-alert-bench-")
    config = write_config(directory, args.checks, target_server.server_address[1], webhook_server.server_address[1],
                          interval=args.interval)
    daemon, log = start_daemon(args.jar, args.routes, config, directory)
    wall_minus_monotonic = time.time() - time.monotonic()
    try:
        time.sleep(args.warmup)
        chosen = []
        while len(chosen) < args.failing:
            if daemon.poll() is not None:
                with open(log.name) as written:
                    sys.exit(f"the daemon exited ({daemon.returncode}):\n" + "".join(written.readlines()[-5:]))
            with target.lock:
                phases = sorted((seen % args.interval, index) for index, seen in target.arrivals.items()
                                if index not in target.failing)
            picked, last = [], None
            for phase, index in phases:
                if (last is None or phase - last >= args.gap) and (not picked or phase - picked[0][0] <= args.interval - args.gap):
                    picked.append((phase, index))
                    last = phase
                if len(picked) + len(chosen) >= args.failing:
                    break
            for _, index in picked:
                target.fail(index)
                chosen.append(index)
            # three failing probes and the alert: three and a half intervals
            time.sleep(3.5 * args.interval)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with webhook.lock:
                if len(webhook.firing) >= len(chosen):
                    break
            time.sleep(0.5)

        latencies, to_decision, after_decision = [], [], []
        decided = decided_at(os.path.join(directory, "daemon.log"), wall_minus_monotonic)
        with target.lock, webhook.lock:
            for index in chosen:
                failures = target.failures.get(index, [])
                if len(failures) >= 3 and index in webhook.firing:
                    latencies.append((webhook.firing[index] - failures[2]) * 1000)
                    if index in decided:
                        # the log's clock has milliseconds: a split, not a measurement to the microsecond
                        to_decision.append((decided[index] - failures[2]) * 1000)
                        after_decision.append((webhook.firing[index] - decided[index]) * 1000)
        result = {
            "checks": args.checks,
            "interval_s": args.interval,
            "alerts_expected": len(chosen),
            "least_gap_between_decisions_s": args.gap,
            "alerts_received": len(latencies),
            "latency_p50_ms": round(percentile(latencies, 0.50), 1) if latencies else None,
            "latency_p95_ms": round(percentile(latencies, 0.95), 1) if latencies else None,
            "latency_max_ms": round(max(latencies), 1) if latencies else None,
            # where the time goes: target's answer to the logged decision, and the decision to the webhook
            "answer_to_decision_p50_p95_ms": [round(percentile(to_decision, q), 1) for q in (0.5, 0.95)]
            if to_decision else None,
            "decision_to_webhook_p50_p95_ms": [round(percentile(after_decision, q), 1) for q in (0.5, 0.95)]
            if after_decision else None,
            "jvm_flags": " ".join(JVM_FLAGS),
        }
        print(json.dumps(result, indent=2))
    finally:
        stop_daemon(daemon, log, directory, target_server, webhook_server)


if __name__ == "__main__":
    sys.exit(main())
