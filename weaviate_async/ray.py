"""Ray Data in and out of a collection: :class:`WeaviateDatasink` writes a Dataset through the
batch engine, one client per write task; :class:`WeaviateDatasource` reads a collection as a
Dataset, split into read tasks by tenant or by ranges of the cursor.

Needs Ray Data (``pip install "weaviate-async[ray]"``); importing ``weaviate_async`` imports
nothing of it.

Examples:
    >>> import ray
    >>> from weaviate_async.io import Layout
    >>> from weaviate_async.io.remote import ConnectionSettings
    >>> from weaviate_async.ray import WeaviateDatasink, WeaviateDatasource
    >>> settings = ConnectionSettings.local(port=8080, grpc_port=50051)
    >>> sink = WeaviateDatasink("Articles", settings, layout=Layout(uuid_from=["id"]))
    >>> ray.data.read_parquet("articles/").write_datasink(sink)
    >>> sink.report.acknowledged, sink.report.failures
    (1000000, [])
    >>> rows = ray.data.read_datasource(WeaviateDatasource("Articles", settings)).count()
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from ray.data import Datasink, Datasource, ReadTask
from ray.data.block import BlockAccessor, BlockMetadata

from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.io.layout import Layout
from weaviate_async.io.partitions import ReadSpec, as_tenants, iter_part, split
from weaviate_async.io.remote import (
    ConnectionSettings,
    PartReport,
    WriteReport,
    check_idempotent,
    run_sync,
    write_parts,
)

if TYPE_CHECKING:
    from ray.data._internal.execution.interfaces import TaskContext
    from ray.data.datasource.datasink import WriteResult

__all__ = ["ConnectionSettings", "WeaviateDatasink", "WeaviateDatasource", "WriteReport"]


class WeaviateDatasink(Datasink[list[PartReport]]):
    """Writes a Ray Dataset into a collection: ``dataset.write_datasink(sink)``.

    Each write task builds its own client from ``connection``, converts its blocks with the
    machinery of :func:`~weaviate_async.io.import_file` (same :class:`~weaviate_async.io.Layout`,
    same conversions) and sends them through one batch. Rows that fail do not stop the write:
    each task returns its failures, and the driver gathers them into :attr:`report`.

    A task Ray runs again (its worker was lost) sends its rows again; they replace the objects
    the first run wrote only when each row has a stable uuid: a uuid column, or
    ``Layout(uuid_from=[...])``. Data with neither is refused before anything is sent, unless
    ``idempotent=False``.

    Args:
        collection: the collection's name.
        connection: how workers reach the server.
        layout: which column is what (default: the export layout).
        tenant: the tenant of every row (or ``layout.tenant_column``).
        batch: ``"dynamic"`` or ``"stream"``.
        chunk_rows: rows converted at a time within a block.
        rows_per_write: the rows Ray hands to one write task (None: Ray's choice).
        idempotent: refuse data whose rows would get random uuids.

    Attributes:
        report: what the write did, once ``write_datasink`` returned (None before).
    """

    def __init__(
        self,
        collection: str,
        connection: ConnectionSettings,
        *,
        layout: Layout | None = None,
        tenant: str | None = None,
        batch: Literal["dynamic", "stream"] = "dynamic",
        chunk_rows: int = 5_000,
        rows_per_write: int | None = None,
        idempotent: bool = True,
    ) -> None:
        _check_args(collection, connection)
        self.collection = collection
        self.connection = connection
        self.layout = layout or Layout()
        self.tenant = tenant
        self.batch: Literal["dynamic", "stream"] = batch
        self.chunk_rows = chunk_rows
        self.rows_per_write = rows_per_write
        self.idempotent = idempotent
        self.report: WriteReport | None = None
        self._started = 0.0

    def on_write_start(self, schema: Any = None) -> None:
        """On the driver, before any task: check the layout against the Dataset's columns."""
        self._started = time.perf_counter()
        if schema is not None and self.idempotent:
            check_idempotent(self.layout, list(schema.names), "Dataset")

    def write(self, blocks: Iterable[Any], ctx: TaskContext) -> list[PartReport]:
        """In a worker: write the task's blocks with a client made here."""
        task = getattr(ctx, "task_idx", 0)
        parts = (
            (f"{task}.{number}", BlockAccessor.for_block(block).to_arrow())
            for number, block in enumerate(blocks)
        )
        return write_parts(
            self.connection,
            self.collection,
            parts,
            layout=self.layout,
            tenant=self.tenant,
            batch=self.batch,
            chunk_rows=self.chunk_rows,
        )

    def on_write_complete(self, write_result: WriteResult[list[PartReport]]) -> None:
        """On the driver: gather the tasks' reports into :attr:`report`."""
        parts = [part for returned in write_result.write_returns for part in returned]
        parts.sort(key=lambda p: tuple(int(n) for n in p.part.split(".")))
        self.report = WriteReport(parts, time.perf_counter() - self._started)

    @property
    def min_rows_per_write(self) -> int | None:
        """The rows given to one write task (``rows_per_write``)."""
        return self.rows_per_write

    def get_name(self) -> str:
        """The name of the write tasks."""
        return "Weaviate"


class WeaviateDatasource(Datasource):
    """Reads a collection as a Ray Dataset: ``ray.data.read_datasource(source)``.

    The rows have the layout :func:`~weaviate_async.io.export_collection` writes (``uuid``, the
    properties, ``vector`` / ``vector.NAME``, ``ref.NAME``), so a Dataset read here writes back
    with :class:`WeaviateDatasink` and no options. The read tasks are the parts of
    :mod:`weaviate_async.io.partitions`: one per tenant of a multi-tenant collection (with a
    ``tenant`` column), else ranges of equal counts along the cursor.

    Args:
        collection: the collection's name.
        connection: how the driver and the workers reach the server.
        tenants: the tenants to read (None: every tenant of a multi-tenant collection).
        include_vector: read the vectors.
        include_references: read the reference properties' targets.
        page_rows: objects fetched, and rows per block, at a time.
        tenant_column: the name of the tenant column (None: no such column).
    """

    def __init__(
        self,
        collection: str,
        connection: ConnectionSettings,
        *,
        tenants: Sequence[str] | None = None,
        include_vector: bool = True,
        include_references: bool = True,
        page_rows: int = 1_000,
        tenant_column: str | None = "tenant",
    ) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.spec = ReadSpec(
            collection=collection,
            connection=connection,
            tenants=as_tenants(tenants),
            include_vector=include_vector,
            include_references=include_references,
            page_rows=page_rows,
            tenant_column=tenant_column,
        )

    def estimate_inmemory_data_size(self) -> int | None:
        """Unknown before reading."""
        return None

    def get_read_tasks(
        self,
        parallelism: int,
        per_task_row_limit: int | None = None,
        data_context: Any = None,
    ) -> list[ReadTask]:
        """On the driver: split the collection into at most ``parallelism`` read tasks."""
        parts, schema = run_sync(lambda: split(self.spec, max(1, parallelism)))
        tasks = []
        # per_task_row_limit is only passed on when Ray asks for it: older Rays have neither
        # the argument nor the keyword of ReadTask
        limit = {} if per_task_row_limit is None else {"per_task_row_limit": per_task_row_limit}
        for part in parts:
            read = functools.partial(iter_part, self.spec, part, schema)
            tasks.append(ReadTask(read, _metadata(part.rows), **limit))
        return tasks


def _metadata(rows: int | None) -> Any:
    fields: dict[str, Any] = {
        "num_rows": rows,
        "size_bytes": None,
        "exec_stats": None,
        "input_files": None,
    }
    try:
        return BlockMetadata(**fields)
    except TypeError:  # older Rays keep the schema in the block metadata too
        fields["schema"] = None
        return BlockMetadata(**fields)


def _check_args(collection: str, connection: ConnectionSettings) -> None:
    if not isinstance(collection, str) or not collection:
        raise WeaviateInvalidInputError(f"collection: expected a name, got {collection!r}")
    if not isinstance(connection, ConnectionSettings):
        raise WeaviateInvalidInputError(
            f"connection: expected ConnectionSettings, got {type(connection).__name__}"
        )
