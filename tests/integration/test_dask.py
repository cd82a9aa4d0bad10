"""``weaviate_async.dask.to_weaviate`` against the real server, on a local Dask cluster of two
worker processes: every row lands once, a worker killed mid-write included (its partitions
run again and replace, not duplicate, what they had sent), failed rows are reported by
partition and row."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from typing import Any

import dask.dataframe as dd
import distributed
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from weaviate_async.dask import read_weaviate, to_weaviate
from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.io import Layout
from weaviate_async.io.remote import ConnectionSettings, WriteReport
from weaviate_sync.classes.config import Configure, DataType, Property

N = 20_000
PARTITIONS = 8


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def _settings(server: Any) -> ConnectionSettings:
    return ConnectionSettings.local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port
    )


def _create(client: Any, name: str) -> Any:
    return client.collections.create(
        name,
        properties=[
            Property(name="key", data_type=DataType.INT),
            Property(name="title", data_type=DataType.TEXT),
        ],
        vector_config=Configure.Vectors.self_provided(),
    )


def _frame(rows: int = N, partitions: int = PARTITIONS) -> Any:
    vectors = np.random.default_rng(3).random((rows, 8), dtype=np.float32)
    frame = pd.DataFrame(
        {
            "key": np.arange(rows),
            "title": [f"row {i}" for i in range(rows)],
            # an Arrow list column: Dask turns a column of Python objects into text
            "vector": pd.Series(list(vectors), dtype=pd.ArrowDtype(pa.list_(pa.float32()))),
        }
    )
    return dd.from_pandas(frame, npartitions=partitions)


def _uuids(collection: Any) -> list[str]:
    return [str(o.uuid) for o in collection.iterator(return_properties=[])]


def test_to_weaviate_writes_every_row_once(
    dask_client: Any, server: Any, sync_client: Any, collection_name: str
) -> None:
    collection = _create(sync_client, collection_name)
    report = to_weaviate(
        _frame(), collection_name, _settings(server), layout=Layout(uuid_from=["key"])
    )
    assert (report.rows, report.acknowledged, report.failures) == (N, N, [])
    assert [p.part for p in report.parts] == [str(i) for i in range(PARTITIONS)]
    assert collection.aggregate.over_all(total_count=True).total_count == N
    uuids = _uuids(collection)
    assert len(uuids) == len(set(uuids)) == N
    obj = collection.query.fetch_object_by_id(uuids[-1], include_vector=True)
    assert obj is not None and len(obj.vector["default"]) == 8
    assert obj.properties["title"] == f"row {obj.properties['key']}"


def test_to_weaviate_worker_killed_mid_write_no_duplicates(
    dask_client: Any, server: Any, sync_client: Any, collection_name: str
) -> None:
    collection = _create(sync_client, collection_name)
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["report"] = to_weaviate(
                _frame(), collection_name, _settings(server), layout=Layout(uuid_from=["key"])
            )
        except BaseException as exc:
            result["error"] = exc

    writer = threading.Thread(target=run)
    writer.start()
    # once part of the rows landed, kill a worker process that is still writing
    deadline = time.monotonic() + 120
    while collection.aggregate.over_all(total_count=True).total_count < N // 4:
        assert writer.is_alive() and time.monotonic() < deadline, "no write to interrupt"
        time.sleep(0.05)
    busy = {w for w, tasks in dask_client.processing().items() if tasks}
    assert busy, "no worker is writing"
    victim = sorted(busy)[0]
    pid = dask_client.run(os.getpid, workers=[victim])[victim]
    os.kill(pid, signal.SIGKILL)
    writer.join(timeout=180)
    assert not writer.is_alive()
    assert "error" not in result, result.get("error")
    report: WriteReport = result["report"]
    assert (report.rows, report.acknowledged, report.has_errors) == (N, N, False)
    assert collection.aggregate.over_all(total_count=True).total_count == N
    uuids = _uuids(collection)
    assert len(uuids) == len(set(uuids)) == N


def test_to_weaviate_reports_failed_rows_by_partition(
    dask_client: Any, server: Any, sync_client: Any, collection_name: str
) -> None:
    collection = _create(sync_client, collection_name)
    frame = pd.DataFrame({"id": range(40), "key": [str(i) for i in range(40)], "title": ["t"] * 40})
    frame.loc[[5, 33], "key"] = ["five", "thirty-three"]  # not numbers: the server refuses
    report = to_weaviate(
        dd.from_pandas(frame, npartitions=2),
        collection_name,
        _settings(server),
        layout=Layout(uuid_from=["id"], exclude=["id"]),
    )
    assert (report.rows, report.acknowledged) == (40, 38)
    assert [(f.part, f.row) for f in report.failures] == [("0", 5), ("1", 13)]
    assert all(f.uuid and f.message for f in report.failures)
    assert collection.aggregate.over_all(total_count=True).total_count == 38


def test_to_weaviate_refuses_rows_without_stable_uuid(
    dask_client: Any, server: Any, sync_client: Any, collection_name: str
) -> None:
    collection = _create(sync_client, collection_name)
    with pytest.raises(WeaviateInvalidInputError, match="uuid_from"):
        to_weaviate(_frame(100, 2), collection_name, _settings(server))
    assert collection.aggregate.over_all(total_count=True).total_count == 0
    # accepted when asked, each row a new object
    report = to_weaviate(_frame(100, 2), collection_name, _settings(server), idempotent=False)
    assert report.acknowledged == 100


def test_read_weaviate_reads_every_object_once_and_writes_back(
    dask_client: Any, server: Any, sync_client: Any, collection_name: str
) -> None:
    # cursor ranges of equal counts, read by the cluster's workers, typed from the schema;
    # what is read writes back to a copy with no option
    collection = _create(sync_client, collection_name)
    rows = 5_000
    to_weaviate(
        _frame(rows, 4), collection_name, _settings(server), layout=Layout(uuid_from=["key"])
    )
    ddf = read_weaviate(collection_name, _settings(server), page_rows=700, npartitions=4)
    assert ddf.npartitions == 4
    assert list(ddf.columns) == ["uuid", "key", "title", "vector"]
    assert str(ddf.dtypes["key"]) == "int64[pyarrow]"
    read = ddf.compute()
    assert len(read) == rows and read["uuid"].nunique() == rows
    assert sorted(read["key"]) == list(range(rows))
    assert set(_uuids(collection)) == set(read["uuid"])
    assert all(len(v) == 8 for v in read["vector"])

    copy_name = collection_name + "Copy"
    copy = _create(sync_client, copy_name)
    try:
        report = to_weaviate(ddf, copy_name, _settings(server))
        assert (report.acknowledged, report.failures) == (rows, [])
        assert set(_uuids(copy)) == set(read["uuid"])
        some = read["uuid"].iloc[17]
        original = collection.query.fetch_object_by_id(some, include_vector=True)
        copied = copy.query.fetch_object_by_id(some, include_vector=True)
        assert copied is not None and original is not None
        assert copied.properties == original.properties
        assert copied.vector == original.vector
    finally:
        sync_client.collections.delete(copy_name)


def test_read_weaviate_splits_by_tenant(
    dask_client: Any, server: Any, sync_client: Any, collection_name: str
) -> None:
    from weaviate_sync.classes.tenants import Tenant

    collection = sync_client.collections.create(
        collection_name,
        properties=[
            Property(name="key", data_type=DataType.INT),
            Property(name="title", data_type=DataType.TEXT),
        ],
        multi_tenancy_config=Configure.multi_tenancy(enabled=True),
    )
    tenants = [f"t{i}" for i in range(3)]
    collection.tenants.create([Tenant(name=t) for t in tenants])
    for number, tenant in enumerate(tenants):
        collection.with_tenant(tenant).data.insert_many(
            [{"key": number * 1000 + i, "title": tenant} for i in range(100 + number)]
        )
    ddf = read_weaviate(collection_name, _settings(server), include_vector=False, npartitions=8)
    assert ddf.npartitions == 3  # one partition per tenant
    read = ddf.compute()
    assert len(read) == 303 and read["uuid"].nunique() == 303
    assert (read["tenant"] == read["title"]).all()
    with pytest.raises(WeaviateInvalidInputError, match="npartitions"):
        read_weaviate(collection_name, _settings(server), npartitions=0)
