#!/usr/bin/env python3
"""Alert burst harness: several checks failing within the same second, each from its deciding probe to the webhook.

Runs the daemon jar with N http checks (interval 10 s, failureThreshold 3) against a local target and a local
Slack stand-in, like bench/alert_latency.py. After a warm-up, each round switches K checks to failing at once,
chosen so that their probes fall within --spread seconds of each other in the 10 s cycle (the target has seen
when each check probes): their deciding (third) failing probes then land within that span, and Sentinel's
grouping window gathers the alerts into as few messages as Slack's one-a-second allows. For every check the
latency runs from the moment the target answered its deciding probe to the moment the webhook received a message
naming it (a message carries several alerts: every key in it counts). Prints p50/p95/max over all rounds and how
many messages each round took.

The latency includes the grouping window (alerts.groupWindow, 250 ms unless --group-window is given): a lone
alert waits the whole window for others, so the window must stay below the target for the target to hold.

Usage: python3 bench/alert_burst.py --checks 1000 --burst 5 --rounds 10 [--spread 1.0] [--group-window 250ms]
The jar must be built first: mvn -B -q package -DskipTests
"""
import argparse
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from alert_latency import Target, Webhook, start_daemon, stop_daemon, write_config  # noqa: E402
from probe_load import JVM_FLAGS, percentile  # noqa: E402


def pick_burst(target, burst, spread, used):
    """K checks not used yet whose probes fall within `spread` seconds of each other in the 10 s cycle."""
    with target.lock:
        phases = sorted((seen % 10.0, index) for index, seen in target.arrivals.items()
                        if index not in target.failing and index not in used)
    for start in range(len(phases)):
        group = [index for phase, index in phases[start:start + burst] if phase - phases[start][0] <= spread]
        if len(group) == burst:
            return group
    return []


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--checks", type=int, default=1000)
    parser.add_argument("--burst", type=int, default=5, help="checks failing at once in each round")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--spread", type=float, default=1.0, help="most seconds between the deciding probes of a round")
    parser.add_argument("--group-window", default="", help="alerts.groupWindow, e.g. 250ms (default: Sentinel's)")
    parser.add_argument("--warmup", type=int, default=60)
    parser.add_argument("--jar", default=os.path.join(os.path.dirname(__file__), "..", "target", "sentinel.jar"))
    parser.add_argument("--routes", default=os.path.join(os.path.dirname(__file__), "..", "routes"))
    args = parser.parse_args()

    target, webhook = Target(), Webhook()
    target_server, webhook_server = target.serve(), webhook.serve()
    directory = tempfile.mkdtemp(prefix="sentinel-alert-burst-")
    config = write_config(directory, args.checks, target_server.server_address[1], webhook_server.server_address[1],
                          args.group_window)
    daemon, log = start_daemon(args.jar, args.routes, config, directory)
    try:
        time.sleep(args.warmup)
        rounds, used = [], set()
        for _ in range(args.rounds):
            burst = pick_burst(target, args.burst, args.spread, used)
            if not burst:
                break
            used.update(burst)
            for index in burst:
                target.fail(index)
            rounds.append(burst)
            # three failing probes 10 s apart decide DOWN; leave the next round's probes clear of this one
            time.sleep(35)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with webhook.lock:
                if all(index in webhook.firing for burst in rounds for index in burst):
                    break
            time.sleep(0.5)

        latencies, messages_per_round, spans = [], [], []
        with target.lock, webhook.lock:
            for burst in rounds:
                decided = [target.failures[index][2] for index in burst if len(target.failures.get(index, [])) >= 3]
                spans.append(round((max(decided) - min(decided)) * 1000, 1) if decided else None)
                for index in burst:
                    failures = target.failures.get(index, [])
                    if len(failures) >= 3 and index in webhook.firing:
                        latencies.append((webhook.firing[index] - failures[2]) * 1000)
                messages_per_round.append(sum(1 for _, checks in webhook.messages if checks & set(burst)))
        result = {
            "checks": args.checks,
            "rounds": len(rounds),
            "alerts_per_round": args.burst,
            "decisions_span_ms_per_round": spans,
            "messages_per_round": messages_per_round,
            "alerts_expected": sum(len(burst) for burst in rounds),
            "alerts_received": len(latencies),
            "group_window": args.group_window or "default (250ms)",
            "latency_p50_ms": round(percentile(latencies, 0.50), 1) if latencies else None,
            "latency_p95_ms": round(percentile(latencies, 0.95), 1) if latencies else None,
            "latency_max_ms": round(max(latencies), 1) if latencies else None,
            "jvm_flags": " ".join(JVM_FLAGS),
        }
        print(json.dumps(result, indent=2))
    finally:
        stop_daemon(daemon, log, directory, target_server, webhook_server)


if __name__ == "__main__":
    sys.exit(main())
