"""client.export and client.tokenization against a real server with export enabled and the
optional tokenizers on (``tests.admin_server``): exports written, followed, read back from their
Parquet files (pyarrow) and checked object by object; cancel and refusals; the tokens of every
tokenization kind, compared with known tokens, with ``for_property`` and with what the server's
own inverted index matches. Its blocking twin is generated (``__sync_twin__``)."""

from __future__ import annotations

import json
import struct
import uuid as uuid_lib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

import weaviate_async
from tests.admin_server import admin_server
from tests.conftest import server_at_least
from tests.rest_helper import Rest
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.export import ExportFileFormat, ExportStorage
from weaviate_async.classes.tokenization import (
    StopwordsCreate,
    StopwordsPreset,
    TextAnalyzerConfigCreate,
    Tokenization,
    TokenizeResult,
)
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import (
    ObjectAlreadyExistsError,
    UnexpectedStatusCodeError,
    WeaviateInvalidInputError,
)
from weaviate_async.outputs.export import (
    ExportCreateReturn,
    ExportStatus,
    ExportStatusReturn,
    ShardExportStatus,
)

__sync_twin__ = "tests/integration/test_export_tokenization_sync_gen.py"
# graphql_raw_query reads the inverted index here; its deprecation is tested in test_connection
pytestmark = pytest.mark.filterwarnings("ignore:Dep031:DeprecationWarning")

# Export and the tokenization endpoints came with 1.37.0 (their refusal on older servers:
# test_version_gates.py).
pytestmark = pytest.mark.min_server("1.37.0")

FS = ExportStorage.FILESYSTEM
PARQUET = ExportFileFormat.PARQUET


@pytest.fixture(scope="module")
def export_server() -> tuple[EmbeddedServer, Path]:
    return admin_server()


@pytest.fixture
async def export_client(
    export_server: tuple[EmbeddedServer, Path],
) -> AsyncIterator[WeaviateAsyncClient]:
    srv = export_server[0]
    c = await weaviate_async.connect_to_local(
        host=srv.host, port=srv.http_port, grpc_port=srv.grpc_port
    )
    try:
        yield c
    finally:
        await c.close()


@pytest.fixture
def names(export_server: tuple[EmbeddedServer, Path]) -> Iterator[str]:
    """A unique collection name prefix; every collection starting with it is deleted after."""
    prefix = "Exp" + uuid_lib.uuid4().hex[:10]
    yield prefix
    rest = Rest(export_server[0].url)
    for cls in rest.ok("GET", "/schema")["classes"]:
        if cls["class"].startswith(prefix):
            rest.call("DELETE", f"/schema/{cls['class']}")


def _export_id() -> str:
    return "e" + uuid_lib.uuid4().hex[:12]


def _rows(directory: Path, collection: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for file in sorted(directory.glob(f"{collection}_*.parquet")):
        table = pq.read_table(file)
        assert table.schema.metadata[b"collection"] == collection.encode()
        rows.extend(table.to_pylist())
    return rows


def _floats(raw: bytes) -> list[float]:
    return list(struct.unpack(f"<{len(raw) // 4}f", raw))


# ------------------------------------------------------------------------------------ export


async def test_export_written_followed_and_read_back(
    export_client: WeaviateAsyncClient, export_server: tuple[EmbeddedServer, Path], names: str
) -> None:
    client, directory = export_client, export_server[1]
    articles = await client.collections.create(
        names + "Articles",
        properties=[
            Property(name="title", data_type=DataType.TEXT),
            Property(name="n", data_type=DataType.INT),
        ],
        vector_config=Configure.Vectors.self_provided(),
    )
    tenants = await client.collections.create(
        names + "Tenants",
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
        multi_tenancy_config=Configure.multi_tenancy(enabled=True),
    )
    await client.collections.create(names + "Skipped")
    multi = await client.collections.create(
        names + "Multi",
        vector_config=Configure.MultiVectors.self_provided(name="colbert"),
    )
    legacy = await client.collections.create_from_dict(
        {"class": names + "Legacy", "vectorizer": "none"}
    )
    multi_id = await multi.data.insert({}, vector={"colbert": [[1.0, 2.0], [3.0, 4.0]]})
    legacy_id = await legacy.data.insert({}, vector=[0.25, -0.5])
    given = {}
    for i in range(30):
        uid = await articles.data.insert(
            {"title": f"article {i}", "n": i}, vector=[float(i), 0.5, -1.0]
        )
        given[str(uid)] = i
    await tenants.tenants.create(["full", "empty"])
    in_tenant = await tenants.with_tenant("full").data.insert({"title": "tenant"}, vector=[1.0])

    export_id = _export_id()
    started = await client.export.create(
        export_id=export_id.upper(),  # sent lowercased, as the official client does
        backend=FS,
        file_format=PARQUET,
        include_collections=[
            names + "Articles",
            "e" + (names + "Tenants")[1:],  # the first letter is uppercased, as the server does
            names + "Multi",
            names + "Legacy",
        ],
    )
    assert isinstance(started, ExportCreateReturn)
    assert started.export_id == export_id and started.backend == "filesystem"
    assert started.status in (ExportStatus.STARTED, ExportStatus.TRANSFERRING, ExportStatus.SUCCESS)
    assert sorted(started.collections) == sorted(
        names + n for n in ("Articles", "Tenants", "Multi", "Legacy")
    )
    assert Path(started.path) == directory / export_id

    status = await client.export.get_status(export_id=export_id, backend="filesystem")  # type: ignore[arg-type]
    for _ in range(100):
        if status.status not in (ExportStatus.STARTED, ExportStatus.TRANSFERRING):
            break
        status = await client.export.get_status(export_id=export_id, backend=FS)
    assert isinstance(status, ExportStatusReturn)
    assert status.status is ExportStatus.SUCCESS, status.error
    assert status.completed_at is not None and status.started_at is not None
    assert status.started_at <= status.completed_at
    assert status.took_in_ms is not None and status.took_in_ms >= 0
    assert status.shard_status is not None
    [article_shard] = status.shard_status[names + "Articles"].values()
    assert article_shard.status is ShardExportStatus.SUCCESS
    assert article_shard.objects_exported == 30
    tenant_shards = status.shard_status[names + "Tenants"]
    assert tenant_shards["full"].status is ShardExportStatus.SUCCESS
    assert tenant_shards["full"].objects_exported == 1
    assert tenant_shards["empty"].status is ShardExportStatus.SKIPPED
    assert tenant_shards["empty"].skip_reason

    # the files, object by object
    rows = _rows(directory / export_id, names + "Articles")
    assert sorted(r["id"] for r in rows) == sorted(given)
    for row in rows:
        i = given[row["id"]]
        assert json.loads(row["properties"]) == {"title": f"article {i}", "n": i}
        assert row["creation_time"] > 0 and row["update_time"] >= row["creation_time"]
        assert json.loads(row["named_vectors"]) == {"default": [float(i), 0.5, -1.0]}
        assert row["vector"] is None and row["multi_vectors"] is None
    [tenant_row] = _rows(directory / export_id, names + "Tenants")
    assert tenant_row["id"] == str(in_tenant)
    assert json.loads(tenant_row["properties"]) == {"title": "tenant"}
    [multi_row] = _rows(directory / export_id, names + "Multi")
    assert multi_row["id"] == str(multi_id)
    assert json.loads(multi_row["multi_vectors"]) == {"colbert": [[1.0, 2.0], [3.0, 4.0]]}
    [legacy_row] = _rows(directory / export_id, names + "Legacy")
    assert legacy_row["id"] == str(legacy_id)
    assert _floats(legacy_row["vector"]) == [0.25, -0.5]  # float32, little-endian
    assert not list((directory / export_id).glob(names + "Skipped*"))


async def test_wait_for_completion_exclude_and_refusals(
    export_client: WeaviateAsyncClient, export_server: tuple[EmbeddedServer, Path], names: str
) -> None:
    client = export_client
    kept = await client.collections.create(
        names + "Kept",
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
    )
    await client.collections.create(names + "Left")
    await kept.data.insert({"title": "x"}, vector=[1.0, 2.0])
    others = [c for c in (await client.collections.list_all()) if not c.startswith(names + "Kept")]
    export_id = _export_id()
    done = await client.export.create(
        export_id=export_id,
        backend=FS,
        file_format=PARQUET,
        exclude_collections=others,
        wait_for_completion=True,
    )
    assert isinstance(done, ExportStatusReturn)
    assert done.status is ExportStatus.SUCCESS and done.collections == [names + "Kept"]
    assert done.completed_at is not None

    with pytest.raises(ObjectAlreadyExistsError, match="already exists"):
        await client.export.create(export_id=export_id, backend=FS, file_format=PARQUET)
    assert await client.export.cancel(export_id=export_id, backend=FS) is False  # finished
    with pytest.raises(UnexpectedStatusCodeError, match="not found") as e:
        await client.export.get_status(export_id=_export_id(), backend=FS)
    assert e.value.status_code == 404
    with pytest.raises(UnexpectedStatusCodeError, match="not found"):
        await client.export.cancel(export_id=_export_id(), backend=FS)
    with pytest.raises(UnexpectedStatusCodeError, match="no exportable classes"):
        await client.export.create(
            export_id=_export_id(),
            backend=FS,
            file_format=PARQUET,
            include_collections=names + "Missing",
        )
    # an unknown name next to a known one is skipped without a word
    partial = await client.export.create(
        export_id=_export_id(),
        backend=FS,
        file_format=PARQUET,
        include_collections=[names + "Kept", names + "Missing"],
        wait_for_completion=True,
    )
    assert partial.collections == [names + "Kept"]
    with pytest.raises(UnexpectedStatusCodeError, match="EXPORT_DEFAULT_BUCKET"):
        await client.export.create(
            export_id=_export_id(), backend=ExportStorage.S3, file_format=PARQUET
        )

    with pytest.raises(WeaviateInvalidInputError, match="not both"):
        await client.export.create(
            export_id=_export_id(),
            backend=FS,
            file_format=PARQUET,
            include_collections=["A"],
            exclude_collections=["B"],
        )
    with pytest.raises(WeaviateInvalidInputError, match="'export_id'"):
        await client.export.create(export_id="has space", backend=FS, file_format=PARQUET)
    with pytest.raises(WeaviateInvalidInputError, match="'backend'"):
        await client.export.get_status(export_id="x", backend="ftp")  # type: ignore[arg-type]
    with pytest.raises(WeaviateInvalidInputError, match="'wait_for_completion'"):
        await client.export.create(
            export_id=_export_id(),
            backend=FS,
            file_format=PARQUET,
            wait_for_completion="yes",  # type: ignore[call-overload]
        )


async def test_cancel_a_running_export(
    export_client: WeaviateAsyncClient, export_server: tuple[EmbeddedServer, Path], names: str
) -> None:
    client = export_client
    big = await client.collections.create(
        names + "Big",
        properties=[Property(name="body", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
    )
    text = "lorem ipsum dolor sit amet " * 40
    async with big.batch.fixed_size(batch_size=500) as batch:
        for i in range(6000):
            await batch.add_object(properties={"body": f"{i} {text}"}, vector=[float(i)] * 32)
    assert big.batch.failed_objects == []
    export_id = _export_id()
    await client.export.create(
        export_id=export_id, backend=FS, file_format=PARQUET, include_collections=names + "Big"
    )
    canceled = await client.export.cancel(export_id=export_id, backend=FS)
    status = await client.export.get_status(export_id=export_id, backend=FS)
    for _ in range(200):
        if status.status not in (ExportStatus.STARTED, ExportStatus.TRANSFERRING):
            break
        status = await client.export.get_status(export_id=export_id, backend=FS)
    # a cancel that came in time ends the export CANCELED; one that came late says so
    assert status.status is (ExportStatus.CANCELED if canceled else ExportStatus.SUCCESS)
    assert canceled, "the export of 6000 objects ended before the cancel reached it"


# ------------------------------------------------------------------------------ tokenization

TEXT = "The Quick-brown fox's  Café"
KNOWN: dict[Tokenization, tuple[str, list[str], list[str]]] = {
    Tokenization.WORD: (
        TEXT,
        ["the", "quick", "brown", "fox", "s", "café"],
        ["quick", "brown", "fox", "s", "café"],
    ),
    Tokenization.LOWERCASE: (TEXT, ["the", "quick-brown", "fox's", "café"], []),
    Tokenization.WHITESPACE: (TEXT, ["The", "Quick-brown", "fox's", "Café"], []),
    Tokenization.FIELD: (TEXT, [TEXT], []),
    Tokenization.TRIGRAM: ("Fox's den", ["fox", "oxs", "xsd", "sde", "den"], []),
    Tokenization.GSE: (
        "東京タワーは電波塔です",
        ["東京", "東京タワー", "タワー", "ワー", "は", "電波", "塔", "です"],
        [],
    ),
    Tokenization.GSE_CH: ("东京塔是一座电视塔", ["东京", "塔", "是", "一座", "电视", "电视塔"], []),
    Tokenization.KAGOME_JA: (
        "東京タワーは電波塔です",
        ["東京", "タワー", "は", "電波", "塔", "です"],
        [],
    ),
    Tokenization.KAGOME_KR: ("안녕하세요 세계", ["안녕", "하", "세요", "세계"], []),
}


#: Whether the generic endpoint drops the ``en`` stopwords for word tokenization unless told
#: otherwise, and takes ``stopwords`` and the word-list form of ``stopword_presets`` (the forms
#: the client sends, as the official one does). Servers before 1.39 (seen: 1.37.0; 1.38 not
#: tried) drop no stopwords by default, ignore ``stopwords`` and want each preset as a
#: stopwords block, refusing a word list.
GENERIC_STOPWORDS = server_at_least("1.39.0")


def _expected(kind: Tokenization) -> TokenizeResult:
    _, indexed, query = KNOWN[kind]
    if not GENERIC_STOPWORDS:
        query = []
    return TokenizeResult(indexed=indexed, query=query or indexed)


@pytest.mark.parametrize("kind", list(KNOWN), ids=lambda k: k.value)
async def test_text_gives_the_known_tokens_of_every_kind(
    export_client: WeaviateAsyncClient, kind: Tokenization
) -> None:
    text = KNOWN[kind][0]
    assert await export_client.tokenization.text(text, kind) == _expected(kind)
    assert await export_client.tokenization.text(text=text, tokenization=kind.value) == _expected(  # type: ignore[arg-type]
        kind
    )


async def test_for_property_and_the_index_agree_with_text(
    export_client: WeaviateAsyncClient, names: str
) -> None:
    client = export_client
    name = names + "Tokens"
    props = [
        Property(name=f"p_{kind.value}", data_type=DataType.TEXT, tokenization=kind)
        for kind in KNOWN
    ]
    collection = await client.collections.create(
        name, properties=props, vector_config=Configure.Vectors.self_provided()
    )
    await collection.data.insert(
        {f"p_{kind.value}": KNOWN[kind][0] for kind in KNOWN}, vector=[1.0]
    )
    # A property's query tokens lose the collection's stopwords (``en`` by default) whatever
    # its tokenization; the generic endpoint drops them for word tokenization only, unless
    # given the collection's stopwords.
    stopwords = (await collection.config.get()).inverted_index_config.stopwords
    for kind in KNOWN:
        text, _, _ = KNOWN[kind]
        prop = f"p_{kind.value}"
        by_property = await client.tokenization.for_property(name, prop, text)
        assert by_property.indexed == _expected(kind).indexed, kind
        same = await client.tokenization.text(text, kind, stopwords=stopwords)
        if not GENERIC_STOPWORDS:
            # the ignored stopwords leave every token; the collection's preset, named through
            # the analyzer, gives the property's tokens
            assert same == _expected(kind), kind
            preset = Configure.text_analyzer(stopword_preset=stopwords.preset.value)
            same = await client.tokenization.text(text, kind, analyzer_config=preset)
        assert by_property == same, kind
        # the server's index holds these tokens: each query token finds the object
        for token in by_property.query:
            value = json.dumps(token)
            reply = await client.graphql_raw_query(
                f'{{ Get {{ {name}(where: {{path: ["{prop}"], operator: Equal, '
                f"valueText: {value}}}) {{ _additional {{ id }} }} }} }}"
            )
            assert reply.errors is None, reply.errors
            assert len(reply.get[name]) == 1, (kind, token)
    miss = await client.graphql_raw_query(
        f'{{ Get {{ {name}(where: {{path: ["p_word"], operator: Equal, valueText: "cafe"}}) '
        "{ _additional { id } } } }"
    )
    assert miss.get[name] == []  # no folding on this property: "café" only
    lowercase = await client.tokenization.for_property(name, "p_lowercase", TEXT)
    assert lowercase.query == ["quick-brown", "fox's", "café"]  # "the": an en stopword


async def test_analyzer_and_stopwords(export_client: WeaviateAsyncClient, names: str) -> None:
    tok = export_client.tokenization
    folded = await tok.text(
        "The Café a",
        Tokenization.WORD,
        analyzer_config=Configure.text_analyzer(ascii_fold=True, stopword_preset="none"),
    )
    assert folded == TokenizeResult(indexed=["the", "cafe", "a"], query=["the", "cafe", "a"])
    kept = await tok.text(
        "The Café a",
        Tokenization.WORD,
        analyzer_config=TextAnalyzerConfigCreate(ascii_fold=True, ascii_fold_ignore=["é"]),
    )
    assert kept.indexed == ["the", "café", "a"]
    assert kept.query == (["café"] if GENERIC_STOPWORDS else ["the", "café", "a"])
    added = await tok.text(
        "the fox jumps",
        Tokenization.WORD,
        stopwords=StopwordsCreate(preset=StopwordsPreset.EN, additions=["fox"]),
    )
    assert added.query == (["jumps"] if GENERIC_STOPWORDS else ["the", "fox", "jumps"])
    if GENERIC_STOPWORDS:
        custom = await tok.text(
            "the fox jumps",
            Tokenization.WORD,
            analyzer_config=Configure.text_analyzer(stopword_preset="mine"),
            stopword_presets={"mine": ["jumps"]},
        )
        assert custom.query == ["the", "fox"]
    else:
        with pytest.raises(UnexpectedStatusCodeError, match="cannot unmarshal array") as refused:
            await tok.text(
                "the fox jumps",
                Tokenization.WORD,
                analyzer_config=Configure.text_analyzer(stopword_preset="mine"),
                stopword_presets={"mine": ["jumps"]},
            )
        assert refused.value.status_code == 400
        named = await tok.text(
            "the fox jumps",
            Tokenization.WORD,
            analyzer_config=Configure.text_analyzer(stopword_preset="en"),
        )
        assert named.query == ["fox", "jumps"]

    # a collection's stopwords, read back with config.get(), give for_property's tokens
    name = names + "Stop"
    collection = await export_client.collections.create(
        name,
        properties=[Property(name="body", data_type=DataType.TEXT)],
        inverted_index_config=Configure.inverted_index(
            stopwords_additions=["fox"], stopwords_removals=["the"]
        ),
    )
    stopwords = (await collection.config.get()).inverted_index_config.stopwords
    from_config = await tok.text("the fox jumps", Tokenization.WORD, stopwords=stopwords)
    by_property = await tok.for_property(name, "body", "the fox jumps")
    assert by_property.query == ["the", "jumps"]
    if GENERIC_STOPWORDS:
        assert from_config == by_property
    else:
        assert from_config.query == ["the", "fox", "jumps"]


async def test_tokenization_refusals(
    export_client: WeaviateAsyncClient, client: WeaviateAsyncClient, names: str
) -> None:
    with pytest.raises(UnexpectedStatusCodeError, match="does not exist"):
        await export_client.tokenization.for_property(names + "Missing", "body", "x")
    # the main test server does not enable the optional tokenizers
    with pytest.raises(UnexpectedStatusCodeError, match="unsupported tokenization strategy: gse"):
        await client.tokenization.text("東京", Tokenization.GSE)
    with pytest.raises(WeaviateInvalidInputError, match="not both"):
        await export_client.tokenization.text(  # type: ignore[call-overload]
            "x", Tokenization.WORD, stopwords=StopwordsCreate(), stopword_presets={"a": ["b"]}
        )
    with pytest.raises(WeaviateInvalidInputError, match="'tokenization'"):
        await export_client.tokenization.text("x", "sentencepiece")  # type: ignore[arg-type]
    with pytest.raises(WeaviateInvalidInputError, match="'property_name'"):
        await export_client.tokenization.for_property("Article", "", "x")
    empty = "must have at least one word" if GENERIC_STOPWORDS else "cannot unmarshal array"
    with pytest.raises(UnexpectedStatusCodeError, match=empty):
        await export_client.tokenization.text("x", Tokenization.WORD, stopword_presets={"a": []})
    with pytest.raises(UnexpectedStatusCodeError, match="unknown stopword preset"):
        await export_client.tokenization.text(
            "x", Tokenization.WORD, analyzer_config=Configure.text_analyzer(stopword_preset="nope")
        )
    with pytest.raises(UnexpectedStatusCodeError, match="maximum allowed length"):
        await export_client.tokenization.text("x" * 10_001, Tokenization.FIELD)
