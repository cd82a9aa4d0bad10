"""``weaviate_async.ray`` against the real server, with a local Ray of several worker processes:
the datasink writes every row once (a worker lost mid-write included: its task runs again and
replaces, not duplicates, what it had sent), reports failed rows by block and row, and the
datasource reads every object once, by cursor ranges and by tenants."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import ray
import ray.data.block

from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.io import Layout
from weaviate_async.io.remote import ConnectionSettings
from weaviate_async.ray import WeaviateDatasink, WeaviateDatasource
from weaviate_sync.classes.config import Configure, DataType, Property
from weaviate_sync.classes.tenants import Tenant

N = 20_000
BLOCKS = 10


@pytest.fixture(scope="module")
def local_ray() -> Iterator[Any]:
    # the test's own datasink subclass must reach the workers, which cannot import this file
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield ray
    finally:
        ray.shutdown()


def _settings(server: Any) -> ConnectionSettings:
    return ConnectionSettings.local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    )


def _create(client: Any, name: str, multi_tenant: bool = False) -> Any:
    return client.collections.create(
        name,
        properties=[
            Property(name="key", data_type=DataType.INT),
            Property(name="title", data_type=DataType.TEXT),
        ],
        vector_config=Configure.Vectors.self_provided(),
        multi_tenancy_config=Configure.multi_tenancy(enabled=True) if multi_tenant else None,
    )


def _dataset(rows: int = N, blocks: int = BLOCKS) -> Any:
    rng = np.random.default_rng(7)
    vectors = rng.random((rows, 8), dtype=np.float32)
    items = [{"key": i, "title": f"row {i}", "vector": vectors[i].tolist()} for i in range(rows)]
    return ray.data.from_items(items, override_num_blocks=blocks)


def _uuids(collection: Any) -> list[str]:
    return [str(o.uuid) for o in collection.iterator(return_properties=[])]


def test_datasink_writes_every_row_once(
    local_ray: Any, server: Any, sync_client: Any, collection_name: str
) -> None:
    collection = _create(sync_client, collection_name)
    sink = WeaviateDatasink(
        collection_name, _settings(server), layout=Layout(uuid_from=["key"]), chunk_rows=1_000
    )
    _dataset().write_datasink(sink)
    report = sink.report
    assert report is not None
    assert (report.rows, report.acknowledged, report.failures) == (N, N, [])
    assert len(report.parts) >= BLOCKS // 2  # blocks went to several write tasks
    assert collection.aggregate.over_all(total_count=True).total_count == N
    uuids = _uuids(collection)
    assert len(uuids) == len(set(uuids)) == N
    obj = collection.query.fetch_object_by_id(uuids[0], include_vector=True)
    assert obj is not None
    assert len(obj.vector["default"]) == 8
    assert obj.properties["title"] == f"row {obj.properties['key']}"


class _DyingSink(WeaviateDatasink):
    """Its first write task that sees the marker missing sends half of its first block, then
    its worker process dies; Ray runs the task again on a new worker."""

    def __init__(self, marker: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.marker = marker

    def write(self, blocks: Any, ctx: Any) -> Any:
        blocks = list(blocks)
        if not os.path.exists(self.marker):
            Path(self.marker).write_text(str(os.getpid()))
            first = ray.data.block.BlockAccessor.for_block(blocks[0]).to_arrow()
            super().write([first.slice(0, first.num_rows // 2)], ctx)
            os._exit(1)  # the worker process is lost, as by a crash or an OOM kill
        return super().write(blocks, ctx)


def test_datasink_worker_lost_mid_write_no_duplicates(
    local_ray: Any, server: Any, sync_client: Any, collection_name: str, tmp_path: Path
) -> None:
    collection = _create(sync_client, collection_name)
    marker = tmp_path / "died"
    sink = _DyingSink(
        str(marker), collection_name, _settings(server), layout=Layout(uuid_from=["key"])
    )
    _dataset().write_datasink(sink)
    assert marker.exists()  # a worker did die
    assert int(marker.read_text()) != os.getpid()  # in a worker process, not the driver
    report = sink.report
    assert report is not None
    assert (report.rows, report.acknowledged, report.has_errors) == (N, N, False)
    assert collection.aggregate.over_all(total_count=True).total_count == N
    uuids = _uuids(collection)
    assert len(uuids) == len(set(uuids)) == N


def test_datasink_reports_failed_rows_by_block(
    local_ray: Any, server: Any, sync_client: Any, collection_name: str
) -> None:
    collection = _create(sync_client, collection_name)
    items = [{"key": i, "title": f"row {i}"} for i in range(40)]
    for i in (5, 33):
        items[i]["key"] = f"not a number {i}"  # type: ignore[assignment]
    dataset = ray.data.from_items(
        [{**row, "key": str(row["key"]), "id": i} for i, row in enumerate(items)],
        override_num_blocks=2,
    )
    sink = WeaviateDatasink(
        collection_name,
        _settings(server),
        layout=Layout(uuid_from=["id"], exclude=["id"]),
        rows_per_write=20,
    )
    dataset.write_datasink(sink)
    report = sink.report
    assert report is not None
    assert report.rows == 40
    assert report.acknowledged == 38
    failed = sorted((f.part, f.row) for f in report.failures)
    assert len(failed) == 2
    # the failures are numbered within their block: rows 5 and 33 are rows 5 and 13 of the
    # second 20-row block, whatever the task numbers
    assert sorted(row for _, row in failed) == [5, 13]
    assert all(f.uuid and f.message for f in report.failures)
    assert collection.aggregate.over_all(total_count=True).total_count == 38


def test_datasink_refuses_rows_without_stable_uuid(
    local_ray: Any, server: Any, sync_client: Any, collection_name: str
) -> None:
    collection = _create(sync_client, collection_name)
    sink = WeaviateDatasink(collection_name, _settings(server))
    with pytest.raises(WeaviateInvalidInputError, match="uuid_from"):
        _dataset(100, 2).write_datasink(sink)
    assert collection.aggregate.over_all(total_count=True).total_count == 0


def test_datasource_reads_every_object_once(
    local_ray: Any, server: Any, sync_client: Any, collection_name: str
) -> None:
    collection = _create(sync_client, collection_name)
    rows = 5_000
    sink = WeaviateDatasink(collection_name, _settings(server), layout=Layout(uuid_from=["key"]))
    _dataset(rows, 4).write_datasink(sink)
    source = WeaviateDatasource(collection_name, _settings(server), page_rows=700)
    tasks = source.get_read_tasks(4)
    assert len(tasks) == 4  # cursor ranges
    assert sum(t.metadata.num_rows for t in tasks) == rows
    table = ray.data.read_datasource(source, override_num_blocks=4).to_arrow_refs()
    read = ray.data.from_arrow_refs(table).to_pandas()
    assert len(read) == rows
    assert read["uuid"].nunique() == rows
    assert sorted(read["key"]) == list(range(rows))
    assert set(_uuids(collection)) == set(read["uuid"])
    assert all(len(v) == 8 for v in read["vector"])


def test_datasource_splits_by_tenant_and_writes_back(
    local_ray: Any, server: Any, sync_client: Any, collection_name: str
) -> None:
    collection = _create(sync_client, collection_name, multi_tenant=True)
    tenants = [f"t{i}" for i in range(3)]
    collection.tenants.create([Tenant(name=t) for t in tenants])
    for number, tenant in enumerate(tenants):
        handle = collection.with_tenant(tenant)
        handle.data.insert_many(
            [{"key": number * 1000 + i, "title": tenant} for i in range(100 + number)]
        )
    source = WeaviateDatasource(collection_name, _settings(server), include_vector=False)
    assert len(source.get_read_tasks(8)) == 3  # one task per tenant
    read = ray.data.read_datasource(source).to_pandas()
    assert len(read) == 303
    assert read["uuid"].nunique() == 303
    assert (read["tenant"] == read["title"]).all()

    # the rows carry their tenant: they write back to a copy with no other option
    copy_name = collection_name + "Copy"
    copy = _create(sync_client, copy_name, multi_tenant=True)
    try:
        copy.tenants.create([Tenant(name=t) for t in tenants])
        sink = WeaviateDatasink(copy_name, _settings(server), layout=Layout(tenant_column="tenant"))
        ray.data.from_pandas(read).write_datasink(sink)
        assert sink.report is not None and sink.report.acknowledged == 303
        counts = [
            copy.with_tenant(t).aggregate.over_all(total_count=True).total_count for t in tenants
        ]
        assert counts == [100, 101, 102]
    finally:
        sync_client.collections.delete(copy_name)
