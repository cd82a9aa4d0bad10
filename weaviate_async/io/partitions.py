"""A collection read in parts by many workers (the Ray datasource and the Dask reader): how it
is split, and the reading of one part as Arrow tables with the layout
:func:`~weaviate_async.io.export_collection` writes.

How the reading is split: a multi-tenant collection gives one part per tenant (tenants shared
out over at most the requested number of parts), with a tenant column. A single-tenant
collection is split into ranges of its cursor (objects in uuid order): the driver walks the
cursor once fetching uuids only, keeps every n-th one as a boundary, and each part reads with
the cursor from its boundary (``after=``) to the next. Ranges of uuid values asked with an
``_id`` filter would need no first walk, but every page would then be a filtered, sorted
search rather than a read of the object store in key order, and parts would be as uneven as
the uuids (sequential or clustered uuids put everything in one range); the cursor gives
ranges of equal counts whatever the uuids.
"""

from __future__ import annotations

import asyncio
import uuid as uuid_lib
from collections.abc import AsyncGenerator, Iterator, Sequence
from typing import Any

import attrs

from weaviate_async.classes.search import QueryReference
from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.io._arrow import arrow
from weaviate_async.io.exporter import (
    _multi_targets,
    _return_properties,
    _row,
    _vector_columns,
    arrow_schema,
)
from weaviate_async.io.remote import ConnectionSettings
from weaviate_async.io.values import schema_types

__all__ = ["Part", "ReadSpec", "iter_part", "split"]


@attrs.frozen
class Part:
    """What one worker reads: a tenant's objects, or those of the cursor after ``after`` up to
    ``until`` (inclusive; None: to the end); ``rows`` as counted when splitting."""

    tenants: tuple[str | None, ...]
    after: str | None
    until: str | None
    rows: int | None


@attrs.frozen(kw_only=True)
class ReadSpec:
    """What to read, shipped to every worker.

    Attributes:
        collection: the collection's name.
        connection: how the driver and the workers reach the server.
        tenants: the tenants to read (None: every tenant of a multi-tenant collection).
        include_vector: read the vectors.
        include_references: read the reference properties' targets.
        page_rows: objects fetched, and rows per table, at a time.
        tenant_column: the name of the tenant column (None: no such column).
    """

    collection: str
    connection: ConnectionSettings
    tenants: tuple[str, ...] | None = None
    include_vector: bool = True
    include_references: bool = True
    page_rows: int = 1_000
    tenant_column: str | None = "tenant"

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.collection, str) or not self.collection:
            raise WeaviateInvalidInputError(f"collection: expected a name, got {self.collection!r}")
        if not isinstance(self.connection, ConnectionSettings):
            raise WeaviateInvalidInputError(
                f"connection: expected ConnectionSettings, got {type(self.connection).__name__}"
            )
        rows = self.page_rows
        if isinstance(rows, bool) or not isinstance(rows, int) or rows < 1:
            raise WeaviateInvalidInputError(f"page_rows: expected a positive int, got {rows!r}")


async def split(spec: ReadSpec, parts: int) -> tuple[list[Part], Any]:
    """On the driver: at most ``parts`` parts, and the Arrow schema every part's tables have."""
    client = await spec.connection.connect()
    try:
        handle = client.collections.use(spec.collection)
        config = await handle.config.get()
        schema = _schema(spec, config, multi_tenant=config.multi_tenancy_config.enabled)
        if config.multi_tenancy_config.enabled:
            names = list(spec.tenants) if spec.tenants is not None else None
            if names is None:
                names = sorted(await handle.tenants.get())
            count = min(max(1, parts), len(names))
            found = [
                Part(tuple(names[i::count]), None, None, None)
                for i in range(count)
                if names[i::count]
            ]
            return found, schema
        if spec.tenants:
            raise WeaviateInvalidInputError(
                f"tenants: collection {spec.collection!r} is not multi-tenant"
            )
        return await _cursor_ranges(handle, max(1, parts)), schema
    finally:
        await client.close()


def _schema(spec: ReadSpec, config: Any, *, multi_tenant: bool) -> Any:
    pa = arrow()
    types = schema_types(config.properties)
    references = [r.name for r in config.references] if spec.include_references else []
    vectors: dict[str, bool] = {}
    if spec.include_vector:
        vectors = _vector_columns(config.vector_config)
        if not vectors and config.vector_index_config is not None:
            vectors = {"vector": False}  # a collection of one unnamed vector
    schema = arrow_schema(types, references, [], vectors)
    if multi_tenant and spec.tenant_column:
        schema = schema.append(pa.field(spec.tenant_column, pa.string()))
    return schema


async def _cursor_ranges(handle: Any, parts: int) -> list[Part]:
    total = (await handle.aggregate.over_all(total_count=True)).total_count or 0
    if parts == 1 or total <= parts:
        return [Part((None,), None, None, total)]
    step = -(-total // parts)
    boundaries: list[str] = []
    seen = 0
    async for obj in handle.iterator(return_properties=[], cache_size=10_000):
        seen += 1
        if seen % step == 0:
            boundaries.append(str(obj.uuid))
    found: list[Part] = []
    after: str | None = None
    for until in [*boundaries, None]:
        rows = step if until is not None else seen - step * len(boundaries)
        if until is None and rows == 0:
            break
        found.append(Part((None,), after, until, rows))
        after = until
    return found


def iter_part(spec: ReadSpec, part: Part, schema: Any) -> Iterator[Any]:
    """In a worker: the part's objects as Arrow tables of ``schema``, one page at a time (the
    async pages driven from this generator by an event loop of its own)."""
    loop = asyncio.new_event_loop()
    pages = _read_pages(spec, part, schema)
    try:
        while True:
            try:
                table = loop.run_until_complete(pages.__anext__())
            except StopAsyncIteration:
                return
            yield table
    finally:
        loop.run_until_complete(pages.aclose())
        loop.close()


async def _read_pages(spec: ReadSpec, part: Part, schema: Any) -> AsyncGenerator[Any, None]:
    pa = arrow()
    client = await spec.connection.connect()
    try:
        base = client.collections.use(spec.collection)
        config = await base.config.get()
        types = schema_types(config.properties)
        references = [r.name for r in config.references] if spec.include_references else []
        multi = {
            r.name: list(r.target_collections)
            for r in config.references
            if r.name in references and len(r.target_collections) > 1
        }
        return_references = [
            QueryReference(link_on=n, return_properties=[]) for n in references if n not in multi
        ]
        until = uuid_lib.UUID(part.until) if part.until is not None else None
        for tenant in part.tenants:
            handle = base.with_tenant(tenant) if tenant is not None else base
            page: list[dict[str, Any]] = []
            iterator = handle.iterator(
                include_vector=spec.include_vector,
                return_properties=_return_properties(types),
                return_references=return_references or None,
                after=part.after,
                cache_size=spec.page_rows,
            )
            async for obj in iterator:
                if until is not None and obj.uuid > until:
                    break  # the boundary object was deleted since the split
                page.append(_row(obj, types, references, spec.include_vector))
                if len(page) >= spec.page_rows:
                    yield await _table(pa, handle, page, multi, schema, tenant, spec)
                    page = []
                if until is not None and obj.uuid == until:
                    break
            if page:
                yield await _table(pa, handle, page, multi, schema, tenant, spec)
    finally:
        await client.close()


async def _table(
    pa: Any,
    handle: Any,
    rows: list[dict[str, Any]],
    multi: dict[str, list[str]],
    schema: Any,
    tenant: str | None,
    spec: ReadSpec,
) -> Any:
    await _multi_targets(handle, rows, multi)
    if tenant is not None and spec.tenant_column:
        for row in rows:
            row[spec.tenant_column] = tenant
    return pa.Table.from_pylist(rows, schema=schema)


def as_tenants(tenants: Sequence[str] | None) -> tuple[str, ...] | None:
    """The ``tenants`` argument as the tuple :class:`ReadSpec` keeps."""
    return None if tenants is None else tuple(tenants)
