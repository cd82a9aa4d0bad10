"""The file benchmark's report: per-run figures, medians per mode, ratios to the official
script and issue 16's targets, as markdown."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = [
    "IMPORT_MODES",
    "LABELS",
    "MODES",
    "derive",
    "markdown",
    "memory_table",
    "summarize",
    "summary_table",
]

LABELS: dict[str, str] = {
    "ours_api": "ours `await import_file(...)`",
    "ours_cli": "ours CLI `import FILE -c C`",
    "official_script": "official documented script",
    "export_parquet": "ours `export_collection(..., .parquet)`",
}
IMPORT_MODES = ("ours_api", "ours_cli", "official_script")
MODES = (*IMPORT_MODES, "export_parquet")
BASELINE = "official_script"

# Issue 16's targets, ours / the official script (medians), and an absolute RSS ceiling.
SPEED_TARGET = 1.5
CPU_TARGET = 0.3
RSS_LIMIT_MB = 300.0


def derive(run: dict[str, Any]) -> dict[str, Any]:
    """Add one run's figures: rows/s, client CPU seconds per 10,000 rows, peak RSS in MB.
    A run that is not ``ok`` is left as it is."""
    if run.get("status") != "ok":
        return run
    rows = run["expected_rows"]
    wall = max(float(run["wall_s"]), 1e-9)
    run["rows_per_s"] = rows / wall
    run["cpu_s_per_10k"] = float(run["cpu_s"]) / rows * 10_000 if rows else None
    run["peak_rss_mb"] = run["peak_rss_kb"] / 1024 if run.get("peak_rss_kb") else None
    return run


def _median(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def summarize(runs: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The medians of each mode's valid runs (and how many runs were valid, of how many)."""
    out: dict[str, dict[str, Any]] = {}
    for mode in MODES:
        mine = [r for r in runs if r.get("mode") == mode]
        if not mine:
            continue
        valid = [r for r in mine if r.get("valid")]
        out[mode] = {
            "runs": len(mine),
            "valid": len(valid),
            "rows_per_s": _median(r.get("rows_per_s") for r in valid),
            "cpu_s_per_10k": _median(r.get("cpu_s_per_10k") for r in valid),
            "peak_rss_mb": _median(r.get("peak_rss_mb") for r in valid),
            "rows_per_s_all": [r.get("rows_per_s") for r in valid],
        }
    return out


def _ratio(ours: float | None, theirs: float | None) -> float | None:
    if ours is None or theirs is None or theirs == 0:
        return None
    return ours / theirs


def _num(value: float | None, digits: int = 0) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def _x(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def _mark(ok: bool | None) -> str:
    return "" if ok is None else (" (met)" if ok else " (missed)")


def summary_table(summaries: dict[str, dict[str, Any]]) -> list[str]:
    """The markdown table of the medians, with ratios to the official script and the targets
    (rows/s at least 1.5x, CPU at most 0.3x, peak RSS under 300 MB) judged for our import
    modes."""
    base = summaries.get(BASELINE, {})
    lines = [
        "| mode | valid runs | rows/s | CPU s / 10k rows | peak RSS MB "
        "| rows/s vs official | CPU vs official |",
        "|---|---|---|---|---|---|---|",
    ]
    for mode in MODES:
        s = summaries.get(mode)
        if s is None:
            continue
        speed = cpu = None
        if mode != BASELINE and mode in IMPORT_MODES:
            speed = _ratio(s["rows_per_s"], base.get("rows_per_s"))
            cpu = _ratio(s["cpu_s_per_10k"], base.get("cpu_s_per_10k"))
        ours = mode in IMPORT_MODES and mode != BASELINE
        rss = s["peak_rss_mb"]
        lines.append(
            f"| {LABELS[mode]} | {s['valid']}/{s['runs']} | {_num(s['rows_per_s'])} "
            f"| {_num(s['cpu_s_per_10k'], 2)} "
            f"| {_num(rss)}{_mark(rss < RSS_LIMIT_MB if ours and rss is not None else None)} "
            f"| {_x(speed)}{_mark(speed >= SPEED_TARGET if speed is not None else None)} "
            f"| {_x(cpu)}{_mark(cpu <= CPU_TARGET if cpu is not None else None)} |"
        )
    return lines


def memory_table(runs: Sequence[dict[str, Any]]) -> list[str]:
    """Peak RSS of ``import_file`` by input size (does it grow with the file?)."""
    lines = ["| rows in the file | file MB | rows/s | peak RSS MB |", "|---|---|---|---|"]
    for run in sorted(runs, key=lambda r: r["expected_rows"]):
        if not run.get("valid"):
            reason = run.get("invalid_reason") or run.get("error")
            lines.append(f"| {run['expected_rows']:,} | - | invalid: {reason} | - |")
            continue
        lines.append(
            f"| {run['expected_rows']:,} | {_num(run.get('file_mb'))} "
            f"| {_num(run.get('rows_per_s'))} | {_num(run.get('peak_rss_mb'))} |"
        )
    return lines


def _invalid(runs: Sequence[dict[str, Any]]) -> list[str]:
    out = []
    for run in runs:
        if not run.get("valid"):
            reason = run.get("invalid_reason") or run.get("error") or "?"
            out.append(f"- {LABELS.get(run['mode'], run['mode'])}, rep {run.get('rep')}: {reason}")
    return out


def markdown(report: dict[str, Any]) -> str:
    """The whole report: what ran where, the medians table, the memory table, invalid runs."""
    meta = report["meta"]
    lines = [
        f"# File import/export benchmark ({meta['when']})",
        "",
        f"{meta['rows']:,} rows x {meta['dim']}-d float32 vectors + 3 properties, Parquet "
        f"({_num(meta.get('file_mb'))} MB); {meta['repetitions']} repetition(s) per mode, each "
        f"run in its own process on a fresh collection; weaviate-server "
        f"{meta.get('server_version')} (ASYNC_INDEXING=true); official client "
        f"{meta['official_client']}; Python {meta['python']}, {meta['cpus']} CPUs; load "
        f"average {meta.get('load_start')} at the start, {meta.get('load_end')} at the end.",
        "",
    ]
    if meta.get("note"):
        lines += [str(meta["note"]), ""]
    summaries = report.get("summaries") or {}
    if summaries:
        lines += [
            "Medians of the valid runs. CPU is the client process's (every thread); the CLI's "
            "includes its interpreter start and imports. Targets (issue 16): rows/s at least "
            f"{SPEED_TARGET}x the official script's, CPU at most {CPU_TARGET}x, peak RSS under "
            f"{RSS_LIMIT_MB:.0f} MB.",
            "",
            *summary_table(summaries),
            "",
        ]
    memory = report.get("memory") or []
    if memory:
        lines += [
            "Peak RSS of `import_file` by file size (one run each):",
            "",
            *memory_table(memory),
            "",
        ]
    invalid = _invalid([*report.get("runs", []), *memory])
    if invalid:
        lines += ["Invalid runs (left out of the medians):", "", *invalid, ""]
    return "\n".join(lines)
