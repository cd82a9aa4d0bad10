"""The ingestion benchmark's own machinery: deterministic input, the worker's result line, and
the arithmetic of the report (medians, validity, ratios, targets). The benchmark itself runs
against real servers (``python -m benchmarks.ingest``); these checks keep its figures honest."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.ingest import _order
from benchmarks.ingest_data import CHUNK, DATASETS, open_source
from benchmarks.ingest_report import derive, group_table, summarize
from benchmarks.ingest_worker import MARKER

ROOT = Path(__file__).resolve().parents[2]


def test_generated_chunks_are_deterministic_and_complete() -> None:
    spec = DATASETS["generated"](2500)
    first = list(open_source(spec))
    second = list(open_source(spec))
    assert [len(props) for props, _ in first] == [CHUNK, CHUNK, 500]
    for (pa, va), (pb, vb) in zip(first, second, strict=True):
        assert pa == pb
        assert va.dtype == np.float32 and va.shape == (len(pa), 384)
        assert np.array_equal(va, vb)
    props = first[2][0][-1]
    assert props["count"] == 2499
    assert props["when"].tzinfo is dt.timezone.utc
    # Chunks differ from each other: the RNG is seeded per chunk.
    assert not np.array_equal(first[0][1][:10], first[1][1][:10])


def test_source_times_the_making_and_counts_objects() -> None:
    source = open_source(DATASETS["million"](2100)).with_wrap(lambda chunk: list(chunk[0]))
    chunks = list(source)
    assert source.objects == 2100
    assert [len(c) for c in chunks] == [1000, 1000, 100]
    assert source.gen_cpu > 0 and source.gen_wall > 0


def test_worker_noop_reports_a_result_line() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.ingest_worker",
            "--mode",
            "noop",
            "--dataset",
            "generated",
            "--objects",
            "2500",
            "--http-port",
            "1",
            "--grpc-port",
            "1",
            "--collection",
            "Unused",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    line = next(x for x in proc.stdout.splitlines() if x.startswith(MARKER))
    result = json.loads(line[len(MARKER) :])
    assert result["status"] == "ok", result
    assert result["taken"] == 2500 and result["failed"] == 0
    assert result["peak_rss_kb"] >= result["rss_before_kb"] > 0
    assert result["cpu_s"] >= result["gen_cpu_s"] > 0


def _run(mode: str, wall: float, cpu: float, rss_mb: float, **extra: Any) -> dict[str, Any]:
    run = {
        "mode": mode,
        "status": "ok",
        "objects": 10_000,
        "wall_s": wall + 0.5,
        "gen_cpu_s": 0.5,
        "gen_wall_s": 0.9,
        "cpu_s": cpu + 0.5,
        "peak_rss_kb": rss_mb * 1024,
        "valid": True,
        "rep": 0,
    }
    run.update(extra)
    return derive(run)


def test_derive_subtracts_the_inputs_cpu_time() -> None:
    run = _run("ours_async_dynamic", wall=2.0, cpu=1.0, rss_mb=100)
    assert run["objects_per_s"] == 5000  # 10,000 / (2.5 - 0.5)
    assert run["cpu_s_per_10k"] == 1.0
    assert run["peak_rss_mb"] == 100


def test_summaries_ratios_and_targets() -> None:
    runs = {
        "official_dynamic": [_run("official_dynamic", w, 2.0, 200) for w in (2.0, 2.2, 10.0)],
        "official_insert_many": [_run("official_insert_many", 1.6, 1.0, 120) for _ in range(3)],
        "ours_async_dynamic": [
            _run("ours_async_dynamic", 1.0, 0.5, 90),
            _run("ours_async_dynamic", 1.2, 0.5, 90),
            _run("ours_async_dynamic", 0.1, 0.5, 90, valid=False, invalid_reason="9 of 10"),
        ],
        "ours_stream": [{"mode": "ours_stream", "status": "unavailable", "error": "nope"}],
        "noop": [_run("noop", 0.0, 0.0, 40) for _ in range(3)],
    }
    summaries = {mode: summarize(mode, rs) for mode, rs in runs.items()}
    ours = summaries["ours_async_dynamic"]
    assert ours.valid == 2 and ours.runs == 3
    assert ours.objects_per_s == (10_000 / 1.0 + 10_000 / 1.2) / 2  # the invalid run is out
    assert ours.problems == ["rep 0: 9 of 10"]
    assert summaries["ours_stream"].unavailable == "nope"
    assert summaries["official_dynamic"].objects_per_s == 10_000 / 2.2

    lines, ratios = group_table(summaries, async_indexing=True)
    assert ratios["fastest_official"] == "official_insert_many"
    r = ratios["modes"]["ours_async_dynamic"]
    assert abs(r["speed_vs_dynamic"] - ours.objects_per_s / (10_000 / 2.2)) < 1e-9
    assert r["cpu_vs_dynamic"] == 0.25 and r["rss_vs_dynamic"] == 0.45
    targets = ratios["targets"]["ours_async_dynamic"]
    assert targets == {"cpu": True, "rss": True, "speed_dynamic": True, "speed_fastest": True}
    text = "\n".join(lines)
    assert "unavailable: `nope`" in text and "invalid run, rep 0: 9 of 10" in text
    assert "90 (+50)" in text  # peak RSS and its excess over the no-op process

    _, sync_ratios = group_table(summaries, async_indexing=False)
    assert sync_ratios["targets"]["ours_async_dynamic"]["speed_dynamic"] is None


def test_order_interleaves_and_varies_between_repetitions() -> None:
    modes = ["a", "b", "c", "d", "e", "f"]
    orders = [_order(modes, rep) for rep in range(3)]
    assert all(sorted(o) == modes for o in orders)
    assert len({tuple(o) for o in orders}) == 3
