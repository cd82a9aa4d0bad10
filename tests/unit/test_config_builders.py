"""Pure tests of the collection configuration builders, request builders and read models."""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weaviate_async.classes._config_base import _VectorConfigCreate, _VectorizerConfigCreate
from weaviate_async.classes.config import (
    CollectionConfig,
    Configure,
    DataType,
    PQEncoderType,
    Property,
    Reconfigure,
    ReferenceProperty,
    StopwordsPreset,
    Tokenization,
    VectorDistances,
    VectorIndexConfigHNSW,
)
from weaviate_async.classes.config_collection import (
    collection_create_json,
    collection_update_json,
)
from weaviate_async.classes.config_models import BQConfig
from weaviate_async.exceptions import ResponseCannotBeDecodedError, WeaviateInvalidInputError
from weaviate_async.wire.config import (
    collection_config_from_json,
    collection_config_simple_from_json,
    shard_statuses_from_json,
)

# The class JSON the v1.39.0 server returns for a collection with most options set.
SERVER_CLASS: dict[str, Any] = {
    "class": "TestOne",
    "description": "d",
    "invertedIndexConfig": {
        "bm25": {"b": 0.7, "k1": 1.1},
        "cleanupIntervalSeconds": 60,
        "indexTimestamps": True,
        "stopwordPresets": {"mine": ["foo"]},
        "stopwords": {"additions": None, "preset": "en", "removals": None},
        "usingBlockMaxWAND": True,
    },
    "moduleConfig": {"generative-dummy": {}, "reranker-dummy": {}},
    "multiTenancyConfig": {
        "autoTenantActivation": False,
        "autoTenantCreation": False,
        "enabled": False,
    },
    "objectTtlConfig": {
        "defaultTtl": 60,
        "deleteOn": "when",
        "enabled": True,
        "filterExpiredObjects": False,
    },
    "properties": [
        {
            "dataType": ["text"],
            "description": "t",
            "indexFilterable": True,
            "indexRangeFilters": False,
            "indexSearchable": True,
            "moduleConfig": {"text2vec-bigram": {"skip": False, "vectorizePropertyName": True}},
            "name": "title",
            "textAnalyzer": {"asciiFold": True},
            "tokenization": "field",
        },
        {
            "dataType": ["date"],
            "indexFilterable": True,
            "indexRangeFilters": False,
            "indexSearchable": False,
            "name": "when",
        },
        {
            "dataType": ["object"],
            "indexFilterable": True,
            "indexRangeFilters": False,
            "indexSearchable": False,
            "name": "obj",
            "nestedProperties": [
                {
                    "dataType": ["text"],
                    "indexFilterable": True,
                    "indexRangeFilters": False,
                    "indexSearchable": True,
                    "name": "a",
                    "tokenization": "word",
                }
            ],
        },
        {
            "dataType": ["TestOne"],
            "indexFilterable": True,
            "indexRangeFilters": False,
            "indexSearchable": False,
            "name": "ref",
        },
    ],
    "shardingConfig": {
        "actualCount": 1,
        "actualVirtualCount": 128,
        "desiredCount": 1,
        "desiredVirtualCount": 128,
        "function": "murmur3",
        "key": "_id",
        "strategy": "hash",
        "virtualPerPhysical": 128,
    },
    "vectorConfig": {
        "v1": {
            "vectorIndexConfig": {
                "bq": {"enabled": True},
                "cleanupIntervalSeconds": 300,
                "distance": "cosine",
                "dynamicEfFactor": 8,
                "dynamicEfMax": 500,
                "dynamicEfMin": 100,
                "ef": 33,
                "efConstruction": 128,
                "filterStrategy": "acorn",
                "flatSearchCutoff": 40000,
                "maxConnections": 32,
                "multivector": {
                    "aggregation": "maxSim",
                    "enabled": False,
                    "muvera": {"dprojections": 16, "enabled": False, "ksim": 4, "repetitions": 10},
                },
                "pq": {
                    "bitCompression": False,
                    "centroids": 256,
                    "enabled": False,
                    "encoder": {"distribution": "log-normal", "type": "kmeans"},
                    "segments": 0,
                    "trainingLimit": 100000,
                },
                "rq": {"bits": 8, "enabled": False, "rescoreLimit": 20},
                "skip": False,
                "skipDefaultQuantization": False,
                "sq": {"enabled": False, "rescoreLimit": 20, "trainingLimit": 100000},
                "trackDefaultQuantization": False,
                "vectorCacheMaxObjects": 1000000000000,
            },
            "vectorIndexType": "hnsw",
            "vectorizer": {"text2vec-bigram": {"vectorizeClassName": True}},
        },
        "v2": {
            "vectorIndexConfig": {
                "distance": "cosine",
                "vectorCacheMaxObjects": 1000000000000,
                "bq": {"cache": False, "enabled": False, "rescoreLimit": -1},
            },
            "vectorIndexType": "flat",
            "vectorizer": {"none": {}},
        },
    },
    "replicationConfig": {
        "deletionStrategy": "TimeBasedResolution",
        "factor": 1,
        "asyncEnabled": False,
    },
}


def _invalid(field: str) -> Any:
    return pytest.raises(WeaviateInvalidInputError, match=field)


# ------------------------------------------------------------------------------ properties


def test_property_json_with_every_option() -> None:
    prop = Property(
        name="title",
        data_type=DataType.TEXT,
        description="the title",
        index_filterable=True,
        index_searchable=False,
        tokenization=Tokenization.FIELD,
        skip_vectorization=True,
        vectorize_property_name=False,
        text_analyzer=Configure.text_analyzer(ascii_fold=True, ascii_fold_ignore=["é"]),
    )
    assert prop.to_json(["text2vec-openai", "none", "text2vec-openai"]) == {
        "name": "title",
        "dataType": ["text"],
        "description": "the title",
        "indexFilterable": True,
        "indexSearchable": False,
        "tokenization": "field",
        "textAnalyzer": {"asciiFold": True, "asciiFoldIgnore": ["é"]},
        "moduleConfig": {"text2vec-openai": {"skip": True, "vectorizePropertyName": False}},
    }


def test_property_accepts_server_spellings_and_nested() -> None:
    prop = Property(
        name="obj",
        data_type="object[]",
        nested_properties=Property(name="when", data_type="date", index_range_filters=True),
    )
    assert prop.data_type is DataType.OBJECT_ARRAY
    assert prop.to_json() == {
        "name": "obj",
        "dataType": ["object[]"],
        "nestedProperties": [{"name": "when", "dataType": ["date"], "indexRangeFilters": True}],
    }


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": "1abc", "data_type": DataType.TEXT}, "name"),
        ({"name": "a-b", "data_type": DataType.TEXT}, "name"),
        ({"name": "a", "data_type": "string"}, "data_type"),
        ({"name": "a", "data_type": DataType.INT, "tokenization": "word"}, "tokenization"),
        ({"name": "a", "data_type": DataType.TEXT, "tokenization": "bogus"}, "tokenization"),
        ({"name": "a", "data_type": DataType.INT, "index_searchable": True}, "index_searchable"),
        (
            {"name": "a", "data_type": DataType.TEXT, "index_range_filters": True},
            "index_range_filters",
        ),
        (
            {"name": "a", "data_type": DataType.INT_ARRAY, "index_range_filters": True},
            "index_range",
        ),
        ({"name": "a", "data_type": DataType.BLOB, "index_filterable": True}, "index_filterable"),
        ({"name": "a", "data_type": DataType.OBJECT}, "nested_properties"),
        (
            {
                "name": "a",
                "data_type": DataType.TEXT,
                "nested_properties": [Property(name="b", data_type=DataType.TEXT)],
            },
            "nested_properties",
        ),
        (
            {
                "name": "a",
                "data_type": DataType.OBJECT,
                "nested_properties": [
                    Property(name="b", data_type=DataType.TEXT, tokenization=Tokenization.TRIGRAM)
                ],
            },
            "nested_properties",
        ),
        ({"name": "a", "data_type": DataType.INT, "skip_vectorization": "yes"}, "skip"),
        (
            {"name": "a", "data_type": DataType.INT, "text_analyzer": Configure.text_analyzer()},
            "text_analyzer",
        ),
        (
            {
                "name": "a",
                "data_type": DataType.TEXT,
                "tokenization": Tokenization.FIELD,
                "text_analyzer": Configure.text_analyzer(stopword_preset=StopwordsPreset.EN),
            },
            "text_analyzer",
        ),
    ],
)
def test_property_validation(kwargs: dict[str, Any], field: str) -> None:
    with _invalid(field) as info:
        Property(**kwargs)
    assert info.value.field is not None
    assert info.value.field.startswith(field) or field.startswith(info.value.field)


def test_text_analyzer_validation() -> None:
    with _invalid("ascii_fold_ignore"):
        Configure.text_analyzer(ascii_fold_ignore=["é"])
    with _invalid("ascii_fold_ignore"):
        Configure.text_analyzer(ascii_fold=True, ascii_fold_ignore=["ab"])


@pytest.mark.parametrize("name", ["id", "_id", "_additional", "vector", "x_searchable"])
def test_reserved_top_level_names(name: str) -> None:
    with _invalid("properties"):
        collection_create_json("A", properties=[Property(name=name, data_type=DataType.TEXT)])
    # allowed as nested names
    Property(
        name="o",
        data_type=DataType.OBJECT,
        nested_properties=[Property(name=name, data_type="int")],
    )


def test_reference_property() -> None:
    ref = ReferenceProperty(name="author", target_collection="person", description="x")
    assert ref.to_json() == {"name": "author", "dataType": ["Person"], "description": "x"}
    multi = ReferenceProperty.MultiTarget(name="to", target_collections=["a", "B"])
    assert multi.to_json() == {"name": "to", "dataType": ["A", "B"]}
    with _invalid("target_collection"):
        ReferenceProperty(name="x", target_collection=[])
    with _invalid("name"):
        ReferenceProperty(name="id", target_collection="A")


# ------------------------------------------------------------------------------ vector index


def test_hnsw_json() -> None:
    idx = Configure.VectorIndex.hnsw(
        cleanup_interval_seconds=10,
        distance_metric=VectorDistances.DOT,
        dynamic_ef_factor=4,
        dynamic_ef_max=400,
        dynamic_ef_min=50,
        ef=64,
        ef_construction=64,
        filter_strategy="sweeping",
        flat_search_cutoff=1000,
        max_connections=16,
        vector_cache_max_objects=100,
        quantizer=Configure.VectorIndex.Quantizer.pq(
            centroids=128, segments=4, training_limit=1000, encoder_type=PQEncoderType.TILE
        ),
        multi_vector=Configure.VectorIndex.MultiVector.multi_vector(
            encoding=Configure.VectorIndex.MultiVector.Encoding.muvera(ksim=3),
            aggregation="maxSim",
        ),
    )
    assert idx.index_type() == "hnsw"
    assert idx.to_json() == {
        "cleanupIntervalSeconds": 10,
        "distance": "dot",
        "dynamicEfFactor": 4,
        "dynamicEfMax": 400,
        "dynamicEfMin": 50,
        "ef": 64,
        "efConstruction": 64,
        "filterStrategy": "sweeping",
        "flatSearchCutoff": 1000,
        "maxConnections": 16,
        "vectorCacheMaxObjects": 100,
        "pq": {
            "enabled": True,
            "centroids": 128,
            "segments": 4,
            "trainingLimit": 1000,
            "encoder": {"type": "tile"},
        },
        "multivector": {
            "enabled": True,
            "aggregation": "maxSim",
            "muvera": {"enabled": True, "ksim": 3},
        },
    }


def test_other_index_json() -> None:
    vi = Configure.VectorIndex
    assert vi.none().to_json() == {"skip": True}
    assert vi.flat(quantizer=vi.Quantizer.bq(cache=True, rescore_limit=10)).to_json() == {
        "bq": {"enabled": True, "cache": True, "rescoreLimit": 10}
    }
    assert vi.flat(quantizer=vi.Quantizer.none()).to_json() == {"skipDefaultQuantization": True}
    dyn = vi.dynamic(threshold=5, hnsw=vi.hnsw(ef=10), flat=vi.flat(distance_metric="l2-squared"))
    assert dyn.index_type() == "dynamic"
    assert dyn.to_json() == {"threshold": 5, "hnsw": {"ef": 10}, "flat": {"distance": "l2-squared"}}
    hf = vi.hfresh(
        max_posting_size_kb=64, replicas=2, search_probe=32, quantizer=vi.Quantizer.rq(bits=1)
    )
    assert hf.to_json() == {
        "maxPostingSizeKB": 64,
        "replicas": 2,
        "searchProbe": 32,
        "rq": {"enabled": True, "bits": 1},
    }


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda vi: vi.hnsw(max_connections=3), "max_connections"),
        (lambda vi: vi.hnsw(max_connections=2048), "max_connections"),
        (lambda vi: vi.hnsw(ef_construction=2), "ef_construction"),
        (lambda vi: vi.hnsw(ef=-2), "ef"),
        (lambda vi: vi.hnsw(ef=1.5), "ef"),
        (lambda vi: vi.hnsw(ef=True), "ef"),
        (lambda vi: vi.hnsw(distance_metric="euclid"), "distance_metric"),
        (lambda vi: vi.hnsw(filter_strategy="x"), "filter_strategy"),
        (lambda vi: vi.hnsw(dynamic_ef_min=10, dynamic_ef_max=5), "dynamic_ef_min"),
        (lambda vi: vi.hnsw(quantizer="pq"), "quantizer"),
        (lambda vi: vi.flat(quantizer=vi.Quantizer.pq()), "quantizer"),
        (lambda vi: vi.flat(quantizer=vi.Quantizer.rq(bits=4)), "bits"),
        (lambda vi: vi.hfresh(quantizer=vi.Quantizer.bq()), "quantizer"),
        (lambda vi: vi.hfresh(distance_metric="dot"), "distance_metric"),
        (lambda vi: vi.hfresh(max_posting_size_kb=4), "max_posting_size_kb"),
        (lambda vi: vi.hfresh(replicas=11), "replicas"),
        (lambda vi: vi.Quantizer.rq(bits=2), "bits"),
        (lambda vi: vi.Quantizer.pq(encoder_type="x"), "encoder_type"),
        (lambda vi: vi.MultiVector.Encoding.muvera(ksim=11), "ksim"),
        (lambda vi: vi.MultiVector.multi_vector(aggregation="sum"), "aggregation"),
        (
            lambda vi: vi.dynamic(hnsw=vi.hnsw(multi_vector=vi.MultiVector.multi_vector())),
            "hnsw",
        ),
    ],
)
def test_index_validation(build: Any, field: str) -> None:
    with _invalid(field):
        build(Configure.VectorIndex)


# ------------------------------------------------------------------------------ collection


def test_default_create_json_has_self_provided_default_vector() -> None:
    assert collection_create_json("article") == {
        "class": "Article",
        "vectorConfig": {"default": {"vectorizer": {"none": {}}, "vectorIndexType": "hnsw"}},
    }


def test_create_json_with_everything() -> None:
    bigram = _VectorizerConfigCreate(
        module="text2vec-bigram", settings={"vectorizeClassName": False}
    )
    body = collection_create_json(
        "Books",
        description="books",
        properties=[Property(name="title", data_type=DataType.TEXT)],
        references=[ReferenceProperty(name="author", target_collection="Author")],
        vector_config=[
            _VectorConfigCreate(name="a", vectorizer=bigram),
            _VectorConfigCreate(
                name="b",
                vectorizer=_VectorizerConfigCreate(module="none"),
                vector_index_config=Configure.VectorIndex.flat(),
            ),
        ],
        generative_config=Configure.Generative.custom("generative-dummy"),
        inverted_index_config=Configure.inverted_index(
            bm25_b=0.5,
            bm25_k1=1.0,
            cleanup_interval_seconds=30,
            index_timestamps=True,
            index_property_length=True,
            index_null_state=True,
            stopwords_preset=StopwordsPreset.NONE,
            stopwords_additions=["a"],
            stopwords_removals=["b"],
        ),
        multi_tenancy_config=Configure.multi_tenancy(auto_tenant_creation=True),
        replication_config=Configure.replication(
            factor=1, async_enabled=True, deletion_strategy="DeleteOnConflict"
        ),
        object_ttl_config=Configure.ObjectTTL.delete_by_creation_time(
            datetime.timedelta(hours=1), filter_expired_objects=True
        ),
    )
    assert body["class"] == "Books"
    assert body["vectorConfig"] == {
        "a": {
            "vectorizer": {"text2vec-bigram": {"vectorizeClassName": False}},
            "vectorIndexType": "hnsw",
        },
        "b": {"vectorizer": {"none": {}}, "vectorIndexType": "flat", "vectorIndexConfig": {}},
    }
    assert body["properties"][0]["moduleConfig"] == {
        "text2vec-bigram": {"skip": False, "vectorizePropertyName": True}
    }
    assert body["properties"][1] == {"name": "author", "dataType": ["Author"]}
    assert body["invertedIndexConfig"] == {
        "bm25": {"b": 0.5, "k1": 1.0},
        "cleanupIntervalSeconds": 30,
        "indexTimestamps": True,
        "indexPropertyLength": True,
        "indexNullState": True,
        "stopwords": {"preset": "none", "additions": ["a"], "removals": ["b"]},
    }
    assert body["multiTenancyConfig"] == {"enabled": True, "autoTenantCreation": True}
    assert body["replicationConfig"] == {
        "factor": 1,
        "asyncEnabled": True,
        "deletionStrategy": "DeleteOnConflict",
    }
    assert body["objectTtlConfig"] == {
        "enabled": True,
        "deleteOn": "_creationTimeUnix",
        "defaultTtl": 3600,
        "filterExpiredObjects": True,
    }
    assert "generative-dummy" in body["moduleConfig"]


def test_legacy_vectorizer_json() -> None:
    body = collection_create_json(
        "Legacy",
        vectorizer_config=_VectorizerConfigCreate(module="text2vec-bigram"),
        vector_index_config=Configure.VectorIndex.hnsw(ef=7),
        properties=[Property(name="t", data_type=DataType.TEXT, skip_vectorization=True)],
    )
    assert body["vectorizer"] == "text2vec-bigram"
    assert body["moduleConfig"] == {"text2vec-bigram": {}}
    assert body["vectorIndexType"] == "hnsw" and body["vectorIndexConfig"] == {"ef": 7}
    assert body["properties"][0]["moduleConfig"]["text2vec-bigram"]["skip"] is True


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": 9}, "name"),  # its form ("9abc", "A-b") is the server's to judge
        ({"name": "A", "description": 3}, "description"),
        (
            {
                "name": "A",
                "vector_config": _VectorConfigCreate(
                    vectorizer=_VectorizerConfigCreate(module="none")
                ),
                "vector_index_config": Configure.VectorIndex.hnsw(),
            },
            "vector_config",
        ),
        (
            {
                "name": "A",
                "vector_config": [
                    _VectorConfigCreate(
                        name="x", vectorizer=_VectorizerConfigCreate(module="none")
                    ),
                    _VectorConfigCreate(
                        name="x", vectorizer=_VectorizerConfigCreate(module="none")
                    ),
                ],
            },
            "vector_config",
        ),
        (
            {
                "name": "A",
                "vector_config": [
                    _VectorConfigCreate(vectorizer=_VectorizerConfigCreate(module="none")),
                    _VectorConfigCreate(
                        name="y", vectorizer=_VectorizerConfigCreate(module="none")
                    ),
                ],
            },
            "vector_config",
        ),
        (
            {"name": "A", "properties": [ReferenceProperty(name="r", target_collection="B")]},
            "properties",
        ),
        (
            {
                "name": "A",
                "properties": [Property(name="a", data_type="int")],
                "references": [ReferenceProperty(name="a", target_collection="B")],
            },
            "references",
        ),
        ({"name": "A", "inverted_index_config": {"bm25": 1}}, "inverted_index_config"),
        ({"name": "A", "generative_config": "openai"}, "generative_config"),
        (
            {
                "name": "A",
                "multi_tenancy_config": Configure.multi_tenancy(),
                "sharding_config": Configure.sharding(desired_count=1),
            },
            "sharding_config",
        ),
        (
            {"name": "A", "object_ttl_config": Configure.ObjectTTL.delete_by_date_property("when")},
            "object_ttl_config",
        ),
    ],
)
def test_create_validation(kwargs: dict[str, Any], field: str) -> None:
    with _invalid(field):
        collection_create_json(**kwargs)


def test_collection_builders_validation() -> None:
    with _invalid("bm25"):
        Configure.inverted_index(bm25_b=0.5)
    with _invalid("bm25_b"):
        Configure.inverted_index(bm25_b=2.0, bm25_k1=1.0)
    with _invalid("stopwords_preset"):
        Configure.inverted_index(stopwords_preset="fr")
    with _invalid("stopword_presets"):
        Configure.inverted_index(stopword_presets={"x": []})
    with _invalid("factor"):
        Configure.replication(factor=0)
    with _invalid("deletion_strategy"):
        Configure.replication(deletion_strategy="Never")
    with _invalid("time_to_live"):
        Configure.ObjectTTL.delete_by_update_time(0)
    with _invalid("enabled"):
        Configure.multi_tenancy(enabled="yes")  # type: ignore[arg-type]
    with pytest.warns(DeprecationWarning):
        Configure.sharding(actual_count=3)


# ------------------------------------------------------------------------------ update


def test_update_merges_changes() -> None:
    current = copy.deepcopy(SERVER_CLASS)
    out = collection_update_json(
        current,
        description="new",
        property_descriptions={"title": "T"},
        inverted_index_config=Reconfigure.inverted_index(bm25_k1=1.5, stopwords_additions=["z"]),
        multi_tenancy_config=Reconfigure.multi_tenancy(auto_tenant_creation=True),
        replication_config=Reconfigure.replication(async_enabled=True),
        object_ttl_config=Reconfigure.ObjectTTL.disable(),
        vector_config=Reconfigure.Vectors.update(
            name="v1",
            vector_index_config=Reconfigure.VectorIndex.hnsw(
                ef=99, quantizer=Reconfigure.VectorIndex.Quantizer.bq(rescore_limit=5)
            ),
        ),
        generative_config=Reconfigure.Generative.custom("generative-openai"),
    )
    assert current == SERVER_CLASS  # not modified
    assert out["description"] == "new"
    assert out["properties"][0]["description"] == "T"
    assert out["invertedIndexConfig"]["bm25"] == {"b": 0.7, "k1": 1.5}
    assert out["invertedIndexConfig"]["stopwords"]["additions"] == ["z"]
    assert out["multiTenancyConfig"]["autoTenantCreation"] is True
    assert out["replicationConfig"]["asyncEnabled"] is True
    assert out["objectTtlConfig"]["enabled"] is False
    v1 = out["vectorConfig"]["v1"]["vectorIndexConfig"]
    assert v1["ef"] == 99 and v1["bq"] == {"enabled": True, "rescoreLimit": 5}
    assert set(out["moduleConfig"]) == {"generative-openai", "reranker-dummy"}


def test_update_errors() -> None:
    vi = Reconfigure.VectorIndex
    with _invalid("vector_config"):
        collection_update_json(
            SERVER_CLASS,
            vector_config=Reconfigure.Vectors.update(name="v1", vector_index_config=vi.flat()),
        )
    with _invalid("quantizer"):
        collection_update_json(
            SERVER_CLASS,
            vector_config=Reconfigure.Vectors.update(
                name="v1", vector_index_config=vi.hnsw(quantizer=vi.Quantizer.pq())
            ),
        )
    with _invalid("vector_config"):
        collection_update_json(
            SERVER_CLASS,
            vector_config=Reconfigure.Vectors.update(name="nope", vector_index_config=vi.hnsw()),
        )
    with _invalid("property_descriptions"):
        collection_update_json(SERVER_CLASS, property_descriptions={"missing": "x"})
    with _invalid("vector_index_config"):
        collection_update_json(SERVER_CLASS, vector_index_config=vi.hnsw(ef=1))
    with _invalid("quantizer"):
        vi.hfresh(quantizer=vi.Quantizer.rq(bits=8))
    with _invalid("quantizer"):
        vi.flat(quantizer=vi.Quantizer.sq())  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ read models


def test_read_models_parse_server_json() -> None:
    cfg = collection_config_from_json(SERVER_CLASS)
    assert cfg.name == "TestOne"
    assert cfg.inverted_index_config.bm25.k1 == 1.1
    assert cfg.inverted_index_config.stopwords.preset is StopwordsPreset.EN
    assert cfg.inverted_index_config.extra == {"usingBlockMaxWAND": True}
    assert (
        cfg.generative_config is not None and cfg.generative_config.generative == "generative-dummy"
    )
    assert cfg.reranker_config is not None and cfg.reranker_config.reranker == "reranker-dummy"
    assert cfg.object_ttl_config is not None
    assert cfg.object_ttl_config.time_to_live == datetime.timedelta(seconds=60)
    assert cfg.object_ttl_config.delete_on == "when"
    assert [p.name for p in cfg.properties] == ["title", "when", "obj"]
    assert cfg.references[0].target_collections == ["TestOne"]
    title = cfg.properties[0]
    assert title.tokenization is Tokenization.FIELD
    assert title.text_analyzer is not None and title.text_analyzer.ascii_fold is True
    assert title.vectorizer_configs is not None
    assert title.vectorizer_configs["text2vec-bigram"].vectorize_property_name is True
    assert cfg.properties[2].nested_properties is not None
    assert cfg.properties[2].nested_properties[0].tokenization is Tokenization.WORD
    assert cfg.sharding_config is not None and cfg.sharding_config.virtual_per_physical == 128
    assert cfg.vector_config is not None
    v1 = cfg.vector_config["v1"]
    assert v1.vectorizer.vectorizer == "text2vec-bigram"
    assert v1.vectorizer.model == {"vectorizeClassName": True}
    hnsw = v1.vector_index_config
    assert isinstance(hnsw, VectorIndexConfigHNSW)
    assert hnsw.ef == 33 and isinstance(hnsw.quantizer, BQConfig) and hnsw.multi_vector is None
    assert cfg.vector_config["v2"].vector_index_type == "flat"
    simple = collection_config_simple_from_json(SERVER_CLASS)
    assert simple.name == "TestOne" and simple.vector_config == cfg.vector_config


def test_read_models_round_trip_to_dict() -> None:
    cfg = collection_config_from_json(SERVER_CLASS)
    again = collection_config_from_json(cfg.to_dict())
    assert again == cfg
    out = cfg.to_dict()
    # the server's JSON comes back, with the same keys and values
    assert out["vectorConfig"]["v1"] == SERVER_CLASS["vectorConfig"]["v1"]
    inverted = copy.deepcopy(SERVER_CLASS["invertedIndexConfig"])
    inverted["stopwords"] = {"preset": "en"}  # null lists are left out
    inverted.update(indexNullState=False, indexPropertyLength=False)  # server defaults filled
    assert out["invertedIndexConfig"] == inverted
    assert out["objectTtlConfig"] == SERVER_CLASS["objectTtlConfig"]
    assert out["moduleConfig"] == SERVER_CLASS["moduleConfig"]
    assert {p["name"] for p in out["properties"]} == {"title", "when", "obj", "ref"}


def test_read_models_missing_and_unknown_fields() -> None:
    minimal = {"class": "Mini", "vectorIndexType": "hnsw", "vectorIndexConfig": {}, "futureKey": 1}
    cfg = collection_config_from_json(minimal)
    assert isinstance(cfg.vector_index_config, VectorIndexConfigHNSW)
    assert cfg.vector_index_config.max_connections == 32  # server default
    assert cfg.inverted_index_config.bm25.b == 0.75
    assert cfg.extra == {"futureKey": 1}
    assert cfg.to_dict()["futureKey"] == 1
    odd = copy.deepcopy(SERVER_CLASS)
    odd["properties"][0]["tokenization"] = "newfangled"
    odd["vectorConfig"]["v1"]["vectorIndexType"] = "superindex"
    odd["vectorConfig"]["v1"]["vectorIndexConfig"]["newOption"] = 1
    parsed = collection_config_from_json(odd)
    assert parsed.properties[0].tokenization == "newfangled"
    assert parsed.vector_config is not None
    assert parsed.vector_config["v1"].vector_index_config is None
    assert parsed.vector_config["v1"].extra["vectorIndexType"] == "superindex"
    assert collection_config_from_json(parsed.to_dict()) == parsed
    with pytest.raises(ResponseCannotBeDecodedError):
        collection_config_from_json({"no": "class"})
    with pytest.raises(ResponseCannotBeDecodedError):
        collection_config_from_json({"class": "A", "invertedIndexConfig": {"bm25": "x"}})


def test_shard_statuses() -> None:
    shards = shard_statuses_from_json([{"name": "s1", "status": "READY", "vectorQueueSize": 3}])
    assert (
        shards[0].name == "s1" and shards[0].status == "READY" and shards[0].vector_queue_size == 3
    )


def test_collection_config_is_exported() -> None:
    assert CollectionConfig.__name__ == "CollectionConfig"


# ------------------------------------------------------------------------------ properties (hypothesis)

_names = st.from_regex(r"[_A-Za-z][_0-9A-Za-z]{0,20}", fullmatch=True).filter(
    lambda n: (
        n not in {"id", "_id", "_additional", "vector"}
        and not n.endswith(
            ("_searchable", "_rangeable", "_temp", "__meta_count", "_propertyLength", "_nullState")
        )
    )
)
_opt_int = st.one_of(st.none(), st.integers(min_value=4, max_value=2047))


@settings(max_examples=150, deadline=None)
@given(
    name=_names,
    ef=st.one_of(st.none(), st.integers(min_value=-1, max_value=10_000)),
    max_connections=_opt_int,
    ef_construction=_opt_int,
    distance=st.one_of(st.none(), st.sampled_from(list(VectorDistances))),
    quantizer=st.sampled_from(["none", "pq", "bq", "sq", "rq", "skip"]),
    data_type=st.sampled_from(
        [d for d in DataType if d not in (DataType.OBJECT, DataType.OBJECT_ARRAY)]
    ),
    b=st.one_of(st.none(), st.floats(min_value=0, max_value=1)),
)
def test_random_valid_configs_serialize(
    name: str,
    ef: int | None,
    max_connections: int | None,
    ef_construction: int | None,
    distance: VectorDistances | None,
    quantizer: str,
    data_type: DataType,
    b: float | None,
) -> None:
    q = Configure.VectorIndex.Quantizer
    quant = {
        "none": None,
        "pq": q.pq(),
        "bq": q.bq(),
        "sq": q.sq(),
        "rq": q.rq(bits=8),
        "skip": q.none(),
    }[quantizer]
    idx = Configure.VectorIndex.hnsw(
        ef=ef,
        max_connections=max_connections,
        ef_construction=ef_construction,
        distance_metric=distance,
        quantizer=quant,
    )
    body = collection_create_json(
        "C" + name,
        properties=[Property(name=name, data_type=data_type)],
        vector_config=_VectorConfigCreate(
            vectorizer=_VectorizerConfigCreate(module="none"), vector_index_config=idx
        ),
        inverted_index_config=Configure.inverted_index(
            bm25_b=b, bm25_k1=None if b is None else 1.0
        ),
    )
    assert body["properties"][0] == {"name": name, "dataType": [data_type.value]}
    vic = body["vectorConfig"]["default"]["vectorIndexConfig"]
    if ef is not None:
        assert vic["ef"] == ef
    if distance is not None:
        assert vic["distance"] == distance.value


_junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True),
    st.text(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(
    builder=st.sampled_from(
        [
            "hnsw_ef",
            "hnsw_max_connections",
            "hnsw_distance",
            "flat_quantizer",
            "hfresh_replicas",
            "property_name",
            "property_type",
            "property_tokenization",
            "inverted_b",
            "replication_factor",
            "rq_bits",
            "collection_name",
            "multi_tenancy",
            "update_hnsw_ef",
        ]
    ),
    value=_junk,
)
def test_random_invalid_inputs_raise_only_invalid_input(builder: str, value: Any) -> None:
    vi = Configure.VectorIndex
    calls: dict[str, Callable[[], object]] = {
        "hnsw_ef": lambda: vi.hnsw(ef=value),
        "hnsw_max_connections": lambda: vi.hnsw(max_connections=value),
        "hnsw_distance": lambda: vi.hnsw(distance_metric=value),
        "flat_quantizer": lambda: vi.flat(quantizer=value),
        "hfresh_replicas": lambda: vi.hfresh(replicas=value),
        "property_name": lambda: Property(name=value, data_type=DataType.TEXT),
        "property_type": lambda: Property(name="p", data_type=value),
        "property_tokenization": lambda: Property(name="p", data_type="text", tokenization=value),
        "inverted_b": lambda: Configure.inverted_index(bm25_b=value, bm25_k1=1.0),
        "replication_factor": lambda: Configure.replication(factor=value),
        "rq_bits": lambda: vi.Quantizer.rq(bits=value),
        "collection_name": lambda: collection_create_json(value),
        "multi_tenancy": lambda: Configure.multi_tenancy(enabled=value),
        "update_hnsw_ef": lambda: Reconfigure.VectorIndex.hnsw(ef=value),
    }
    try:
        calls[builder]()
    except WeaviateInvalidInputError as e:
        assert e.field  # the error names the field
