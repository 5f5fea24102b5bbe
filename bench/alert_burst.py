#!/usr/bin/env python3
"""Alert burst harness: several checks failing within the same second, each from its deciding probe to the webhook.

Runs the daemon jar with N http checks (interval 10 s, failureThreshold 3) against a local target and a local
Slack stand-in, like bench/alert_latency.py. After a warm-up, each round switches K checks to failing at once,
chosen so that their next probes fall evenly over --spread seconds (the target has seen when each check probes):
their deciding (third) failing probes then land that far apart, first to last, which no grouping window shorter
than spread / (K - 1) gathers into one message, so the channel's pace decides whether the later ones wait. For
every check the latency runs from the moment the target answered its deciding probe to the moment the webhook
received a message naming it (a message carries several alerts: every key in it counts). Prints p50/p95/max over
all rounds, the span of each round's deciding probes and how many messages each round took.

The latency includes the grouping window (alerts.groupWindow, Sentinel's default unless --group-window is given):
a lone alert waits the whole window for others, so the window must stay below the target for the target to hold.

Usage: python3 bench/alert_burst.py --checks 1000 --burst 5 --rounds 10 [--spread 1.0] [--group-window 250ms]
                                    [--slack-burst 1]
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


def pick_burst(target, burst, spread, used, lead=2.0):
    """K checks not used yet whose next probes fall `spread` seconds apart, first to last, spaced evenly: the
    hardest case for a channel that may send once a second, since no two of them are decided within one grouping
    window unless the window is longer than spread / (K - 1). The first of them probes `lead` seconds from now or
    later, so switching them all to failing now makes each one's next probe its first failing one, in that order."""
    now = time.monotonic()
    with target.lock:
        # seconds until each check's next probe: the target saw its last one, and the interval is 10 s
        until_next = {index: (seen - now) % 10.0 for index, seen in target.arrivals.items()
                      if index not in target.failing and index not in used}
    group = []
    for position in range(burst):
        wanted = lead + (spread * position / (burst - 1) if burst > 1 else 0.0)
        candidates = [(abs(until - wanted), index) for index, until in until_next.items() if index not in group]
        if not candidates:
            return []
        distance, index = min(candidates)
        if distance > 0.05:
            return []
        group.append(index)
    return group


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--checks", type=int, default=1000)
    parser.add_argument("--burst", type=int, default=5, help="checks failing at once in each round")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--spread", type=float, default=1.0, help="most seconds between the deciding probes of a round")
    parser.add_argument("--group-window", default="", help="alerts.groupWindow, e.g. 250ms (default: Sentinel's)")
    parser.add_argument("--slack-burst", type=int, default=None,
                        help="the Slack channel's burst, 1 for one message a second (default: Sentinel's)")
    parser.add_argument("--warmup", type=int, default=60)
    parser.add_argument("--jar", default=os.path.join(os.path.dirname(__file__), "..", "target", "sentinel.jar"))
    parser.add_argument("--routes", default=os.path.join(os.path.dirname(__file__), "..", "routes"))
    args = parser.parse_args()

    target, webhook = Target(), Webhook()
    target_server, webhook_server = target.serve(), webhook.serve()
    directory = tempfile.mkdtemp(prefix="sentinel-alert-burst-")
    config = write_config(directory, args.checks, target_server.server_address[1], webhook_server.server_address[1],
                          args.group_window, args.slack_burst)
    daemon, log = start_daemon(args.jar, args.routes, config, directory)
    try:
        time.sleep(args.warmup)
        rounds, used = [], set()
        for _ in range(args.rounds):
            burst = []
            for _ in range(10):
                burst = pick_burst(target, args.burst, args.spread, used)
                if burst:
                    break
                time.sleep(1)
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
            "group_window": args.group_window or "default",
            "slack_burst": args.slack_burst or "default",
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
