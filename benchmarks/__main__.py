"""Run the benchmarks: ``python -m benchmarks [--quick] [--only NAME ...] [--json PATH]``.

One embedded weaviate-server serves both clients. Each scenario times the same work with our
client and with the official one, alternating rounds so drift on the machine hits both alike,
and reports medians and the ratio ours / official.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

from benchmarks.scenarios import SCENARIOS, Context


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer rounds (smoke run)")
    parser.add_argument("--only", nargs="*", default=None, help="scenario names to run")
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/latest.json"))
    args = parser.parse_args(argv)

    import weaviate

    from weaviate_async.embedded import EmbeddedServer

    rounds = 3 if args.quick else 7
    results = []
    with EmbeddedServer() as server:
        ctx = Context(server=server, quick=args.quick)
        for scenario in SCENARIOS:
            if args.only and scenario.name not in args.only:
                continue
            ours_times: list[float] = []
            theirs_times: list[float] = []
            with scenario.setup(ctx) as pair:
                for _ in range(rounds):
                    ours_times.append(pair.ours())
                    theirs_times.append(pair.theirs())
            ours = statistics.median(ours_times)
            theirs = statistics.median(theirs_times)
            results.append(
                {
                    "scenario": scenario.name,
                    "unit": scenario.unit,
                    "ours": ours,
                    "official": theirs,
                    "ratio": ours / theirs if theirs else float("nan"),
                }
            )
            print(
                f"{scenario.name:<34} ours {ours:10.1f} {scenario.unit:<8} "
                f"official {theirs:10.1f} {scenario.unit:<8} ratio {ours / theirs:5.2f}",
                flush=True,
            )
    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "official_client": weaviate.__version__,
        "server": ctx.server_version,
        "results": results,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2))
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
