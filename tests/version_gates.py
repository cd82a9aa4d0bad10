"""The server-version gates of the client, as a table shared by the unit tests (a client given a
version) and the integration tests (a client of the real server under test).

Each entry names the feature as the WeaviateUnsupportedFeatureError names it, the first server
version that has it, and a call of the public API that uses it. The minimums are the official
client 4.24.1's (docs/connecting.md lists them); the calls name a collection ``C`` that need
not exist, since a refused call sends nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import weaviate_async
from weaviate_async.backup.backup import BackupStorage
from weaviate_async.backup.backup_location import BackupLocation
from weaviate_async.classes.boost import Boost
from weaviate_async.classes.config import Configure, DataType, Property, Reconfigure
from weaviate_async.classes.generative import GenerativeConfig
from weaviate_async.classes.query import Diversity
from weaviate_async.classes.tokenization import Tokenization
from weaviate_async.export.export import ExportFileFormat, ExportStorage

__all__ = ["GATES", "Call", "run_gated"]

Call = Callable[[weaviate_async.WeaviateAsyncClient], Any]

_TEXT_PROP = Property(
    name="t", data_type=DataType.TEXT, text_analyzer=Configure.text_analyzer(ascii_fold=True)
)
_NESTED_PROP = Property(name="o", data_type=DataType.OBJECT, nested_properties=[_TEXT_PROP])

_LOCATION = BackupLocation.FileSystem(path="/tmp/elsewhere")

#: (feature named in the error, minimum version, the call).
GATES: list[tuple[str, str, Call]] = [
    ("Collection aliases", "1.32.0", lambda c: c.alias.list_all()),
    ("Collection aliases", "1.32.0", lambda c: c.alias.get(alias_name="A")),
    ("Collection aliases", "1.32.0", lambda c: c.alias.exists(alias_name="A")),
    ("Collection aliases", "1.32.0", lambda c: c.alias.delete(alias_name="A")),
    (
        "Collection aliases",
        "1.32.0",
        lambda c: c.alias.create(alias_name="A", target_collection="C"),
    ),
    (
        "Collection aliases",
        "1.32.0",
        lambda c: c.alias.update(alias_name="A", new_target_collection="C"),
    ),
    ("Server-side batching", "1.36.0", lambda c: c.batch.stream()),
    ("Server-side batching", "1.36.0", lambda c: c.batch.experimental()),
    ("Server-side batching", "1.36.0", lambda c: c.collections.use("C").batch.stream()),
    (
        "Server-side batching",
        "1.36.0",
        lambda c: c.collections.use("C").batch.experimental(),
    ),
    (
        "Dynamic RAG",
        "1.27.14",
        lambda c: c.collections.use("C").generate.fetch_objects(
            single_prompt="x", generative_provider=GenerativeConfig.openai()
        ),
    ),
    (
        "Property text_analyzer",
        "1.37.0",
        lambda c: c.collections.create("C", properties=[_TEXT_PROP]),
    ),
    (
        "Property text_analyzer",
        "1.37.0",
        lambda c: c.collections.create("C", properties=[_NESTED_PROP]),
    ),
    (
        "Property text_analyzer",
        "1.37.0",
        lambda c: c.collections.use("C").config.add_property(_TEXT_PROP),
    ),
    (
        "stopword_presets",
        "1.37.0",
        lambda c: c.collections.create(
            "C", inverted_index_config=Configure.inverted_index(stopword_presets={"p": ["a"]})
        ),
    ),
    (
        "stopword_presets",
        "1.37.0",
        lambda c: c.collections.use("C").config.update(
            inverted_index_config=Reconfigure.inverted_index(stopword_presets={"p": ["a"]})
        ),
    ),
    ("Tokenization", "1.37.0", lambda c: c.tokenization.text("a b", Tokenization.WORD)),
    (
        "export",
        "1.37.0",
        lambda c: c.export.create(
            export_id="e", backend=ExportStorage.FILESYSTEM, file_format=ExportFileFormat.PARQUET
        ),
    ),
    (
        "Backup locations",
        "1.27.2",
        lambda c: c.backup.create(
            backup_id="b", backend=BackupStorage.FILESYSTEM, backup_location=_LOCATION
        ),
    ),
    (
        "Backup locations",
        "1.27.2",
        lambda c: c.backup.restore(
            backup_id="b", backend=BackupStorage.FILESYSTEM, backup_location=_LOCATION
        ),
    ),
    (
        "Backup locations",
        "1.27.2",
        lambda c: c.backup.get_create_status(
            backup_id="b", backend=BackupStorage.FILESYSTEM, backup_location=_LOCATION
        ),
    ),
    (
        "Backup locations",
        "1.27.2",
        lambda c: c.backup.get_restore_status(
            backup_id="b", backend=BackupStorage.FILESYSTEM, backup_location=_LOCATION
        ),
    ),
    (
        "Backup locations",
        "1.27.2",
        lambda c: c.backup.cancel(
            backup_id="b", backend=BackupStorage.FILESYSTEM, backup_location=_LOCATION
        ),
    ),
    (
        "Incremental backups",
        "1.37.0",
        lambda c: c.backup.create(
            backup_id="b", backend=BackupStorage.FILESYSTEM, incremental_base_backup_id="a"
        ),
    ),
    (
        "boost",
        "1.38.0",
        lambda c: c.collections.use("C").query.near_vector(
            [1.0], boost=Boost.numeric_property("n")
        ),
    ),
    (
        "MMR",
        "1.37.0",
        lambda c: c.collections.use("C").query.near_vector(
            [1.0], diversity_selection=Diversity.mmr(limit=1)
        ),
    ),
    (
        "query profiling",
        "1.36.9",
        lambda c: c.collections.use("C").query.fetch_objects(return_metadata=["query_profile"]),
    ),
]


async def run_gated(call: Call, client: weaviate_async.WeaviateAsyncClient) -> None:
    """Call ``call`` on ``client``, awaiting its result when it is awaitable."""
    result = call(client)
    if isinstance(result, Awaitable):
        await result
