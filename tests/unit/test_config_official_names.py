"""The official builder names of ``classes.config`` (4.24) are our builders: what the factories
return is an instance of them, and every field of the official model reads the same value from
ours under the official (camelCase) attribute name. Assigning through those names changes what
is sent."""

from __future__ import annotations

import datetime
import warnings
from enum import Enum
from typing import Any

import pytest
import weaviate.classes.config as official
from pydantic import BaseModel

import weaviate_async.classes.config as ours
import weaviate_sync.classes.config as ours_sync

#: structures that differ on purpose (quantizers, multi-vectors and vectorizers are compared
#: by what they send, in test_official_defaults)
_SKIP = {"quantizer", "multivector", "vectorizer"}


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _same(theirs: BaseModel, mine: Any, path: str) -> None:
    for name in type(theirs).model_fields:
        if name in _SKIP:
            continue
        expected = getattr(theirs, name)
        got = getattr(mine, name)
        where = f"{path}.{name}"
        if isinstance(expected, BaseModel):
            assert got is not None, where
            _same(expected, got, where)
        else:
            assert _plain(got) == _plain(expected), where


def _cases() -> list[tuple[str, Any, Any]]:
    def both(path: str, *args: Any, **kwargs: Any) -> tuple[str, Any, Any]:
        def build(root: Any) -> Any:
            obj = root
            for part in path.split("."):
                obj = getattr(obj, part)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                return obj(*args, **kwargs)

        return path, build(official), build(ours)

    hnsw = {
        "cleanup_interval_seconds": 30,
        "distance_metric": official.VectorDistances.DOT,
        "dynamic_ef_factor": 4,
        "dynamic_ef_min": 50,
        "dynamic_ef_max": 400,
        "ef": 64,
        "ef_construction": 96,
        "filter_strategy": official.VectorFilterStrategy.SWEEPING,
        "flat_search_cutoff": 10,
        "max_connections": 16,
        "vector_cache_max_objects": 1000,
    }
    return [
        both(
            "Configure.inverted_index",
            bm25_b=0.7,
            bm25_k1=1.1,
            cleanup_interval_seconds=5,
            index_timestamps=True,
            index_property_length=True,
            index_null_state=False,
            stopwords_preset=official.StopwordsPreset.EN,
            stopwords_additions=["a"],
            stopwords_removals=["b"],
            stopword_presets={"p": ["x"]},
        ),
        both("Configure.inverted_index"),
        both("Reconfigure.inverted_index", bm25_b=0.5, cleanup_interval_seconds=9),
        both("Reconfigure.inverted_index", stopwords_preset=official.StopwordsPreset.NONE),
        both("Configure.multi_tenancy", True, True, False),
        both("Reconfigure.multi_tenancy", auto_tenant_activation=True),
        both(
            "Configure.replication",
            factor=2,
            async_enabled=True,
            deletion_strategy=official.ReplicationDeletionStrategy.TIME_BASED_RESOLUTION,
        ),
        both("Reconfigure.replication", factor=3),
        both(
            "Configure.sharding", virtual_per_physical=64, desired_count=2, desired_virtual_count=8
        ),
        both("Configure.ObjectTTL.delete_by_creation_time", 3600, True),
        both("Configure.ObjectTTL.delete_by_date_property", "due", datetime.timedelta(hours=1)),
        both("Reconfigure.ObjectTTL.delete_by_update_time", 60),
        both("Reconfigure.ObjectTTL.delete_by_date_property", "due"),
        both("Reconfigure.ObjectTTL.disable"),
        both("Configure.VectorIndex.hnsw", **hnsw),
        both("Configure.VectorIndex.flat", vector_cache_max_objects=5),
        both(
            "Configure.VectorIndex.hfresh",
            distance_metric=official.VectorDistances.L2_SQUARED,
            max_posting_size_kb=32,
            replicas=2,
            search_probe=16,
        ),
        both("Configure.VectorIndex.dynamic", threshold=1000),
        both("Reconfigure.VectorIndex.hnsw", dynamic_ef_min=10, ef=20, flat_search_cutoff=30),
        both("Reconfigure.VectorIndex.flat", vector_cache_max_objects=7),
        both("Reconfigure.VectorIndex.hfresh", max_posting_size_kb=16, search_probe=4),
        both("Reconfigure.VectorIndex.dynamic", threshold=5),
        both("Configure.Vectors.self_provided", name="v"),
        both(
            "Configure.Generative.meta",
            base_url="https://llama.example",
            model="Llama-4",
            temperature=0.5,
            top_p=0.9,
            max_tokens=32,
            frequency_penalty=0.1,
            presence_penalty=0.2,
            reasoning_effort="xhigh",
        ),
        both("Configure.Generative.mistral", model="m", max_tokens=3),
        both("Configure.Reranker.cohere", model="rerank-english-v2.0"),
    ]


@pytest.mark.parametrize(("path", "theirs", "mine"), _cases(), ids=lambda x: x)
def test_official_fields_read_the_same_values(path: str, theirs: Any, mine: Any) -> None:
    _same(theirs, mine, path)


_NAMES = (
    "GenerativeProvider",
    "RerankerProvider",
    "InvertedIndexConfigCreate",
    "InvertedIndexConfigUpdate",
    "MultiTenancyConfigCreate",
    "MultiTenancyConfigUpdate",
    "ObjectTTLConfigCreate",
    "ObjectTTLConfigUpdate",
    "ReferencePropertyBase",
    "ReferencePropertyMultiTarget",
    "ReplicationConfigCreate",
    "ReplicationConfigUpdate",
    "ShardingConfigCreate",
    "VectorConfigCreate",
    "VectorConfigUpdate",
    "VectorIndexConfigCreate",
    "VectorIndexConfigUpdate",
    "VectorIndexConfigSkipCreate",
    "VectorIndexConfigHNSWCreate",
    "VectorIndexConfigHNSWUpdate",
    "VectorIndexConfigFlatCreate",
    "VectorIndexConfigFlatUpdate",
    "VectorIndexConfigDynamicCreate",
    "VectorIndexConfigDynamicUpdate",
    "VectorIndexConfigHFreshCreate",
    "VectorIndexConfigHFreshUpdate",
)


def test_factories_return_instances_of_the_official_names() -> None:
    assert {n for n in _NAMES} <= set(ours.__all__)
    for name in _NAMES:
        assert getattr(ours_sync, name) is getattr(ours, name)
    for path, theirs, mine in _cases():
        official_type = type(theirs)
        # the official public name of this model (or of its public base)
        names = [n for n in _NAMES if isinstance(theirs, getattr(official, n))]
        assert names, path
        for n in names:
            assert isinstance(mine, getattr(ours, n)), (path, n, official_type)
    multi = ours.ReferenceProperty.MultiTarget(name="r", target_collections=["A", "B"])
    assert isinstance(multi, ours.ReferencePropertyMultiTarget)
    assert isinstance(multi, ours.ReferencePropertyBase)
    assert isinstance(ours.Configure.VectorIndex.none(), ours.VectorIndexConfigSkipCreate)


def test_assigning_official_names_changes_what_is_sent() -> None:
    inverted = ours.Configure.inverted_index()
    inverted.cleanupIntervalSeconds = 42
    inverted.bm25 = inverted.bm25 or type(ours.Reconfigure.inverted_index().bm25)(b=0.3, k1=1.0)
    inverted.stopwords = ours.StopwordsCreate(preset=ours.StopwordsPreset.NONE)
    assert inverted.to_json() == {
        "bm25": {"b": 0.3, "k1": 1.0},
        "cleanupIntervalSeconds": 42,
        "stopwords": {"preset": "none"},
    }
    index = ours.Configure.VectorIndex.hnsw()
    index.efConstruction = 64
    index.distance = ours.VectorDistances.DOT
    vector = ours.Configure.Vectors.self_provided(vector_index_config=index)
    assert vector.vectorIndexConfig is index
    assert vector.to_json()["vectorIndexConfig"] == {"distance": "dot", "efConstruction": 64}
    ttl = ours.Configure.ObjectTTL.delete_by_update_time(60)
    ttl.defaultTtl = 120
    assert ttl.to_json()["defaultTtl"] == 120
    assert ours.VectorIndexConfigHNSWCreate.vector_index_type() == ours.VectorIndexType.HNSW
    assert vector.vectorIndexType == ours.VectorIndexType.HNSW


def test_read_models_are_mutable_and_dropped_indexes_read_back() -> None:
    from weaviate_async.outputs.config import VectorIndexConfigNone
    from weaviate_async.wire.config import collection_config_from_json

    schema = {
        "class": "Thing",
        "vectorConfig": {
            "kept": {
                "vectorizer": {"none": {}},
                "vectorIndexType": "hfresh",
                "vectorIndexConfig": {
                    "distance": "cosine",
                    "multivector": {
                        "enabled": True,
                        "aggregation": "maxSim",
                        "muvera": {"enabled": True, "ksim": 4},
                    },
                },
            },
            "gone": {"vectorizer": {"none": {}}, "vectorIndexType": "none"},
        },
    }
    cfg = collection_config_from_json(schema)
    assert isinstance(cfg.vector_config["gone"].vector_index_config, VectorIndexConfigNone)
    kept = cfg.vector_config["kept"].vector_index_config
    assert kept.multi_vector is not None and kept.multi_vector.encoding.ksim == 4
    out = cfg.to_dict()["vectorConfig"]
    assert out["gone"] == {"vectorizer": {"none": {}}, "vectorIndexType": "none"}
    assert out["kept"]["vectorIndexConfig"]["multivector"]["muvera"]["ksim"] == 4
    # a named vector without a vectorizer entry is a self-provided one; a class left with
    # neither named vectors nor a vectorizer (every vector dropped) reads as such
    bare = collection_config_from_json(
        {"class": "T", "vectorConfig": {"v": {"vectorIndexType": "flat"}}}
    )
    assert bare.vector_config["v"].vectorizer.vectorizer == "none"
    empty = collection_config_from_json({"class": "T"})
    assert empty.vector_config is None and empty.vectorizer is None
    assert "vectorizer" not in empty.to_dict() and "vectorConfig" not in empty.to_dict()
    cfg.name = "Other"
    cfg.description = "copied"
    assert cfg.to_dict()["class"] == "Other" and cfg.to_dict()["description"] == "copied"


def test_without_dropped_vectors() -> None:
    from weaviate_async.classes.config_collection import without_dropped_vectors
    from weaviate_async.exceptions import WeaviateInvalidInputError

    keep = {"vectorizer": {"none": {}}, "vectorIndexType": "hnsw"}
    gone = {"vectorizer": {"none": {}}, "vectorIndexType": "none"}
    plain = {"class": "A", "vectorConfig": {"k": keep}}
    assert without_dropped_vectors(plain) is plain
    with pytest.warns(UserWarning) as record:
        out = without_dropped_vectors({"class": "A", "vectorConfig": {"k": keep, "g": gone}})
    assert out["vectorConfig"] == {"k": keep}
    from weaviate.warnings import _Warnings

    with pytest.warns(UserWarning) as theirs:
        _Warnings.create_skips_vectors_without_index(["g"])
    assert str(record[0].message) == str(theirs[0].message)
    with pytest.raises(WeaviateInvalidInputError, match="config"):
        without_dropped_vectors({"class": "A", "vectorConfig": {"g": gone}})


def test_async_enabled_warns_as_the_official_client() -> None:
    from weaviate.warnings import _Warnings

    with pytest.warns(DeprecationWarning) as theirs:
        _Warnings.async_enabled_field_removed_server_side()
    for build in (ours.Configure.replication, ours.Reconfigure.replication):
        with pytest.warns(DeprecationWarning) as mine:
            build(async_enabled=False)
        assert [str(w.message) for w in mine] == [str(theirs[0].message)]
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            build(factor=1)
    # disabling async replication keeps its tuning (4.24: servers 1.38+ ignore the flag)
    current = {"factor": 1, "asyncEnabled": True, "asyncConfig": {"frequency": 5}}
    with pytest.warns(DeprecationWarning):
        update = ours.Reconfigure.replication(async_enabled=False)
    assert update.merge_with_existing(current) == {
        "factor": 1,
        "asyncEnabled": False,
        "asyncConfig": {"frequency": 5},
    }


def test_default_index_type_is_left_to_new_servers() -> None:
    from weaviate_async.classes.config_collection import collection_create_json

    vectors = [
        ours.Configure.Vectors.self_provided(name="plain"),
        ours.Configure.Vectors.self_provided(
            name="flat", vector_index_config=ours.Configure.VectorIndex.flat()
        ),
    ]
    old = collection_create_json("A", vector_config=vectors)
    new = collection_create_json("A", vector_config=vectors, emit_default_index_type=False)
    assert old["vectorConfig"]["plain"]["vectorIndexType"] == "hnsw"
    assert "vectorIndexType" not in new["vectorConfig"]["plain"]
    assert new["vectorConfig"]["flat"]["vectorIndexType"] == "flat"
    assert collection_create_json("A", emit_default_index_type=False)["vectorConfig"] == {
        "default": {"vectorizer": {"none": {}}}
    }
    legacy = collection_create_json(
        "A", vectorizer_config=ours.Configure.Vectorizer.none(), emit_default_index_type=False
    )
    assert "vectorIndexType" not in legacy and legacy["vectorizer"] == "none"
    # the official client sends the same for servers 1.37.5+
    theirs = official.Configure.Vectors.self_provided(name="plain")._to_dict(
        emit_default_vector_index_type=False
    )
    assert theirs == new["vectorConfig"]["plain"]
