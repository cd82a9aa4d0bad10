"""Files in and out: import JSON lines, JSON, CSV and Parquet files (or Arrow tables, pandas and
polars DataFrames) into a collection through the batch engine, and export a collection to
JSON lines, CSV or Parquet, streamed with bounded memory.

Needs pyarrow (``pip install "weaviate-async[io]"``), imported when a file is first read or
written: importing this module imports nothing of it.

Examples:
    >>> from weaviate_async.io import import_file, export_collection
    >>> report = await import_file(client.collections.use("Articles"), "articles.parquet")
    >>> report.acknowledged, report.failures
    (10000, [])
    >>> await export_collection(client.collections.use("Articles"), "copy.parquet")
"""

from __future__ import annotations

from weaviate_async.io.exporter import ExportReport, export_collection
from weaviate_async.io.importer import ImportReport, RowFailure, import_file
from weaviate_async.io.layout import Layout

__all__ = [
    "ExportReport",
    "ImportReport",
    "Layout",
    "RowFailure",
    "export_collection",
    "import_file",
]
