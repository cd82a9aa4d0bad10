"""Export a collection (or one tenant of it) to JSON lines, CSV or Parquet, streamed through
the cursor iterator: one page of objects in memory at a time."""

from __future__ import annotations

import os
import time
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs
import orjson

from weaviate_async.classes.query import Filter, Sort
from weaviate_async.classes.search import QueryNested, QueryReference
from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.io._arrow import arrow
from weaviate_async.io.layout import REFERENCE_PREFIX, VECTOR_PREFIX
from weaviate_async.io.sources import file_format
from weaviate_async.io.values import export_value, schema_types

if TYPE_CHECKING:
    from weaviate_async.collections.collection import CollectionAsync

__all__ = ["ExportReport", "export_collection"]


@attrs.frozen
class ExportReport:
    """What an export wrote.

    Attributes:
        path: the file written.
        rows: objects written.
        seconds: the wall time of the export.
    """

    path: Path
    rows: int
    seconds: float


async def export_collection(
    collection: CollectionAsync[Any, Any],
    path: str | os.PathLike[str],
    *,
    format: Literal["parquet", "csv", "jsonl"] | None = None,
    include_vector: bool = True,
    include_references: bool = True,
    filters: Any = None,
    page_rows: int = 1_000,
    progress: Any = None,
) -> ExportReport:
    """Write every object of a collection (of the handle's tenant, if it has one) to a file.

    The file has the default layout of :class:`~weaviate_async.io.Layout`, so
    :func:`~weaviate_async.io.import_file` reads it back with no options: ``uuid``, the
    properties, ``vector`` / ``vector.NAME`` and ``ref.NAME`` columns. A Parquet file's schema
    is derived from the collection's configuration (dates as UTC timestamps, points and phone
    numbers as structs, nested objects as structs, vectors as float32 lists, so they round-trip
    bit for bit); CSV cells of arrays, objects and vectors hold JSON text.

    Args:
        collection: the collection.
        path: the file to write (replaced if it exists).
        format: ``"parquet"``, ``"csv"`` or ``"jsonl"`` when the suffix does not say it.
        include_vector: write the vectors.
        include_references: write the reference properties' target uuids.
        filters: only the objects this filter (``Filter...``) matches. The cursor cannot be
            filtered, so these are read in pages sorted by uuid, each page asking for uuids
            above the last one read.
        page_rows: objects fetched and written at a time.
        progress: called as ``progress(rows_written)`` after each page.

    Returns:
        The file and the number of objects written.
    """
    started = time.perf_counter()
    kind = file_format(path, format)
    if kind == "json":
        raise WeaviateInvalidInputError("format: export writes 'parquet', 'csv' or 'jsonl'")
    if isinstance(page_rows, bool) or not isinstance(page_rows, int) or page_rows < 1:
        raise WeaviateInvalidInputError(f"page_rows: expected a positive int, got {page_rows!r}")
    config = await collection.config.get()
    types = schema_types(config.properties)
    references = [r.name for r in config.references] if include_references else []
    # A property that may point into several collections is written as ``Collection/uuid``.
    # The server follows such a property only into one named collection per query (asked
    # for two, it answers the first twice), so those are read apart, a page at a time.
    multi = {
        r.name: list(r.target_collections)
        for r in config.references
        if r.name in references and len(r.target_collections) > 1
    }
    return_properties = _return_properties(types)
    return_references = [
        QueryReference(link_on=n, return_properties=[]) for n in references if n not in multi
    ] or None
    if filters is None:
        objects: Any = collection.iterator(
            include_vector=include_vector,
            return_properties=return_properties,
            return_references=return_references,
            cache_size=page_rows,
        )
    else:
        objects = _filtered(
            collection, filters, include_vector, return_properties, return_references, page_rows
        )
    out = Path(path)
    vectors = _vector_columns(config.vector_config) if include_vector else {}
    sink = _sink(kind, out, types, references, vectors)
    rows = 0
    page: list[dict[str, Any]] = []
    try:
        async for obj in objects:
            page.append(_row(obj, types, references, include_vector))
            if len(page) >= page_rows:
                await _multi_targets(collection, page, multi)
                sink.write(page)
                rows += len(page)
                page = []
                if progress is not None:
                    progress(rows)
        if page:
            await _multi_targets(collection, page, multi)
            sink.write(page)
            rows += len(page)
            if progress is not None:
                progress(rows)
    finally:
        sink.close()
    return ExportReport(out, rows, time.perf_counter() - started)


async def _filtered(
    collection: Any,
    filters: Any,
    include_vector: bool,
    return_properties: list[Any],
    return_references: Any,
    page_rows: int,
) -> AsyncIterator[Any]:
    # pages of the matches in uuid order; each asks for uuids above the last one read
    last: str | None = None
    while True:
        where = filters
        if last is not None:
            where = filters & Filter.by_property("_id").greater_than(last)
        page = await collection.query.fetch_objects(
            filters=where,
            sort=Sort.by_property("_id"),
            limit=page_rows,
            include_vector=include_vector,
            return_properties=return_properties,
            return_references=return_references,
        )
        for obj in page.objects:
            yield obj
        if len(page.objects) < page_rows:
            return
        last = str(page.objects[-1].uuid)


def _vector_columns(vector_config: Any) -> dict[str, bool]:
    """Vector column -> whether it holds multi-vectors, for every vector the configuration
    names: an object may lack a named vector, so the first page cannot tell them all."""
    out: dict[str, bool] = {}
    for name, config in (vector_config or {}).items():
        index = getattr(config, "vector_index_config", None)
        multi = getattr(index, "multi_vector", None) is not None
        out["vector" if name == "default" else VECTOR_PREFIX + name] = multi
    return out


def _return_properties(types: Mapping[str, Any]) -> list[Any]:
    # named one by one: an object property needs its nested names, a blob is sent only if named
    out: list[Any] = []
    for name, (_, nested) in types.items():
        out.append(
            QueryNested(name=name, properties=_return_properties(nested)) if nested else name
        )
    return out


def _row(
    obj: Any, types: Mapping[str, Any], references: list[str], include_vector: bool
) -> dict[str, Any]:
    row: dict[str, Any] = {"uuid": str(obj.uuid)}
    props = obj.properties
    for name in types:
        row[name] = export_value(props.get(name))
    if include_vector:
        for name, vector in (obj.vector or {}).items():
            row["vector" if name == "default" else VECTOR_PREFIX + name] = vector
    for name in references:
        targets = (obj.references or {}).get(name)
        row[REFERENCE_PREFIX + name] = (
            [str(t.uuid) for t in targets.objects] if targets is not None else None
        )
    return row


async def _multi_targets(
    collection: Any, page: list[dict[str, Any]], multi: Mapping[str, list[str]]
) -> None:
    """Fill the page's multi-target columns with ``Collection/uuid``: one query per property
    and target collection, for the page's objects."""
    if not multi:
        return
    by_uuid = {row["uuid"]: row for row in page}
    for row in page:
        for name in multi:
            row[REFERENCE_PREFIX + name] = None
    for name, targets in multi.items():
        column = REFERENCE_PREFIX + name
        for target in targets:
            reply = await collection.query.fetch_objects(
                filters=Filter.by_id().contains_any(list(by_uuid)),
                limit=len(by_uuid),
                return_properties=[],
                return_references=QueryReference.MultiTarget(
                    link_on=name, target_collection=target, return_properties=[]
                ),
            )
            for obj in reply.objects:
                found = (obj.references or {}).get(name)
                if found is not None and found.objects:
                    row = by_uuid[str(obj.uuid)]
                    row[column] = (row[column] or []) + [
                        f"{target}/{t.uuid}" for t in found.objects
                    ]


# --------------------------------------------------------------------------- sinks


class _JsonLines:
    def __init__(self, path: Path) -> None:
        self._file = path.open("wb")

    def write(self, rows: list[dict[str, Any]]) -> None:
        options = orjson.OPT_APPEND_NEWLINE | orjson.OPT_SERIALIZE_NUMPY
        self._file.write(b"".join(orjson.dumps(_no_nulls(row), option=options) for row in rows))

    def close(self) -> None:
        self._file.close()


def _no_nulls(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if value is not None}


class _Arrow:
    """Parquet or CSV through pyarrow; the schema fixed by the collection's configuration, the
    vector columns' types by the first page."""

    def __init__(
        self,
        kind: str,
        path: Path,
        types: Mapping[str, Any],
        references: list[str],
        vectors: Mapping[str, bool],
    ) -> None:
        self._kind = kind
        self._path = path
        self._types = types
        self._references = references
        self._vectors = vectors
        self._schema: Any = None
        self._writer: Any = None

    def _open(self, rows: list[dict[str, Any]]) -> None:
        pa = arrow()
        self._schema = arrow_schema(self._types, self._references, rows, self._vectors)
        fields = list(self._schema)
        if self._kind == "parquet":
            self._writer = arrow("parquet").ParquetWriter(self._path, self._schema)
        else:
            csv_schema = pa.schema([pa.field(f.name, _csv_type(f.type)) for f in fields])
            csv = arrow("csv")
            # every text quoted, so that an empty text reads back as text and a null as none
            options = csv.WriteOptions(quoting_style="all_valid")
            self._writer = csv.CSVWriter(self._path, csv_schema, write_options=options)
            self._csv_schema = csv_schema

    def write(self, rows: list[dict[str, Any]]) -> None:
        if self._writer is None:
            self._open(rows)
        pa = arrow()
        if self._kind == "parquet":
            self._writer.write_batch(pa.RecordBatch.from_pylist(rows, schema=self._schema))
            return
        texts = [
            {
                k: _csv_cell(v, self._schema.field(k).type)
                for k, v in row.items()
                if k in self._schema.names
            }
            for row in rows
        ]
        self._writer.write_batch(pa.RecordBatch.from_pylist(texts, schema=self._csv_schema))

    def close(self) -> None:
        if self._writer is None:
            self._open([])  # an empty collection still gets a file with its columns
        writer: Any = self._writer
        writer.close()


def arrow_schema(
    types: Mapping[str, Any],
    references: list[str],
    rows: list[dict[str, Any]],
    vectors: Mapping[str, bool] | None = None,
) -> Any:
    """The Arrow schema of exported rows: ``uuid``, the properties (from the collection's
    configuration), the vector columns (``vectors``: column -> multi-vector, from the
    configuration, then any other found in ``rows``), then ``ref.NAME`` columns."""
    pa = arrow()
    fields = [pa.field("uuid", pa.string())]
    fields += [pa.field(name, arrow_type(kind, nested)) for name, (kind, nested) in types.items()]
    inner = pa.list_(pa.float32())
    known = dict(vectors or {})
    for column, multi in known.items():
        fields.append(pa.field(column, pa.list_(inner) if multi else inner))
    vector_columns: dict[str, None] = {}
    for row in rows:
        vector_columns.update(
            dict.fromkeys(c for c in row if c == "vector" or c.startswith(VECTOR_PREFIX))
        )
    for column in vector_columns:
        if column in known:
            continue
        sample = next((row[column] for row in rows if row.get(column)), None)
        multi = sample is not None and isinstance(sample[0], (list, tuple))
        fields.append(pa.field(column, pa.list_(inner) if multi else inner))
    fields += [pa.field(REFERENCE_PREFIX + n, pa.list_(pa.string())) for n in references]
    return pa.schema(fields)


def _sink(
    kind: str,
    path: Path,
    types: Mapping[str, Any],
    references: list[str],
    vectors: Mapping[str, bool],
) -> Any:
    if kind == "jsonl":
        return _JsonLines(path)
    return _Arrow(kind, path, types, references, vectors)


def arrow_type(kind: str, nested: Mapping[str, Any] | None = None) -> Any:
    """The Arrow type of a property of data type ``kind`` (``nested``: its nested schema)."""
    pa = arrow()
    if kind.endswith("[]"):
        return pa.list_(arrow_type(kind[:-2], nested))
    if kind == "object":
        return pa.struct(
            [pa.field(n, arrow_type(k, sub)) for n, (k, sub) in (nested or {}).items()]
        )
    simple = {
        "int": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.timestamp("us", tz="UTC"),
        "geoCoordinates": pa.struct([("latitude", pa.float64()), ("longitude", pa.float64())]),
        "phoneNumber": pa.struct([("input", pa.string()), ("defaultCountry", pa.string())]),
    }
    return simple.get(kind, pa.string())


def _csv_type(kind: Any) -> Any:
    pa = arrow()
    if pa.types.is_list(kind) or pa.types.is_struct(kind):
        return pa.string()
    return kind


def _csv_cell(value: Any, kind: Any) -> Any:
    pa = arrow()
    if value is not None and (pa.types.is_list(kind) or pa.types.is_struct(kind)):
        return orjson.dumps(value, option=orjson.OPT_SERIALIZE_NUMPY).decode()
    return value
