"""The read models of a collection's configuration (what ``collection.config.get()``
returns), generated into ``weaviate_async/classes/config_models.py`` by ``tools/gen_models.py``.

One :class:`Target` (format: ``tools/factory_tables/model_rows.py``). Each model is its
official name and docstring and its fields; a field the server's JSON names is written with
:func:`keyed_field` (its JSON key, derived from the name when it is its camelCase), so that
``to_dict()`` and the reply parser (``weaviate_async/wire/config.py``) derive serialisation
from the ``keyed`` metadata. What is not one key to one field lives in the hand-written mixins
of ``weaviate_async/classes/_config_models_json.py`` that the models name as their bases.
"""

from __future__ import annotations

from functools import partial

from factory_tables.model_rows import Class, Field, Section, Target, Text, keyed_field

#: the read models' base: ``to_dict()`` through the shared converter
Model = partial(Class, bases="_Model")
#: JSON keys without a field, kept verbatim and written back
EXTRA = Field("extra", "dict[str, Any]", "_extra()")


def index_type(member: str) -> str:
    """The ``vector_index_type()`` of an index model: its ``VectorIndexType`` value."""
    return f'''
@staticmethod
def vector_index_type() -> str:
    """``{member.lower()}``."""
    return VectorIndexType.{member}.value
'''


def quantizer_key(key: str) -> str:
    """The key the server sends a quantizer under (``pq``, ...), read by the index models."""
    return f'#: the key the server sends this quantizer under\n_json_name = "{key}"'


#: the fields of ``CollectionConfigSimple``, which ``CollectionConfig.to_simple()`` copies
SIMPLE = (
    Field("name", "str"),
    Field("description", "str | None", "None"),
    Field("generative_config", "GenerativeConfig | None", "None"),
    Field("properties", "list[PropertyConfig]", "attrs.field(factory=list)"),
    Field("references", "list[ReferencePropertyConfig]", "attrs.field(factory=list)"),
    Field("reranker_config", "RerankerConfig | None", "None"),
    Field("vectorizer_config", "VectorizerConfig | None", "None"),
    Field("vectorizer", "Vectorizers | str | None", "None"),
    Field("vector_config", "dict[str, NamedVectorConfig] | None", "None"),
    Field("object_ttl_config", "ObjectTTLConfig | None", "None"),
)

TO_SIMPLE = f'''
def to_simple(self) -> CollectionConfigSimple:
    """The :class:`CollectionConfigSimple` view of this configuration."""
    return CollectionConfigSimple({", ".join(f"{f.name}=self.{f.name}" for f in SIMPLE)})
'''

TARGETS = (
    Target(
        path="weaviate_async/classes/config_models.py",
        doc="""Read models of a collection's configuration, as ``collection.config.get()`` returns it.

The models are attrs classes whose fields name their JSON keys once, with ``keyed`` as the
create and update models do (``classes/_json_keys.py``). ``wire/config.py`` parses the server's
replies into them; every model's ``to_dict()`` (one cattrs converter, in
``classes/_config_models_json.py``, which holds what is not one key to one field) gives
back the server's JSON, so that ``collections.create_from_dict(cfg.to_dict())`` recreates an
equal collection. Options the server returns but that have no field here (new server options,
disabled quantizers, internal flags) are kept in each model's ``extra`` dict and written back by
``to_dict()``, so nothing is lost. Missing options take the server's defaults.""",
        header="""
# ruff: noqa: RUF009 - the field helpers wrap attrs.field
from __future__ import annotations

import datetime
from typing import Any, Literal

import attrs

from weaviate_async.classes._config_models_json import (
    _Collection,
    _CollectionSimple,
    _data_type,
    _delete_on_key,
    _delete_on_name,
    _extra,
    _Index,
    _Model,
    _MultiVector,
    _NamedVector,
    _number,
    _PQ,
    _Property,
    _seconds,
)
from weaviate_async.classes._json_keys import keyed
from weaviate_async.classes.config_collection import ConsistencyLevel, ReplicationDeletionStrategy
from weaviate_async.classes.config_index import (
    PQEncoderDistribution,
    PQEncoderType,
    VectorDistances,
    VectorFilterStrategy,
    VectorIndexType,
)
from weaviate_async.classes.config_module_names import GenerativeSearches, Rerankers, Vectorizers
from weaviate_async.classes.config_properties import DataType, StopwordsPreset, Tokenization

__all__ = [
    "AsyncReplicationConfig",
    "BM25Config",
    "BQConfig",
    "CollectionConfig",
    "CollectionConfigSimple",
    "ConsistencyLevel",
    "GenerativeConfig",
    "InvertedIndexConfig",
    "MultiTenancyConfig",
    "MultiVectorConfig",
    "MuveraConfig",
    "NamedVectorConfig",
    "NamedVectorizerConfig",
    "NestedProperty",
    "ObjectTTLConfig",
    "PQConfig",
    "PQEncoderConfig",
    "PropertyConfig",
    "PropertyVectorizerConfig",
    "RQConfig",
    "ReferencePropertyConfig",
    "ReplicationConfig",
    "RerankerConfig",
    "SQConfig",
    "ShardStatus",
    "ShardTypes",
    "ShardingConfig",
    "StopwordsConfig",
    "TextAnalyzerConfig",
    "VectorConfig",
    "VectorIndexConfigDynamic",
    "VectorIndexConfigFlat",
    "VectorIndexConfigHFresh",
    "VectorIndexConfigHNSW",
    "VectorIndexConfigNone",
    "VectorizerConfig",
]
""",
        items=(
            Section("Inverted index, multi-tenancy, replication, sharding"),
            Model(
                "BM25Config",
                """BM25 parameters.""",
                fields=(
                    keyed_field("b", "float", "0.75"),
                    keyed_field("k1", "float", "1.2"),
                    EXTRA,
                ),
            ),
            Model(
                "StopwordsConfig",
                """The stopwords of a collection.""",
                fields=(
                    keyed_field("preset", "StopwordsPreset", "StopwordsPreset.EN"),
                    keyed_field("additions", "list[str] | None"),
                    keyed_field("removals", "list[str] | None"),
                    EXTRA,
                ),
            ),
            Model(
                "InvertedIndexConfig",
                """The inverted index settings (``invertedIndexConfig``).""",
                fields=(
                    keyed_field("bm25", "BM25Config", factory="BM25Config"),
                    keyed_field("cleanup_interval_seconds", "int", "60"),
                    keyed_field("index_null_state", "bool", "False"),
                    keyed_field("index_property_length", "bool", "False"),
                    keyed_field("index_timestamps", "bool", "False"),
                    keyed_field("stopwords", "StopwordsConfig", factory="StopwordsConfig"),
                    keyed_field("stopword_presets", "dict[str, list[str]] | None"),
                    EXTRA,
                ),
            ),
            Model(
                "MultiTenancyConfig",
                """Multi-tenancy settings (``multiTenancyConfig``).""",
                fields=(
                    keyed_field("enabled", "bool", "False"),
                    keyed_field("auto_tenant_creation", "bool", "False"),
                    keyed_field("auto_tenant_activation", "bool", "False"),
                    EXTRA,
                ),
            ),
            Model(
                "AsyncReplicationConfig",
                """Async replication tuning (``replicationConfig.asyncConfig``); None = server default.""",
                fields=(
                    keyed_field("max_workers", "int | None"),
                    keyed_field("hashtree_height", "int | None"),
                    keyed_field("frequency", "int | None"),
                    keyed_field("frequency_while_propagating", "int | None"),
                    keyed_field("alive_nodes_checking_frequency", "int | None"),
                    keyed_field("logging_frequency", "int | None"),
                    keyed_field("diff_batch_size", "int | None"),
                    keyed_field("diff_per_node_timeout", "int | None"),
                    keyed_field("pre_propagation_timeout", "int | None"),
                    keyed_field("propagation_timeout", "int | None"),
                    keyed_field("propagation_limit", "int | None"),
                    keyed_field("propagation_delay", "int | None"),
                    keyed_field("propagation_concurrency", "int | None"),
                    keyed_field("propagation_batch_size", "int | None"),
                    EXTRA,
                ),
            ),
            Model(
                "ReplicationConfig",
                """Replication settings (``replicationConfig``).""",
                fields=(
                    keyed_field("factor", "int", "1"),
                    keyed_field("async_enabled", "bool", "False"),
                    keyed_field(
                        "deletion_strategy",
                        "ReplicationDeletionStrategy",
                        "ReplicationDeletionStrategy.TIME_BASED_RESOLUTION",
                    ),
                    keyed_field("async_config", "AsyncReplicationConfig | None"),
                    EXTRA,
                ),
            ),
            Model(
                "ShardingConfig",
                """Sharding settings (``shardingConfig``).""",
                fields=(
                    keyed_field("virtual_per_physical", "int", "128"),
                    keyed_field("desired_count", "int", "1"),
                    keyed_field("actual_count", "int", "1"),
                    keyed_field("desired_virtual_count", "int", "128"),
                    keyed_field("actual_virtual_count", "int", "128"),
                    keyed_field("key", "str", '"_id"'),
                    keyed_field("strategy", "str", '"hash"'),
                    keyed_field("function", "str", '"murmur3"'),
                    EXTRA,
                ),
            ),
            Section("Quantizers and vector indexes"),
            Model(
                "PQEncoderConfig",
                """The PQ encoder.""",
                fields=(
                    keyed_field("type_", "PQEncoderType", "PQEncoderType.KMEANS", key="type"),
                    keyed_field(
                        "distribution", "PQEncoderDistribution", "PQEncoderDistribution.LOG_NORMAL"
                    ),
                    EXTRA,
                ),
            ),
            Model(
                "PQConfig",
                """Product quantization, when enabled.""",
                fields=(
                    keyed_field("internal_bit_compression", "bool", "False", key="bitCompression"),
                    keyed_field("segments", "int", "0"),
                    keyed_field("centroids", "int", "256"),
                    keyed_field("training_limit", "int", "100000"),
                    keyed_field("encoder", "PQEncoderConfig", factory="PQEncoderConfig"),
                    EXTRA,
                ),
                bases="_PQ",
                body=(quantizer_key("pq"),),
            ),
            Model(
                "BQConfig",
                """Binary quantization, when enabled (cache and rescore limit apply to flat indexes).""",
                fields=(
                    keyed_field("cache", "bool | None"),
                    keyed_field("rescore_limit", "int | None"),
                    EXTRA,
                ),
                body=(quantizer_key("bq"),),
            ),
            Model(
                "SQConfig",
                """Scalar quantization, when enabled.""",
                fields=(
                    keyed_field("rescore_limit", "int | None"),
                    keyed_field("training_limit", "int | None"),
                    keyed_field("cache", "bool | None"),
                    EXTRA,
                ),
                body=(quantizer_key("sq"),),
            ),
            Model(
                "RQConfig",
                """Rotational quantization, when enabled (``centering`` and ``training_limit`` are None
on servers that do not report them, such as v1.39.0).""",
                fields=(
                    keyed_field("cache", "bool | None"),
                    keyed_field("bits", "int | None"),
                    keyed_field("rescore_limit", "int | None"),
                    keyed_field("centering", "bool | None"),
                    keyed_field("training_limit", "int | None"),
                    EXTRA,
                ),
                body=(quantizer_key("rq"),),
            ),
            Text("""
Quantizer = PQConfig | BQConfig | SQConfig | RQConfig
#: The quantizer models by the key the server sends each under.
_QUANTIZERS: tuple[tuple[str, type[Any]], ...] = tuple(
    (q._json_name, q) for q in (PQConfig, BQConfig, SQConfig, RQConfig)
)
"""),
            Model(
                "MuveraConfig",
                """The MUVERA encoding of a multi-vector index.""",
                fields=(
                    keyed_field("enabled", "bool", "True"),
                    keyed_field("ksim", "int | None"),
                    keyed_field("dprojections", "int | None"),
                    keyed_field("repetitions", "int | None"),
                    EXTRA,
                ),
            ),
            Model(
                "MultiVectorConfig",
                """Multi-vector settings, when enabled (``encoding`` is None without MUVERA).""",
                fields=(
                    Field("encoding", "MuveraConfig | None", "None"),
                    keyed_field("aggregation", "str", '"maxSim"'),
                    EXTRA,
                ),
                bases="_MultiVector",
            ),
            Model(
                "VectorIndexConfigHNSW",
                """An HNSW index (``vectorIndexType: hnsw``).""",
                fields=(
                    Field("multi_vector", "MultiVectorConfig | None", "None"),
                    Field("quantizer", "Quantizer | None", "None"),
                    keyed_field("cleanup_interval_seconds", "int", "300"),
                    keyed_field(
                        "distance_metric",
                        "VectorDistances",
                        "VectorDistances.COSINE",
                        key="distance",
                    ),
                    keyed_field("dynamic_ef_min", "int", "100"),
                    keyed_field("dynamic_ef_max", "int", "500"),
                    keyed_field("dynamic_ef_factor", "int", "8"),
                    keyed_field("ef", "int", "-1"),
                    keyed_field("ef_construction", "int", "128"),
                    keyed_field(
                        "filter_strategy", "VectorFilterStrategy", "VectorFilterStrategy.ACORN"
                    ),
                    keyed_field("flat_search_cutoff", "int", "40000"),
                    keyed_field("max_connections", "int", "32"),
                    keyed_field("skip", "bool", "False"),
                    keyed_field("vector_cache_max_objects", "int", "1_000_000_000_000"),
                    EXTRA,
                ),
                bases="_Index",
                body=(index_type("HNSW"),),
            ),
            Model(
                "VectorIndexConfigFlat",
                """A flat index (``vectorIndexType: flat``).""",
                fields=(
                    Field("multi_vector", "MultiVectorConfig | None", "None"),
                    Field("quantizer", "Quantizer | None", "None"),
                    keyed_field(
                        "distance_metric",
                        "VectorDistances",
                        "VectorDistances.COSINE",
                        key="distance",
                    ),
                    keyed_field("vector_cache_max_objects", "int", "1_000_000_000_000"),
                    EXTRA,
                ),
                bases="_Index",
                body=(index_type("FLAT"),),
            ),
            Model(
                "VectorIndexConfigHFresh",
                """An HFresh index (``vectorIndexType: hfresh``).""",
                fields=(
                    Field("multi_vector", "MultiVectorConfig | None", "None"),
                    Field("quantizer", "Quantizer | None", "None"),
                    keyed_field(
                        "distance_metric",
                        "VectorDistances",
                        "VectorDistances.COSINE",
                        key="distance",
                    ),
                    keyed_field("max_posting_size_kb", "int", "48", key="maxPostingSizeKB"),
                    keyed_field("replicas", "int", "4"),
                    keyed_field("search_probe", "int", "256"),
                    EXTRA,
                ),
                bases="_Index",
                body=(index_type("HFRESH"),),
            ),
            Model(
                "VectorIndexConfigDynamic",
                """A dynamic index (``vectorIndexType: dynamic``).""",
                fields=(
                    keyed_field(
                        "distance_metric",
                        "VectorDistances",
                        "VectorDistances.COSINE",
                        key="distance",
                    ),
                    keyed_field("hnsw", "VectorIndexConfigHNSW | None"),
                    keyed_field("flat", "VectorIndexConfigFlat | None"),
                    keyed_field("threshold", "int | None"),
                    EXTRA,
                ),
                body=(index_type("DYNAMIC"),),
            ),
            Model(
                "VectorIndexConfigNone",
                """A named vector whose index was dropped (``collection.config.delete_vector_index``).

The server reports such a vector as ``vectorIndexType: none`` without any index settings
while the drop runs; once the drop is done the vector leaves ``vector_config``. The vector
cannot be searched any more, and a collection cannot be created with it.
""",
                body=(index_type("NONE"),),
            ),
            Text("""
VectorIndexConfig = (
    VectorIndexConfigHNSW
    | VectorIndexConfigFlat
    | VectorIndexConfigDynamic
    | VectorIndexConfigHFresh
    | VectorIndexConfigNone
)
"""),
            Section("Modules"),
            Model(
                "GenerativeConfig",
                """The generative module of a collection and its settings.

``generative`` is a :class:`GenerativeSearches` member when the module is one it lists, else
the module's name.
""",
                fields=(
                    Field("generative", "GenerativeSearches | str"),
                    Field("model", "dict[str, Any]", "attrs.field(factory=dict)"),
                ),
            ),
            Model(
                "RerankerConfig",
                """The reranker module of a collection and its settings (``reranker``: a :class:`Rerankers`
member when listed there, else the module's name).""",
                fields=(
                    Field("reranker", "Rerankers | str"),
                    Field("model", "dict[str, Any]", "attrs.field(factory=dict)"),
                ),
            ),
            Model(
                "VectorizerConfig",
                """The legacy (collection-level) vectorizer module and its settings (``vectorizer``: a
:class:`Vectorizers` member when listed there, else the module's name).""",
                fields=(
                    Field("vectorizer", "Vectorizers | str"),
                    Field("model", "dict[str, Any]", "attrs.field(factory=dict)"),
                    Field("vectorize_collection_name", "bool", "False"),
                ),
            ),
            Model(
                "NamedVectorizerConfig",
                """The vectorizer of a named vector (``vectorizer``: a :class:`Vectorizers` member when
listed there, else the module's name).""",
                fields=(
                    Field("vectorizer", "Vectorizers | str"),
                    Field("model", "dict[str, Any]", "attrs.field(factory=dict)"),
                    Field("source_properties", "list[str] | None", "None"),
                ),
            ),
            Model(
                "NamedVectorConfig",
                """One named vector: its vectorizer and its index.""",
                fields=(
                    Field("vectorizer", "NamedVectorizerConfig"),
                    Field("vector_index_config", "VectorIndexConfig | None", "None"),
                    EXTRA,
                ),
                bases="_NamedVector",
            ),
            Text("""
#: The official client's name for a named vector's read model.
VectorConfig = NamedVectorConfig
"""),
            Section("Object time-to-live"),
            Model(
                "ObjectTTLConfig",
                """Object time-to-live settings (``objectTtlConfig``).

``delete_on`` is ``"creationTime"``, ``"updateTime"`` or the name of a date property.
""",
                fields=(
                    keyed_field("enabled", "bool", "False"),
                    keyed_field(
                        "time_to_live",
                        "datetime.timedelta | None",
                        key="defaultTtl",
                        order="2",
                        read="_number",
                        write="_seconds",
                    ),
                    keyed_field("filter_expired_objects", "bool", "False"),
                    keyed_field(
                        "delete_on",
                        "str",
                        '"creationTime"',
                        order="1",
                        read="_delete_on_name",
                        write="_delete_on_key",
                    ),
                    EXTRA,
                ),
            ),
            Section("Properties"),
            Model(
                "PropertyVectorizerConfig",
                """How one vectorizer treats a property.""",
                fields=(
                    keyed_field("skip", "bool", "False"),
                    keyed_field("vectorize_property_name", "bool", "False"),
                    EXTRA,
                ),
            ),
            Model(
                "TextAnalyzerConfig",
                """Text analysis options of a property (``textAnalyzer``).""",
                fields=(
                    keyed_field("ascii_fold", "bool", "False"),
                    keyed_field("ascii_fold_ignore", "list[str] | None"),
                    keyed_field("stopword_preset", "str | None"),
                    EXTRA,
                ),
            ),
            Model(
                "NestedProperty",
                """A property nested in an ``object`` / ``object[]`` property.""",
                fields=(
                    keyed_field("name", "str", '""'),
                    Field("data_type", "DataType", "_data_type()"),
                    keyed_field("description", "str | None"),
                    keyed_field("index_filterable", "bool", "False"),
                    keyed_field("index_searchable", "bool", "False"),
                    keyed_field("index_range_filters", "bool", "False"),
                    keyed_field("nested_properties", "list[NestedProperty] | None"),
                    keyed_field("text_analyzer", "TextAnalyzerConfig | None"),
                    keyed_field("tokenization", "Tokenization | None"),
                    EXTRA,
                ),
            ),
            Model(
                "PropertyConfig",
                """A data property of a collection.

``vectorizer_configs`` holds the per-vectorizer settings (``moduleConfig``);
``vectorizer`` / ``vectorizer_config`` are the legacy collection-level vectorizer and its
entry, as in the official client.
""",
                fields=(
                    keyed_field("name", "str", '""'),
                    keyed_field("description", "str | None"),
                    Field("data_type", "DataType", "_data_type()"),
                    keyed_field("index_filterable", "bool", "False"),
                    keyed_field("index_range_filters", "bool", "False"),
                    keyed_field("index_searchable", "bool", "False"),
                    keyed_field("nested_properties", "list[NestedProperty] | None"),
                    keyed_field("text_analyzer", "TextAnalyzerConfig | None"),
                    keyed_field("tokenization", "Tokenization | None"),
                    Field("vectorizer_config", "PropertyVectorizerConfig | None", "None"),
                    Field("vectorizer", "str | None", "None"),
                    keyed_field(
                        "vectorizer_configs",
                        "dict[str, PropertyVectorizerConfig] | None",
                        key="moduleConfig",
                    ),
                    EXTRA,
                ),
                bases="_Property",
            ),
            Model(
                "ReferencePropertyConfig",
                """A cross-reference property of a collection.""",
                fields=(
                    keyed_field("name", "str", '""'),
                    keyed_field("description", "str | None"),
                    keyed_field("target_collections", "list[str]", key="dataType", factory="list"),
                    EXTRA,
                ),
            ),
            Section("Collections"),
            Model(
                "CollectionConfigSimple",
                """The main parts of a collection's configuration (``list_all(simple=True)``).""",
                fields=SIMPLE,
                bases="_CollectionSimple",
            ),
            Model(
                "CollectionConfig",
                """A collection's full configuration, as ``collection.config.get()`` returns it.

``extra`` holds the class JSON keys without a field here (and the module configs of other
modules under ``moduleConfig``), written back by ``to_dict()``.
""",
                fields=(
                    Field("name", "str"),
                    Field("description", "str | None", "None"),
                    Field("generative_config", "GenerativeConfig | None", "None"),
                    Field(
                        "inverted_index_config",
                        "InvertedIndexConfig",
                        "attrs.field(factory=InvertedIndexConfig)",
                    ),
                    Field(
                        "multi_tenancy_config",
                        "MultiTenancyConfig",
                        "attrs.field(factory=MultiTenancyConfig)",
                    ),
                    Field("object_ttl_config", "ObjectTTLConfig | None", "None"),
                    Field("properties", "list[PropertyConfig]", "attrs.field(factory=list)"),
                    Field(
                        "references", "list[ReferencePropertyConfig]", "attrs.field(factory=list)"
                    ),
                    Field(
                        "replication_config",
                        "ReplicationConfig",
                        "attrs.field(factory=ReplicationConfig)",
                    ),
                    Field("reranker_config", "RerankerConfig | None", "None"),
                    Field("sharding_config", "ShardingConfig | None", "None"),
                    Field("vector_index_config", "VectorIndexConfig | None", "None"),
                    Field("vector_index_type", "VectorIndexType | None", "None"),
                    Field("vectorizer_config", "VectorizerConfig | None", "None"),
                    Field("vectorizer", "Vectorizers | str | None", "None"),
                    Field("vector_config", "dict[str, NamedVectorConfig] | None", "None"),
                    EXTRA,
                ),
                bases="_Collection",
                body=(TO_SIMPLE,),
            ),
            Text("""
#: A shard's state as the server names it (its storage states, and the states a replica is
#: reported in by servers that report one per node).
ShardTypes = Literal[
    "READONLY",
    "READY",
    "INDEXING",
    "LOADING",
    "LAZY_LOADING",
    "SHUTDOWN",
    "UNAVAILABLE",
    "RECOVERING",
]
"""),
            Model(
                "ShardStatus",
                """The status of one shard.

``per_node_status`` is the state of each replica by node name, from servers that report
it (1.40 and later); None from older servers, which report one ``status``.
""",
                fields=(
                    keyed_field("name", "str", '""'),
                    keyed_field("status", "str", '""'),
                    keyed_field("vector_queue_size", "int", "0"),
                    keyed_field("per_node_status", "dict[str, str] | None", key="per_node_status"),
                    EXTRA,
                ),
                decorator="@attrs.frozen(kw_only=True)",
            ),
        ),
        resolve_types=True,
    ),
)
