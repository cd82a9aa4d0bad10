"""Where rows come from: files read in chunks (Parquet and CSV through pyarrow's streaming
readers, JSON lines line by line), Arrow tables and readers, pandas and polars DataFrames.

Every source becomes an iterator of :class:`Chunk`: a slice of consecutive rows, so memory
stays bounded by the chunk size whatever the size of the input (a JSON array is decoded an
element at a time: :mod:`weaviate_async.io.json_array`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs
import orjson

from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.io._arrow import arrow
from weaviate_async.io.json_array import iter_json_array

__all__ = ["Chunk", "FileFormat", "chunks", "file_format", "row_count"]

FileFormat = Literal["parquet", "csv", "jsonl", "json"]

_SUFFIXES: Mapping[str, FileFormat] = {
    ".parquet": "parquet",
    ".pq": "parquet",
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}


@attrs.define
class Chunk:
    """Consecutive rows of the input.

    Attributes:
        start: the number of the first row (0-based, counted over the whole input).
        columns: the column names, in the input's order.
        rows: the rows as dicts, without the vector columns.
        vectors: vector column -> one vector per row (rows of a 2-D array, lists, or None).
    """

    start: int
    columns: list[str]
    rows: list[dict[str, Any]]
    vectors: Mapping[str, Sequence[Any]]


def file_format(path: str | os.PathLike[str], given: str | None) -> FileFormat:
    """The format named, or the one the file's suffix says."""
    if given is not None:
        if given not in ("parquet", "csv", "jsonl", "json"):
            raise WeaviateInvalidInputError(
                f"format: expected 'parquet', 'csv', 'jsonl' or 'json', got {given!r}"
            )
        return given  # type: ignore[return-value]
    suffix = Path(path).suffix.lower()
    found = _SUFFIXES.get(suffix)
    if found is None:
        raise WeaviateInvalidInputError(
            f"format: cannot tell the format of {os.fspath(path)!r} from its suffix {suffix!r}; "
            "name it with format='parquet', 'csv', 'jsonl' or 'json'"
        )
    return found


def row_count(source: Any, fmt: str | None) -> int | None:
    """The number of rows of the input when it is known without reading it (a Parquet file's
    metadata, an Arrow Table or RecordBatch, a DataFrame), else None."""
    if isinstance(source, (str, os.PathLike)):
        if file_format(source, fmt) != "parquet":
            return None
        file = arrow("parquet").ParquetFile(source)
        try:
            return int(file.metadata.num_rows)
        finally:
            file.close()
    module = type(source).__module__
    if module.startswith(("pyarrow", "pandas", "polars")):
        count = getattr(source, "num_rows", None)
        if isinstance(count, int):
            return count
        if module.startswith(("pandas", "polars")):
            return len(source)
    return None


def chunks(
    source: Any,
    *,
    fmt: str | None,
    chunk_rows: int,
    vector_columns: Callable[[str], bool] | None,
    csv_types: Mapping[str, Any] | None = None,
) -> Iterator[Chunk]:
    """The input as chunks of at most ``chunk_rows`` rows.

    ``vector_columns`` tells the columns read as vectors (None: ``vector`` and ``vector.*``);
    ``csv_types`` gives Arrow types for CSV columns whose inferred type would be wrong (a text
    property of digits).
    """
    pick = _vector_picker(vector_columns)
    if isinstance(source, (str, os.PathLike)):
        kind = file_format(source, fmt)
        if kind == "jsonl":
            yield from _jsonl(Path(source), chunk_rows, pick)
            return
        if kind == "json":
            with Path(source).open(encoding="utf-8") as text:
                yield from _rows(iter_json_array(text, os.fspath(source)), chunk_rows, pick)
            return
        batches = _parquet(source, chunk_rows) if kind == "parquet" else _csv(source, csv_types)
    else:
        batches = _arrow_batches(source, chunk_rows)
    yield from _from_batches(batches, chunk_rows, pick)


def _vector_picker(given: Callable[[str], bool] | None) -> Callable[[str], bool]:
    if given is not None:
        return given
    return lambda column: column == "vector" or column.startswith("vector.")


# --------------------------------------------------------------------------- files


def _parquet(path: str | os.PathLike[str], chunk_rows: int) -> Iterator[Any]:
    parquet = arrow("parquet")
    pool = arrow().default_memory_pool()
    # Column chunks are read through a 1 MB buffer instead of whole (pre_buffer), and decoded
    # in this thread: a 16 MB row group of vectors then peaks at about half the memory.
    file = parquet.ParquetFile(path, pre_buffer=False, buffer_size=1 << 20)
    try:
        # One reader per row group: a single iter_batches over the whole file keeps what it
        # has decoded until it is exhausted (pyarrow 26: 350 MB of Arrow memory after 200,000
        # rows of 384-d vectors, growing with the file), so memory would follow the file's size.
        for group in range(file.num_row_groups):
            yield from file.iter_batches(
                batch_size=chunk_rows, row_groups=[group], use_threads=False
            )
            # Arrow's allocator keeps freed pages for reuse (about 100 MB after a few row
            # groups of vectors); handing them back keeps the process near its working set.
            pool.release_unused()
    finally:
        file.close()


def _csv(path: str | os.PathLike[str], types: Mapping[str, Any] | None) -> Iterator[Any]:
    csv = arrow("csv")
    # an empty cell is "no value"; a quoted empty string stays an empty text
    options = csv.ConvertOptions(
        column_types=dict(types or {}),
        strings_can_be_null=True,
        quoted_strings_can_be_null=False,
    )
    reader = csv.open_csv(path, convert_options=options)
    try:
        yield from reader
    finally:
        reader.close()


def _jsonl(path: Path, chunk_rows: int, pick: Any) -> Iterator[Chunk]:
    with path.open("rb") as lines:
        yield from _rows(_jsonl_rows(path, lines), chunk_rows, pick)


def _jsonl_rows(path: Path, lines: Iterable[bytes]) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise WeaviateInvalidInputError(f"{path}:{number}: not JSON ({exc})") from exc
        if not isinstance(row, dict):
            raise WeaviateInvalidInputError(f"{path}:{number}: expected an object per line")
        yield row


def _rows(rows: Iterable[dict[str, Any]], chunk_rows: int, pick: Any) -> Iterator[Chunk]:
    chunk: list[dict[str, Any]] = []
    start = 0
    for row in rows:
        chunk.append(row)
        if len(chunk) >= chunk_rows:
            yield _split(start, chunk, pick)
            start += len(chunk)
            chunk = []
    if chunk:
        yield _split(start, chunk, pick)


def _split(start: int, rows: list[dict[str, Any]], pick: Any) -> Chunk:
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    vector_names = [c for c in columns if pick(c)]
    vectors = {name: [row.pop(name, None) for row in rows] for name in vector_names}
    return Chunk(start, list(columns), rows, vectors)


# --------------------------------------------------------------------------- Arrow


def _arrow_batches(source: Any, chunk_rows: int) -> Iterator[Any]:
    pa = arrow()
    if isinstance(source, pa.RecordBatch):
        yield source
        return
    if isinstance(source, pa.Table):
        yield from source.to_batches(max_chunksize=chunk_rows)
        return
    if isinstance(source, pa.RecordBatchReader):
        yield from source
        return
    to_arrow = getattr(source, "to_arrow", None)  # polars
    if callable(to_arrow) and type(source).__module__.startswith("polars"):
        yield from to_arrow().to_batches(max_chunksize=chunk_rows)
        return
    if type(source).__module__.startswith("pandas"):
        table = pa.Table.from_pandas(_flat_arrays(source), preserve_index=False)
        yield from table.to_batches(chunk_rows)
        return
    if isinstance(source, Iterable):
        for batch in source:
            if not isinstance(batch, pa.RecordBatch):
                raise WeaviateInvalidInputError(
                    f"source: expected Arrow record batches, got {type(batch).__name__}"
                )
            yield batch
        return
    raise WeaviateInvalidInputError(
        "source: expected a file path, an Arrow Table, RecordBatch or RecordBatchReader, "
        f"an iterable of record batches, or a pandas or polars DataFrame; got {type(source).__name__}"
    )


def _flat_arrays(frame: Any) -> Any:
    # Arrow takes 1-D numpy arrays in an object column, not 2-D ones (multi-vectors): those
    # become lists of rows
    changed = {}
    for name in frame.columns:
        column = frame[name]
        if column.dtype != object:
            continue
        sample = next((v for v in column if v is not None), None)
        if getattr(sample, "ndim", 1) > 1:
            changed[name] = [None if v is None else list(v) for v in column]
    return frame.assign(**changed) if changed else frame


def _from_batches(batches: Iterable[Any], chunk_rows: int, pick: Any) -> Iterator[Chunk]:
    start = 0
    for batch in batches:
        for offset in range(0, batch.num_rows, chunk_rows):
            part = batch.slice(offset, chunk_rows)
            yield _arrow_chunk(start, part, pick)
            start += part.num_rows


def _arrow_chunk(start: int, batch: Any, pick: Any) -> Chunk:
    names = list(batch.schema.names)
    vector_names = [n for n in names if pick(n)]
    vectors = {n: arrow_vectors(batch.column(n)) for n in vector_names}
    plain = [n for n in names if n not in vectors]
    rows = batch.select(plain).to_pylist() if plain else [{} for _ in range(batch.num_rows)]
    return Chunk(start, names, rows, vectors)


def arrow_vectors(column: Any) -> Sequence[Any]:
    """One vector per row of an Arrow column: rows of one 2-D numpy array when every row has
    the same length (no Python float per element), else Python lists (multi-vectors too)."""
    pa = arrow()
    kind = column.type
    if column.null_count == 0 and (
        pa.types.is_fixed_size_list(kind) or pa.types.is_list(kind) or pa.types.is_large_list(kind)
    ):
        inner = kind.value_type
        if pa.types.is_floating(inner) or pa.types.is_integer(inner):
            values = column.flatten().to_numpy(zero_copy_only=False)
            rows = len(column)
            if rows and len(values) % rows == 0:
                width = len(values) // rows
                if pa.types.is_fixed_size_list(kind) or _uniform(column, width):
                    return list(values.reshape(rows, width))
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):  # CSV: JSON text per cell
        return [None if text is None else orjson.loads(text) for text in column.to_pylist()]
    return column.to_pylist()  # type: ignore[no-any-return]


def _uniform(column: Any, width: int) -> bool:
    import numpy as np

    offsets = column.offsets.to_numpy(zero_copy_only=False)
    return bool(np.all(np.diff(offsets) == width))
