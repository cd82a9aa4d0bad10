"""client.collections and collection.config through the generated sync facade (weaviate_sync).

The same calls as tests/integration/test_collection_config.py and test_data_query.py, made
through ``import weaviate_sync as weaviate`` against a real server, with the server's read-back
asserted: every public method of ``client.collections`` and of ``collection.config``, the handle
methods (with_tenant, with_consistency_level, ``len``), the data and query calls, and the error
paths. ``delete_all`` runs on a server of this module's own. The scenarios of
tests/integration/test_collections.py run through the facade in its generated twin,
test_collections_sync_gen.py.
"""

from __future__ import annotations

import inspect
import re
import uuid as uuid_lib
from collections.abc import Iterator
from typing import Any

import attrs
import numpy as np
import pytest

import weaviate_async
import weaviate_async.classes.config
import weaviate_async.classes.data
import weaviate_async.classes.query
import weaviate_async.exceptions
import weaviate_sync
import weaviate_sync as weaviate
import weaviate_sync.classes.config
import weaviate_sync.classes.data
import weaviate_sync.classes.query
import weaviate_sync.exceptions
from tests.conftest import SERVER_VERSION, rare_terms_rank_first, server_at_least
from weaviate_async.collections.collection import CollectionAsync
from weaviate_async.collections.collections import _CollectionsAsync
from weaviate_async.collections.config import _ConfigCollectionAsync
from weaviate_async.collections.data import _DataCollectionAsync
from weaviate_async.collections.query import _QueryCollectionAsync
from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer
from weaviate_sync.classes.config import (
    BQConfig,
    CollectionConfig,
    CollectionConfigSimple,
    Configure,
    ConsistencyLevel,
    DataType,
    Property,
    Reconfigure,
    ReferenceProperty,
    ReplicationDeletionStrategy,
    RQConfig,
    StopwordsPreset,
    VectorDistances,
    VectorIndexConfigFlat,
    VectorIndexConfigHNSW,
)
from weaviate_sync.classes.data import DataObject
from weaviate_sync.classes.query import MetadataQuery
from weaviate_sync.collections.collection import Collection
from weaviate_sync.collections.collections import _Collections
from weaviate_sync.collections.config import _ConfigCollection
from weaviate_sync.collections.data import _DataCollection
from weaviate_sync.collections.query import _QueryCollection
from weaviate_sync.exceptions import (
    ObjectAlreadyExistsError,
    UnexpectedStatusCodeError,
    WeaviateInvalidInputError,
)

DIM = 8
_VECTORS = np.random.default_rng(11).standard_normal((64, DIM))


def _vec(i: int) -> list[float]:
    return [float(v) for v in _VECTORS[i]]


# ----------------------------------------------------------------------------- the twins


_TWINS: list[tuple[type, type]] = [
    (_CollectionsAsync, _Collections),
    (CollectionAsync, Collection),
    (_ConfigCollectionAsync, _ConfigCollection),
    (_DataCollectionAsync, _DataCollection),
    (_QueryCollectionAsync, _QueryCollection),
]


def _public_methods(cls: type) -> dict[str, Any]:
    return {
        name: member
        for name, member in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_")
    }


@pytest.mark.parametrize(("async_cls", "sync_cls"), _TWINS, ids=lambda c: c.__name__)
def test_every_public_method_has_a_blocking_twin(async_cls: type, sync_cls: type) -> None:
    async_methods = _public_methods(async_cls)
    sync_methods = _public_methods(sync_cls)
    assert set(sync_methods) == set(async_methods)
    for name, async_fn in async_methods.items():
        sync_fn = sync_methods[name]
        assert not inspect.iscoroutinefunction(sync_fn), name
        a = inspect.signature(async_fn).parameters
        s = inspect.signature(sync_fn).parameters
        assert [(p.name, p.kind, p.default) for p in a.values()] == [
            (p.name, p.kind, p.default) for p in s.values()
        ], name
        # the same text, spoken to a blocking user (no await, no async for/with; the modules
        # they import)
        async_doc = inspect.getdoc(async_fn) or ""
        expected = re.sub(r"\bawait |\basync (?=for\b|with\b)", "", async_doc).replace(
            "weaviate_async.", "weaviate_sync."
        )
        assert inspect.getdoc(sync_fn) == expected, name
    async_props = {n for n, m in vars(async_cls).items() if isinstance(m, property) and n[0] != "_"}
    sync_props = {n for n, m in vars(sync_cls).items() if isinstance(m, property) and n[0] != "_"}
    # the sync twins expose ``name`` as a read-only property where the async one has an attribute
    assert async_props <= sync_props <= async_props | {"name"}
    # the sync Collection also has __len__, from the async length()
    assert "__len__" in vars(Collection) and "__len__" not in vars(CollectionAsync)


def test_classes_and_exceptions_are_the_same_objects() -> None:
    for sync_mod, async_mod in (
        (weaviate_sync.classes.config, weaviate_async.classes.config),
        (weaviate_sync.classes.data, weaviate_async.classes.data),
        (weaviate_sync.classes.query, weaviate_async.classes.query),
        (weaviate_sync.exceptions, weaviate_async.exceptions),
    ):
        assert sync_mod.__all__ == async_mod.__all__, sync_mod.__name__
        for name in sync_mod.__all__:
            assert getattr(sync_mod, name) is getattr(async_mod, name), (
                f"{sync_mod.__name__}.{name}"
            )
    assert weaviate_sync.classes.config.Configure is weaviate_async.classes.config.Configure
    assert weaviate_sync.classes.config.Reconfigure is weaviate_async.classes.config.Reconfigure
    assert weaviate.classes.config.Property is weaviate_async.classes.config.Property
    assert (
        weaviate.exceptions.ObjectAlreadyExistsError
        is weaviate_async.exceptions.ObjectAlreadyExistsError
    )


def test_handles_are_the_sync_twins(sync_client: Any, collection_name: str) -> None:
    client: weaviate.WeaviateClient = sync_client
    assert type(client).__name__ == "WeaviateClient"
    assert type(client.collections).__name__ == "_Collections"
    handle = client.collections.use(collection_name)  # no request
    assert type(handle).__name__ == "Collection"
    assert isinstance(handle, Collection)
    assert type(client.collections.get(collection_name)).__name__ == "Collection"
    assert type(handle.config).__name__ == "_ConfigCollection"
    assert type(handle.data).__name__ == "_DataCollection"
    assert type(handle.query).__name__ == "_QueryCollection"
    assert type(handle.with_tenant("t")).__name__ == "Collection"
    assert type(handle.with_consistency_level("ONE")).__name__ == "Collection"
    assert repr(handle) == f"<Collection {collection_name!r}>"
    created = client.collections.create(collection_name)
    assert type(created).__name__ == "Collection" and created.name == collection_name


# ----------------------------------------------------------------------------- collections


def test_create_from_dict_and_from_config_round_trip(
    sync_client: Any, collection_name: str
) -> None:
    client: weaviate.WeaviateClient = sync_client
    client.collections.create(
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
    exported = client.collections.export_config(collection_name)
    assert isinstance(exported, CollectionConfig)
    from_dict = collection_name + "Dict"
    from_cfg = collection_name + "Cfg"
    try:
        data = exported.to_dict()
        data["class"] = from_dict
        copy = client.collections.create_from_dict(data)
        assert type(copy).__name__ == "Collection" and copy.name == from_dict
        got = copy.config.get()
        assert attrs.evolve(got, name=collection_name).to_dict() == exported.to_dict()

        copy2 = client.collections.create_from_config(attrs.evolve(exported, name=from_cfg))
        assert type(copy2).__name__ == "Collection" and copy2.name == from_cfg
        got2 = client.collections.export_config(from_cfg)
        assert attrs.evolve(got2, name=collection_name).to_dict() == exported.to_dict()
        assert got2.description == "source"
        assert got2.inverted_index_config.bm25.b == 0.4
        assert got2.vector_config is not None
        d = got2.vector_config["default"].vector_index_config
        assert isinstance(d, VectorIndexConfigHNSW) and d.ef == 33

        with pytest.raises(ObjectAlreadyExistsError):
            client.collections.create_from_dict(data)
        with pytest.raises(WeaviateInvalidInputError) as info:
            client.collections.create_from_dict({"nope": 1})
        assert info.value.field is not None and "config" in info.value.field
        with pytest.raises(WeaviateInvalidInputError) as info:
            client.collections.create_from_config(data)  # type: ignore[arg-type]
        assert info.value.field == "config"
    finally:
        client.collections.delete([from_dict, from_cfg])
    assert not client.collections.exists(from_dict)
    assert not client.collections.exists(from_cfg)


def test_multi_tenancy_list_all_and_tenant_handles(sync_client: Any, collection_name: str) -> None:
    client: weaviate.WeaviateClient = sync_client
    col = client.collections.create(
        collection_name,
        properties=[Property(name="a", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
        multi_tenancy_config=Configure.multi_tenancy(
            auto_tenant_creation=True, auto_tenant_activation=True
        ),
    )
    mt = col.config.get().multi_tenancy_config
    assert (mt.enabled, mt.auto_tenant_creation, mt.auto_tenant_activation) == (True, True, True)

    listed = client.collections.list_all()
    assert collection_name in listed
    assert isinstance(listed[collection_name], CollectionConfigSimple)
    assert [p.name for p in listed[collection_name].properties] == ["a"]
    assert listed == client.collections.list_all(simple=True)
    full = client.collections.list_all(simple=False)
    assert isinstance(full[collection_name], CollectionConfig)
    assert full[collection_name].multi_tenancy_config.auto_tenant_creation is True
    assert full[collection_name].to_dict() == col.config.get().to_dict()
    with pytest.raises(WeaviateInvalidInputError) as info:
        client.collections.list_all(simple="yes")  # type: ignore[call-overload]
    assert info.value.field == "simple"

    ta = col.with_tenant("tenantA")
    tb = col.with_tenant("tenantB").with_consistency_level(ConsistencyLevel.QUORUM)
    assert (ta.tenant, ta.consistency_level) == ("tenantA", None)
    assert (tb.tenant, tb.consistency_level) == ("tenantB", ConsistencyLevel.QUORUM)
    assert col.tenant is None and col.consistency_level is None  # the original is unchanged
    assert (
        repr(tb)
        == f"<Collection {collection_name!r}, tenant='tenantB', consistency_level='QUORUM'>"
    )

    ta.data.insert({"a": "one"}, vector=_vec(0))  # auto tenant creation
    res = tb.data.insert_many([{"a": f"b{i}"} for i in range(3)])
    assert not res.has_errors, res.errors
    assert (len(ta), len(tb)) == (1, 3)
    assert ta.length() == 1
    assert sorted(o.properties["a"] for o in tb.query.fetch_objects().objects) == ["b0", "b1", "b2"]
    assert [o.properties["a"] for o in ta.query.fetch_objects().objects] == ["one"]

    shards_a = ta.config.get_shards()
    assert [(s.name, s.status) for s in shards_a] == [("tenantA", "READY")]
    assert {s.name for s in col.config.get_shards()} == {"tenantA", "tenantB"}

    with pytest.raises(WeaviateInvalidInputError) as info:
        col.with_tenant(3)  # type: ignore[arg-type]
    assert info.value.field == "tenant"
    with pytest.raises(WeaviateInvalidInputError) as info:
        col.with_consistency_level("SOME")
    assert info.value.field == "consistency_level"


# ----------------------------------------------------------------------------- config


def _create(client: Any, name: str, **kwargs: Any) -> Collection[Any, Any]:
    vi = Configure.VectorIndex
    col: Collection[Any, Any] = client.collections.create(
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
        ],
        generative_config=Configure.Generative.custom("generative-dummy"),
        **kwargs,
    )
    return col


def test_config_update_with_several_options(sync_client: Any, collection_name: str) -> None:
    col = _create(sync_client, collection_name)
    vi = Reconfigure.VectorIndex
    result = col.config.update(
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
                    flat_search_cutoff=500,
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
        ],
        generative_config=Reconfigure.Generative.custom("generative-openai"),
        reranker_config=Reconfigure.Reranker.custom("reranker-dummy"),
    )
    assert result is None
    cfg = col.config.get()
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
    assert (h.ef, h.dynamic_ef_min, h.dynamic_ef_max) == (55, 60, 600)
    assert h.flat_search_cutoff == 500 and h.vector_cache_max_objects == 999
    assert isinstance(h.quantizer, RQConfig) and h.quantizer.rescore_limit == 40
    f = cfg.vector_config["f"].vector_index_config
    assert isinstance(f, VectorIndexConfigFlat) and f.vector_cache_max_objects == 77
    assert isinstance(f.quantizer, BQConfig) and f.quantizer.rescore_limit == 12
    assert cfg.generative_config is not None
    assert cfg.generative_config.generative == "generative-openai"
    assert cfg.reranker_config is not None and cfg.reranker_config.reranker == "reranker-dummy"
    assert col.config.get(simple=True).description == "new description"

    # a second update keeps what the first one set
    col.config.update(inverted_index_config=Reconfigure.inverted_index(bm25_k1=1.9))
    inv2 = col.config.get().inverted_index_config
    assert (inv2.bm25.b, inv2.bm25.k1, inv2.cleanup_interval_seconds) == (0.5, 1.9, 90)


def test_config_update_multi_tenancy_and_legacy_index(
    sync_client: Any, collection_name: str
) -> None:
    client: weaviate.WeaviateClient = sync_client
    mt_name = collection_name + "Mt"
    try:
        mt = client.collections.create(mt_name, multi_tenancy_config=Configure.multi_tenancy())
        before = mt.config.get().multi_tenancy_config
        assert before.enabled and not before.auto_tenant_creation
        mt.config.update(
            multi_tenancy_config=Reconfigure.multi_tenancy(
                auto_tenant_creation=True, auto_tenant_activation=True
            )
        )
        after = mt.config.get().multi_tenancy_config
        assert after.enabled and after.auto_tenant_creation and after.auto_tenant_activation
    finally:
        client.collections.delete(mt_name)

    col = client.collections.create(
        collection_name, vector_index_config=Configure.VectorIndex.hnsw(ef=10)
    )
    col.config.update(
        vector_index_config=Reconfigure.VectorIndex.hnsw(
            ef=21, quantizer=Reconfigure.VectorIndex.Quantizer.sq(training_limit=5000)
        )
    )
    cfg = col.config.get()
    assert isinstance(cfg.vector_index_config, VectorIndexConfigHNSW)
    assert cfg.vector_index_config.ef == 21
    assert cfg.vector_index_config.quantizer is not None


def test_add_property_reference_vector(sync_client: Any, collection_name: str) -> None:
    col = _create(sync_client, collection_name)
    assert col.config.add_property(Property(name="extra", data_type=DataType.TEXT_ARRAY)) is None
    col.config.add_reference(ReferenceProperty(name="link", target_collection=collection_name))
    col.config.add_vector(
        vector_config=Configure.Vectors.self_provided(
            name="added", vector_index_config=Configure.VectorIndex.flat()
        )
    )
    col.config.add_vector(
        vector_config=[
            Configure.Vectors.self_provided(name="more1"),
            Configure.Vectors.self_provided(
                name="more2",
                vector_index_config=Configure.VectorIndex.hnsw(distance_metric=VectorDistances.DOT),
            ),
        ]
    )
    cfg = col.config.get()
    props = {p.name: p for p in cfg.properties}
    # add_vector writes the whole class back (PUT); the server may then list the properties
    # in another order, so compare them as a set
    assert set(props) == {"title", "n", "extra"}
    assert props["extra"].data_type is DataType.TEXT_ARRAY
    assert [(r.name, r.target_collections) for r in cfg.references] == [("link", [collection_name])]
    assert cfg.vector_config is not None
    assert set(cfg.vector_config) == {"h", "f", "added", "more1", "more2"}
    assert isinstance(cfg.vector_config["added"].vector_index_config, VectorIndexConfigFlat)
    m2 = cfg.vector_config["more2"].vector_index_config
    assert isinstance(m2, VectorIndexConfigHNSW) and m2.distance_metric is VectorDistances.DOT

    with pytest.raises(WeaviateInvalidInputError) as info:
        col.config.add_property(Property(name="extra", data_type=DataType.TEXT))
    assert info.value.field == "prop"
    with pytest.raises(WeaviateInvalidInputError) as info:
        col.config.add_property(ReferenceProperty(name="r2", target_collection="X"))  # type: ignore[arg-type]
    assert info.value.field == "prop"
    with pytest.raises(WeaviateInvalidInputError) as info:
        col.config.add_reference(ReferenceProperty(name="link", target_collection="X"))
    assert info.value.field == "ref"
    with pytest.raises(WeaviateInvalidInputError) as info:
        col.config.add_vector(vector_config=Configure.Vectors.self_provided(name="h"))
    assert info.value.field == "vector_config"
    assert len(col.config.get().properties) == 3  # nothing changed by the refused calls


def test_delete_property_index(sync_client: Any, collection_name: str) -> None:
    col = _create(sync_client, collection_name)
    if not server_at_least("1.37.0"):
        # seen on 1.35.2 and 1.32.0 (1.36 not tried; 1.37.0 has it): no such endpoint, 404
        with pytest.raises(UnexpectedStatusCodeError, match="not found") as missing:
            col.config.delete_property_index("n", "rangeFilters")
        assert missing.value.status_code == 404
        return
    assert col.config.delete_property_index("n", "rangeFilters") is True
    assert col.config.delete_property_index("title", "searchable") is True
    props = {p.name: p for p in col.config.get().properties}
    assert props["n"].index_range_filters is False
    assert props["title"].index_searchable is False
    assert props["title"].index_filterable is True
    with pytest.raises(WeaviateInvalidInputError) as info:
        col.config.delete_property_index("n", "bogus")  # type: ignore[arg-type]
    assert info.value.field == "index_name"
    with pytest.raises(WeaviateInvalidInputError) as info:
        col.config.delete_property_index("", "filterable")
    assert info.value.field == "property_name"


def test_get_and_update_shards(sync_client: Any, collection_name: str) -> None:
    col = _create(sync_client, collection_name)
    shards = col.config.get_shards()
    assert len(shards) == 1 and shards[0].status == "READY"
    name = shards[0].name
    assert col.config.update_shards("READONLY") == {name: "READONLY"}
    assert [s.status for s in col.config.get_shards()] == ["READONLY"]
    with pytest.raises(UnexpectedStatusCodeError):
        col.data.insert({"title": "refused while read-only"})
    assert col.config.update_shards("READY", name) == {name: "READY"}
    assert col.config.update_shards("READY", [name]) == {name: "READY"}
    assert [s.status for s in col.config.get_shards()] == ["READY"]
    col.data.insert({"title": "accepted again"})
    assert len(col) == 1
    with pytest.raises(WeaviateInvalidInputError) as info:
        col.config.update_shards("BROKEN")  # type: ignore[arg-type]
    assert info.value.field == "status"
    with pytest.raises(WeaviateInvalidInputError) as info:
        col.config.update_shards("READY", 7)  # type: ignore[arg-type]
    assert info.value.field == "shard_names"


# ----------------------------------------------------------------------------- data and query


def test_data_and_query(sync_client: Any, collection_name: str) -> None:
    client: weaviate.WeaviateClient = sync_client
    col = client.collections.create(
        collection_name,
        properties=[
            Property(name="title", data_type=DataType.TEXT),
            Property(name="count", data_type=DataType.INT),
        ],
        vector_config=Configure.Vectors.self_provided(),
    )
    assert len(col) == 0
    first = col.data.insert({"title": "the lonely fox", "count": -1}, vector=np.array(_vec(40)))
    assert isinstance(first, uuid_lib.UUID)
    res = col.data.insert_many(
        [
            DataObject(
                properties={"title": f"object number {i}", "count": i},
                uuid=uuid_lib.UUID(int=i + 1),
                vector=_vec(i),
            )
            for i in range(20)
        ]
    )
    assert not res.has_errors, res.errors
    assert len(res.uuids) == 20 and res.uuids[4] == uuid_lib.UUID(int=5)
    assert len(col) == 21 and col.length() == 21

    assert col.data.exists(first) is True
    assert col.data.exists(uuid_lib.UUID(int=3)) is True
    assert col.data.exists(uuid_lib.uuid4()) is False

    page = col.query.fetch_objects(limit=5)
    assert [o.uuid for o in page.objects] == [uuid_lib.UUID(int=i) for i in range(1, 6)]
    assert page.objects[0].properties == {"title": "object number 0", "count": 0}
    assert page.objects[0].collection == collection_name
    after = col.query.fetch_objects(
        limit=2, after=uuid_lib.UUID(int=10), return_properties=["count"]
    )
    assert [o.properties for o in after.objects] == [{"count": 10}, {"count": 11}]

    near = col.query.near_vector(
        _vec(7), limit=3, include_vector=True, return_metadata=MetadataQuery(distance=True)
    )
    assert near.objects[0].uuid == uuid_lib.UUID(int=8)
    assert near.objects[0].properties["count"] == 7
    assert near.objects[0].metadata.distance is not None
    assert near.objects[0].metadata.distance < 1e-5
    np.testing.assert_allclose(
        near.objects[0].vector["default"], np.asarray(_vec(7), dtype=np.float32)
    )
    assert len(near.objects) == 3
    lonely = col.query.near_vector(_vec(40), limit=1)
    assert lonely.objects[0].uuid == first

    kw = col.query.bm25("lonely", query_properties=["title"], return_metadata=["score"])
    assert [o.uuid for o in kw.objects] == [first]
    assert kw.objects[0].metadata.score is not None and kw.objects[0].metadata.score > 0
    kw2 = col.query.bm25("number 13", limit=3)
    if rare_terms_rank_first():
        assert kw2.objects[0].properties["title"] == "object number 13"
    else:
        # before 1.39 the rare term may be left out right after the inserts: all the objects
        # matching "number" score alike
        assert len(kw2.objects) == 3 and all(
            o.properties["title"].startswith("object number ") for o in kw2.objects
        )

    # a handle with a consistency level reads and writes the same collection
    quorum = col.with_consistency_level("ALL")
    second = quorum.data.insert({"title": "written with ALL", "count": 100})
    assert quorum.data.exists(second) and col.data.exists(second)
    assert len(quorum) == 22
    got = quorum.query.bm25("ALL", query_properties=["title"])
    assert [o.uuid for o in got.objects] == [second]

    assert col.data.delete_by_id(first) is True
    assert col.data.exists(first) is False
    assert len(col) == 21
    assert col.query.bm25("lonely").objects == []

    with pytest.raises(ObjectAlreadyExistsError):
        col.data.insert({"title": "dup"}, uuid=uuid_lib.UUID(int=1))
    with pytest.raises(WeaviateInvalidInputError) as info:
        col.data.insert_many([DataObject({"title": "nan"}, vector=[1.0, "x"])])
    assert info.value.field == "objects[0].vector[1]"
    with pytest.raises(WeaviateInvalidInputError) as info:
        col.query.near_vector(_vec(1), certainty=1.5)
    assert info.value.field == "certainty"
    assert len(col) == 21


def test_named_vectors_data_and_query(sync_client: Any, collection_name: str) -> None:
    client: weaviate.WeaviateClient = sync_client
    col = client.collections.create(
        collection_name,
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=[
            Configure.Vectors.self_provided(name="first"),
            Configure.Vectors.self_provided(
                name="second", vector_index_config=Configure.VectorIndex.flat()
            ),
        ],
    )
    uid = col.data.insert({"title": "rest"}, vector={"first": _vec(1), "second": [1.0, 0.0]})
    res = col.data.insert_many(
        [
            DataObject({"title": f"grpc {i}"}, vector={"first": _vec(i + 10), "second": [0.0, i]})
            for i in range(1, 5)
        ]
    )
    assert not res.has_errors, res.errors
    assert len(col) == 5
    near = col.query.near_vector(_vec(12), target_vector="first", limit=1, include_vector="first")
    assert near.objects[0].properties["title"] == "grpc 2"
    assert set(near.objects[0].vector) == {"first"}
    back = col.query.near_vector([1.0, 0.0], target_vector="second", limit=1)
    assert back.objects[0].uuid == uid


# ----------------------------------------------------------------------------- errors


def test_error_paths(sync_client: Any, collection_name: str) -> None:
    client: weaviate.WeaviateClient = sync_client
    with pytest.raises(UnexpectedStatusCodeError) as missing:
        client.collections.use(collection_name).config.get()
    assert missing.value.status_code == 404
    assert type(missing.value) is weaviate_async.exceptions.UnexpectedStatusCodeError
    with pytest.raises(UnexpectedStatusCodeError) as missing2:
        client.collections.export_config(collection_name)
    assert missing2.value.status_code == 404

    client.collections.create(collection_name)
    with pytest.raises(ObjectAlreadyExistsError) as exists:
        client.collections.create(collection_name)
    assert isinstance(exists.value, weaviate_async.exceptions.ObjectAlreadyExistsError)
    assert exists.value.status_code in (409, 422)
    assert exists.value.server_message and "already exists" in exists.value.server_message.lower()

    # refused by the server: the typed error keeps its message
    with pytest.raises(UnexpectedStatusCodeError) as refused:
        client.collections.create(
            collection_name + "R", replication_config=Configure.replication(factor=5)
        )
    assert refused.value.status_code == 422 and refused.value.server_message
    assert not client.collections.exists(collection_name + "R")
    with pytest.raises(UnexpectedStatusCodeError) as immutable:
        client.collections.use(collection_name).config.update(
            replication_config=Reconfigure.replication(factor=3)
        )
    assert immutable.value.status_code == 422 and immutable.value.server_message

    # invalid builder input: raised before anything is sent, naming the field
    cases: list[tuple[Any, str]] = [
        (lambda: Configure.inverted_index(bm25_b=2.0, bm25_k1=1.0), "bm25_b"),
        (lambda: Configure.replication(factor=0), "factor"),
        (lambda: Configure.VectorIndex.hnsw(ef_construction=-3), "ef_construction"),
        (lambda: Configure.multi_tenancy(enabled="yes"), "enabled"),
        (lambda: Property(name="bad name", data_type=DataType.TEXT), "name"),
        (lambda: Property(name="x", data_type="nope"), "data_type"),
        (lambda: Reconfigure.inverted_index(bm25_k1=-1.0), "bm25_k1"),
        (
            lambda: client.collections.create(
                collection_name + "X", inverted_index_config=Reconfigure.inverted_index()
            ),
            "inverted_index_config",
        ),
        (
            lambda: client.collections.use(collection_name).config.update(
                property_descriptions={"nope": "x"}
            ),
            "property_descriptions",
        ),
        (
            lambda: client.collections.use(collection_name).config.update(
                inverted_index_config=Configure.inverted_index()
            ),
            "inverted_index_config",
        ),
    ]
    for call, field in cases:
        with pytest.raises(WeaviateInvalidInputError) as info:
            call()
        assert info.value.field == field, (field, info.value)
        assert field in str(info.value)
    assert not client.collections.exists(collection_name + "X")
    assert client.collections.use(collection_name).config.get().properties == []


# ----------------------------------------------------------------------------- delete_all


@pytest.fixture(scope="module")
def own_server() -> Iterator[EmbeddedServer]:
    """A server of this module's own: delete_all must not touch the shared session server."""
    srv = EmbeddedServer(EmbeddedOptions(version=SERVER_VERSION)).start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def own_client(own_server: EmbeddedServer) -> Iterator[weaviate.WeaviateClient]:
    c = weaviate.connect_to_local(
        host=own_server.host, port=own_server.http_port, grpc_port=own_server.grpc_port
    )
    try:
        yield c
    finally:
        c.close()


def test_delete_all(own_client: weaviate.WeaviateClient, sync_client: Any) -> None:
    client = own_client
    # the shared server keeps a collection of its own through this test
    keep = "Keep" + uuid_lib.uuid4().hex[:8]
    sync_client.collections.create(keep)
    try:
        names = [f"All{i}" + uuid_lib.uuid4().hex[:6] for i in range(5)]
        for i, n in enumerate(names):
            c = client.collections.create(
                n,
                properties=[Property(name="p", data_type=DataType.INT)],
                multi_tenancy_config=Configure.multi_tenancy() if i == 0 else None,
            )
            if i == 1:
                c.data.insert({"p": 1})
        assert set(client.collections.list_all()) == set(names)
        assert client.collections.delete_all() is None
        assert client.collections.list_all() == {}
        assert not any(client.collections.exists(n) for n in names)
        assert client.collections.delete_all() is None  # nothing left: still fine
        assert client.collections.list_all(simple=False) == {}
        # the server is usable afterwards
        again = client.collections.create(names[1])
        assert len(again) == 0
        client.collections.delete_all()
        assert sync_client.collections.exists(keep)
    finally:
        sync_client.collections.delete(keep)
