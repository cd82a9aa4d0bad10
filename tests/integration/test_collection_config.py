"""collection.config against a real server: get, update (every Reconfigure entry point),
add_property / add_reference / add_vector, delete_property_index, shards, and error paths."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import hfresh_supported, server_at_least
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
    VectorFilterStrategy,
    VectorIndexConfigFlat,
    VectorIndexConfigHFresh,
    VectorIndexConfigHNSW,
)
from weaviate_async.exceptions import UnexpectedStatusCodeError, WeaviateInvalidInputError


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
    await col.config.update(
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


async def test_update_multi_tenancy_flags(client: Any, collection_name: str) -> None:
    col = await client.collections.create(
        collection_name, multi_tenancy_config=Configure.multi_tenancy()
    )
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
    with pytest.raises(WeaviateInvalidInputError, match="quantizer"):
        await col.config.update(
            vectorizer_config=Reconfigure.VectorIndex.hnsw(
                quantizer=Reconfigure.VectorIndex.Quantizer.pq()
            )
        )


async def test_add_property_reference_vector(client: Any, collection_name: str) -> None:
    col = await _create(client, collection_name)
    await col.config.add_property(Property(name="extra", data_type=DataType.TEXT_ARRAY))
    await col.config.add_reference(
        ReferenceProperty(name="link", target_collection=collection_name)
    )
    await col.config.add_vector(
        vector_config=Configure.Vectors.self_provided(
            name="added", vector_index_config=Configure.VectorIndex.flat()
        )
    )
    cfg = await col.config.get()
    assert "extra" in [p.name for p in cfg.properties]
    assert [r.name for r in cfg.references] == ["link"]
    assert cfg.vector_config is not None and "added" in cfg.vector_config
    with pytest.raises(WeaviateInvalidInputError, match="prop"):
        await col.config.add_property(Property(name="extra", data_type=DataType.TEXT))
    with pytest.raises(WeaviateInvalidInputError, match="vector_config"):
        await col.config.add_vector(vector_config=Configure.Vectors.self_provided(name="h"))


async def test_delete_property_index(client: Any, collection_name: str) -> None:
    col = await _create(client, collection_name)
    if not server_at_least("1.39.0"):
        # seen on 1.35.2 and 1.32.0 (1.36-1.38 not tried): no such endpoint, 404
        with pytest.raises(UnexpectedStatusCodeError, match="not found") as info:
            await col.config.delete_property_index("n", "rangeFilters")
        assert info.value.status_code == 404
        return
    assert await col.config.delete_property_index("n", "rangeFilters") is True
    cfg = await col.config.get()
    assert next(p for p in cfg.properties if p.name == "n").index_range_filters is False
    with pytest.raises(WeaviateInvalidInputError, match="index_name"):
        await col.config.delete_property_index("n", "bogus")


async def test_shards(client: Any, collection_name: str) -> None:
    col = await _create(client, collection_name)
    shards = await col.config.get_shards()
    assert len(shards) == 1 and shards[0].status == "READY"
    updated = await col.config.update_shards("READONLY")
    assert updated == {shards[0].name: "READONLY"}
    assert (await col.config.get_shards())[0].status == "READONLY"
    assert await col.config.update_shards("READY", shards[0].name) == {shards[0].name: "READY"}
    with pytest.raises(WeaviateInvalidInputError, match="status"):
        await col.config.update_shards("BROKEN")


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
