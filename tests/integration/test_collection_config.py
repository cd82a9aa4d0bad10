"""collection.config against a real server: get, update (every Reconfigure entry point),
add_property / add_reference / add_vector, delete_property_index, shards, and error paths."""

from __future__ import annotations

from typing import Any

import pytest

import weaviate_async
from tests.conftest import SERVER_VERSION, hfresh_supported, server_at_least
from weaviate_async.classes.config import (
    BQConfig,
    CollectionConfigSimple,
    Configure,
    DataType,
    Property,
    Reconfigure,
    ReferenceProperty,
    ReplicationDeletionStrategy,
    RQConfig,
    StopwordsPreset,
    VectorDistances,
    VectorFilterStrategy,
    VectorIndexConfigFlat,
    VectorIndexConfigHFresh,
    VectorIndexConfigHNSW,
)
from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer
from weaviate_async.exceptions import (
    UnexpectedStatusCodeError,
    WeaviateBaseError,
    WeaviateInvalidInputError,
)
from weaviate_async.wire.config import collection_config_from_json

__sync_twin__ = "tests/integration/test_collection_config_sync_gen.py"


async def _create(client: Any, name: str, **kwargs: Any) -> Any:
    vi = Configure.VectorIndex
    return await client.collections.create(
        name,
        properties=[
            Property(name="title", data_type=DataType.TEXT, description="old"),
            Property(name="n", data_type=DataType.INT, index_range_filters=True),
        ],
        vector_config=[
            Configure.Vectors.self_provided(name="h", vector_index_config=vi.hnsw()),
            Configure.Vectors.self_provided(
                name="f", vector_index_config=vi.flat(quantizer=vi.Quantizer.bq())
            ),
            Configure.Vectors.self_provided(
                name="x", vector_index_config=vi.hfresh() if hfresh_supported() else vi.hnsw()
            ),
        ],
        generative_config=Configure.Generative.custom("generative-dummy"),
        **kwargs,
    )


async def test_update_every_mutable_option(client: Any, collection_name: str) -> None:
    col = await _create(client, collection_name)
    vi = Reconfigure.VectorIndex
    result = await col.config.update(
        description="new description",
        property_descriptions={"title": "new"},
        inverted_index_config=Reconfigure.inverted_index(
            bm25_b=0.5,
            bm25_k1=1.5,
            cleanup_interval_seconds=90,
            stopwords_preset=StopwordsPreset.NONE,
            stopwords_additions=["x"],
            stopwords_removals=["y"],
        ),
        replication_config=Reconfigure.replication(
            deletion_strategy=ReplicationDeletionStrategy.NO_AUTOMATED_RESOLUTION
        ),
        vector_config=[
            Reconfigure.Vectors.update(
                name="h",
                vector_index_config=vi.hnsw(
                    ef=55,
                    dynamic_ef_min=60,
                    dynamic_ef_max=600,
                    dynamic_ef_factor=6,
                    flat_search_cutoff=500,
                    filter_strategy=VectorFilterStrategy.SWEEPING,
                    vector_cache_max_objects=999,
                    quantizer=vi.Quantizer.rq(rescore_limit=40),
                ),
            ),
            Reconfigure.Vectors.update(
                name="f",
                vector_index_config=vi.flat(
                    vector_cache_max_objects=77, quantizer=vi.Quantizer.bq(rescore_limit=12)
                ),
            ),
            Reconfigure.Vectors.update(
                name="x",
                vector_index_config=vi.hfresh(search_probe=128)
                if hfresh_supported()
                else vi.hnsw(ef=128),
            ),
        ],
        generative_config=Reconfigure.Generative.custom("generative-openai"),
        reranker_config=Reconfigure.Reranker.custom("reranker-dummy"),
    )
    assert result is None
    cfg = await col.config.get()
    assert cfg.description == "new description"
    assert {p.name: p.description for p in cfg.properties}["title"] == "new"
    inv = cfg.inverted_index_config
    assert (inv.bm25.b, inv.bm25.k1, inv.cleanup_interval_seconds) == (0.5, 1.5, 90)
    assert inv.stopwords.preset is StopwordsPreset.NONE
    assert inv.stopwords.additions == ["x"] and inv.stopwords.removals == ["y"]
    assert (
        cfg.replication_config.deletion_strategy
        is ReplicationDeletionStrategy.NO_AUTOMATED_RESOLUTION
    )
    assert cfg.vector_config is not None
    h = cfg.vector_config["h"].vector_index_config
    assert isinstance(h, VectorIndexConfigHNSW)
    assert (h.ef, h.dynamic_ef_min, h.dynamic_ef_max, h.dynamic_ef_factor) == (55, 60, 600, 6)
    assert h.flat_search_cutoff == 500 and h.vector_cache_max_objects == 999
    assert h.filter_strategy is VectorFilterStrategy.SWEEPING
    assert isinstance(h.quantizer, RQConfig) and h.quantizer.rescore_limit == 40
    f = cfg.vector_config["f"].vector_index_config
    assert isinstance(f, VectorIndexConfigFlat) and f.vector_cache_max_objects == 77
    assert isinstance(f.quantizer, BQConfig) and f.quantizer.rescore_limit == 12
    x = cfg.vector_config["x"].vector_index_config
    if hfresh_supported():
        assert isinstance(x, VectorIndexConfigHFresh) and x.search_probe == 128
    else:
        assert isinstance(x, VectorIndexConfigHNSW) and x.ef == 128
    assert cfg.generative_config is not None
    assert cfg.generative_config.generative == "generative-openai"
    assert cfg.reranker_config is not None and cfg.reranker_config.reranker == "reranker-dummy"
    simple = await col.config.get(simple=True)
    assert isinstance(simple, CollectionConfigSimple) and simple.description == "new description"

    # a second update keeps what the first one set
    await col.config.update(inverted_index_config=Reconfigure.inverted_index(bm25_k1=1.9))
    inv2 = (await col.config.get()).inverted_index_config
    assert (inv2.bm25.b, inv2.bm25.k1, inv2.cleanup_interval_seconds) == (0.5, 1.9, 90)


async def test_update_multi_tenancy_flags(client: Any, collection_name: str) -> None:
    col = await client.collections.create(
        collection_name, multi_tenancy_config=Configure.multi_tenancy()
    )
    before = (await col.config.get()).multi_tenancy_config
    assert before.enabled and not before.auto_tenant_creation
    await col.config.update(
        multi_tenancy_config=Reconfigure.multi_tenancy(
            auto_tenant_creation=True, auto_tenant_activation=True
        )
    )
    mt = (await col.config.get()).multi_tenancy_config
    assert mt.enabled and mt.auto_tenant_creation and mt.auto_tenant_activation


async def test_update_legacy_index(client: Any, collection_name: str) -> None:
    col = await client.collections.create(
        collection_name, vector_index_config=Configure.VectorIndex.hnsw()
    )
    await col.config.update(
        vector_index_config=Reconfigure.VectorIndex.hnsw(
            ef=21, quantizer=Reconfigure.VectorIndex.Quantizer.sq(training_limit=5000)
        )
    )
    cfg = await col.config.get()
    assert isinstance(cfg.vector_index_config, VectorIndexConfigHNSW)
    assert cfg.vector_index_config.ef == 21
    assert cfg.vector_index_config.quantizer is not None
    with pytest.raises(WeaviateInvalidInputError, match="quantizer"):
        await col.config.update(
            vectorizer_config=Reconfigure.VectorIndex.hnsw(
                quantizer=Reconfigure.VectorIndex.Quantizer.pq()
            )
        )


async def test_add_property_reference_vector(client: Any, collection_name: str) -> None:
    col = await _create(client, collection_name)
    added = await col.config.add_property(Property(name="extra", data_type=DataType.TEXT_ARRAY))
    assert added is None
    await col.config.add_reference(
        ReferenceProperty(name="link", target_collection=collection_name)
    )
    await col.config.add_vector(
        vector_config=Configure.Vectors.self_provided(
            name="added", vector_index_config=Configure.VectorIndex.flat()
        )
    )
    await col.config.add_vector(
        vector_config=[
            Configure.Vectors.self_provided(name="more1"),
            Configure.Vectors.self_provided(
                name="more2",
                vector_index_config=Configure.VectorIndex.hnsw(distance_metric=VectorDistances.DOT),
            ),
        ]
    )
    cfg = await col.config.get()
    props = {p.name: p for p in cfg.properties}
    # add_vector writes the whole class back (PUT); the server may then list the properties
    # in another order, so compare them as a set
    assert set(props) == {"title", "n", "extra"}
    assert props["extra"].data_type is DataType.TEXT_ARRAY
    assert [(r.name, r.target_collections) for r in cfg.references] == [("link", [collection_name])]
    assert cfg.vector_config is not None
    assert set(cfg.vector_config) == {"h", "f", "x", "added", "more1", "more2"}
    assert isinstance(cfg.vector_config["added"].vector_index_config, VectorIndexConfigFlat)
    m2 = cfg.vector_config["more2"].vector_index_config
    assert isinstance(m2, VectorIndexConfigHNSW) and m2.distance_metric is VectorDistances.DOT

    with pytest.raises(WeaviateInvalidInputError) as info:
        await col.config.add_property(Property(name="extra", data_type=DataType.TEXT))
    assert info.value.field == "prop"
    with pytest.raises(WeaviateInvalidInputError) as info:
        await col.config.add_property(ReferenceProperty(name="r2", target_collection="X"))  # type: ignore[arg-type]
    assert info.value.field == "prop"
    with pytest.raises(WeaviateInvalidInputError) as info:
        await col.config.add_reference(ReferenceProperty(name="link", target_collection="X"))
    assert info.value.field == "ref"
    with pytest.raises(WeaviateInvalidInputError) as info:
        await col.config.add_vector(vector_config=Configure.Vectors.self_provided(name="h"))
    assert info.value.field == "vector_config"
    assert len((await col.config.get()).properties) == 3  # nothing changed by the refused calls


async def test_delete_property_index(client: Any, collection_name: str) -> None:
    col = await _create(client, collection_name)
    if not server_at_least("1.37.0"):
        # seen on 1.35.2 and 1.32.0 (1.36 not tried; 1.37.0 has it): no such endpoint, 404
        with pytest.raises(UnexpectedStatusCodeError, match="not found") as info:
            await col.config.delete_property_index("n", "rangeFilters")
        assert info.value.status_code == 404
        return
    assert await col.config.delete_property_index("n", "rangeFilters") is True
    assert await col.config.delete_property_index("title", "searchable") is True
    props = {p.name: p for p in (await col.config.get()).properties}
    assert props["n"].index_range_filters is False
    assert props["title"].index_searchable is False
    assert props["title"].index_filterable is True
    with pytest.raises(WeaviateInvalidInputError, match="index_name") as info:
        await col.config.delete_property_index("n", "bogus")  # type: ignore[arg-type]
    assert info.value.field == "index_name"
    with pytest.raises(WeaviateInvalidInputError) as info:
        await col.config.delete_property_index("", "filterable")
    assert info.value.field == "property_name"


async def test_shards(client: Any, collection_name: str) -> None:
    col = await _create(client, collection_name)
    shards = await col.config.get_shards()
    assert len(shards) == 1 and shards[0].status == "READY"
    updated = await col.config.update_shards("READONLY")
    assert updated == {shards[0].name: "READONLY"}
    assert (await col.config.get_shards())[0].status == "READONLY"
    with pytest.raises(UnexpectedStatusCodeError):
        await col.data.insert({"title": "refused while read-only"})
    name = shards[0].name
    assert await col.config.update_shards("READY", name) == {name: "READY"}
    assert await col.config.update_shards("READY", [name]) == {name: "READY"}
    assert [s.status for s in await col.config.get_shards()] == ["READY"]
    await col.data.insert({"title": "accepted again"})
    assert await col.length() == 1
    with pytest.raises(WeaviateInvalidInputError, match="status") as info:
        await col.config.update_shards("BROKEN")  # type: ignore[arg-type]
    assert info.value.field == "status"
    with pytest.raises(WeaviateInvalidInputError) as info:
        await col.config.update_shards("READY", 7)  # type: ignore[arg-type]
    assert info.value.field == "shard_names"


async def test_shard_states_per_node(client: Any, collection_name: str) -> None:
    """``per_node_status`` comes from servers that report a state per replica (1.40 on);
    older servers report one ``status``, and the field is None."""
    col = await _create(client, collection_name)
    meta = await client.get_meta()
    version = tuple(int(p) for p in str(meta["version"]).split("-")[0].split(".")[:3])
    nodes = {n.name for n in await client.cluster.nodes()}
    await col.config.update_shards("READONLY")
    try:
        (shard,) = await col.config.get_shards()
        assert shard.status == "READONLY" and shard.vector_queue_size == 0
        if version >= (1, 40, 0):
            assert shard.per_node_status is not None
            assert set(shard.per_node_status) <= nodes
            assert set(shard.per_node_status.values()) == {"READONLY"}
        else:
            assert shard.per_node_status is None and shard.extra == {}
    finally:
        await col.config.update_shards("READY")
    assert [s.status for s in await col.config.get_shards()] == ["READY"]


async def test_error_paths(client: Any, collection_name: str) -> None:
    with pytest.raises(UnexpectedStatusCodeError) as missing:
        await client.collections.use(collection_name).config.get()
    assert missing.value.status_code == 404
    col = await _create(client, collection_name)
    # immutable on the server: its message is kept in the typed error
    with pytest.raises(UnexpectedStatusCodeError) as info:
        await col.config.update(replication_config=Reconfigure.replication(factor=3))
    assert info.value.status_code == 422 and info.value.server_message
    # detected by the client before anything is sent
    with pytest.raises(WeaviateInvalidInputError, match="vector_config"):
        await col.config.update(
            vector_config=Reconfigure.Vectors.update(
                name="h", vector_index_config=Reconfigure.VectorIndex.flat()
            )
        )
    with pytest.raises(WeaviateInvalidInputError, match="property_descriptions"):
        await col.config.update(property_descriptions={"nope": "x"})
    with pytest.raises(WeaviateInvalidInputError, match="inverted_index_config"):
        await col.config.update(inverted_index_config=Configure.inverted_index())

    # invalid builder input: raised before anything is sent, naming the field
    builders: list[tuple[Any, str]] = [
        (lambda: Configure.inverted_index(bm25_b=2.0, bm25_k1=1.0), "bm25_b"),
        (lambda: Configure.replication(factor=0), "factor"),
        (lambda: Configure.VectorIndex.hnsw(ef_construction=-3), "ef_construction"),
        (lambda: Configure.multi_tenancy(enabled="yes"), "enabled"),
        (lambda: Property(name="bad name", data_type=DataType.TEXT), "name"),
        (lambda: Property(name="x", data_type="nope"), "data_type"),
        (lambda: Reconfigure.inverted_index(bm25_k1=-1.0), "bm25_k1"),
    ]
    for build, field in builders:
        with pytest.raises(WeaviateInvalidInputError) as refused:
            build()
        assert refused.value.field == field, (field, refused.value)
        assert field in str(refused.value)
    # an update model where create wants a create model: refused before anything is sent
    with pytest.raises(WeaviateInvalidInputError) as refused:
        await client.collections.create(
            collection_name + "X", inverted_index_config=Reconfigure.inverted_index()
        )
    assert refused.value.field == "inverted_index_config"
    assert await client.collections.exists(collection_name + "X") is False
    assert [p.name for p in (await col.config.get()).properties] == ["title", "n"]


# ------------------------------------------------------------------------------------------
# 4.24: dropping a vector's index, and what the read models and create_from_* make of it
# ------------------------------------------------------------------------------------------


async def _two_vectors(client: Any, name: str) -> Any:
    col = await client.collections.create(
        name,
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=[
            Configure.Vectors.self_provided(name="kept"),
            Configure.Vectors.self_provided(name="dropped"),
        ],
    )
    await col.data.insert({"title": "a"}, vector={"kept": [0.1, 0.2], "dropped": [0.3, 0.4]})
    return col


async def test_delete_vector_index(client: Any, collection_name: str) -> None:
    from weaviate_async.outputs.config import VectorIndexConfigNone

    col = await _two_vectors(client, collection_name)
    with pytest.raises(WeaviateInvalidInputError, match="vector_name"):
        await col.config.delete_vector_index(123)  # type: ignore[arg-type]
    assert "dropped" in (await col.config.get()).vector_config
    if not server_at_least("1.37.0"):
        # seen on 1.35.2 (1.36 not tried; 1.37.0 has it): no such endpoint, 404
        with pytest.raises(UnexpectedStatusCodeError, match="not found") as info:
            await col.config.delete_vector_index("dropped")
        assert info.value.status_code == 404
        assert "dropped" in (await col.config.get()).vector_config
        return

    await col.config.delete_vector_index("dropped")
    # while the server's cleanup runs, the vector reads as a dropped index, with no settings
    cfg = await col.config.get()
    dropped = cfg.vector_config["dropped"]
    assert isinstance(dropped.vector_index_config, VectorIndexConfigNone)
    assert dropped.vector_index_type == "none"
    assert cfg.to_dict()["vectorConfig"]["dropped"] == {
        "vectorizer": {"none": {}},
        "vectorIndexType": "none",
    }
    assert isinstance(cfg.vector_config["kept"].vector_index_config, VectorIndexConfigHNSW)
    # the kept vector still searches; the dropped one is refused
    res = await col.query.near_vector([0.1, 0.2], target_vector="kept", include_vector=["kept"])
    assert list(res.objects[0].vector) == ["kept"]
    with pytest.raises(WeaviateBaseError):
        await col.query.near_vector([0.1, 0.2], target_vector="dropped")
    # repeating the drop while it runs is accepted
    await col.config.delete_vector_index("dropped")
    # its index cannot be updated any more: refused before anything is sent
    with pytest.raises(WeaviateInvalidInputError, match="delete_vector_index"):
        await col.config.update(
            vector_config=Reconfigure.Vectors.update(
                name="dropped", vector_index_config=Reconfigure.VectorIndex.hnsw(ef=5)
            )
        )
    # a vector that does not exist, and the legacy unnamed vector, are refused by the server
    with pytest.raises(UnexpectedStatusCodeError) as err:
        await col.config.delete_vector_index("nothere")
    assert err.value.status_code == 422

    # an exported configuration with the dropped vector recreates without it, with a warning
    other = f"{collection_name}Copy"
    cfg.name = other  # the read model is mutable, as the official dataclasses are
    try:
        with pytest.warns(UserWarning, match=r"Col001: The vector config\(s\) \['dropped'\]"):
            copy = await client.collections.create_from_config(cfg)
        assert set((await copy.config.get()).vector_config) == {"kept"}
    finally:
        await client.collections.delete(other)


async def test_delete_vector_index_disabled_on_the_server(async_indexing_client: Any) -> None:
    # a server without ENABLE_EXPERIMENTAL_ALTER_SCHEMA_DROP_VECTOR_INDEX_ENDPOINT refuses it
    name = "DropVectorIndexDisabled"
    await async_indexing_client.collections.delete(name)
    col = await _two_vectors(async_indexing_client, name)
    # before 1.37 (seen: 1.35.2) the endpoint does not exist at all (404)
    refusal = "DROP_VECTOR_INDEX_ENDPOINT" if server_at_least("1.37.0") else "was not found"
    try:
        with pytest.raises(UnexpectedStatusCodeError, match=refusal):
            await col.config.delete_vector_index("dropped")
        assert set((await col.config.get()).vector_config) == {"kept", "dropped"}
    finally:
        await async_indexing_client.collections.delete(name)


async def test_dropped_vectors_in_create_from_dict_and_config(
    client: Any, collection_name: str
) -> None:
    from weaviate_async.outputs.config import VectorIndexConfigNone

    col = await _two_vectors(client, collection_name)
    cfg = await col.config.get()
    exported = cfg.to_dict()
    # a vector reported with a dropped index, as the server does while a drop runs
    exported["vectorConfig"]["dropped"] = {
        "vectorizer": {"none": {}},
        "vectorIndexType": "none",
    }
    parsed = collection_config_from_json(exported)
    assert isinstance(parsed.vector_config["dropped"].vector_index_config, VectorIndexConfigNone)
    assert parsed.vector_config["dropped"].vector_index_type == "none"
    assert parsed.to_dict()["vectorConfig"]["dropped"] == exported["vectorConfig"]["dropped"]

    other = f"{collection_name}Copy"
    # the read model is mutable, as the official dataclasses are: rename, then recreate
    parsed.name = other
    try:
        with pytest.warns(UserWarning, match=r"Col001: The vector config\(s\) \['dropped'\]"):
            copy = await client.collections.create_from_config(parsed)
        assert set((await copy.config.get()).vector_config) == {"kept"}
    finally:
        await client.collections.delete(other)

    # every vector dropped: refused before anything is sent
    only_dropped = dict(exported, **{"class": other})
    only_dropped["vectorConfig"] = {"dropped": exported["vectorConfig"]["dropped"]}
    with pytest.raises(WeaviateInvalidInputError, match="vectorIndexType 'none'"):
        await client.collections.create_from_dict(only_dropped)
    # a configuration left without any vector (all dropped and cleaned up)
    bare = await col.config.get()
    bare.name = other
    bare.vector_config = None
    with pytest.raises(WeaviateInvalidInputError, match="no vector left"):
        await client.collections.create_from_config(bare)
    assert not await client.collections.exists(other)


async def test_pathseer_filter_strategy_is_sent(client: Any, collection_name: str) -> None:
    # weaviate-server 1.39 knows only sweeping and acorn: it names the option when refusing
    index = Configure.VectorIndex.hnsw(filter_strategy=VectorFilterStrategy.PATHSEER)
    assert index.to_json()["filterStrategy"] == "pathseer"
    with pytest.raises(UnexpectedStatusCodeError, match="filterStrategy"):
        await client.collections.create(
            collection_name,
            vector_config=Configure.Vectors.self_provided(vector_index_config=index),
        )


async def test_hfresh_multi_vector_is_sent_as_the_official_client_sends_it(
    client: Any, collection_name: str
) -> None:
    mv = Configure.VectorIndex.MultiVector
    vector = Configure.MultiVectors.self_provided(
        name="colbert",
        vector_index_config=Configure.VectorIndex.hfresh(),
        encoding=mv.Encoding.muvera(ksim=4),
    )
    assert vector.to_json()["vectorIndexConfig"]["multivector"] == {
        "enabled": True,
        "muvera": {"enabled": True, "ksim": 4},
    }
    col = await client.collections.create(collection_name, vector_config=vector)
    # weaviate-server 1.39 has no multi-vector HFresh index: it keeps the index, without it
    index = (await col.config.get()).vector_config["colbert"].vector_index_config
    assert isinstance(index, VectorIndexConfigHFresh)
    assert index.multi_vector is None


async def test_async_enabled_is_deprecated(client: Any, collection_name: str) -> None:
    with pytest.warns(DeprecationWarning, match="Dep030: The `async_enabled` argument"):
        create = Configure.replication(factor=1, async_enabled=True)
    with pytest.warns(DeprecationWarning, match="Dep030"):
        update = Reconfigure.replication(async_enabled=False)
    col = await client.collections.create(collection_name, replication_config=create)
    await col.config.update(replication_config=update)
    assert (await col.config.get()).replication_config.factor == 1


async def test_official_builder_names_build_and_update(client: Any, collection_name: str) -> None:
    from weaviate_async.classes import config as cc

    inverted = Configure.inverted_index(bm25_b=0.6, bm25_k1=1.1)
    assert isinstance(inverted, cc.InvertedIndexConfigCreate)
    assert inverted.bm25 is not None and (inverted.bm25.b, inverted.bm25.k1) == (0.6, 1.1)
    inverted.cleanupIntervalSeconds = 42  # official attribute names write our fields
    vector = Configure.Vectors.self_provided(vector_index_config=Configure.VectorIndex.hnsw())
    assert isinstance(vector, cc.VectorConfigCreate)
    assert isinstance(vector.vectorIndexConfig, cc.VectorIndexConfigHNSWCreate)
    vector.vectorIndexConfig.efConstruction = 64
    mt = Configure.multi_tenancy(enabled=True, auto_tenant_creation=True)
    assert isinstance(mt, cc.MultiTenancyConfigCreate) and mt.autoTenantCreation is True
    meta = Configure.Generative.meta(model="Llama-4", reasoning_effort="high")
    # generative-meta ships with 1.39.3 (seen missing on 1.37.0 and 1.39.0): an older server
    # refuses the module, and the rest is created without it
    has_meta = server_at_least("1.39.3")
    if not has_meta:
        with pytest.raises(UnexpectedStatusCodeError, match="generative-meta doesn't exist"):
            await client.collections.create(
                collection_name, vector_config=vector, generative_config=meta
            )
        assert not await client.collections.exists(collection_name)
    col = await client.collections.create(
        collection_name,
        inverted_index_config=inverted,
        vector_config=vector,
        multi_tenancy_config=mt,
        generative_config=meta if has_meta else None,
    )
    cfg = await col.config.get()
    assert cfg.inverted_index_config.cleanup_interval_seconds == 42
    assert cfg.vector_config["default"].vector_index_config.ef_construction == 64
    assert cfg.multi_tenancy_config.auto_tenant_creation is True
    if has_meta:
        assert cfg.generative_config.generative == cc.GenerativeSearches.META
        assert cfg.generative_config.model == {"model": "Llama-4", "reasoningEffort": "high"}

    update = Reconfigure.VectorIndex.hnsw(ef=77)
    assert isinstance(update, cc.VectorIndexConfigHNSWUpdate)
    await col.config.update(vector_config=Reconfigure.Vectors.update(vector_index_config=update))
    assert (await col.config.get()).vector_config["default"].vector_index_config.ef == 77
    # any reasoning effort string is passed on (as the official client does); the Meta module
    # names its own values when refusing
    with pytest.raises(
        UnexpectedStatusCodeError, match="reasoningEffort" if has_meta else "generative-meta"
    ):
        await client.collections.create(
            f"{collection_name}Meta",
            generative_config=Configure.Generative.meta(reasoning_effort="extreme"),
        )


async def test_create_leaves_the_default_index_type_to_the_server() -> None:
    # 4.24 sends no vectorIndexType for a vector without an index to servers 1.37.5+, which
    # then apply their DEFAULT_VECTOR_INDEX (here flat); an explicit index is kept
    srv = EmbeddedServer(
        EmbeddedOptions(
            version=SERVER_VERSION, additional_env_vars={"DEFAULT_VECTOR_INDEX": "flat"}
        )
    ).start()
    try:
        async with weaviate_async.use_async_with_local(
            host=srv.host, port=srv.http_port, grpc_port=srv.grpc_port
        ) as client:
            col = await client.collections.create(
                "DefaultIndex",
                vector_config=[
                    Configure.Vectors.self_provided(name="plain"),
                    Configure.Vectors.self_provided(
                        name="explicit", vector_index_config=Configure.VectorIndex.hnsw()
                    ),
                ],
            )
            # to older servers (seen: 1.37.0) the client names hnsw, as the official one does
            default = "flat" if server_at_least("1.37.5") else "hnsw"
            vectors = (await col.config.get()).vector_config
            assert vectors["plain"].vector_index_type == default
            assert vectors["explicit"].vector_index_type == "hnsw"
            bare = await client.collections.create("DefaultIndexBare")
            bare_index = (await bare.config.get()).vector_config["default"].vector_index_type
            assert bare_index == default
    finally:
        srv.stop()
