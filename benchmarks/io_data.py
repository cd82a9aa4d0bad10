"""The file benchmark's input: a Parquet file of N rows (uuid, title, category, year and a
384-d float32 ``vector``), generated once from a seeded RNG and cached outside the repository.

The file is written a row group at a time, so making it holds one row group in memory whatever
N is (a million rows are 1.5 GB of vectors on disk).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

__all__ = [
    "CATEGORIES",
    "DIM",
    "ROW_GROUP",
    "SCHEMA_PROPERTIES",
    "cache_dir",
    "collection_schema",
    "dataset_path",
    "ensure_dataset",
    "write_dataset",
]

DIM = 384
ROW_GROUP = 10_000
#: Bumped when the generated content changes, so an old cached file is not reused.
VERSION = 1
CATEGORIES = (
    "science",
    "history",
    "sports",
    "music",
    "film",
    "politics",
    "travel",
    "food",
    "health",
    "technology",
    "art",
    "nature",
)
#: The collection's properties, in the REST schema's terms.
SCHEMA_PROPERTIES = (("title", "text"), ("category", "text"), ("year", "int"))


def cache_dir() -> Path:
    """Where generated files are kept (``$WEAVIATE_ASYNC_BENCH_CACHE``, else
    ``~/.cache/weaviate-async/bench-io``): outside git, reused between runs."""
    env = os.environ.get("WEAVIATE_ASYNC_BENCH_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "weaviate-async" / "bench-io"


def dataset_path(rows: int, directory: Path | None = None) -> Path:
    """The cached file of ``rows`` rows."""
    return (directory or cache_dir()) / f"rows-{rows}-d{DIM}-v{VERSION}.parquet"


def collection_schema(name: str) -> dict[str, Any]:
    """The REST body creating the collection the file is imported into (vectors supplied)."""
    return {
        "class": name,
        "vectorizer": "none",
        "properties": [{"name": n, "dataType": [t]} for n, t in SCHEMA_PROPERTIES],
    }


def _row_group(start: int, count: int, seed: int) -> Any:
    import numpy as np
    import pyarrow as pa

    # One RNG per row group, seeded by its position: any row group can be remade alone and
    # the file does not depend on the row-group size's history.
    rng = np.random.default_rng([seed, start])
    vectors = rng.standard_normal((count, DIM), dtype=np.float32)
    raw = rng.bytes(16 * count)
    uuids = [str(uuid.UUID(bytes=raw[i * 16 : i * 16 + 16], version=4)) for i in range(count)]
    cats = rng.integers(0, len(CATEGORIES), size=count)
    years = rng.integers(1950, 2026, size=count, dtype=np.int64)
    category = [CATEGORIES[c] for c in cats]
    titles = [f"Article {start + i} on {category[i]}" for i in range(count)]
    vector = pa.FixedSizeListArray.from_arrays(pa.array(vectors.reshape(-1)), DIM)
    return pa.record_batch(
        [pa.array(uuids), pa.array(titles), pa.array(category), pa.array(years), vector],
        names=["uuid", "title", "category", "year", "vector"],
    )


def write_dataset(path: Path, rows: int, *, row_group: int = ROW_GROUP, seed: int = 16) -> Path:
    """Write ``rows`` generated rows to ``path`` (through a temporary file, renamed at the end,
    so an interrupted run leaves no half file behind), one row group at a time."""
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    writer = None
    try:
        for start in range(0, rows, row_group):
            batch = _row_group(start, min(row_group, rows - start), seed)
            if writer is None:
                writer = pq.ParquetWriter(partial, batch.schema)
            writer.write_batch(batch, row_group_size=row_group)
        if writer is None:  # no rows: still a valid file with the schema
            writer = pq.ParquetWriter(partial, _row_group(0, 0, seed).schema)
    finally:
        if writer is not None:
            writer.close()
    os.replace(partial, path)
    return path


def ensure_dataset(rows: int, directory: Path | None = None) -> Path:
    """The cached file of ``rows`` rows, generated first if it is not there."""
    path = dataset_path(rows, directory)
    if not path.exists():
        write_dataset(path, rows)
    return path
