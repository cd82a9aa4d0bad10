"""``weaviate_async.io`` against the real server: export then import round-trips every data
type, vectors bit for bit, references; failed rows are reported by number; an interrupted
import resumes from its checkpoint without sending again what landed."""

from __future__ import annotations

import datetime as dt
import uuid as uuid_lib
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pyarrow as pa
import pytest

from weaviate_async.classes.config import Configure, DataType, Property, ReferenceProperty
from weaviate_async.classes.data import DataObject, GeoCoordinate, PhoneNumber
from weaviate_async.classes.query import Filter, QueryReference
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.io import Layout, export_collection, import_file

__sync_twin__ = "tests/integration/test_io_sync_gen.py"

UTC = dt.timezone.utc
N = 120


def _properties() -> list[Property]:
    nested = [
        Property(name="label", data_type=DataType.TEXT),
        Property(name="rank", data_type=DataType.INT),
        Property(name="when", data_type=DataType.DATE),
        Property(
            name="inner",
            data_type=DataType.OBJECT,
            nested_properties=[Property(name="flag", data_type=DataType.BOOL)],
        ),
    ]
    return [
        Property(name="title", data_type=DataType.TEXT),
        Property(name="code", data_type=DataType.TEXT),
        Property(name="tags", data_type=DataType.TEXT_ARRAY),
        Property(name="count", data_type=DataType.INT),
        Property(name="counts", data_type=DataType.INT_ARRAY),
        Property(name="score", data_type=DataType.NUMBER),
        Property(name="scores", data_type=DataType.NUMBER_ARRAY),
        Property(name="ok", data_type=DataType.BOOL),
        Property(name="oks", data_type=DataType.BOOL_ARRAY),
        Property(name="born", data_type=DataType.DATE),
        Property(name="dates", data_type=DataType.DATE_ARRAY),
        Property(name="ident", data_type=DataType.UUID),
        Property(name="idents", data_type=DataType.UUID_ARRAY),
        Property(name="where", data_type=DataType.GEO_COORDINATES),
        Property(name="phone", data_type=DataType.PHONE_NUMBER),
        Property(name="data", data_type=DataType.BLOB),
        Property(name="meta", data_type=DataType.OBJECT, nested_properties=nested),
        Property(name="metas", data_type=DataType.OBJECT_ARRAY, nested_properties=nested),
    ]


def _object(i: int, rng: np.random.Generator) -> DataObject[Any, Any]:
    when = dt.datetime(2020, 1, 1, tzinfo=UTC) + dt.timedelta(hours=i, microseconds=i * 7)
    meta = {"label": f"m{i}", "rank": i, "when": when, "inner": {"flag": i % 2 == 0}}
    props: dict[str, Any] = {
        "title": f"object {i} é ✓",
        "code": f"{i:05d}",  # text of digits: CSV must keep it text
        "tags": [f"t{i}", "shared"],
        "count": i,
        "counts": [i, -i, 2**40],
        "score": i / 7,
        "scores": [0.5, i / 3],
        "ok": i % 3 == 0,
        "oks": [True, False],
        "born": when,
        "dates": [when, when + dt.timedelta(days=1)],
        "ident": uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, f"ident-{i}"),
        "idents": [uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, f"idents-{i}")],
        "where": GeoCoordinate(latitude=52.0 + i / 1000, longitude=4.5 - i / 1000),
        "phone": PhoneNumber(number=f"020 555 {i:04d}", default_country="NL"),
        "data": "aGVsbG8gd29ybGQ=",
        "meta": meta,
        "metas": [meta, {"label": "second", "rank": -1}],
    }
    if i % 10 == 5:  # some properties absent
        for name in ("tags", "where", "meta", "phone"):
            del props[name]
    vector = rng.standard_normal(16).astype(np.float32)
    return DataObject(
        properties=props,
        uuid=uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, f"io-{i}"),
        vector=vector.tolist(),
        references={"source": [uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, f"target-{i % 3}")]}
        if i % 4
        else None,
    )


async def _make(client: WeaviateAsyncClient, name: str, target: str) -> Any:
    return await client.collections.create(
        name,
        properties=_properties(),
        references=[ReferenceProperty(name="source", target_collection=target)],
        vector_config=Configure.Vectors.self_provided(),
    )


async def _everything(collection: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    names = [p.name for p in _properties()]
    async for obj in collection.iterator(
        include_vector=True,
        return_properties=[*names],
    ):
        out[str(obj.uuid)] = obj
    return out


@pytest.fixture
async def source(client: WeaviateAsyncClient, collection_name: str) -> Any:
    target = collection_name + "Target"
    targets = await client.collections.create(target)
    await targets.data.insert_many(
        [DataObject(uuid=uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, f"target-{i}")) for i in range(3)]
    )
    collection = await _make(client, collection_name, target)
    rng = np.random.default_rng(7)
    result = await collection.data.insert_many([_object(i, rng) for i in range(N)])
    assert not result.has_errors, result.errors
    yield collection
    await client.collections.delete([collection_name + "Copy", target])


@pytest.mark.parametrize("suffix", [".parquet", ".jsonl", ".csv"])
async def test_export_then_import_round_trips_every_type(
    client: WeaviateAsyncClient, source: Any, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"dump{suffix}"
    exported = await export_collection(source, path)
    assert exported.rows == N
    copy = await _make(client, source.name + "Copy", source.name + "Target")
    report = await import_file(copy, path)
    assert (report.rows, report.acknowledged, report.failures) == (N, N, [])
    assert report.checkpoint_path is None and report.failures_path is None

    before, after = await _everything(source), await _everything(copy)
    assert set(before) == set(after) and len(after) == N
    for key, obj in before.items():
        again = after[key]
        assert again.properties == obj.properties, key
        # float32 vectors, bit for bit
        assert np.array_equal(
            np.asarray(again.vector["default"], np.float32),
            np.asarray(obj.vector["default"], np.float32),
        )
    one = await copy.query.fetch_object_by_id(
        uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, "io-1"),
        return_references=QueryReference(link_on="source"),
    )
    assert one is not None
    assert [str(t.uuid) for t in one.references["source"].objects] == [
        str(uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, "target-1"))
    ]


async def test_parquet_schema_follows_the_configuration(source: Any, tmp_path: Path) -> None:
    path = tmp_path / "dump.parquet"
    await export_collection(source, path)
    import pyarrow.parquet as pq

    schema = pq.read_schema(path)
    assert schema.field("born").type == pa.timestamp("us", tz="UTC")
    assert schema.field("count").type == pa.int64()
    assert schema.field("vector").type == pa.list_(pa.float32())
    assert pa.types.is_struct(schema.field("where").type)
    assert schema.field("ref.source").type == pa.list_(pa.string())


async def test_failed_rows_are_reported_by_number_and_the_rest_lands(
    client: WeaviateAsyncClient, collection_name: str, tmp_path: Path
) -> None:
    collection = await client.collections.create(
        collection_name,
        properties=[
            Property(name="title", data_type=DataType.TEXT),
            Property(name="n", data_type=DataType.INT),
        ],
        vector_config=Configure.Vectors.self_provided(),
    )
    path = tmp_path / "rows.jsonl"
    lines = []
    for i in range(50):
        row: dict[str, Any] = {"title": f"row {i}", "n": i, "vector": [1.0, float(i)]}
        if i in (7, 31):
            row["n"] = "not a number"  # the server refuses it
        if i == 12:
            row["where"] = {"latitude": 200, "longitude": 0}  # no such property: refused
        lines.append(orjson.dumps(row))
    path.write_bytes(b"\n".join(lines) + b"\n")
    report = await import_file(collection, path, layout=Layout(uuid_from=["title"]))
    assert [f.row for f in report.failures] == [7, 12, 31]
    assert report.acknowledged == 47
    assert all(f.uuid is not None and f.message for f in report.failures)
    assert report.failures_path == tmp_path / "rows.jsonl.failures.jsonl"
    written = [orjson.loads(x) for x in report.failures_path.read_bytes().splitlines()]
    assert [w["row"] for w in written] == [7, 12, 31]
    assert report.checkpoint_path is not None
    assert await collection.length() == 47

    # fix the rows, resume: only the three failed rows are sent again
    lines[7] = orjson.dumps({"title": "row 7", "n": 7})
    lines[31] = orjson.dumps({"title": "row 31", "n": 31})
    lines[12] = orjson.dumps({"title": "row 12", "n": 12})
    path.write_bytes(b"\n".join(lines) + b"\n")
    again = await import_file(collection, path, layout=Layout(uuid_from=["title"]), resume=True)
    assert (again.rows, again.skipped, again.acknowledged, again.failures) == (50, 47, 3, [])
    assert again.checkpoint_path is None
    assert not (tmp_path / "rows.jsonl.checkpoint.json").exists()
    assert await collection.length() == 50


async def test_export_of_a_filtered_subset_pages_in_uuid_order(source: Any, tmp_path: Path) -> None:
    path = tmp_path / "some.jsonl"
    where = Filter.by_property("count").less_than(50) & Filter.by_property("ok").equal(True)
    report = await export_collection(source, path, filters=where, page_rows=7)
    want = sorted(
        str(uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, f"io-{i}")) for i in range(50) if i % 3 == 0
    )
    rows = [orjson.loads(line) for line in path.read_bytes().splitlines()]
    assert report.rows == len(want) == 17
    assert [row["uuid"] for row in rows] == want
    assert all(row["count"] < 50 and row["ok"] for row in rows)
