"""The ingest benchmark's report: per-run figures, medians per mode, ratios to the official
client, the lead's targets, as markdown tables (and the JSON beside them)."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

__all__ = [
    "LABELS",
    "OFFICIAL_MODES",
    "OURS_MODES",
    "Summary",
    "derive",
    "markdown",
    "summarize",
]

LABELS: dict[str, str] = {
    "ours_async_dynamic": "ours async `batch.dynamic()`",
    "ours_sync_dynamic": "ours sync `batch.dynamic()`",
    "ours_stream": "ours `batch.stream()`",
    "ours_ingest": "ours `data.ingest()`",
    "official_dynamic": "official `batch.dynamic()`",
    "official_fixed_size": "official `batch.fixed_size()`",
    "official_stream": "official `batch.stream()`",
    "official_insert_many": "official `insert_many` x1000",
    "noop": "no-op (input only)",
}
OURS_MODES = ("ours_async_dynamic", "ours_sync_dynamic", "ours_stream", "ours_ingest")
OFFICIAL_MODES = (
    "official_dynamic",
    "official_fixed_size",
    "official_stream",
    "official_insert_many",
)
BASELINE = "official_dynamic"

# The lead's targets (judged on medians): ours / official batch.dynamic().
CPU_TARGET = 0.3
RSS_TARGET = 0.5
SPEED_TARGET_ASYNC = 1.3  # objects/s, ASYNC_INDEXING=true only
MILLION_RSS_TARGET_MB = 300.0


def derive(run: dict[str, Any]) -> dict[str, Any]:
    """Add the figures of one run: ingest wall time net of input making, objects/s, client CPU
    per 10,000 objects, peak RSS in MB. Leaves non-ok runs as they are."""
    if run.get("status") != "ok":
        return run
    n = run["objects"]
    # The chunks' CPU time, not their wall time: see "How input is made" in benchmarks.ingest.
    wall = max(run["wall_s"] - run["gen_cpu_s"], 1e-9)
    cpu = max(run["cpu_s"] - run["gen_cpu_s"], 0.0)
    run["ingest_wall_s"] = wall
    run["ingest_cpu_s"] = cpu
    run["objects_per_s"] = n / wall if run["mode"] != "noop" else None
    run["cpu_s_per_10k"] = cpu / n * 10_000 if n else None
    run["peak_rss_mb"] = run["peak_rss_kb"] / 1024
    server_cpu = run.get("server_cpu_s")
    run["server_cpu_s_per_10k"] = server_cpu / n * 10_000 if server_cpu is not None else None
    return run


@attrs.define
class Summary:
    """The medians of one mode's valid runs in one (dataset, server) group."""

    mode: str
    runs: int
    valid: int
    unavailable: str | None = None
    objects_per_s: float | None = None
    objects_per_s_min: float | None = None
    objects_per_s_max: float | None = None
    cpu_s_per_10k: float | None = None
    peak_rss_mb: float | None = None
    server_cpu_s_per_10k: float | None = None
    problems: list[str] = attrs.Factory(list)

    @property
    def spread(self) -> float | None:
        """(max - min) / median of objects/s over the valid runs."""
        if self.objects_per_s and self.objects_per_s_min is not None:
            assert self.objects_per_s_max is not None
            return (self.objects_per_s_max - self.objects_per_s_min) / self.objects_per_s
        return None


def _median(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def summarize(mode: str, runs: Sequence[dict[str, Any]]) -> Summary:
    """Medians over the valid runs of one mode; problems lists every run that did not count."""
    summary = Summary(mode, len(runs), 0)
    valid = []
    for run in runs:
        if run.get("status") == "unavailable":
            summary.unavailable = run.get("error") or "unavailable"
        elif run.get("valid"):
            valid.append(run)
        else:
            summary.problems.append(f"rep {run.get('rep')}: {run.get('invalid_reason')}")
    summary.valid = len(valid)
    if valid:
        speeds = [r["objects_per_s"] for r in valid if r["objects_per_s"] is not None]
        summary.objects_per_s = _median(speeds)
        summary.objects_per_s_min = min(speeds) if speeds else None
        summary.objects_per_s_max = max(speeds) if speeds else None
        summary.cpu_s_per_10k = _median(r["cpu_s_per_10k"] for r in valid)
        summary.peak_rss_mb = _median(r["peak_rss_mb"] for r in valid)
        summary.server_cpu_s_per_10k = _median(r["server_cpu_s_per_10k"] for r in valid)
    return summary


# ------------------------------------------------------------------------------ markdown


def _num(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "-"
    return f"{value:,.{digits}f}"


def _ratio(ours: float | None, theirs: float | None) -> float | None:
    if ours is None or not theirs:
        return None
    return ours / theirs


def _x(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def _mark(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def _fastest_official(summaries: dict[str, Summary]) -> Summary | None:
    candidates = [
        s for m, s in summaries.items() if m in OFFICIAL_MODES and s.objects_per_s is not None
    ]
    return max(candidates, key=lambda s: s.objects_per_s or 0.0, default=None)


def group_table(
    summaries: dict[str, Summary], *, async_indexing: bool
) -> tuple[list[str], dict[str, Any]]:
    """The markdown lines of one (dataset, server) group, and its ratios and target checks."""
    base = summaries.get(BASELINE)
    fastest = _fastest_official(summaries)
    noop = summaries.get("noop")
    noop_rss = noop.peak_rss_mb if noop is not None else None
    lines = [
        "| mode | valid runs | objects/s | spread | client CPU s / 10k | peak RSS MB "
        "(above no-op) | obj/s vs off. dynamic | CPU vs off. dynamic | RSS vs off. dynamic "
        "| obj/s vs off. fastest | CPU vs off. fastest | RSS vs off. fastest |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    ratios: dict[str, Any] = {
        "baseline": BASELINE if base and base.objects_per_s else None,
        "fastest_official": fastest.mode if fastest else None,
        "modes": {},
    }
    notes: list[str] = []
    for mode in (*OURS_MODES, *OFFICIAL_MODES, "noop"):
        s = summaries.get(mode)
        if s is None:
            continue
        if s.unavailable is not None:
            lines.append(
                f"| {LABELS[mode]} | unavailable | - | - | - | - | - | - | - | - | - | - |"
            )
            notes.append(f"{LABELS[mode]} unavailable: `{s.unavailable[:400]}`")
            continue
        for problem in s.problems:
            notes.append(f"{LABELS[mode]} invalid run, {problem}")
        rss = _num(s.peak_rss_mb)
        if noop_rss is not None and s.peak_rss_mb is not None and mode != "noop":
            rss += f" (+{s.peak_rss_mb - noop_rss:,.0f})"
        r = {
            "speed_vs_dynamic": _ratio(s.objects_per_s, base.objects_per_s if base else None),
            "cpu_vs_dynamic": _ratio(s.cpu_s_per_10k, base.cpu_s_per_10k if base else None),
            "rss_vs_dynamic": _ratio(s.peak_rss_mb, base.peak_rss_mb if base else None),
            "speed_vs_fastest": _ratio(s.objects_per_s, fastest.objects_per_s if fastest else None),
            "cpu_vs_fastest": _ratio(s.cpu_s_per_10k, fastest.cpu_s_per_10k if fastest else None),
            "rss_vs_fastest": _ratio(s.peak_rss_mb, fastest.peak_rss_mb if fastest else None),
        }
        if mode == "noop":
            r = dict.fromkeys(r)
        ratios["modes"][mode] = r
        spread = f"{s.spread * 100:.0f}%" if s.spread is not None else "-"
        lines.append(
            f"| {LABELS[mode]} | {s.valid}/{s.runs} | {_num(s.objects_per_s)} | {spread} "
            f"| {_num(s.cpu_s_per_10k, 2)} | {rss} | {_x(r['speed_vs_dynamic'])} "
            f"| {_x(r['cpu_vs_dynamic'])} | {_x(r['rss_vs_dynamic'])} "
            f"| {_x(r['speed_vs_fastest'])} | {_x(r['cpu_vs_fastest'])} "
            f"| {_x(r['rss_vs_fastest'])} |"
        )
    lines.append("")
    if fastest is not None:
        lines.append(f"Official fastest mode here: {LABELS[fastest.mode]}.")
        lines.append("")
    targets = _targets(summaries, ratios, async_indexing=async_indexing)
    lines.extend(targets)
    if notes:
        lines.append("")
        lines.extend(f"- {note}" for note in notes)
    lines.append("")
    return lines, ratios


def _targets(
    summaries: dict[str, Summary], ratios: dict[str, Any], *, async_indexing: bool
) -> list[str]:
    lines = [
        f"Targets (ours vs official `batch.dynamic()`): client CPU <= {CPU_TARGET}x, peak RSS <= "
        f"{RSS_TARGET}x"
        + (
            f", objects/s >= {SPEED_TARGET_ASYNC}x and >= 1.0x the official fastest mode"
            if async_indexing
            else " (objects/s targets apply to the ASYNC_INDEXING=true server only)"
        )
        + ":",
        "",
        "| ours | CPU | RSS | obj/s vs dynamic | obj/s vs fastest |",
        "|---|---|---|---|---|",
    ]
    checks: dict[str, dict[str, bool | None]] = {}
    for mode in OURS_MODES:
        r = ratios["modes"].get(mode)
        if r is None:
            continue

        def check(value: float | None, limit: float, *, most: bool) -> bool | None:
            if value is None:
                return None
            return value <= limit if most else value >= limit

        c = {
            "cpu": check(r["cpu_vs_dynamic"], CPU_TARGET, most=True),
            "rss": check(r["rss_vs_dynamic"], RSS_TARGET, most=True),
            "speed_dynamic": check(r["speed_vs_dynamic"], SPEED_TARGET_ASYNC, most=False)
            if async_indexing
            else None,
            "speed_fastest": check(r["speed_vs_fastest"], 1.0, most=False)
            if async_indexing
            else None,
        }
        checks[mode] = c
        lines.append(
            f"| {LABELS[mode]} | {_x(r['cpu_vs_dynamic'])} {_mark(c['cpu'])} "
            f"| {_x(r['rss_vs_dynamic'])} {_mark(c['rss'])} "
            f"| {_x(r['speed_vs_dynamic'])} {_mark(c['speed_dynamic'])} "
            f"| {_x(r['speed_vs_fastest'])} {_mark(c['speed_fastest'])} |"
        )
    ratios["targets"] = checks
    if not checks:
        return []
    return lines


def markdown(report: dict[str, Any]) -> str:
    """The whole report as markdown."""
    meta = report["meta"]
    out = [
        "# Ingestion benchmark: weaviate-async vs the official client",
        "",
        f"- when: {meta['when']}; machine: {meta['machine']}, {meta['cpus']} cores, "
        f"load average at start {meta['load_start']}, at end {meta.get('load_end', '-')}",
        f"- python {meta['python']}; official client {meta['official_client']}; "
        f"server {meta.get('server_version', '?')} (the same binary for every run)",
        f"- {meta['repetitions']} repetitions per mode, modes interleaved within each "
        f"repetition (order rotated/reversed between repetitions); each run in its own "
        f"process on a fresh collection; medians of valid runs"
        + (" (quick run: noisy)" if meta.get("quick") else ""),
        "- objects/s: objects / (wall time of the ingest phase - CPU time spent making input "
        "chunks); client CPU: process CPU (all threads) of the phase - the producer thread's "
        "CPU spent making chunks; peak RSS: the high-water mark (VmHWM) of the run's process; the no-op row is "
        "the process making the same input and sending nothing",
        "",
    ]
    for note in report.get("skipped", []):
        out.append(f"- skipped: {note}")
    if report.get("skipped"):
        out.append("")
    for group in report["groups"]:
        out.append(f"## {group['title']}")
        out.append("")
        out.extend(group["markdown"])
    million = report.get("million")
    if million:
        out.append("## 1,000,000 objects through ours `data.ingest(generator)`")
        out.append("")
        out.extend(million["markdown"])
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def million_lines(run: dict[str, Any], server: str) -> list[str]:
    """The million-object run as markdown lines."""
    if run.get("status") != "ok":
        return [
            f"Run failed: {run.get('status')}: `{run.get('error') or run.get('invalid_reason')}`"
        ]
    ok = run["peak_rss_mb"] <= MILLION_RSS_TARGET_MB
    lines = [
        f"{run['objects']:,} objects, {run['dim']}-d vectors, one int property, server {server}.",
        "",
        "| objects/s | client CPU s / 10k | peak RSS MB | RSS target | valid |",
        "|--:|--:|--:|---|---|",
        f"| {_num(run['objects_per_s'])} | {_num(run['cpu_s_per_10k'], 2)} "
        f"| {_num(run['peak_rss_mb'])} | <= {MILLION_RSS_TARGET_MB:.0f} MB {_mark(ok)} "
        f"| {'yes' if run.get('valid') else 'NO: ' + str(run.get('invalid_reason'))} |",
    ]
    return lines
