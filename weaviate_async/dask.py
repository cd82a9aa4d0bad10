"""A Dask DataFrame into a collection: :func:`to_weaviate`, one task per partition, each with a
client of its own, through the batch engine.

Needs Dask (``pip install "weaviate-async[dask]"``); importing ``weaviate_async`` imports
nothing of it.

Examples:
    >>> import dask.dataframe as dd
    >>> from weaviate_async.dask import to_weaviate
    >>> from weaviate_async.io import Layout
    >>> from weaviate_async.io.remote import ConnectionSettings
    >>> ddf = dd.read_parquet("articles/")
    >>> report = to_weaviate(
    ...     ddf, "Articles", ConnectionSettings.local(), layout=Layout(uuid_from=["id"])
    ... )
    >>> report.acknowledged, report.failures
    (1000000, [])
"""

from __future__ import annotations

import time
from typing import Any, Literal

from dask.base import compute
from dask.delayed import delayed

from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.io.layout import Layout
from weaviate_async.io.remote import (
    ConnectionSettings,
    PartReport,
    WriteReport,
    check_idempotent,
    write_parts,
)

__all__ = ["ConnectionSettings", "WriteReport", "to_weaviate"]


def to_weaviate(
    ddf: Any,
    collection: str,
    connection: ConnectionSettings,
    *,
    layout: Layout | None = None,
    tenant: str | None = None,
    batch: Literal["dynamic", "stream"] = "dynamic",
    chunk_rows: int = 10_000,
    idempotent: bool = True,
) -> WriteReport:
    """Write every row of a Dask DataFrame into a collection, and wait for the end.

    Each partition is written by one task, wherever the scheduler runs it (the distributed
    scheduler when a ``distributed.Client`` is current): the task builds its own client from
    ``connection``, converts the partition (a pandas DataFrame) with the machinery of
    :func:`~weaviate_async.io.import_file` and sends it through one batch. Failed rows do not
    stop the write; each task returns its report and this function gathers them.

    A task the scheduler runs again (its worker died) sends its rows again; they replace the
    objects the first run wrote only when each row has a stable uuid: a uuid column or
    ``Layout(uuid_from=[...])``. A DataFrame with neither is refused before anything is sent,
    unless ``idempotent=False``.

    Args:
        ddf: the Dask DataFrame.
        collection: the collection's name.
        connection: how workers reach the server.
        layout: which column is what (default: the export layout).
        tenant: the tenant of every row (or ``layout.tenant_column``).
        batch: ``"dynamic"`` or ``"stream"``.
        chunk_rows: rows converted at a time within a partition.
        idempotent: refuse data whose rows would get random uuids.

    Returns:
        Every partition's report: rows, acknowledged objects, failed rows by partition and row.
    """
    if not isinstance(collection, str) or not collection:
        raise WeaviateInvalidInputError(f"collection: expected a name, got {collection!r}")
    if not isinstance(connection, ConnectionSettings):
        raise WeaviateInvalidInputError(
            f"connection: expected ConnectionSettings, got {type(connection).__name__}"
        )
    to_delayed = getattr(ddf, "to_delayed", None)
    if not callable(to_delayed) or not hasattr(ddf, "columns"):
        raise WeaviateInvalidInputError(f"ddf: expected a Dask DataFrame, got {type(ddf).__name__}")
    layout = layout or Layout()
    if idempotent:
        check_idempotent(layout, [str(c) for c in ddf.columns], "DataFrame")
    started = time.perf_counter()
    # a delayed call per partition, rather than map_partitions: the result of each task is a
    # report object, not a DataFrame partition with a schema to declare
    write = delayed(_write_partition, pure=False)
    tasks = [
        write(part, str(number), connection, collection, layout, tenant, batch, chunk_rows)
        for number, part in enumerate(to_delayed())
    ]
    reports: tuple[PartReport, ...] = compute(*tasks)  # type: ignore[no-untyped-call]
    return WriteReport(list(reports), time.perf_counter() - started)


def _write_partition(
    frame: Any,
    part: str,
    connection: ConnectionSettings,
    collection: str,
    layout: Layout,
    tenant: str | None,
    batch: Literal["dynamic", "stream"],
    chunk_rows: int,
) -> PartReport:
    # in a worker: the partition is a pandas DataFrame, written with a client made here
    (report,) = write_parts(
        connection,
        collection,
        [(part, frame)],
        layout=layout,
        tenant=tenant,
        batch=batch,
        chunk_rows=chunk_rows,
    )
    return report
