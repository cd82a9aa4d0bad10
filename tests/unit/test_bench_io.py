"""The file benchmark's pure parts: the generated Parquet file (shape, row count, row groups,
determinism), the order of the modes, run validity, and the report's arithmetic and tables.
The benchmark itself runs against a real server (``python -m benchmarks.io``)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from benchmarks.io import _order, validate
from benchmarks.io_data import CATEGORIES, DIM, dataset_path, ensure_dataset, write_dataset
from benchmarks.io_report import derive, markdown, memory_table, summarize, summary_table
from benchmarks.io_worker import _last_json


def test_generated_file_has_the_schema_rows_and_row_groups(tmp_path: Path) -> None:
    path = write_dataset(tmp_path / "x.parquet", 25, row_group=10)
    parquet = pq.ParquetFile(path)
    assert parquet.metadata.num_rows == 25
    assert [parquet.metadata.row_group(i).num_rows for i in range(3)] == [10, 10, 5]
    schema = parquet.schema_arrow
    assert schema.names == ["uuid", "title", "category", "year", "vector"]
    assert schema.field("vector").type == pa.list_(pa.float32(), DIM)
    assert schema.field("year").type == pa.int64()
    table = parquet.read()
    vectors = np.asarray(table.column("vector").combine_chunks().values).reshape(-1, DIM)
    assert vectors.shape == (25, DIM) and vectors.dtype == np.float32
    uuids = table.column("uuid").to_pylist()
    assert len(set(uuids)) == 25 and all(uuid.UUID(u).version == 4 for u in uuids)
    assert set(table.column("category").to_pylist()) <= set(CATEGORIES)
    assert all(1950 <= y <= 2025 for y in table.column("year").to_pylist())
    assert table.column("title").to_pylist()[13].startswith("Article 13 on ")
    assert not (tmp_path / "x.parquet.partial").exists()


def test_generated_rows_do_not_depend_on_the_file_size(tmp_path: Path) -> None:
    small = pq.read_table(write_dataset(tmp_path / "a.parquet", 10, row_group=10))
    large = pq.read_table(write_dataset(tmp_path / "b.parquet", 30, row_group=10))
    assert large.slice(0, 10).equals(small)
    assert write_dataset(tmp_path / "c.parquet", 0).exists()


def test_dataset_is_cached_by_row_count(tmp_path: Path) -> None:
    path = ensure_dataset(12, tmp_path)
    assert path == dataset_path(12, tmp_path)
    stamp = path.stat().st_mtime_ns
    assert ensure_dataset(12, tmp_path).stat().st_mtime_ns == stamp
    assert dataset_path(13, tmp_path) != path


def test_export_runs_right_after_the_api_import_and_order_alternates() -> None:
    modes = ["ours_api", "ours_cli", "official_script", "export_parquet"]
    assert _order(modes, 0) == ["ours_api", "export_parquet", "ours_cli", "official_script"]
    assert _order(modes, 1) == ["official_script", "ours_cli", "ours_api", "export_parquet"]
    assert _order(["export_parquet"], 0) == ["export_parquet"]


def _run(mode: str, wall: float, cpu: float, rss_kb: int, **extra: Any) -> dict[str, Any]:
    run = {
        "mode": mode,
        "rep": 0,
        "status": "ok",
        "expected_rows": 10_000,
        "wall_s": wall,
        "cpu_s": cpu,
        "peak_rss_kb": rss_kb,
        "failed": 0,
        **extra,
    }
    return derive(validate(run, 10_000))


def test_validity_needs_every_row_on_the_server_and_no_failure() -> None:
    assert _run("ours_api", 1.0, 1.0, 1024)["valid"]
    short = validate({"mode": "ours_api", "status": "ok", "expected_rows": 5}, 4)
    assert not short["valid"] and "4 of 5" in short["invalid_reason"]
    failed = _run("official_script", 1.0, 1.0, 1024, failed=2)
    assert not failed["valid"] and "2 failed rows" in failed["invalid_reason"]
    error = validate(
        {"mode": "ours_cli", "status": "error", "error": "boom", "expected_rows": 1}, 1
    )
    assert not error["valid"] and "boom" in error["invalid_reason"]
    export = validate({"mode": "export_parquet", "status": "ok", "expected_rows": 3}, 2)
    assert "exported file holds 2 of 3" in export["invalid_reason"]


def test_figures_and_medians() -> None:
    run = _run("ours_api", 2.0, 0.5, 200 * 1024)
    assert run["rows_per_s"] == 5_000
    assert run["cpu_s_per_10k"] == 0.5
    assert run["peak_rss_mb"] == 200
    runs = [
        _run("ours_api", 2.0, 0.5, 200 * 1024),
        _run("ours_api", 4.0, 0.7, 220 * 1024),
        _run("ours_api", 1.0, 0.1, 100 * 1024, failed=1),  # invalid: out of the medians
        _run("official_script", 5.0, 2.0, 250 * 1024),
    ]
    summaries = summarize(runs)
    ours = summaries["ours_api"]
    assert (ours["runs"], ours["valid"]) == (3, 2)
    assert ours["rows_per_s"] == (5_000 + 2_500) / 2
    assert ours["cpu_s_per_10k"] == 0.6
    assert ours["peak_rss_mb"] == 210
    assert "ours_cli" not in summaries


def test_summary_table_ratios_and_targets() -> None:
    runs = [
        _run("ours_api", 2.0, 0.5, 200 * 1024),  # 2.5x the speed, 0.25x the CPU: both met
        _run("ours_cli", 4.0, 1.0, 400 * 1024),  # 1.25x, 0.5x, 400 MB: all missed
        _run("official_script", 5.0, 2.0, 250 * 1024),
        _run("export_parquet", 1.0, 0.3, 150 * 1024),
    ]
    lines = summary_table(summarize(runs))
    assert lines[0].startswith("| mode |") and len(lines) == 6
    api, cli, official, export = lines[2:]
    assert "| 5,000 | 0.50 | 200 (met) | 2.50x (met) | 0.25x (met) |" in api
    assert "| 400 (missed) | 1.25x (missed) | 0.50x (missed) |" in cli
    assert official.endswith("| 250 | - | - |")
    assert export.endswith("| 10,000 | 0.30 | 150 | - | - |")


def test_markdown_has_the_tables_and_lists_invalid_runs() -> None:
    runs = [
        _run("ours_api", 2.0, 0.5, 200 * 1024),
        _run("official_script", 5.0, 2.0, 250 * 1024, failed=3),
    ]
    memory = [dict(runs[0], file_mb=15.2), {**runs[0], "expected_rows": 50_000, "file_mb": 76.0}]
    meta = {
        "when": "2026-12-06T07:00:00",
        "rows": 10_000,
        "dim": DIM,
        "file_mb": 15.2,
        "repetitions": 1,
        "server_version": "1.39.3",
        "official_client": "4.24.1",
        "python": "3.11.7",
        "cpus": 2,
        "load_start": "1.00",
        "load_end": "2.00",
        "note": "A shared, noisy machine.",
    }
    text = markdown({"meta": meta, "summaries": summarize(runs), "runs": runs, "memory": memory})
    assert "10,000 rows x 384-d" in text and "A shared, noisy machine." in text
    assert "| official documented script | 0/1 | - | - | - | - | - |" in text
    assert "Invalid runs" in text and "3 failed rows" in text
    table = memory_table(memory)
    assert table[2].startswith("| 10,000 | 15 |") and table[3].startswith("| 50,000 | 76 |")


def test_cli_reply_is_the_last_json_line() -> None:
    assert _last_json('progress\n{"rows": 3, "failed": 0}\n') == {"rows": 3, "failed": 0}
    assert _last_json("no json here") is None
