"""An import interrupted (its task cancelled) keeps a checkpoint, and a resumed run sends only
the rows that did not land, with nothing duplicated (rows with a uuid5 of their own)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.io import Layout, import_file


async def test_an_interrupted_import_resumes_without_duplicates(
    client: WeaviateAsyncClient, collection_name: str, tmp_path: Path
) -> None:
    collection = await client.collections.create(
        collection_name,
        properties=[Property(name="n", data_type=DataType.INT)],
        vector_config=Configure.Vectors.self_provided(),
    )
    rows = 8_000
    table = pa.table(
        {
            "n": pa.array(range(rows), pa.int64()),
            "vector": pa.FixedSizeListArray.from_arrays(
                pa.array(np.arange(rows * 4, dtype=np.float32)), 4
            ),
        }
    )
    path = tmp_path / "big.parquet"
    pq.write_table(table, path, row_group_size=1_000)
    interrupted = asyncio.Event()

    def progress(done: int, failed: int, added: int) -> None:
        if done >= 3_000:
            interrupted.set()

    task = asyncio.create_task(
        import_file(
            collection, path, layout=Layout(uuid_from=["n"]), chunk_rows=1_000, progress=progress
        )
    )
    await interrupted.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    checkpoint = orjson.loads((tmp_path / "big.parquet.checkpoint.json").read_bytes())
    # rows before rows_done were answered; those cut off by the cancellation count as failed
    unsent = rows - checkpoint["rows_done"] + len(checkpoint["failed"])
    assert 0 < unsent < rows
    assert await collection.length() >= rows - unsent

    again = await import_file(collection, path, layout=Layout(uuid_from=["n"]), resume=True)
    assert (again.skipped, again.acknowledged, again.failures) == (rows - unsent, unsent, [])
    assert await collection.length() == rows  # uuid5 of the row: nothing duplicated
