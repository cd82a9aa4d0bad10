"""client.collections against a real server: create (every option), get/use, exists, list_all,
delete, delete_all (on a server of its own), export_config, the create_from_dict and
create_from_config round trips, and tenant and consistency-level handles."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import attrs
import pytest

import weaviate_async
from tests.conftest import SERVER_VERSION, hfresh_supported, server_at_least
from weaviate_async.classes.config import (
    BQConfig,
    CollectionConfig,
    CollectionConfigSimple,
    Configure,
    ConsistencyLevel,
    DataType,
    PQConfig,
    Property,
    ReferenceProperty,
    ReplicationDeletionStrategy,
    StopwordsPreset,
    Tokenization,
    VectorDistances,
    VectorFilterStrategy,
    VectorIndexConfigDynamic,
    VectorIndexConfigFlat,
    VectorIndexConfigHFresh,
    VectorIndexConfigHNSW,
)
from weaviate_async.collections.collection import CollectionAsync
from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer
from weaviate_async.exceptions import (
    ObjectAlreadyExistsError,
    UnexpectedStatusCodeError,
    WeaviateInvalidInputError,
)

__sync_twin__ = "tests/integration/test_collections_sync_gen.py"


def _props() -> list[Property]:
    return [
        Property(
            name="title",
            data_type=DataType.TEXT,
            description="the title",
            tokenization=Tokenization.LOWERCASE,
            index_filterable=True,
            index_searchable=True,
            skip_vectorization=False,
            vectorize_property_name=False,
            # before 1.37 the client refuses text analysis (test_version_gates.py)
            text_analyzer=Configure.text_analyzer(ascii_fold=True, ascii_fold_ignore=["é"])
            if server_at_least("1.37.0")
            else None,
        ),
        Property(name="count", data_type=DataType.INT, index_range_filters=True),
        Property(name="score", data_type=DataType.NUMBER_ARRAY, index_filterable=False),
        Property(name="when", data_type=DataType.DATE),
        Property(name="tags", data_type=DataType.TEXT_ARRAY, tokenization=Tokenization.FIELD),
        Property(name="flag", data_type=DataType.BOOL),
        Property(name="ident", data_type=DataType.UUID_ARRAY),
        Property(name="where", data_type=DataType.GEO_COORDINATES),
        Property(name="phone", data_type=DataType.PHONE_NUMBER),
        Property(name="image", data_type=DataType.BLOB),
        Property(
            name="meta",
            data_type=DataType.OBJECT,
            nested_properties=[
                Property(name="a", data_type=DataType.TEXT, tokenization=Tokenization.WORD),
                Property(
                    name="deep",
                    data_type=DataType.OBJECT_ARRAY,
                    nested_properties=[Property(name="b", data_type=DataType.INT)],
                ),
            ],
        ),
    ]


async def test_create_with_most_options_and_read_back(client: Any, collection_name: str) -> None:
    vi = Configure.VectorIndex
    col = await client.collections.create(
        collection_name,
        description="a collection",
        properties=_props(),
        references=[ReferenceProperty(name="self_ref", target_collection=collection_name)],
        vector_config=[
            Configure.Vectors.custom(
                name="bigram",
                module_name="text2vec-bigram",
                vector_index_config=vi.hnsw(
                    distance_metric=VectorDistances.DOT,
                    ef=40,
                    ef_construction=64,
                    max_connections=16,
                    dynamic_ef_min=50,
                    dynamic_ef_max=300,
                    dynamic_ef_factor=4,
                    flat_search_cutoff=1000,
                    filter_strategy=VectorFilterStrategy.SWEEPING,
                    cleanup_interval_seconds=120,
                    vector_cache_max_objects=5000,
                    quantizer=vi.Quantizer.pq(centroids=64, segments=2, training_limit=2000),
                ),
            ),
            Configure.Vectors.self_provided(
                name="own",
                vector_index_config=vi.flat(
                    distance_metric=VectorDistances.L2_SQUARED,
                    vector_cache_max_objects=100,
                    quantizer=vi.Quantizer.bq(cache=True, rescore_limit=30),
                ),
            ),
            Configure.Vectors.self_provided(
                name="fresh",
                vector_index_config=vi.hfresh(max_posting_size_kb=64, search_probe=64)
                if hfresh_supported()
                else vi.hnsw(ef=64),
            ),
            Configure.MultiVectors.self_provided(
                name="colbert",
                encoding=vi.MultiVector.Encoding.muvera(ksim=3, dprojections=8, repetitions=5),
            ),
        ],
        generative_config=Configure.Generative.custom("generative-dummy"),
        reranker_config=Configure.Reranker.custom("reranker-dummy"),
        inverted_index_config=Configure.inverted_index(
            bm25_b=0.6,
            bm25_k1=1.3,
            cleanup_interval_seconds=30,
            index_timestamps=True,
            index_property_length=True,
            index_null_state=True,
            stopwords_preset=StopwordsPreset.NONE,
            stopwords_additions=["foo"],
            stopwords_removals=["bar"],
        ),
        replication_config=Configure.replication(
            factor=1, deletion_strategy=ReplicationDeletionStrategy.DELETE_ON_CONFLICT
        ),
        sharding_config=Configure.sharding(desired_count=1, virtual_per_physical=64),
    )
    assert isinstance(col, CollectionAsync) and col.name == collection_name
    cfg = await col.config.get()
    assert isinstance(cfg, CollectionConfig)
    assert cfg.name == collection_name and cfg.description == "a collection"
    props = {p.name: p for p in cfg.properties}
    assert list(props) == [p.name for p in _props()]
    title = props["title"]
    assert title.data_type is DataType.TEXT and title.tokenization is Tokenization.LOWERCASE
    assert title.description == "the title"
    if server_at_least("1.37.0"):
        assert title.text_analyzer is not None and title.text_analyzer.ascii_fold is True
        assert title.text_analyzer.ascii_fold_ignore == ["é"]
    else:
        assert title.text_analyzer is None
    assert title.vectorizer_configs is not None
    assert title.vectorizer_configs["text2vec-bigram"].vectorize_property_name is False
    assert props["count"].index_range_filters is True
    assert props["score"].index_filterable is False
    assert props["score"].data_type is DataType.NUMBER_ARRAY
    assert props["when"].data_type is DataType.DATE
    assert props["tags"].tokenization is Tokenization.FIELD
    meta = props["meta"]
    assert meta.nested_properties is not None
    assert [n.name for n in meta.nested_properties] == ["a", "deep"]
    assert meta.nested_properties[1].data_type is DataType.OBJECT_ARRAY
    assert cfg.references[0].name == "self_ref"
    assert cfg.references[0].target_collections == [collection_name]

    inv = cfg.inverted_index_config
    assert (inv.bm25.b, inv.bm25.k1, inv.cleanup_interval_seconds) == (0.6, 1.3, 30)
    assert inv.index_timestamps and inv.index_property_length and inv.index_null_state
    assert inv.stopwords.preset is StopwordsPreset.NONE
    assert inv.stopwords.additions == ["foo"] and inv.stopwords.removals == ["bar"]
    assert cfg.replication_config.factor == 1
    assert (
        cfg.replication_config.deletion_strategy is ReplicationDeletionStrategy.DELETE_ON_CONFLICT
    )
    assert cfg.sharding_config is not None
    assert cfg.sharding_config.desired_count == 1 and cfg.sharding_config.virtual_per_physical == 64
    assert cfg.generative_config is not None
    assert cfg.generative_config.generative == "generative-dummy"
    assert cfg.reranker_config is not None and cfg.reranker_config.reranker == "reranker-dummy"
    assert cfg.multi_tenancy_config.enabled is False

    assert cfg.vector_config is not None
    vc = cfg.vector_config
    assert set(vc) == {"bigram", "own", "fresh", "colbert"}
    assert vc["bigram"].vectorizer.vectorizer == "text2vec-bigram"
    h = vc["bigram"].vector_index_config
    assert isinstance(h, VectorIndexConfigHNSW)
    assert h.distance_metric is VectorDistances.DOT
    assert (h.ef, h.ef_construction, h.max_connections) == (40, 64, 16)
    assert (h.dynamic_ef_min, h.dynamic_ef_max, h.dynamic_ef_factor) == (50, 300, 4)
    assert h.flat_search_cutoff == 1000 and h.cleanup_interval_seconds == 120
    assert h.filter_strategy is VectorFilterStrategy.SWEEPING
    assert h.vector_cache_max_objects == 5000
    assert isinstance(h.quantizer, PQConfig)
    assert (h.quantizer.centroids, h.quantizer.segments, h.quantizer.training_limit) == (
        64,
        2,
        2000,
    )
    f = vc["own"].vector_index_config
    assert isinstance(f, VectorIndexConfigFlat)
    assert f.distance_metric is VectorDistances.L2_SQUARED and f.vector_cache_max_objects == 100
    assert isinstance(f.quantizer, BQConfig)
    assert f.quantizer.cache is True and f.quantizer.rescore_limit == 30
    fr = vc["fresh"].vector_index_config
    if hfresh_supported():
        assert isinstance(fr, VectorIndexConfigHFresh)
        # 1.35.2's experimental hfresh keeps its default posting size (48); 1.37.0 takes it
        assert fr.max_posting_size_kb == (64 if server_at_least("1.37.0") else 48)
        assert fr.search_probe == 64
    else:
        assert isinstance(fr, VectorIndexConfigHNSW) and fr.ef == 64
    mv = vc["colbert"].vector_index_config
    assert isinstance(mv, VectorIndexConfigHNSW) and mv.multi_vector is not None
    assert mv.multi_vector.encoding is not None and mv.multi_vector.encoding.ksim == 3

    simple = await col.config.get(simple=True)
    assert isinstance(simple, CollectionConfigSimple)
    assert simple.name == collection_name and simple.description == "a collection"
    assert [p.name for p in simple.properties] == list(props)

    # round trip: export, recreate under another name, compare everything but the name
    other = collection_name + "Copy"
    exported = await client.collections.export_config(collection_name)
    assert exported.to_dict() == cfg.to_dict()  # the same reading as config.get()
    try:
        data = exported.to_dict()
        data["class"] = other
        for p in data["properties"]:
            if p["name"] == "self_ref":
                p["dataType"] = [other]
        copy = await client.collections.create_from_dict(data)
        again = await copy.config.get()
        a, b = exported.to_dict(), again.to_dict()
        for side in (a, b):
            side.pop("class")
            side["properties"] = [p for p in side["properties"] if p["name"] != "self_ref"]
        assert a == b
    finally:
        await client.collections.delete(other)


async def test_create_from_config_and_list_all(client: Any, collection_name: str) -> None:
    col = await client.collections.create(
        collection_name,
        properties=[Property(name="a", data_type=DataType.TEXT)],
        multi_tenancy_config=Configure.multi_tenancy(
            auto_tenant_creation=True, auto_tenant_activation=True
        ),
    )
    cfg = await col.config.get()
    assert cfg.multi_tenancy_config.enabled is True
    assert cfg.multi_tenancy_config.auto_tenant_creation is True
    assert cfg.multi_tenancy_config.auto_tenant_activation is True
    assert cfg.vector_config is not None and "default" in cfg.vector_config

    listed = await client.collections.list_all()
    assert collection_name in listed
    assert listed[collection_name].properties[0].name == "a"
    full = await client.collections.list_all(simple=False)
    assert full[collection_name].multi_tenancy_config.enabled is True

    other = collection_name + "Cfg"
    try:
        import attrs

        await client.collections.create_from_config(attrs.evolve(cfg, name=other))
        got = await client.collections.export_config(other)
        assert attrs.evolve(got, name=collection_name).to_dict() == cfg.to_dict()
    finally:
        await client.collections.delete(other)


async def test_legacy_vectorizer_form(client: Any, collection_name: str) -> None:
    col = await client.collections.create(
        collection_name,
        vectorizer_config=Configure.Vectorizer.custom("text2vec-bigram"),
        vector_index_config=Configure.VectorIndex.hnsw(ef=77),
        properties=[Property(name="t", data_type=DataType.TEXT, skip_vectorization=True)],
    )
    cfg = await col.config.get()
    assert cfg.vectorizer == "text2vec-bigram"
    assert cfg.vectorizer_config is not None
    assert isinstance(cfg.vector_index_config, VectorIndexConfigHNSW)
    assert cfg.vector_index_config.ef == 77
    assert cfg.properties[0].vectorizer_config is not None
    assert cfg.properties[0].vectorizer_config.skip is True


async def test_dynamic_index_needs_async_indexing(client: Any, collection_name: str) -> None:
    vi = Configure.VectorIndex
    with pytest.raises(UnexpectedStatusCodeError) as info:
        await client.collections.create(
            collection_name,
            vector_config=Configure.Vectors.self_provided(vector_index_config=vi.dynamic()),
        )
    assert "async indexing" in str(info.value)


async def test_dynamic_index(async_indexing_client: Any) -> None:
    client = async_indexing_client
    collection_name = "Dynamic" + uuid.uuid4().hex[:8]
    vi = Configure.VectorIndex
    col = await client.collections.create(
        collection_name,
        vector_config=Configure.Vectors.self_provided(
            vector_index_config=vi.dynamic(
                threshold=500, hnsw=vi.hnsw(ef=20), flat=vi.flat(vector_cache_max_objects=9)
            )
        ),
    )
    cfg = await col.config.get()
    assert cfg.vector_config is not None
    d = cfg.vector_config["default"].vector_index_config
    assert isinstance(d, VectorIndexConfigDynamic) and d.threshold == 500
    assert d.hnsw is not None and d.hnsw.ef == 20
    assert d.flat is not None and d.flat.vector_cache_max_objects == 9


async def test_object_ttl(client: Any, collection_name: str) -> None:
    ttl = Configure.ObjectTTL.delete_by_creation_time(
        datetime.timedelta(hours=2), filter_expired_objects=True
    )
    col = await client.collections.create(collection_name, object_ttl_config=ttl)
    cfg = await col.config.get()
    if not server_at_least("1.35.0"):
        # seen on 1.32.0 (1.33, 1.34 not tried): the server drops the setting without a word
        assert cfg.object_ttl_config is None
        return
    assert cfg.object_ttl_config is not None
    assert cfg.object_ttl_config.time_to_live == datetime.timedelta(hours=2)
    assert cfg.object_ttl_config.delete_on == "creationTime"
    assert cfg.object_ttl_config.filter_expired_objects is True


async def test_get_use_exists_delete(client: Any, collection_name: str) -> None:
    names = [collection_name + s for s in ("A", "B", "C")]
    lower = collection_name[0].lower() + collection_name[1:]
    handle = client.collections.use(lower)  # no I/O, name capitalized like the server does
    assert handle.name == collection_name
    assert client.collections.get(collection_name).name == collection_name
    assert client.collections.get(lower).name == collection_name
    assert await client.collections.exists(collection_name) is False
    try:
        await client.collections.create(lower)
        assert await client.collections.exists(collection_name) is True
        assert await client.collections.exists(lower) is True
        assert (await handle.config.get()).name == collection_name  # the handle made before works
        t = handle.with_tenant("tenantA").with_consistency_level("QUORUM")
        assert t.tenant == "tenantA" and t.consistency_level is not None
        assert handle.tenant is None and handle.consistency_level is None
        for n in names:
            await client.collections.create(n)
        assert all([await client.collections.exists(n) for n in names])
        assert set(names) | {collection_name} <= set(await client.collections.list_all())

        await client.collections.delete(collection_name)  # one, by str
        assert await client.collections.exists(collection_name) is False
        await client.collections.delete(names[:2])  # several, by list
        assert [await client.collections.exists(n) for n in names] == [False, False, True]
        assert names[2] in await client.collections.list_all()
        assert names[0] not in await client.collections.list_all()
        await client.collections.delete([names[2], collection_name + "Missing"])  # missing: ignored
        assert await client.collections.exists(names[2]) is False
        await client.collections.delete(collection_name)  # deleting a missing one is fine
    finally:
        await client.collections.delete(names)

    with pytest.raises(WeaviateInvalidInputError) as info:
        await client.collections.delete(42)
    assert info.value.field == "name"
    with pytest.raises(WeaviateInvalidInputError) as info:
        client.collections.use(42)  # type: ignore[arg-type]
    assert info.value.field == "name"
    # The form of a name is the server's to judge, as with the official client: a name it
    # would never create is a missing collection.
    assert client.collections.use("bad-name").name == "Bad-name"
    assert client.collections.use("bad-name", skip_argument_validation=True).name == "bad-name"
    assert await client.collections.exists("bad name") is False
    await client.collections.delete("bad name")
    with pytest.raises(WeaviateInvalidInputError):
        await client.collections.exists("")


async def test_create_errors(client: Any, collection_name: str) -> None:
    await client.collections.create(collection_name)
    with pytest.raises(ObjectAlreadyExistsError) as exists:
        await client.collections.create(collection_name)
    assert exists.value.status_code in (409, 422)
    assert exists.value.server_message and "already exists" in exists.value.server_message.lower()
    with pytest.raises(UnexpectedStatusCodeError, match="not a valid class name"):
        await client.collections.create("bad-name")  # refused by the server, as it answers
    with pytest.raises(WeaviateInvalidInputError, match="config"):
        await client.collections.create_from_dict({"nope": 1})
    # refused by the server: the typed error carries the server's message
    with pytest.raises(UnexpectedStatusCodeError) as info:
        await client.collections.create(
            collection_name + "R", replication_config=Configure.replication(factor=5)
        )
    assert info.value.status_code == 422 and info.value.server_message
    assert await client.collections.exists(collection_name + "R") is False
    with pytest.raises(UnexpectedStatusCodeError) as info2:
        await client.collections.export_config(collection_name + "Missing")
    assert info2.value.status_code == 404


async def test_to_string_shows_the_configuration(client: Any, collection_name: str) -> None:
    collection = await client.collections.create(
        collection_name, properties=[Property(name="title", data_type=DataType.TEXT)]
    )
    text = await collection.to_string()
    assert text.startswith("<weaviate.Collection config=") and text.endswith(">")
    assert f'"class": "{collection_name}"' in text and '"title"' in text


async def test_create_from_dict_and_from_config_round_trip(
    client: Any, collection_name: str
) -> None:
    await client.collections.create(
        collection_name,
        description="source",
        properties=[
            Property(name="title", data_type=DataType.TEXT),
            Property(name="n", data_type=DataType.INT),
        ],
        vector_config=Configure.Vectors.self_provided(
            vector_index_config=Configure.VectorIndex.hnsw(ef=33)
        ),
        inverted_index_config=Configure.inverted_index(bm25_b=0.4, bm25_k1=1.1),
    )
    exported = await client.collections.export_config(collection_name)
    assert isinstance(exported, CollectionConfig)
    from_dict = collection_name + "Dict"
    from_cfg = collection_name + "Cfg"
    try:
        data = exported.to_dict()
        data["class"] = from_dict
        copy = await client.collections.create_from_dict(data)
        assert copy.name == from_dict
        got = await copy.config.get()
        assert attrs.evolve(got, name=collection_name).to_dict() == exported.to_dict()

        copy2 = await client.collections.create_from_config(attrs.evolve(exported, name=from_cfg))
        assert copy2.name == from_cfg
        got2 = await client.collections.export_config(from_cfg)
        assert attrs.evolve(got2, name=collection_name).to_dict() == exported.to_dict()
        assert got2.description == "source"
        assert got2.inverted_index_config.bm25.b == 0.4
        assert got2.vector_config is not None
        d = got2.vector_config["default"].vector_index_config
        assert isinstance(d, VectorIndexConfigHNSW) and d.ef == 33

        with pytest.raises(ObjectAlreadyExistsError):
            await client.collections.create_from_dict(data)
        with pytest.raises(WeaviateInvalidInputError) as info:
            await client.collections.create_from_dict({"nope": 1})
        assert info.value.field is not None and "config" in info.value.field
        with pytest.raises(WeaviateInvalidInputError) as info:
            await client.collections.create_from_config(data)  # type: ignore[arg-type]
        assert info.value.field == "config"
    finally:
        await client.collections.delete([from_dict, from_cfg])
    assert not await client.collections.exists(from_dict)
    assert not await client.collections.exists(from_cfg)


async def test_multi_tenancy_list_all_and_tenant_handles(client: Any, collection_name: str) -> None:
    col = await client.collections.create(
        collection_name,
        properties=[Property(name="a", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
        multi_tenancy_config=Configure.multi_tenancy(
            auto_tenant_creation=True, auto_tenant_activation=True
        ),
    )
    mt = (await col.config.get()).multi_tenancy_config
    assert (mt.enabled, mt.auto_tenant_creation, mt.auto_tenant_activation) == (True, True, True)

    listed = await client.collections.list_all()
    assert collection_name in listed
    assert isinstance(listed[collection_name], CollectionConfigSimple)
    assert [p.name for p in listed[collection_name].properties] == ["a"]
    assert listed == await client.collections.list_all(simple=True)
    full = await client.collections.list_all(simple=False)
    assert isinstance(full[collection_name], CollectionConfig)
    assert full[collection_name].multi_tenancy_config.auto_tenant_creation is True
    assert full[collection_name].to_dict() == (await col.config.get()).to_dict()
    with pytest.raises(WeaviateInvalidInputError) as info:
        await client.collections.list_all(simple="yes")
    assert info.value.field == "simple"

    ta = col.with_tenant("tenantA")
    tb = col.with_tenant("tenantB").with_consistency_level(ConsistencyLevel.QUORUM)
    assert (ta.tenant, ta.consistency_level) == ("tenantA", None)
    assert (tb.tenant, tb.consistency_level) == ("tenantB", ConsistencyLevel.QUORUM)
    assert col.tenant is None and col.consistency_level is None  # the original is unchanged
    assert repr(tb).endswith(f" {collection_name!r}, tenant='tenantB', consistency_level='QUORUM'>")

    await ta.data.insert({"a": "one"}, vector=[0.25] * 8)  # auto tenant creation
    res = await tb.data.insert_many([{"a": f"b{i}"} for i in range(3)])
    assert not res.has_errors, res.errors
    assert (await ta.length(), await tb.length()) == (1, 3)
    fetched_b = (await tb.query.fetch_objects()).objects
    assert sorted(o.properties["a"] for o in fetched_b) == ["b0", "b1", "b2"]
    assert [o.properties["a"] for o in (await ta.query.fetch_objects()).objects] == ["one"]

    shards_a = await ta.config.get_shards()
    assert [(s.name, s.status) for s in shards_a] == [("tenantA", "READY")]
    assert {s.name for s in await col.config.get_shards()} == {"tenantA", "tenantB"}

    with pytest.raises(WeaviateInvalidInputError) as info:
        col.with_tenant(3)
    assert info.value.field == "tenant"
    with pytest.raises(WeaviateInvalidInputError) as info:
        col.with_consistency_level("SOME")
    assert info.value.field == "consistency_level"


async def test_delete_all(client: Any) -> None:
    """``delete_all`` runs on a server of this test's own: it must not touch the shared one."""
    # the shared server keeps a collection of its own through this test
    keep = "Keep" + uuid.uuid4().hex[:8]
    await client.collections.create(keep)
    srv = EmbeddedServer(EmbeddedOptions(version=SERVER_VERSION)).start()
    try:
        async with weaviate_async.use_async_with_local(
            host=srv.host, port=srv.http_port, grpc_port=srv.grpc_port
        ) as own:
            names = [f"All{i}" + uuid.uuid4().hex[:6] for i in range(5)]
            for i, n in enumerate(names):
                c = await own.collections.create(
                    n,
                    properties=[Property(name="p", data_type=DataType.INT)],
                    multi_tenancy_config=Configure.multi_tenancy() if i == 0 else None,
                )
                if i == 1:
                    await c.data.insert({"p": 1})
            assert set(await own.collections.list_all()) == set(names)
            assert await own.collections.delete_all() is None
            assert await own.collections.list_all() == {}
            assert not any([await own.collections.exists(n) for n in names])
            assert await own.collections.delete_all() is None  # nothing left: still fine
            assert await own.collections.list_all(simple=False) == {}
            # the server is usable afterwards
            again = await own.collections.create(names[1])
            assert await again.length() == 0
            await own.collections.delete_all()
        assert await client.collections.exists(keep)
    finally:
        srv.stop()
        await client.collections.delete(keep)
