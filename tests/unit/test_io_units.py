"""The pure parts of ``weaviate_async.io``: the layout's column plan, reading sources in
bounded chunks, value conversion per data type, and the checkpoint's watermark."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import uuid as uuid_lib
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from weaviate_async.classes.data import GeoCoordinate, PhoneNumber
from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.io import Layout
from weaviate_async.io.checkpoint import Checkpoint, RowLedger
from weaviate_async.io.sources import arrow_vectors, chunks, file_format
from weaviate_async.io.values import export_value, importer_for


def test_importing_io_imports_no_pyarrow() -> None:
    code = "import sys, weaviate_async.io; print('pyarrow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_default_layout_sorts_columns_by_role() -> None:
    plan = Layout().plan(["uuid", "title", "vector", "vector.img", "ref.author", "n"])
    assert plan.uuid == "uuid"
    assert dict(plan.vectors) == {"": "vector", "img": "vector.img"}
    assert dict(plan.references) == {"author": "ref.author"}
    assert dict(plan.properties) == {"title": "title", "n": "n"}


def test_layout_mapping_and_errors_name_the_field() -> None:
    layout = Layout(
        uuid_from=["key"], properties={"head": "title"}, exclude=["junk"], tenant_column="t"
    )
    plan = layout.plan(["key", "head", "junk", "t", "emb"])
    assert dict(plan.properties) == {"key": "key", "head": "title", "emb": "emb"}
    assert plan.tenant == "t" and plan.uuid is None and plan.uuid_from == ("key",)
    with pytest.raises(WeaviateInvalidInputError, match="uuid_from"):
        Layout(uuid_from=["nope"]).plan(["a"])
    with pytest.raises(WeaviateInvalidInputError, match="tenant_column"):
        Layout(tenant_column="t").plan(["a"])


def test_file_format_from_suffix_or_named() -> None:
    assert file_format("a/b.PARQUET", None) == "parquet"
    assert file_format("x.ndjson", None) == "jsonl"
    assert file_format("x.txt", "csv") == "csv"
    with pytest.raises(WeaviateInvalidInputError, match="format"):
        file_format("x.txt", None)


def test_parquet_is_read_in_chunks_of_the_given_size(tmp_path: Path) -> None:
    rows = 2_500
    vectors = pa.FixedSizeListArray.from_arrays(pa.array(np.arange(rows * 3, dtype="f4")), 3)
    table = pa.table({"n": list(range(rows)), "vector": vectors})
    path = tmp_path / "t.parquet"
    pq.write_table(table, path, row_group_size=1_000)
    parts = list(chunks(path, fmt=None, chunk_rows=400, vector_columns=None))
    assert max(len(c.rows) for c in parts) <= 400
    assert [c.start for c in parts][:3] == [0, 400, 800]
    assert sum(len(c.rows) for c in parts) == rows
    last = parts[-1]
    assert last.rows[-1] == {"n": rows - 1}
    assert np.array_equal(last.vectors["vector"][-1], np.array([7497, 7498, 7499], "f4"))


def test_parquet_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    # 40 row groups of 1,000 rows x 384 float32: 1.5 MB each. One pyarrow reader over the
    # whole file kept what it had decoded (Arrow memory grew with every row group read); a
    # reader per row group holds about one at a time.
    path = tmp_path / "big.parquet"
    per_group = 1_000
    rng = np.random.default_rng(16)
    with pq.ParquetWriter(
        path, pa.schema([("n", pa.int64()), ("vector", pa.list_(pa.float32(), 384))])
    ) as writer:
        for group in range(40):
            # random values: constant ones would be dictionary-encoded to almost nothing
            values = rng.random(per_group * 384, dtype=np.float32)
            vectors = pa.FixedSizeListArray.from_arrays(pa.array(values), 384)
            n = pa.array(range(group * per_group, (group + 1) * per_group), pa.int64())
            writer.write_table(pa.table({"n": n, "vector": vectors}), row_group_size=per_group)
    before = pa.total_allocated_bytes()
    peak = 0
    seen = 0
    for part in chunks(path, fmt=None, chunk_rows=400, vector_columns=None):
        assert part.start == seen and len(part.rows) <= 400
        assert part.rows[0] == {"n": seen}
        seen += len(part.rows)
        peak = max(peak, pa.total_allocated_bytes() - before)
        del part
    assert seen == 40 * per_group
    group_bytes = per_group * 384 * 4
    # measured: about 6 MB with a reader per row group, 86 MB with one reader for the file
    assert peak < 8 * group_bytes, f"{peak / 2**20:.1f} MB of Arrow memory held"


def test_arrow_vectors_fast_path_and_fallbacks() -> None:
    uniform = pa.array([[1.0, 2.0], [3.0, 4.0]], pa.list_(pa.float32()))
    out = arrow_vectors(uniform)
    assert isinstance(out[0], np.ndarray) and out[1].tolist() == [3.0, 4.0]
    ragged = pa.array([[1.0], [2.0, 3.0]], pa.list_(pa.float32()))
    assert arrow_vectors(ragged) == [[1.0], [2.0, 3.0]]
    multi = pa.array([[[1.0, 2.0]], [[3.0, 4.0], [5.0, 6.0]]])
    assert arrow_vectors(multi) == [[[1.0, 2.0]], [[3.0, 4.0], [5.0, 6.0]]]
    assert arrow_vectors(pa.array(["[1, 2]", None])) == [[1, 2], None]


def test_jsonl_rows_and_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"a": 1, "vector": [1, 2]}\n\n{"b": 2}\n')
    (chunk,) = chunks(path, fmt=None, chunk_rows=10, vector_columns=None)
    assert chunk.rows == [{"a": 1}, {"b": 2}]
    assert list(chunk.vectors["vector"]) == [[1, 2], None]
    path.write_text('{"a": 1}\n{oops\n')
    with pytest.raises(WeaviateInvalidInputError, match=r"x\.jsonl:2"):
        list(chunks(path, fmt=None, chunk_rows=10, vector_columns=None))


def test_values_follow_the_data_types() -> None:
    naive = dt.datetime(2024, 5, 1, 12)
    assert importer_for("date")(naive).tzinfo is dt.timezone.utc
    assert importer_for("date")("2024-05-01 12:00:00Z") == "2024-05-01T12:00:00Z"
    assert importer_for("date")(dt.date(2024, 5, 1)) == dt.datetime(
        2024, 5, 1, tzinfo=dt.timezone.utc
    )
    u = uuid_lib.uuid4()
    assert importer_for("uuid")(u.bytes) == str(u)
    assert importer_for("geoCoordinates")('{"latitude": 1, "longitude": 2}') == GeoCoordinate(
        latitude=1, longitude=2
    )
    assert importer_for("phoneNumber")({"input": "0201", "defaultCountry": "NL"}) == PhoneNumber(
        number="0201", default_country="NL"
    )
    assert importer_for("blob")(b"hi") == "aGk="
    assert importer_for("int[]")("[1, 2]") == [1, 2]
    nested = importer_for("object", {"when": ("date", None)})
    assert nested({"when": naive, "gone": None}) == {"when": naive.replace(tzinfo=dt.timezone.utc)}
    with pytest.raises(ValueError):
        importer_for("int")("not a number")


def test_export_values_are_plain() -> None:
    u = uuid_lib.uuid4()
    value: Any = {
        "u": u,
        "g": GeoCoordinate(latitude=1, longitude=2),
        "p": [PhoneNumber(number="1", default_country="NL")],
    }
    assert export_value(value) == {
        "u": str(u),
        "g": {"latitude": 1, "longitude": 2},
        "p": [{"input": "1", "defaultCountry": "NL"}],
    }


class _Item:
    def __init__(self, index: int) -> None:
        self.index = index
        self.uuid = str(uuid_lib.uuid4())
        self.original_uuid = None
        self.collection = "C"
        self.tenant = None


def test_watermark_advances_only_over_settled_rows(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    ledger = RowLedger(Checkpoint("C", rows_done=10, failed=[3, 5]), path, every=0)
    for row in (3, 5, 10, 11, 12):  # a resumed run: rows 3 and 5, then from 10
        ledger.added(row)
    assert [ledger.row_of(i) for i in range(5)] == [3, 5, 10, 11, 12]
    ledger.ack_objects([_Item(0), _Item(2)])  # rows 3 and 10; row 5 still pending
    snap = ledger.snapshot()
    assert snap.rows_done == 10 and snap.failed == [5]  # 3 went through now
    ledger.object_refused_early(1)  # row 5 raised to the caller (the importer records it)
    ledger.refuse_row(5, "bad", None)
    ledger.ack_objects([_Item(3)])
    assert ledger.snapshot().rows_done == 12
    assert ledger.snapshot().failed == [5]
    loaded = Checkpoint.load(path, "C")
    assert loaded.rows_done == 12 and loaded.failed == [5]
    assert [r for r in range(14) if loaded.wants(r)] == [5, 12, 13]
    with pytest.raises(WeaviateInvalidInputError, match="not 'D'"):
        Checkpoint.load(path, "D")


def test_csv_is_read_lazily_in_bounded_chunks(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    rows = 60_000  # well over one of pyarrow's 1 MiB read blocks
    body = "".join(f'{i},{i:07d},"[{i}, 0.5]"\n' for i in range(rows))
    path.write_text("n,code,vector\n" + body + 'broken row with "no closing quote\n')
    parts = chunks(
        path, fmt=None, chunk_rows=700, vector_columns=None, csv_types={"code": pa.string()}
    )
    first = next(parts)  # read before the broken row at the end: nothing reads it whole
    assert first.start == 0 and len(first.rows) == 700
    assert first.rows[42] == {"n": 42, "code": "0000042"}  # digits kept as text
    assert list(first.vectors["vector"][42]) == [42, 0.5]
    seen = len(first.rows)
    with pytest.raises(pa.ArrowInvalid):
        for part in parts:
            assert len(part.rows) <= 700
            assert part.start == seen
            seen += len(part.rows)
    assert seen >= 30_000  # most of the file came through in order before the broken row


def test_jsonl_is_read_lazily_in_bounded_chunks(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    rows = 5_000
    body = "".join(f'{{"n": {i}, "vector": [{i}, 1]}}\n' for i in range(rows))
    path.write_text(body + "{not json\n")
    parts = chunks(path, fmt=None, chunk_rows=300, vector_columns=None)
    first = next(parts)  # the broken last line is not read yet
    assert len(first.rows) == 300 and first.rows[-1] == {"n": 299}
    seen = 300
    with pytest.raises(WeaviateInvalidInputError, match=rf"big\.jsonl:{rows + 1}"):
        for part in parts:
            assert len(part.rows) <= 300 and part.start == seen
            seen += len(part.rows)
    assert seen == rows // 300 * 300  # every full chunk before the broken line


def test_row_count_is_known_without_reading_the_rows(tmp_path: Path) -> None:
    import pandas as pd
    import polars as pl

    from weaviate_async.io.sources import row_count

    table = pa.table({"n": list(range(1_234))})
    path = tmp_path / "t.parquet"
    pq.write_table(table, path, row_group_size=100)
    assert row_count(path, None) == 1_234
    assert row_count(str(path), None) == 1_234
    assert row_count(table, None) == 1_234
    assert row_count(table.to_batches()[0], None) == 1_234
    assert row_count(pd.DataFrame({"n": [1, 2, 3]}), None) == 3
    assert row_count(pl.DataFrame({"n": [1, 2]}), None) == 2
    # unknown without reading: CSV, JSON lines, readers, iterables
    (tmp_path / "t.csv").write_text("n\n1\n")
    assert row_count(tmp_path / "t.csv", None) is None
    assert row_count(tmp_path / "t.jsonl", None) is None
    assert row_count(pa.RecordBatchReader.from_batches(table.schema, []), None) is None
    assert row_count(iter(table.to_batches()), None) is None
