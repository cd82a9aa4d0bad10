"""Import rows from a file (or Arrow data) into a collection through the batch engine."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs
import orjson

from weaviate_async.classes.data import ReferenceToMulti
from weaviate_async.collections.batch.base import _BatchClientAsync
from weaviate_async.collections.batch.sizing import DynamicSizing
from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.io.checkpoint import Checkpoint, RowLedger
from weaviate_async.io.layout import ColumnPlan, Layout
from weaviate_async.io.sources import Chunk, chunks, row_count
from weaviate_async.io.values import importer_for, schema_types
from weaviate_async.util import generate_uuid5

if TYPE_CHECKING:
    from weaviate_async.collections.batch.progress import ProgressOption
    from weaviate_async.collections.collection import CollectionAsync

__all__ = ["ImportReport", "RowFailure", "import_file"]

_CSV_TEXT = ("text", "uuid", "date", "phoneNumber", "blob")


@attrs.frozen
class RowFailure:
    """A row that did not land.

    Attributes:
        row: its number in the input (0-based, data rows only).
        uuid: the uuid it was given, or None when it failed before one was made.
        message: why (the server's message, or the client's check).
    """

    row: int
    uuid: str | None
    message: str


@attrs.frozen
class ImportReport:
    """What an import did.

    Attributes:
        rows: rows read from the input.
        skipped: rows a resumed run did not send again (answered in an earlier run).
        acknowledged: objects the server acknowledged.
        failures: the rows that failed, by row number.
        failures_path: the failure report written (JSON lines), or None.
        checkpoint_path: the checkpoint kept for ``resume=True``, or None when nothing is left
            to resume (every row acknowledged).
        seconds: the wall time of the import.
    """

    rows: int
    skipped: int
    acknowledged: int
    failures: list[RowFailure]
    failures_path: Path | None
    checkpoint_path: Path | None
    seconds: float

    @property
    def has_errors(self) -> bool:
        """Whether any row failed."""
        return bool(self.failures)


async def import_file(
    collection: CollectionAsync[Any, Any],
    source: Any,
    *,
    format: Literal["parquet", "csv", "jsonl", "json"] | None = None,
    layout: Layout | None = None,
    tenant: str | None = None,
    batch: Literal["dynamic", "stream"] = "dynamic",
    chunk_rows: int = 5_000,
    resume: bool = False,
    checkpoint: str | os.PathLike[str] | None = None,
    failures: str | os.PathLike[str] | Literal[False] | None = None,
    progress: ProgressOption = False,
) -> ImportReport:
    """Import the rows of a file or of Arrow data into a collection.

    The input is read in chunks of ``chunk_rows`` rows (Parquet and CSV through pyarrow's
    streaming readers, JSON lines line by line, a JSON array an element at a time), so memory
    stays bounded whatever its size, and every row is added to one batch (``batch.dynamic()``
    or ``batch.stream()``). Values are converted to the collection's data types (dates,
    uuids, points, phone numbers, blobs, nested objects, arrays; CSV cells of arrays and
    objects as JSON text). A row that fails does not stop the import: it is reported by
    number, with its uuid and the reason.

    Args:
        collection: the collection (its tenant, if the handle has one, is used).
        source: a path (``.parquet``, ``.csv``, ``.jsonl``/``.ndjson``, ``.json``), an Arrow
            Table, RecordBatch or RecordBatchReader, an iterable of record batches, or a pandas
            or polars DataFrame.
        format: the file's format when its suffix does not say it.
        layout: which column is what (default: :class:`Layout`'s, the layout export writes).
        tenant: the tenant of every row (or ``layout.tenant_column`` per row).
        batch: ``"dynamic"`` (default) or ``"stream"`` (server-side batching).
        chunk_rows: rows read at a time.
        resume: send only the rows an earlier run did not land (its checkpoint is read).
        checkpoint: the checkpoint file (default: ``<input>.checkpoint.json`` for a file;
            Arrow data has none unless named).
        failures: where to write the failed rows as JSON lines (default:
            ``<input>.failures.jsonl`` for a file); False writes none.
        progress: show progress (True: a tqdm or rich bar; or a callable
            ``(done, failed, added)``).

    Returns:
        The counts, the failed rows and the files written.

    Raises:
        WeaviateInvalidInputError: an argument, the layout, or the input's format is wrong.
        ImportError: pyarrow is missing (``pip install "weaviate-async[io]"``).
    """
    if isinstance(chunk_rows, bool) or not isinstance(chunk_rows, int) or chunk_rows < 1:
        raise WeaviateInvalidInputError(f"chunk_rows: expected a positive int, got {chunk_rows!r}")
    if batch not in ("dynamic", "stream"):
        raise WeaviateInvalidInputError(f"batch: expected 'dynamic' or 'stream', got {batch!r}")
    started = time.perf_counter()
    layout = layout or Layout()
    is_file = isinstance(source, (str, os.PathLike))
    checkpoint_path = _beside(source, checkpoint, ".checkpoint.json", is_file)
    failures_path = (
        None if failures is False else _beside(source, failures, ".failures.jsonl", is_file)
    )
    if resume and checkpoint_path is None:
        raise WeaviateInvalidInputError("resume: Arrow data has no checkpoint unless one is named")
    state = (
        Checkpoint.load(checkpoint_path, collection.name)
        if resume and checkpoint_path is not None
        else Checkpoint(collection.name)
    )

    config = await collection.config.get()
    types = schema_types(config.properties)
    convert = {name: importer_for(kind, nested) for name, (kind, nested) in types.items()}
    vector_names = set((config.vector_config or {}).keys())
    csv_types = _csv_types(types, layout) if is_file else None

    ledger = RowLedger(state, checkpoint_path)
    streams = 1 if batch == "stream" else 0
    if streams:
        collection._connection.require_version("Server-side batching (batch.stream)", "1.36.0")
    total = row_count(source, format) if progress is not False else None
    if total is not None:
        # a resumed run sends only the rows its checkpoint has not settled
        total -= state.rows_done - sum(1 for row in state.failed if row < state.rows_done)
    writer = _BatchClientAsync(
        collection._connection,
        _import_sizing,
        ledger,
        collection.consistency_level,
        progress=progress,
        progress_total=total,
        streams=streams,
    )
    fixed_tenant = tenant if tenant is not None else collection.tenant
    rows = skipped = 0
    plans: dict[tuple[str, ...], _RowMaker] = {}
    reference_rows: dict[str, int] = {}  # uuid -> row, of rows with references of their own
    try:
        async with writer:
            for chunk in chunks(
                source,
                fmt=format,
                chunk_rows=chunk_rows,
                vector_columns=_vector_columns(layout),
                csv_types=csv_types,
            ):
                key = tuple(chunk.columns)
                maker = plans.get(key)
                if maker is None:
                    maker = plans[key] = _RowMaker(
                        layout.plan(chunk.columns), convert, vector_names
                    )
                for offset in range(len(chunk.rows)):
                    row = chunk.start + offset
                    rows += 1
                    if not state.wants(row):
                        skipped += 1
                        continue
                    uuid = maker.uuid(chunk.rows[offset])
                    try:
                        obj = maker.make(chunk, offset, fixed_tenant, uuid)
                    except (WeaviateInvalidInputError, ValueError, TypeError, KeyError) as exc:
                        ledger.refuse_row(row, f"row {row}: {exc}", uuid)
                        continue
                    more = obj.pop("more_references")
                    ledger.added(row)
                    try:
                        added = await writer.add_object(collection.name, **obj)
                    except WeaviateInvalidInputError as exc:
                        ledger.refuse_row(row, exc.message, uuid)
                        continue
                    # A property pointing into several collections: the object carries the
                    # targets of one, the others go as references of their own.
                    for name, target in more:
                        reference_rows[str(added)] = row
                        await writer.add_reference(
                            added, collection.name, name, target, obj["tenant"]
                        )
    except BaseException:
        # interrupted (cancelled, Ctrl-C, an error of the input): keep where it stands
        ledger.save()
        raise
    final = ledger.snapshot(end_row=rows)
    report_failures = [
        RowFailure(row, ledger.row_uuid.get(row), message)
        for row, message in sorted(ledger.failed_rows.items())
    ]
    for failed in ledger.failed_references:
        source_uuid = str(failed.reference.from_object_uuid)
        from_row = reference_rows.get(source_uuid)
        if from_row is not None:
            report_failures.append(RowFailure(from_row, source_uuid, failed.message))
    report_failures.sort(key=lambda failure: failure.row)
    if failures_path is not None:
        _write_failures(failures_path, report_failures)
    kept: Path | None = None
    if checkpoint_path is not None:
        if final.failed:
            final.save(checkpoint_path)
            kept = checkpoint_path
        elif checkpoint_path.exists():
            checkpoint_path.unlink()  # nothing left to resume
    return ImportReport(
        rows=rows,
        skipped=skipped,
        acknowledged=ledger.acked_objects,
        failures=report_failures,
        failures_path=failures_path if report_failures else None,
        checkpoint_path=kept,
        seconds=time.perf_counter() - started,
    )


def _import_sizing() -> DynamicSizing:
    """The import's request sizes: ``dynamic()``'s policy from 1,000 objects up to 5,000 (each
    request still within the transport's byte bound). A file's rows are all there at once, so
    larger requests cost the server less per object: 100,000 rows of 384-d took it 153-155
    instead of 162-172 us of CPU per row, and went 1.1 to 1.3x as fast, on a 2-core machine
    it shares with the client."""
    return DynamicSizing(initial=1000, maximum=5000)


def _beside(source: Any, given: Any, suffix: str, is_file: bool) -> Path | None:
    if given is not None:
        return Path(given)
    if is_file:
        path = Path(source)
        return path.with_name(path.name + suffix)
    return None


def _vector_columns(layout: Layout) -> Callable[[str], bool]:
    chosen = set(layout.vector_columns.values()) | {layout.vector_column}
    return lambda column: column in chosen or column.startswith("vector.")


def _csv_types(types: Mapping[str, Any], layout: Layout) -> dict[str, Any]:
    # a text property (or a tenant name, or a uuid) of digits must stay text: CSV type
    # inference would make it an int
    from weaviate_async.io._arrow import arrow

    pa = arrow()
    text = {name: pa.string() for name, (kind, _) in types.items() if kind in _CSV_TEXT}
    for column in layout.properties:
        if layout.properties[column] in text:
            text[column] = pa.string()
    if layout.tenant_column is not None:
        text[layout.tenant_column] = pa.string()
    text[layout.uuid_column] = pa.string()
    return text


def _write_failures(path: Path, failures: list[RowFailure]) -> None:
    if not failures:
        if path.exists():
            path.unlink()
        return
    with path.open("wb") as out:
        for failure in failures:
            out.write(orjson.dumps(attrs.asdict(failure)) + b"\n")


@attrs.define
class _RowMaker:
    """Builds the batch arguments of a row from one column plan."""

    plan: ColumnPlan
    convert: Mapping[str, Callable[[Any], Any]]
    vector_names: set[str]
    unnamed: str | None = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        # a ``vector`` column goes to the collection's only or ``default`` named vector
        names = self.vector_names
        if not names or ("" in self.plan.vectors and "default" not in names and len(names) > 1):
            self.unnamed = None
        else:
            self.unnamed = "default" if "default" in names else next(iter(sorted(names)))

    def uuid(self, source: Mapping[str, Any]) -> str | None:
        """The row's uuid: its uuid column, or the uuid5 of the chosen columns, or None."""
        plan = self.plan
        if plan.uuid_from:
            return generate_uuid5("|".join(str(source.get(c)) for c in plan.uuid_from))
        value = source.get(plan.uuid) if plan.uuid else None
        return None if value is None else str(value)

    def make(
        self, chunk: Chunk, offset: int, tenant: str | None, uuid: str | None
    ) -> dict[str, Any]:
        """The arguments of ``add_object`` for one row."""
        plan = self.plan
        source = chunk.rows[offset]
        properties: dict[str, Any] = {}
        for column, prop in plan.properties.items():
            value = source.get(column)
            if value is None:
                continue
            convert = self.convert.get(prop)
            try:
                properties[prop] = convert(value) if convert is not None else value
            except (ValueError, TypeError, KeyError) as exc:
                raise WeaviateInvalidInputError(
                    f"property {prop!r} (column {column!r}): cannot read {value!r} ({exc})"
                ) from exc
        vector: Any = None
        named: dict[str, Any] = {}
        for name, column in plan.vectors.items():
            value = chunk.vectors[column][offset] if column in chunk.vectors else source.get(column)
            if value is None:
                continue
            if name == "" and self.unnamed is None:
                vector = value
            else:
                named[name or str(self.unnamed)] = value
        if named:
            vector = named if vector is None else {**named, "default": vector}
        references: dict[str, Any] | None = None
        more: list[tuple[str, Any]] = []
        for name, column in plan.references.items():
            value = source.get(column)
            if isinstance(value, str):
                value = orjson.loads(value) if value.startswith("[") else [value]
            if value:
                first, *rest = _targets(value)
                references = references or {}
                references[name] = first
                more += [(name, target) for target in rest]
        row_tenant = source.get(plan.tenant) if plan.tenant else tenant
        return {
            "properties": properties,
            "references": references,
            "uuid": uuid,
            "vector": vector,
            "tenant": row_tenant,
            "more_references": more,
        }


def _targets(values: Iterable[Any]) -> list[Any]:
    """A reference column's values as batch targets: plain uuids (a single-target property)
    as one list, ``Collection/uuid`` (or a full beacon) as one ``ReferenceToMulti`` per target
    collection, in the order they first appear."""
    groups: dict[str | None, list[str]] = {}
    for value in values:
        text = str(value)
        collection: str | None = None
        if "/" in text:
            collection, _, text = text.removeprefix("weaviate://localhost/").rpartition("/")
        groups.setdefault(collection or None, []).append(text)
    return [
        uuids if collection is None else ReferenceToMulti(target_collection=collection, uuids=uuids)
        for collection, uuids in groups.items()
    ]
