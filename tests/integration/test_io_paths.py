"""``weaviate_async.io`` paths beyond the plain round trip, against the real server: named and
multi-vectors, every kind of in-memory source, JSON array and CSV files, tenants, export
options, and the progress of an import."""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from weaviate_async.classes.config import Configure, DataType, Property, ReferenceProperty
from weaviate_async.classes.data import DataObject, ReferenceToMulti
from weaviate_async.classes.query import QueryReference
from weaviate_async.classes.tenants import Tenant
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.io import Layout, export_collection, import_file

N = 24


def _uuid(i: int) -> str:
    return str(uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, f"paths-{i}"))


def _named_config() -> list[Any]:
    return [
        Configure.Vectors.self_provided(name="a"),
        Configure.Vectors.self_provided(name="b"),
        Configure.MultiVectors.self_provided(name="colbert"),
    ]


def _named_vectors(i: int, rng: np.random.Generator) -> dict[str, Any]:
    tokens = 1 + i % 3  # multi-vectors of differing lengths
    return {
        "a": rng.standard_normal(8).astype(np.float32),
        "b": rng.standard_normal(4).astype(np.float32),
        "colbert": rng.standard_normal((tokens, 3)).astype(np.float32),
    }


async def _vectors(collection: Any) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    async for obj in collection.iterator(include_vector=True):
        out[str(obj.uuid)] = obj.vector
    return out


def _same_vectors(got: dict[str, Any], want: dict[str, Any]) -> None:
    assert set(got) == set(want)
    for name, vector in want.items():
        mine = np.asarray(got[name], np.float32)
        theirs = np.asarray(vector, np.float32)
        assert mine.shape == theirs.shape, name
        # bit for bit: compare the float32 bytes, not the values
        assert mine.tobytes() == theirs.tobytes(), name


@pytest.fixture
async def named(client: WeaviateAsyncClient, collection_name: str) -> Any:
    collection = await client.collections.create(
        collection_name,
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=_named_config(),
    )
    rng = np.random.default_rng(11)
    objects = []
    for i in range(N):
        vectors = {k: v.tolist() for k, v in _named_vectors(i, rng).items()}
        objects.append(DataObject(properties={"title": f"t{i}"}, uuid=_uuid(i), vector=vectors))
    result = await collection.data.insert_many(objects)
    assert not result.has_errors, result.errors
    yield collection
    await client.collections.delete(collection_name + "Copy")


@pytest.mark.parametrize("suffix", [".parquet", ".jsonl"])
async def test_named_and_multi_vectors_round_trip_bit_for_bit(
    client: WeaviateAsyncClient, named: Any, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"named{suffix}"
    assert (await export_collection(named, path)).rows == N
    if suffix == ".parquet":
        schema = pq.read_schema(path)
        assert schema.field("vector.a").type == pa.list_(pa.float32())
        assert schema.field("vector.colbert").type == pa.list_(pa.list_(pa.float32()))
        assert "vector" not in schema.names
    else:
        first = orjson.loads(path.read_bytes().splitlines()[0])
        assert {"vector.a", "vector.b", "vector.colbert"} <= set(first)
    copy = await client.collections.create(
        named.name + "Copy",
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=_named_config(),
    )
    report = await import_file(copy, path)
    assert (report.acknowledged, report.failures) == (N, [])
    before, after = await _vectors(named), await _vectors(copy)
    assert set(before) == set(after) and len(after) == N
    for key, vectors in before.items():
        _same_vectors(after[key], vectors)


async def test_a_hand_written_parquet_of_fixed_size_and_numpy_multi_vectors(
    client: WeaviateAsyncClient, collection_name: str, tmp_path: Path
) -> None:
    collection = await client.collections.create(
        collection_name,
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=_named_config(),
    )
    rng = np.random.default_rng(3)
    made = [_named_vectors(i, rng) for i in range(N)]
    a = np.stack([m["a"] for m in made])
    b = np.stack([m["b"] for m in made])
    tokens = np.concatenate([m["colbert"] for m in made])  # every token of every row
    offsets = np.cumsum([0] + [len(m["colbert"]) for m in made]).astype(np.int32)
    colbert = pa.ListArray.from_arrays(
        pa.array(offsets), pa.FixedSizeListArray.from_arrays(pa.array(tokens.ravel()), 3)
    )
    table = pa.table(
        {
            "uuid": [_uuid(i) for i in range(N)],
            "title": [f"t{i}" for i in range(N)],
            "vector.a": pa.FixedSizeListArray.from_arrays(pa.array(a.ravel()), 8),
            "vector.b": pa.FixedSizeListArray.from_arrays(pa.array(b.ravel()), 4),
            "vector.colbert": colbert,
        }
    )
    path = tmp_path / "hand.parquet"
    pq.write_table(table, path, row_group_size=10)
    report = await import_file(collection, path, chunk_rows=7)
    assert (report.rows, report.acknowledged, report.failures) == (N, N, [])
    got = await _vectors(collection)
    for i, vectors in enumerate(made):
        _same_vectors(got[_uuid(i)], vectors)


# --------------------------------------------------------------------------- sources


def _rows(n: int) -> list[dict[str, Any]]:
    return [
        {"uuid": _uuid(i), "title": f"row {i}", "code": f"{i:05d}", "vector": [0.25 * i, 1.5]}
        for i in range(n)
    ]


def _pandas_lists(rows: list[dict[str, Any]]) -> Any:
    import pandas as pd

    return pd.DataFrame(rows)


def _pandas_numpy(rows: list[dict[str, Any]]) -> Any:
    import pandas as pd

    frame = pd.DataFrame(rows)
    frame["vector"] = [np.asarray(r["vector"], np.float32) for r in rows]  # an object column
    assert frame["vector"].dtype == object
    return frame


def _pandas_arrow(rows: list[dict[str, Any]]) -> Any:
    import pandas as pd

    frame = pd.DataFrame(rows)
    frame["vector"] = pd.Series(
        [r["vector"] for r in rows], dtype=pd.ArrowDtype(pa.list_(pa.float32()))
    )
    return frame


def _polars(rows: list[dict[str, Any]]) -> Any:
    import polars as pl

    return pl.DataFrame(rows)


def _polars_array(rows: list[dict[str, Any]]) -> Any:
    import polars as pl

    frame = pl.DataFrame(rows)
    return frame.with_columns(pl.col("vector").cast(pl.Array(pl.Float32, 2)))


def _reader(rows: list[dict[str, Any]]) -> Any:
    table = pa.Table.from_pylist(rows)
    return pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=5))


def _batches(rows: list[dict[str, Any]]) -> Any:
    table = pa.Table.from_pylist(rows)
    return iter(table.to_batches(max_chunksize=5))


SOURCES: dict[str, Callable[[list[dict[str, Any]]], Any]] = {
    "pandas-lists": _pandas_lists,
    "pandas-numpy": _pandas_numpy,
    "pandas-arrow": _pandas_arrow,
    "polars-lists": _polars,
    "polars-array": _polars_array,
    "arrow-reader": _reader,
    "batch-iterable": _batches,
}


async def _plain(client: WeaviateAsyncClient, name: str, **options: Any) -> Any:
    return await client.collections.create(
        name,
        properties=[
            Property(name="title", data_type=DataType.TEXT),
            Property(name="code", data_type=DataType.TEXT),
        ],
        vector_config=Configure.Vectors.self_provided(),
        **options,
    )


async def _check_plain(collection: Any, n: int) -> None:
    seen = 0
    async for obj in collection.iterator(include_vector=True):
        i = int(obj.properties["title"].split()[1])
        assert str(obj.uuid) == _uuid(i)
        assert obj.properties["code"] == f"{i:05d}"  # digits stay text
        assert obj.vector["default"] == [0.25 * i, 1.5]
        seen += 1
    assert seen == n


@pytest.mark.parametrize("kind", list(SOURCES))
async def test_in_memory_sources_import(
    client: WeaviateAsyncClient, collection_name: str, kind: str
) -> None:
    collection = await _plain(client, collection_name)
    report = await import_file(collection, SOURCES[kind](_rows(N)), chunk_rows=6)
    assert (report.rows, report.acknowledged, report.failures) == (N, N, [])
    assert report.failures_path is None and report.checkpoint_path is None
    await _check_plain(collection, N)


async def test_a_json_array_file_imports(
    client: WeaviateAsyncClient, collection_name: str, tmp_path: Path
) -> None:
    collection = await _plain(client, collection_name)
    path = tmp_path / "rows.json"
    path.write_bytes(orjson.dumps(_rows(N)))
    report = await import_file(collection, path, chunk_rows=5)
    assert (report.rows, report.acknowledged, report.failures) == (N, N, [])
    await _check_plain(collection, N)


async def test_csv_keeps_digit_text_and_reads_vectors_as_json_text(
    client: WeaviateAsyncClient, collection_name: str, tmp_path: Path
) -> None:
    collection = await _plain(client, collection_name)
    path = tmp_path / "rows.csv"
    lines = ["uuid,title,code,vector"]
    for row in _rows(N):
        lines.append(f'{row["uuid"]},{row["title"]},{row["code"]},"{row["vector"]}"')
    path.write_text("\n".join(lines) + "\n")
    report = await import_file(collection, path)
    assert (report.rows, report.acknowledged, report.failures) == (N, N, [])
    await _check_plain(collection, N)


# --------------------------------------------------------------------------- tenants


async def test_tenants_fixed_per_row_and_exported_one_at_a_time(
    client: WeaviateAsyncClient, collection_name: str, tmp_path: Path
) -> None:
    collection = await _plain(
        client, collection_name, multi_tenancy_config=Configure.multi_tenancy(enabled=True)
    )
    await collection.tenants.create([Tenant(name="t1"), Tenant(name="t2"), Tenant(name="t3")])
    rows = _rows(N)
    fixed = await import_file(collection, pa.Table.from_pylist(rows[:8]), tenant="t1")
    assert fixed.acknowledged == 8
    per_row = [{**row, "owner": "t2" if i % 2 else "t3"} for i, row in enumerate(rows[8:], 8)]
    path = tmp_path / "tenants.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in per_row))
    report = await import_file(collection, path, layout=Layout(tenant_column="owner"))
    assert (report.acknowledged, report.failures) == (N - 8, [])
    assert await collection.with_tenant("t1").length() == 8
    t2 = collection.with_tenant("t2")
    assert await t2.length() == (N - 8) // 2
    # the tenant column is not a property
    one = await t2.query.fetch_object_by_id(_uuid(9))
    assert one is not None and "owner" not in one.properties

    out = tmp_path / "t2.jsonl"
    exported = await export_collection(t2, out)
    lines = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert exported.rows == len(lines) == (N - 8) // 2
    assert sorted(r["uuid"] for r in lines) == sorted(_uuid(i) for i in range(9, N, 2))


# --------------------------------------------------------------------------- export options


@pytest.mark.parametrize("suffix", [".parquet", ".jsonl", ".csv"])
async def test_export_without_vectors_or_references(
    client: WeaviateAsyncClient, collection_name: str, tmp_path: Path, suffix: str
) -> None:
    target = await client.collections.create(collection_name + "Target")
    await target.data.insert(properties={}, uuid=_uuid(1000))
    collection = await client.collections.create(
        collection_name,
        properties=[Property(name="title", data_type=DataType.TEXT)],
        references=[ReferenceProperty(name="link", target_collection=collection_name + "Target")],
        vector_config=_named_config()[:2],
    )
    try:
        await collection.data.insert(
            properties={"title": "x"},
            uuid=_uuid(1),
            vector={"a": [1.0] * 8, "b": [2.0] * 4},
            references={"link": _uuid(1000)},
        )

        def columns(path: Path) -> set[str]:
            if suffix == ".parquet":
                return set(pq.read_schema(path).names)
            if suffix == ".csv":
                return set(path.read_text().splitlines()[0].replace('"', "").split(","))
            return set(orjson.loads(path.read_bytes().splitlines()[0]))

        full = tmp_path / f"full{suffix}"
        await export_collection(collection, full)
        assert {"vector.a", "vector.b", "ref.link"} <= columns(full)
        bare = tmp_path / f"bare{suffix}"
        report = await export_collection(
            collection, bare, include_vector=False, include_references=False
        )
        assert report.rows == 1
        assert columns(bare) == {"uuid", "title"}
    finally:
        await client.collections.delete([collection_name, collection_name + "Target"])


# --------------------------------------------------------------------------- multi-target


@pytest.mark.parametrize("suffix", [".parquet", ".jsonl", ".csv"])
async def test_multi_target_references_round_trip(
    client: WeaviateAsyncClient, collection_name: str, tmp_path: Path, suffix: str
) -> None:
    # A property that may point into two collections: export writes ``Collection/uuid``, and
    # the import sends a row's targets in one collection with the object and those in the
    # other as references of their own; a target that does not exist fails its row only.
    people, places = collection_name + "People", collection_name + "Places"
    await client.collections.create(people)
    await client.collections.create(places)
    await client.collections.use(people).data.insert_many(
        [DataObject(properties={}, uuid=_uuid(100 + i)) for i in range(3)]
    )
    await client.collections.use(places).data.insert_many(
        [DataObject(properties={}, uuid=_uuid(200 + i)) for i in range(3)]
    )
    references = [ReferenceProperty.MultiTarget(name="about", target_collections=[people, places])]
    source = await client.collections.create(
        collection_name, references=references, vector_config=Configure.Vectors.self_provided()
    )
    copy = await client.collections.create(
        collection_name + "Copy",
        references=references,
        vector_config=Configure.Vectors.self_provided(),
    )
    expected = {
        _uuid(0): {f"{people}/{_uuid(100)}"},
        _uuid(1): {f"{people}/{_uuid(101)}", f"{places}/{_uuid(200)}", f"{places}/{_uuid(201)}"},
        _uuid(2): {f"{places}/{_uuid(202)}"},
    }
    try:
        for uid, targets in expected.items():
            await source.data.insert(properties={}, uuid=uid, vector=[1.0, 0.0])
            for target in targets:
                name, _, to = target.partition("/")
                await source.data.reference_add(
                    uid, "about", ReferenceToMulti(target_collection=name, uuids=to)
                )
        path = tmp_path / f"refs{suffix}"
        assert (await export_collection(source, path)).rows == 3
        report = await import_file(copy, path)
        assert (report.rows, report.acknowledged, report.failures) == (3, 3, [])
        assert await _targets_of(copy, people, places) == expected

    finally:
        await client.collections.delete([collection_name, collection_name + "Copy", people, places])


async def _targets_of(collection: Any, *targets: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for name in targets:
        reply = await collection.query.fetch_objects(
            limit=100,
            return_references=QueryReference.MultiTarget(
                link_on="about", target_collection=name, return_properties=[]
            ),
        )
        for obj in reply.objects:
            refs = (obj.references or {}).get("about")
            for target in refs.objects if refs is not None else []:
                found.setdefault(str(obj.uuid), set()).add(f"{target.collection}/{target.uuid}")
    return found


# --------------------------------------------------------------------------- progress


async def test_progress_callback_sees_growing_counts(
    client: WeaviateAsyncClient, collection_name: str, tmp_path: Path
) -> None:
    collection = await _plain(client, collection_name)
    calls: list[tuple[int, int, int]] = []
    path = tmp_path / "rows.parquet"
    pq.write_table(pa.Table.from_pylist(_rows(N)), path)
    report = await import_file(
        collection, path, progress=lambda *counts: calls.append(counts), chunk_rows=5
    )
    assert report.acknowledged == N
    done = [c[0] for c in calls]
    assert done == sorted(done) and done[-1] == N
    assert all(failed == 0 for _, failed, _ in calls)


async def test_progress_bar_of_a_parquet_file_knows_its_total(
    client: WeaviateAsyncClient,
    collection_name: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    collection = await _plain(client, collection_name)
    path = tmp_path / "rows.parquet"
    pq.write_table(pa.Table.from_pylist(_rows(N)), path, row_group_size=10)
    capsys.readouterr()
    report = await import_file(collection, path, progress=True, chunk_rows=5)
    assert report.acknowledged == N
    frames = [f for f in capsys.readouterr().err.split("\r") if f.strip()]
    # the bar shows "done/total" from its first frame on, before anything was added
    assert f"0/{N}" in frames[0], frames[:2]
    assert f"{N}/{N}" in frames[-1] or f"{N}/{N}" in frames[-2]


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
async def test_a_named_vector_first_seen_after_the_first_page_is_exported(
    client: WeaviateAsyncClient, collection_name: str, tmp_path: Path, suffix: str
) -> None:
    # objects may lack a named vector: the file's columns must not depend on the first page
    collection = await client.collections.create(
        collection_name,
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=_named_config(),
    )
    objects = []
    in_order = sorted(range(12), key=_uuid)  # the cursor reads in uuid order
    for i in range(12):
        vector: dict[str, Any] = {"a": [float(i)] * 8}
        if in_order.index(i) >= 6:
            vector["b"] = [float(i)] * 4
            vector["colbert"] = [[float(i)] * 3, [1.0, 2.0, 3.0]]
        objects.append(DataObject(properties={"title": f"t{i}"}, uuid=_uuid(i), vector=vector))
    result = await collection.data.insert_many(objects)
    assert not result.has_errors, result.errors
    path = tmp_path / f"late{suffix}"
    await export_collection(collection, path, page_rows=3)
    copy = await client.collections.create(
        collection_name + "Copy",
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=_named_config(),
    )
    try:
        report = await import_file(copy, path)
        assert (report.acknowledged, report.failures) == (12, [])
        before, after = await _vectors(collection), await _vectors(copy)
        for key, vectors in before.items():
            _same_vectors(after[key], vectors)
    finally:
        await client.collections.delete(collection_name + "Copy")


async def test_a_pandas_frame_of_numpy_multi_vectors_and_ints_with_gaps(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    import pandas as pd

    collection = await client.collections.create(
        collection_name,
        properties=[Property(name="n", data_type=DataType.INT)],
        vector_config=_named_config(),
    )
    rng = np.random.default_rng(5)
    made = [_named_vectors(i, rng) for i in range(N)]
    frame = pd.DataFrame(
        {
            "uuid": [uuid_lib.UUID(_uuid(i)) for i in range(N)],
            # a missing value makes pandas hold the ints as floats (NaN for the gap)
            "n": [None if i == 3 else i for i in range(N)],
        }
    )
    assert frame["n"].dtype == np.float64
    for name in ("a", "b", "colbert"):  # numpy arrays in object columns, 2-D for colbert
        frame[f"vector.{name}"] = [m[name] for m in made]
    report = await import_file(collection, frame)
    assert (report.acknowledged, report.failures) == (N, [])
    got = await _vectors(collection)
    for i, vectors in enumerate(made):
        _same_vectors(got[_uuid(i)], vectors)
    three = await collection.query.fetch_object_by_id(_uuid(3))
    four = await collection.query.fetch_object_by_id(_uuid(4))
    assert three is not None and three.properties.get("n") is None
    assert four is not None and four.properties["n"] == 4


async def test_a_csv_tenant_column_of_digits_names_the_tenants(
    client: WeaviateAsyncClient, collection_name: str, tmp_path: Path
) -> None:
    collection = await _plain(
        client, collection_name, multi_tenancy_config=Configure.multi_tenancy(enabled=True)
    )
    await collection.tenants.create([Tenant(name="007"), Tenant(name="042")])
    path = tmp_path / "tenants.csv"
    lines = ["uuid,title,code,vector,owner"]
    for i, row in enumerate(_rows(10)):
        owner = "007" if i % 2 else "042"
        lines.append(f'{row["uuid"]},{row["title"]},{row["code"]},"{row["vector"]}",{owner}')
    path.write_text("\n".join(lines) + "\n")
    report = await import_file(collection, path, layout=Layout(tenant_column="owner"))
    assert (report.acknowledged, report.failures) == (10, [])
    assert await collection.with_tenant("007").length() == 5
    assert await collection.with_tenant("042").length() == 5
