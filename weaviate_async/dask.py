"""Dask DataFrames in and out of a collection: :func:`to_weaviate` writes one, a task per
partition, each with a client of its own, through the batch engine; :func:`read_weaviate` reads
a collection as one, split by tenant or by ranges of the cursor.

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

import importlib
import os
import time
from collections.abc import Sequence
from typing import Any, Literal

from dask.base import compute
from dask.delayed import delayed

from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.io._arrow import arrow
from weaviate_async.io.layout import Layout
from weaviate_async.io.partitions import Part, ReadSpec, as_tenants, iter_part, split
from weaviate_async.io.remote import (
    ConnectionSettings,
    PartReport,
    WriteReport,
    check_idempotent,
    run_sync,
    write_parts,
)

__all__ = ["ConnectionSettings", "WriteReport", "read_weaviate", "to_weaviate"]


def to_weaviate(
    ddf: Any,
    collection: str,
    connection: ConnectionSettings,
    *,
    layout: Layout | None = None,
    tenant: str | None = None,
    batch: Literal["dynamic", "stream"] = "dynamic",
    chunk_rows: int = 5_000,
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


def read_weaviate(
    collection: str,
    connection: ConnectionSettings,
    *,
    tenants: Sequence[str] | None = None,
    include_vector: bool = True,
    include_references: bool = True,
    page_rows: int = 1_000,
    tenant_column: str | None = "tenant",
    npartitions: int | None = None,
) -> Any:
    """A collection as a Dask DataFrame, read by many workers at once.

    The partitions are the parts of :mod:`weaviate_async.io.partitions`: one per tenant of a
    multi-tenant collection (tenants shared out over at most ``npartitions``), with a tenant
    column, else ranges of equal counts along the cursor. The columns are the layout
    :func:`~weaviate_async.io.export_collection` writes, typed from the collection's
    configuration (Arrow-backed pandas dtypes), so the frame writes back with
    :func:`to_weaviate` and no options. The split is made now (a walk of the cursor asking for
    uuids only); the objects are read when the frame is computed, each partition by a task with
    a client of its own.

    Args:
        collection: the collection's name.
        connection: how this process and the workers reach the server.
        tenants: the tenants to read (None: every tenant of a multi-tenant collection).
        include_vector: read the vectors.
        include_references: read the reference properties' targets.
        page_rows: objects fetched at a time.
        tenant_column: the name of the tenant column (None: no such column).
        npartitions: at most this many partitions (default: the workers' threads of the
            current ``distributed.Client``, else the machine's CPUs).

    Returns:
        A ``dask.dataframe.DataFrame``.
    """
    import dask.dataframe as dd

    pd: Any = importlib.import_module("pandas")  # untyped; Dask depends on it
    spec = ReadSpec(
        collection=collection,
        connection=connection,
        tenants=as_tenants(tenants),
        include_vector=include_vector,
        include_references=include_references,
        page_rows=page_rows,
        tenant_column=tenant_column,
    )
    if npartitions is not None and (
        isinstance(npartitions, bool) or not isinstance(npartitions, int) or npartitions < 1
    ):
        raise WeaviateInvalidInputError(
            f"npartitions: expected a positive int, got {npartitions!r}"
        )
    parts, schema = run_sync(lambda: split(spec, npartitions or _workers()))
    meta = schema.empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    return dd.from_map(  # type: ignore[no-untyped-call]
        _read_partition,
        parts,
        spec=spec,
        schema=schema,
        meta=meta,
        divisions=None,
        label="read-weaviate",
        enforce_metadata=False,
    )


def _read_partition(part: Part, spec: ReadSpec, schema: Any) -> Any:
    # in a worker: the part's pages as one pandas DataFrame of the declared schema
    pd: Any = importlib.import_module("pandas")
    pa = arrow()
    tables = list(iter_part(spec, part, schema)) or [schema.empty_table()]
    return pa.concat_tables(tables).to_pandas(types_mapper=pd.ArrowDtype)


def _workers() -> int:
    try:
        from distributed import get_client

        threads: dict[str, int] = get_client().nthreads()  # type: ignore[no-untyped-call]
        return max(1, sum(threads.values()))
    except (ImportError, ValueError):
        return os.cpu_count() or 1
