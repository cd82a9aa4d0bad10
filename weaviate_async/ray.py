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

import asyncio
import functools
import time
import uuid as uuid_lib
from collections.abc import AsyncGenerator, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs
from ray.data import Datasink, Datasource, ReadTask
from ray.data.block import BlockAccessor, BlockMetadata

from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.io._arrow import arrow
from weaviate_async.io.exporter import _return_properties, _row, arrow_schema
from weaviate_async.io.layout import Layout
from weaviate_async.io.remote import (
    ConnectionSettings,
    PartReport,
    WriteReport,
    check_idempotent,
    run_sync,
    write_parts,
)
from weaviate_async.io.values import schema_types

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
        chunk_rows: int = 10_000,
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


@attrs.frozen
class _Range:
    """What one read task reads: a tenant's objects, or those of the cursor after ``after``
    up to ``until`` (inclusive; None: to the end)."""

    tenants: tuple[str | None, ...]
    after: str | None
    until: str | None
    rows: int | None


class WeaviateDatasource(Datasource):
    """Reads a collection as a Ray Dataset: ``ray.data.read_datasource(source)``.

    The rows have the layout :func:`~weaviate_async.io.export_collection` writes (``uuid``, the
    properties, ``vector`` / ``vector.NAME``, ``ref.NAME``), so a Dataset read here writes back
    with :class:`WeaviateDatasink` and no options.

    How the reading is split: a multi-tenant collection gives one read task per tenant (tenants
    shared out over at most ``parallelism`` tasks), with a ``tenant`` column. A single-tenant
    collection is split into ranges of its cursor (objects in uuid order): the driver walks the
    cursor once fetching uuids only, keeps every n-th one as a boundary, and each task reads
    with the cursor from its boundary (``after=``) to the next. Ranges of uuid values asked
    with an ``_id`` filter would need no first walk, but every page would then be a filtered,
    sorted search rather than a read of the object store in key order, and tasks would be as
    uneven as the uuids (sequential or clustered uuids put everything in one range); the
    cursor gives ranges of equal counts whatever the uuids.

    Args:
        collection: the collection's name.
        connection: how the driver and the workers reach the server.
        tenants: the tenants to read (None: every tenant of a multi-tenant collection).
        include_vector: read the vectors.
        include_references: read the reference properties' target uuids.
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
        _check_args(collection, connection)
        if isinstance(page_rows, bool) or not isinstance(page_rows, int) or page_rows < 1:
            raise WeaviateInvalidInputError(
                f"page_rows: expected a positive int, got {page_rows!r}"
            )
        self.collection = collection
        self.connection = connection
        self.tenants = None if tenants is None else list(tenants)
        self.include_vector = include_vector
        self.include_references = include_references
        self.page_rows = page_rows
        self.tenant_column = tenant_column

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
        ranges = run_sync(lambda: self._split(max(1, parallelism)))
        tasks = []
        # per_task_row_limit is only passed on when Ray asks for it: older Rays have neither
        # the argument nor the keyword of ReadTask
        limit = {} if per_task_row_limit is None else {"per_task_row_limit": per_task_row_limit}
        for part in ranges:
            read = functools.partial(_read_range, self, part)
            tasks.append(ReadTask(read, _metadata(part.rows), **limit))
        return tasks

    async def _split(self, parallelism: int) -> list[_Range]:
        client = await self.connection.connect()
        try:
            handle = client.collections.use(self.collection)
            config = await handle.config.get()
            if config.multi_tenancy_config.enabled:
                names = self.tenants
                if names is None:
                    names = sorted(await handle.tenants.get())
                count = min(parallelism, len(names))
                return [
                    _Range(tuple(names[i::count]), None, None, None)
                    for i in range(count)
                    if names[i::count]
                ]
            if self.tenants:
                raise WeaviateInvalidInputError(
                    f"tenants: collection {self.collection!r} is not multi-tenant"
                )
            return await _cursor_ranges(handle, parallelism)
        finally:
            await client.close()


async def _cursor_ranges(handle: Any, parallelism: int) -> list[_Range]:
    total = (await handle.aggregate.over_all(total_count=True)).total_count or 0
    if parallelism == 1 or total <= parallelism:
        return [_Range((None,), None, None, total)]
    step = -(-total // parallelism)
    boundaries: list[str] = []
    seen = 0
    async for obj in handle.iterator(return_properties=[], cache_size=10_000):
        seen += 1
        if seen % step == 0:
            boundaries.append(str(obj.uuid))
    ranges: list[_Range] = []
    after: str | None = None
    for until in [*boundaries, None]:
        rows = step if until is not None else seen - step * len(boundaries)
        if until is None and rows == 0:
            break
        ranges.append(_Range((None,), after, until, rows))
        after = until
    return ranges


def _read_range(source: WeaviateDatasource, part: _Range) -> Iterator[Any]:
    # the read task's body, in a worker: one page in memory at a time, each page one Arrow
    # block; the async pages are driven from this generator by a loop of its own
    loop = asyncio.new_event_loop()
    pages = _read_pages(source, part)
    try:
        while True:
            try:
                block = loop.run_until_complete(pages.__anext__())
            except StopAsyncIteration:
                return
            yield block
    finally:
        loop.run_until_complete(pages.aclose())
        loop.close()


async def _read_pages(source: WeaviateDatasource, part: _Range) -> AsyncGenerator[Any, None]:
    from weaviate_async.classes.search import QueryReference

    pa = arrow()
    client = await source.connection.connect()
    try:
        base = client.collections.use(source.collection)
        config = await base.config.get()
        types = schema_types(config.properties)
        references = [r.name for r in config.references] if source.include_references else []
        return_references = [QueryReference(link_on=n, return_properties=[]) for n in references]
        until = uuid_lib.UUID(part.until) if part.until is not None else None
        for tenant in part.tenants:
            handle = base.with_tenant(tenant) if tenant is not None else base
            page: list[dict[str, Any]] = []
            iterator = handle.iterator(
                include_vector=source.include_vector,
                return_properties=_return_properties(types),
                return_references=return_references or None,
                after=part.after,
                cache_size=source.page_rows,
            )
            async for obj in iterator:
                if until is not None and obj.uuid > until:
                    break  # the boundary object was deleted since the split
                page.append(_row(obj, types, references, source.include_vector))
                if len(page) >= source.page_rows:
                    yield _block(pa, page, types, references, tenant, source)
                    page = []
                if until is not None and obj.uuid == until:
                    break
            if page:
                yield _block(pa, page, types, references, tenant, source)
    finally:
        await client.close()


def _block(
    pa: Any,
    rows: list[dict[str, Any]],
    types: Any,
    references: list[str],
    tenant: str | None,
    source: WeaviateDatasource,
) -> Any:
    schema = arrow_schema(types, references, rows)
    if tenant is not None and source.tenant_column:
        schema = schema.append(pa.field(source.tenant_column, pa.string()))
        for row in rows:
            row[source.tenant_column] = tenant
    return pa.Table.from_pylist(rows, schema=schema)


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
