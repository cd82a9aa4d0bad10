"""Read models of a collection's configuration, as ``collection.config.get()`` returns it.

The models are attrs classes whose fields name their JSON keys once, with ``keyed`` as the
create and update models do (``classes/_json_keys.py``). ``wire/config.py`` parses the server's
replies into them; every model's ``to_dict()`` (one cattrs converter, :data:`_converter`) gives
back the server's JSON, so that ``collections.create_from_dict(cfg.to_dict())`` recreates an
equal collection. Options the server returns but that have no field here (new server options,
disabled quantizers, internal flags) are kept in each model's ``extra`` dict and written back by
``to_dict()``, so nothing is lost. Missing options take the server's defaults.
"""

# ruff: noqa: RUF009 - the field helper _extra wraps attrs.field
from __future__ import annotations

import copy
import datetime
import warnings
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, Literal

import attrs
import cattrs

from weaviate_async._validate import enum_value
from weaviate_async.classes._json_keys import conversions, json_keys, keyed
from weaviate_async.classes.config_collection import ConsistencyLevel, ReplicationDeletionStrategy
from weaviate_async.classes.config_index import (
    BIT_COMPRESSION_DEPRECATION,
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

#: The one converter that writes every read model back as JSON (``to_dict()``).
_converter = cattrs.Converter()


def _extra() -> Any:
    """The ``extra`` field: JSON keys without a field, kept verbatim."""
    return attrs.field(factory=dict, repr=False)


class _Model:
    """Mixin of the read models: ``to_dict()`` through the shared converter."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """The server's JSON for this configuration."""
        out: dict[str, Any] = _converter.unstructure(self)
        return out


# --------------------------------------------------------------------------------------------
# Generic hooks: keyed fields, ``extra``, and per-class adjustments
# --------------------------------------------------------------------------------------------


def _is_model(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, _Model) and attrs.has(cls)


def _make_unstructure(cls: type[Any]) -> Callable[[Any], Any]:
    # read models name every key (no key is a function of the value, as a quantizer's is)
    fields = [
        (name, key, conversions(cls, name)[1] or _converter.unstructure)
        for name, key in json_keys(cls)
        if isinstance(key, str)
    ]
    has_extra = "extra" in attrs.fields_dict(cls)
    finish: Callable[[Any, dict[str, Any]], None] | None = getattr(cls, "_finish", None)

    def unstructure(obj: Any) -> dict[str, Any]:
        out: dict[str, Any] = copy.deepcopy(obj.extra) if has_extra else {}
        for name, key, write in fields:
            value = getattr(obj, name)
            if value is not None:
                out[key] = write(value)
        if finish is not None:
            finish(obj, out)
        return out

    return unstructure


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Enum)


_converter.register_unstructure_hook_func(_is_enum, lambda value: value.value)
_converter.register_unstructure_hook_factory(_is_model, _make_unstructure)


# --------------------------------------------------------------------------------------------
# Inverted index, multi-tenancy, replication, sharding
# --------------------------------------------------------------------------------------------


@attrs.define(kw_only=True)
class BM25Config(_Model):
    """BM25 parameters."""

    b: float = keyed("b", default=0.75)
    k1: float = keyed("k1", default=1.2)
    extra: dict[str, Any] = _extra()


@attrs.define(kw_only=True)
class StopwordsConfig(_Model):
    """The stopwords of a collection."""

    preset: StopwordsPreset = keyed("preset", default=StopwordsPreset.EN)
    additions: list[str] | None = keyed("additions")
    removals: list[str] | None = keyed("removals")
    extra: dict[str, Any] = _extra()


@attrs.define(kw_only=True)
class InvertedIndexConfig(_Model):
    """The inverted index settings (``invertedIndexConfig``)."""

    bm25: BM25Config = keyed("bm25", factory=BM25Config)
    cleanup_interval_seconds: int = keyed("cleanupIntervalSeconds", default=60)
    index_null_state: bool = keyed("indexNullState", default=False)
    index_property_length: bool = keyed("indexPropertyLength", default=False)
    index_timestamps: bool = keyed("indexTimestamps", default=False)
    stopwords: StopwordsConfig = keyed("stopwords", factory=StopwordsConfig)
    stopword_presets: dict[str, list[str]] | None = keyed("stopwordPresets")
    extra: dict[str, Any] = _extra()


@attrs.define(kw_only=True)
class MultiTenancyConfig(_Model):
    """Multi-tenancy settings (``multiTenancyConfig``)."""

    enabled: bool = keyed("enabled", default=False)
    auto_tenant_creation: bool = keyed("autoTenantCreation", default=False)
    auto_tenant_activation: bool = keyed("autoTenantActivation", default=False)
    extra: dict[str, Any] = _extra()


@attrs.define(kw_only=True)
class AsyncReplicationConfig(_Model):
    """Async replication tuning (``replicationConfig.asyncConfig``); None = server default."""

    max_workers: int | None = keyed("maxWorkers")
    hashtree_height: int | None = keyed("hashtreeHeight")
    frequency: int | None = keyed("frequency")
    frequency_while_propagating: int | None = keyed("frequencyWhilePropagating")
    alive_nodes_checking_frequency: int | None = keyed("aliveNodesCheckingFrequency")
    logging_frequency: int | None = keyed("loggingFrequency")
    diff_batch_size: int | None = keyed("diffBatchSize")
    diff_per_node_timeout: int | None = keyed("diffPerNodeTimeout")
    pre_propagation_timeout: int | None = keyed("prePropagationTimeout")
    propagation_timeout: int | None = keyed("propagationTimeout")
    propagation_limit: int | None = keyed("propagationLimit")
    propagation_delay: int | None = keyed("propagationDelay")
    propagation_concurrency: int | None = keyed("propagationConcurrency")
    propagation_batch_size: int | None = keyed("propagationBatchSize")
    extra: dict[str, Any] = _extra()


@attrs.define(kw_only=True)
class ReplicationConfig(_Model):
    """Replication settings (``replicationConfig``)."""

    factor: int = keyed("factor", default=1)
    async_enabled: bool = keyed("asyncEnabled", default=False)
    deletion_strategy: ReplicationDeletionStrategy = keyed(
        "deletionStrategy", default=ReplicationDeletionStrategy.TIME_BASED_RESOLUTION
    )
    async_config: AsyncReplicationConfig | None = keyed("asyncConfig")
    extra: dict[str, Any] = _extra()


@attrs.define(kw_only=True)
class ShardingConfig(_Model):
    """Sharding settings (``shardingConfig``)."""

    virtual_per_physical: int = keyed("virtualPerPhysical", default=128)
    desired_count: int = keyed("desiredCount", default=1)
    actual_count: int = keyed("actualCount", default=1)
    desired_virtual_count: int = keyed("desiredVirtualCount", default=128)
    actual_virtual_count: int = keyed("actualVirtualCount", default=128)
    key: str = keyed("key", default="_id")
    strategy: str = keyed("strategy", default="hash")
    function: str = keyed("function", default="murmur3")
    extra: dict[str, Any] = _extra()


# --------------------------------------------------------------------------------------------
# Quantizers and vector indexes
# --------------------------------------------------------------------------------------------


@attrs.define(kw_only=True)
class PQEncoderConfig(_Model):
    """The PQ encoder."""

    type_: PQEncoderType = keyed("type", default=PQEncoderType.KMEANS)
    distribution: PQEncoderDistribution = keyed(
        "distribution", default=PQEncoderDistribution.LOG_NORMAL
    )
    extra: dict[str, Any] = _extra()


@attrs.define(kw_only=True)
class PQConfig(_Model):
    """Product quantization, when enabled."""

    internal_bit_compression: bool = keyed("bitCompression", default=False)
    segments: int = keyed("segments", default=0)
    centroids: int = keyed("centroids", default=256)
    training_limit: int = keyed("trainingLimit", default=100000)
    encoder: PQEncoderConfig = keyed("encoder", factory=PQEncoderConfig)
    extra: dict[str, Any] = _extra()

    @property
    def bit_compression(self) -> bool:
        """Whether bit compression is on (deprecated by the server)."""
        warnings.warn(BIT_COMPRESSION_DEPRECATION, DeprecationWarning, stacklevel=2)
        return self.internal_bit_compression


@attrs.define(kw_only=True)
class BQConfig(_Model):
    """Binary quantization, when enabled (cache and rescore limit apply to flat indexes)."""

    cache: bool | None = keyed("cache")
    rescore_limit: int | None = keyed("rescoreLimit")
    extra: dict[str, Any] = _extra()


@attrs.define(kw_only=True)
class SQConfig(_Model):
    """Scalar quantization, when enabled."""

    rescore_limit: int | None = keyed("rescoreLimit")
    training_limit: int | None = keyed("trainingLimit")
    cache: bool | None = keyed("cache")
    extra: dict[str, Any] = _extra()


@attrs.define(kw_only=True)
class RQConfig(_Model):
    """Rotational quantization, when enabled (``centering`` and ``training_limit`` are None
    on servers that do not report them, such as v1.39.0)."""

    cache: bool | None = keyed("cache")
    bits: int | None = keyed("bits")
    rescore_limit: int | None = keyed("rescoreLimit")
    centering: bool | None = keyed("centering")
    training_limit: int | None = keyed("trainingLimit")
    extra: dict[str, Any] = _extra()


Quantizer = PQConfig | BQConfig | SQConfig | RQConfig
_QUANTIZERS: tuple[tuple[str, type[Any]], ...] = (
    ("pq", PQConfig),
    ("bq", BQConfig),
    ("sq", SQConfig),
    ("rq", RQConfig),
)


@attrs.define(kw_only=True)
class MuveraConfig(_Model):
    """The MUVERA encoding of a multi-vector index."""

    enabled: bool = keyed("enabled", default=True)
    ksim: int | None = keyed("ksim")
    dprojections: int | None = keyed("dprojections")
    repetitions: int | None = keyed("repetitions")
    extra: dict[str, Any] = _extra()


@attrs.define(kw_only=True)
class MultiVectorConfig(_Model):
    """Multi-vector settings, when enabled (``encoding`` is None without MUVERA)."""

    encoding: MuveraConfig | None = None
    aggregation: str = keyed("aggregation", default="maxSim")
    extra: dict[str, Any] = _extra()

    def _finish(self, out: dict[str, Any]) -> None:
        out["enabled"] = True
        if self.encoding is not None:
            out["muvera"] = self.encoding.to_dict()


def _put_quantizer(obj: Any, out: dict[str, Any]) -> None:
    q = obj.quantizer
    if q is not None:
        for key, cls in _QUANTIZERS:
            if isinstance(q, cls):
                out[key] = {**q.to_dict(), "enabled": True}
    if obj.multi_vector is not None:
        out["multivector"] = obj.multi_vector.to_dict()


@attrs.define(kw_only=True)
class VectorIndexConfigHNSW(_Model):
    """An HNSW index (``vectorIndexType: hnsw``)."""

    multi_vector: MultiVectorConfig | None = None
    quantizer: Quantizer | None = None
    cleanup_interval_seconds: int = keyed("cleanupIntervalSeconds", default=300)
    distance_metric: VectorDistances = keyed("distance", default=VectorDistances.COSINE)
    dynamic_ef_min: int = keyed("dynamicEfMin", default=100)
    dynamic_ef_max: int = keyed("dynamicEfMax", default=500)
    dynamic_ef_factor: int = keyed("dynamicEfFactor", default=8)
    ef: int = keyed("ef", default=-1)
    ef_construction: int = keyed("efConstruction", default=128)
    filter_strategy: VectorFilterStrategy = keyed(
        "filterStrategy", default=VectorFilterStrategy.ACORN
    )
    flat_search_cutoff: int = keyed("flatSearchCutoff", default=40000)
    max_connections: int = keyed("maxConnections", default=32)
    skip: bool = keyed("skip", default=False)
    vector_cache_max_objects: int = keyed("vectorCacheMaxObjects", default=1_000_000_000_000)
    extra: dict[str, Any] = _extra()

    _finish = _put_quantizer

    @staticmethod
    def vector_index_type() -> str:
        """``hnsw``."""
        return VectorIndexType.HNSW.value


@attrs.define(kw_only=True)
class VectorIndexConfigFlat(_Model):
    """A flat index (``vectorIndexType: flat``)."""

    multi_vector: MultiVectorConfig | None = None
    quantizer: Quantizer | None = None
    distance_metric: VectorDistances = keyed("distance", default=VectorDistances.COSINE)
    vector_cache_max_objects: int = keyed("vectorCacheMaxObjects", default=1_000_000_000_000)
    extra: dict[str, Any] = _extra()

    _finish = _put_quantizer

    @staticmethod
    def vector_index_type() -> str:
        """``flat``."""
        return VectorIndexType.FLAT.value


@attrs.define(kw_only=True)
class VectorIndexConfigHFresh(_Model):
    """An HFresh index (``vectorIndexType: hfresh``)."""

    multi_vector: MultiVectorConfig | None = None
    quantizer: Quantizer | None = None
    distance_metric: VectorDistances = keyed("distance", default=VectorDistances.COSINE)
    max_posting_size_kb: int = keyed("maxPostingSizeKB", default=48)
    replicas: int = keyed("replicas", default=4)
    search_probe: int = keyed("searchProbe", default=256)
    extra: dict[str, Any] = _extra()

    _finish = _put_quantizer

    @staticmethod
    def vector_index_type() -> str:
        """``hfresh``."""
        return VectorIndexType.HFRESH.value


@attrs.define(kw_only=True)
class VectorIndexConfigDynamic(_Model):
    """A dynamic index (``vectorIndexType: dynamic``)."""

    distance_metric: VectorDistances = keyed("distance", default=VectorDistances.COSINE)
    hnsw: VectorIndexConfigHNSW | None = keyed("hnsw")
    flat: VectorIndexConfigFlat | None = keyed("flat")
    threshold: int | None = keyed("threshold")
    extra: dict[str, Any] = _extra()

    @staticmethod
    def vector_index_type() -> str:
        """``dynamic``."""
        return VectorIndexType.DYNAMIC.value


@attrs.define(kw_only=True)
class VectorIndexConfigNone(_Model):
    """A named vector whose index was dropped (``collection.config.delete_vector_index``).

    The server reports such a vector as ``vectorIndexType: none`` without any index settings
    while the drop runs; once the drop is done the vector leaves ``vector_config``. The vector
    cannot be searched any more, and a collection cannot be created with it.
    """

    @staticmethod
    def vector_index_type() -> str:
        """``none``."""
        return VectorIndexType.NONE.value


VectorIndexConfig = (
    VectorIndexConfigHNSW
    | VectorIndexConfigFlat
    | VectorIndexConfigDynamic
    | VectorIndexConfigHFresh
    | VectorIndexConfigNone
)
# --------------------------------------------------------------------------------------------
# Modules
# --------------------------------------------------------------------------------------------


@attrs.define(kw_only=True)
class GenerativeConfig(_Model):
    """The generative module of a collection and its settings.

    ``generative`` is a :class:`GenerativeSearches` member when the module is one it lists, else
    the module's name.
    """

    generative: GenerativeSearches | str
    model: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(kw_only=True)
class RerankerConfig(_Model):
    """The reranker module of a collection and its settings (``reranker``: a :class:`Rerankers`
    member when listed there, else the module's name)."""

    reranker: Rerankers | str
    model: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(kw_only=True)
class VectorizerConfig(_Model):
    """The legacy (collection-level) vectorizer module and its settings (``vectorizer``: a
    :class:`Vectorizers` member when listed there, else the module's name)."""

    vectorizer: Vectorizers | str
    model: dict[str, Any] = attrs.field(factory=dict)
    vectorize_collection_name: bool = False


@attrs.define(kw_only=True)
class NamedVectorizerConfig(_Model):
    """The vectorizer of a named vector (``vectorizer``: a :class:`Vectorizers` member when
    listed there, else the module's name)."""

    vectorizer: Vectorizers | str
    model: dict[str, Any] = attrs.field(factory=dict)
    source_properties: list[str] | None = None


@attrs.define(kw_only=True)
class NamedVectorConfig(_Model):
    """One named vector: its vectorizer and its index."""

    vectorizer: NamedVectorizerConfig
    vector_index_config: VectorIndexConfig | None = None
    extra: dict[str, Any] = _extra()

    @property
    def vector_index_type(self) -> str | None:
        """The index type (``hnsw``, ``flat``, ...)."""
        vic = self.vector_index_config
        return None if vic is None else vic.vector_index_type()


#: The official client's name for a named vector's read model.
VectorConfig = NamedVectorConfig


def _named_vector_to_json(nv: NamedVectorConfig) -> dict[str, Any]:
    out: dict[str, Any] = copy.deepcopy(nv.extra)
    settings = copy.deepcopy(nv.vectorizer.model)
    if nv.vectorizer.source_properties is not None:
        settings["properties"] = list(nv.vectorizer.source_properties)
    out["vectorizer"] = {enum_value(nv.vectorizer.vectorizer): settings}
    if isinstance(nv.vector_index_config, VectorIndexConfigNone):
        # as the server reports a dropped index: the type alone, no settings
        out["vectorIndexType"] = VectorIndexType.NONE.value
        out.pop("vectorIndexConfig", None)
    elif nv.vector_index_config is not None:
        out["vectorIndexType"] = nv.vector_index_config.vector_index_type()
        out["vectorIndexConfig"] = nv.vector_index_config.to_dict()
    return out


_converter.register_unstructure_hook(NamedVectorConfig, _named_vector_to_json)


# --------------------------------------------------------------------------------------------
# Object time-to-live
# --------------------------------------------------------------------------------------------

_DELETE_ON_NAMES = {"_creationTimeUnix": "creationTime", "_lastUpdateTimeUnix": "updateTime"}
_DELETE_ON_KEYS = {v: k for k, v in _DELETE_ON_NAMES.items()}


def _number(value: Any) -> Any:
    """``value`` when it is a number (seconds), else None: the reply's entry is ignored."""
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _seconds(value: datetime.timedelta) -> int:
    return int(value.total_seconds())


def _delete_on_name(value: Any) -> str | None:
    return _DELETE_ON_NAMES.get(value, value) if isinstance(value, str) else None


def _delete_on_key(value: str) -> str:
    return _DELETE_ON_KEYS.get(value, value)


@attrs.define(kw_only=True)
class ObjectTTLConfig(_Model):
    """Object time-to-live settings (``objectTtlConfig``).

    ``delete_on`` is ``"creationTime"``, ``"updateTime"`` or the name of a date property.
    """

    enabled: bool = keyed("enabled", default=False)
    time_to_live: datetime.timedelta | None = keyed(
        "defaultTtl", order=2, read=_number, write=_seconds
    )
    filter_expired_objects: bool = keyed("filterExpiredObjects", default=False)
    delete_on: str = keyed(
        "deleteOn", order=1, default="creationTime", read=_delete_on_name, write=_delete_on_key
    )
    extra: dict[str, Any] = _extra()


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------


@attrs.define(kw_only=True)
class PropertyVectorizerConfig(_Model):
    """How one vectorizer treats a property."""

    skip: bool = keyed("skip", default=False)
    vectorize_property_name: bool = keyed("vectorizePropertyName", default=False)
    extra: dict[str, Any] = _extra()


@attrs.define(kw_only=True)
class TextAnalyzerConfig(_Model):
    """Text analysis options of a property (``textAnalyzer``)."""

    ascii_fold: bool = keyed("asciiFold", default=False)
    ascii_fold_ignore: list[str] | None = keyed("asciiFoldIgnore")
    stopword_preset: str | None = keyed("stopwordPreset")
    extra: dict[str, Any] = _extra()


def _first(value: Any) -> Any:
    """The first entry of the server's ``dataType`` list (a primitive property has one)."""
    return value[0] if isinstance(value, list) and value else value


def _type_list(value: DataType | str) -> list[str]:
    return [enum_value(value)]


def _data_type() -> Any:
    """The ``dataType`` field, written after the other keys as the server lists it last."""
    return keyed("dataType", order=1, default=DataType.TEXT, read=_first, write=_type_list)


@attrs.define(kw_only=True)
class NestedProperty(_Model):
    """A property nested in an ``object`` / ``object[]`` property."""

    name: str = keyed("name", default="")
    data_type: DataType = _data_type()
    description: str | None = keyed("description")
    index_filterable: bool = keyed("indexFilterable", default=False)
    index_searchable: bool = keyed("indexSearchable", default=False)
    index_range_filters: bool = keyed("indexRangeFilters", default=False)
    nested_properties: list[NestedProperty] | None = keyed("nestedProperties")
    text_analyzer: TextAnalyzerConfig | None = keyed("textAnalyzer")
    tokenization: Tokenization | None = keyed("tokenization")
    extra: dict[str, Any] = _extra()


@attrs.define(kw_only=True)
class PropertyConfig(_Model):
    """A data property of a collection.

    ``vectorizer_configs`` holds the per-vectorizer settings (``moduleConfig``);
    ``vectorizer`` / ``vectorizer_config`` are the legacy collection-level vectorizer and its
    entry, as in the official client.
    """

    name: str = keyed("name", default="")
    description: str | None = keyed("description")
    data_type: DataType = _data_type()
    index_filterable: bool = keyed("indexFilterable", default=False)
    index_range_filters: bool = keyed("indexRangeFilters", default=False)
    index_searchable: bool = keyed("indexSearchable", default=False)
    nested_properties: list[NestedProperty] | None = keyed("nestedProperties")
    text_analyzer: TextAnalyzerConfig | None = keyed("textAnalyzer")
    tokenization: Tokenization | None = keyed("tokenization")
    vectorizer_config: PropertyVectorizerConfig | None = None
    vectorizer: str | None = None
    vectorizer_configs: dict[str, PropertyVectorizerConfig] | None = keyed("moduleConfig")
    extra: dict[str, Any] = _extra()


@attrs.define(kw_only=True)
class ReferencePropertyConfig(_Model):
    """A cross-reference property of a collection."""

    name: str = keyed("name", default="")
    description: str | None = keyed("description")
    target_collections: list[str] = keyed("dataType", factory=list)
    extra: dict[str, Any] = _extra()


# --------------------------------------------------------------------------------------------
# Collections
# --------------------------------------------------------------------------------------------


def _module_config_to_json(
    generative: GenerativeConfig | None,
    reranker: RerankerConfig | None,
    vectorizer: VectorizerConfig | None,
    other: Mapping[str, Any],
) -> dict[str, Any]:
    mc: dict[str, Any] = copy.deepcopy(dict(other))
    if vectorizer is not None:
        mc[enum_value(vectorizer.vectorizer)] = {
            **copy.deepcopy(vectorizer.model),
            "vectorizeClassName": vectorizer.vectorize_collection_name,
        }
    if generative is not None:
        mc[enum_value(generative.generative)] = copy.deepcopy(generative.model)
    if reranker is not None:
        mc[enum_value(reranker.reranker)] = copy.deepcopy(reranker.model)
    return mc


@attrs.define(kw_only=True)
class CollectionConfigSimple(_Model):
    """The main parts of a collection's configuration (``list_all(simple=True)``)."""

    name: str
    description: str | None = None
    generative_config: GenerativeConfig | None = None
    properties: list[PropertyConfig] = attrs.field(factory=list)
    references: list[ReferencePropertyConfig] = attrs.field(factory=list)
    reranker_config: RerankerConfig | None = None
    vectorizer_config: VectorizerConfig | None = None
    vectorizer: Vectorizers | str | None = None
    vector_config: dict[str, NamedVectorConfig] | None = None
    object_ttl_config: ObjectTTLConfig | None = None


@attrs.define(kw_only=True)
class CollectionConfig(_Model):
    """A collection's full configuration, as ``collection.config.get()`` returns it."""

    name: str
    description: str | None = None
    generative_config: GenerativeConfig | None = None
    inverted_index_config: InvertedIndexConfig = attrs.field(factory=InvertedIndexConfig)
    multi_tenancy_config: MultiTenancyConfig = attrs.field(factory=MultiTenancyConfig)
    object_ttl_config: ObjectTTLConfig | None = None
    properties: list[PropertyConfig] = attrs.field(factory=list)
    references: list[ReferencePropertyConfig] = attrs.field(factory=list)
    replication_config: ReplicationConfig = attrs.field(factory=ReplicationConfig)
    reranker_config: RerankerConfig | None = None
    sharding_config: ShardingConfig | None = None
    vector_index_config: VectorIndexConfig | None = None
    vector_index_type: VectorIndexType | None = None
    vectorizer_config: VectorizerConfig | None = None
    vectorizer: Vectorizers | str | None = None
    vector_config: dict[str, NamedVectorConfig] | None = None
    #: class JSON keys without a field here (and module configs of other modules under
    #: ``moduleConfig``), written back by ``to_dict()``
    extra: dict[str, Any] = _extra()

    def to_simple(self) -> CollectionConfigSimple:
        """The :class:`CollectionConfigSimple` view of this configuration."""
        return CollectionConfigSimple(
            name=self.name,
            description=self.description,
            generative_config=self.generative_config,
            properties=self.properties,
            references=self.references,
            reranker_config=self.reranker_config,
            vectorizer_config=self.vectorizer_config,
            vectorizer=self.vectorizer,
            vector_config=self.vector_config,
            object_ttl_config=self.object_ttl_config,
        )


def _unstructure_collection(cfg: CollectionConfig) -> dict[str, Any]:
    out: dict[str, Any] = copy.deepcopy(cfg.extra)
    out.pop("moduleConfig", None)
    out["class"] = cfg.name
    if cfg.description is not None:
        out["description"] = cfg.description
    mc = _module_config_to_json(
        cfg.generative_config,
        cfg.reranker_config,
        cfg.vectorizer_config,
        cfg.extra.get("moduleConfig") or {},
    )
    if mc:
        out["moduleConfig"] = mc
    out["invertedIndexConfig"] = cfg.inverted_index_config.to_dict()
    out["multiTenancyConfig"] = cfg.multi_tenancy_config.to_dict()
    out["replicationConfig"] = cfg.replication_config.to_dict()
    if cfg.sharding_config is not None and not cfg.multi_tenancy_config.enabled:
        out["shardingConfig"] = cfg.sharding_config.to_dict()
    if cfg.object_ttl_config is not None:
        out["objectTtlConfig"] = cfg.object_ttl_config.to_dict()
    if cfg.vector_index_config is not None:
        out["vectorIndexType"] = cfg.vector_index_config.vector_index_type()
        out["vectorIndexConfig"] = cfg.vector_index_config.to_dict()
    if cfg.vectorizer is not None:
        out["vectorizer"] = enum_value(cfg.vectorizer)
    if cfg.vector_config is not None:
        out["vectorConfig"] = {k: _named_vector_to_json(v) for k, v in cfg.vector_config.items()}
    out["properties"] = [p.to_dict() for p in cfg.properties] + [
        r.to_dict() for r in cfg.references
    ]
    return out


def _unstructure_property(p: PropertyConfig) -> dict[str, Any]:
    out: dict[str, Any] = _make_unstructure(PropertyConfig)(p)
    if p.vectorizer_config is not None and p.vectorizer is not None:
        mc = out.setdefault("moduleConfig", {})
        mc.setdefault(p.vectorizer, p.vectorizer_config.to_dict())
    return out


_converter.register_unstructure_hook(CollectionConfig, _unstructure_collection)
_converter.register_unstructure_hook(PropertyConfig, _unstructure_property)


def _unstructure_simple(cfg: CollectionConfigSimple) -> dict[str, Any]:
    out: dict[str, Any] = {"class": cfg.name}
    if cfg.description is not None:
        out["description"] = cfg.description
    mc = _module_config_to_json(
        cfg.generative_config, cfg.reranker_config, cfg.vectorizer_config, {}
    )
    if mc:
        out["moduleConfig"] = mc
    if cfg.vectorizer is not None:
        out["vectorizer"] = enum_value(cfg.vectorizer)
    if cfg.vector_config is not None:
        out["vectorConfig"] = {k: _named_vector_to_json(v) for k, v in cfg.vector_config.items()}
    if cfg.object_ttl_config is not None:
        out["objectTtlConfig"] = cfg.object_ttl_config.to_dict()
    out["properties"] = [p.to_dict() for p in cfg.properties] + [
        r.to_dict() for r in cfg.references
    ]
    return out


_converter.register_unstructure_hook(CollectionConfigSimple, _unstructure_simple)


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


@attrs.frozen(kw_only=True)
class ShardStatus(_Model):
    """The status of one shard.

    ``per_node_status`` is the state of each replica by node name, from servers that report
    it (1.40 and later); None from older servers, which report one ``status``.
    """

    name: str = keyed("name", default="")
    status: str = keyed("status", default="")
    vector_queue_size: int = keyed("vectorQueueSize", default=0)
    per_node_status: dict[str, str] | None = keyed("per_node_status")
    extra: dict[str, Any] = _extra()


for _cls in (
    BM25Config,
    StopwordsConfig,
    InvertedIndexConfig,
    MultiTenancyConfig,
    AsyncReplicationConfig,
    ReplicationConfig,
    ShardingConfig,
    PQEncoderConfig,
    PQConfig,
    BQConfig,
    SQConfig,
    RQConfig,
    MuveraConfig,
    MultiVectorConfig,
    VectorIndexConfigHNSW,
    VectorIndexConfigFlat,
    VectorIndexConfigHFresh,
    VectorIndexConfigDynamic,
    GenerativeConfig,
    RerankerConfig,
    VectorizerConfig,
    NamedVectorizerConfig,
    NamedVectorConfig,
    ObjectTTLConfig,
    PropertyVectorizerConfig,
    TextAnalyzerConfig,
    NestedProperty,
    PropertyConfig,
    ReferencePropertyConfig,
    CollectionConfigSimple,
    CollectionConfig,
    ShardStatus,
):
    attrs.resolve_types(_cls, globals())
