"""Collection configuration: the module users import.

Examples:
    >>> from weaviate_async.classes.config import Configure, Property, DataType
    >>> await client.collections.create(
    ...     "Article",
    ...     properties=[Property(name="title", data_type=DataType.TEXT)],
    ...     vector_config=Configure.Vectors.self_provided(),
    ...     inverted_index_config=Configure.inverted_index(bm25_b=0.7, bm25_k1=1.1),
    ... )

``Configure`` builds every part of a new collection; ``Reconfigure`` builds the parts a running
collection can change (``collection.config.update``). Builders check their arguments when called
and raise :class:`~weaviate_async.exceptions.WeaviateInvalidInputError` naming the field.
"""

from __future__ import annotations

import warnings

from weaviate_async.classes._config_base import (
    _GenerativeProvider,
    _RerankerProvider,
    _VectorConfigCreate,
    _VectorIndexConfigCreate,
    _VectorizerConfigCreate,
)
from weaviate_async.classes.config_collection import (
    ConsistencyLevel,
    ReplicationDeletionStrategy,
    _AsyncReplicationConfigCreate,
    _AsyncReplicationConfigUpdate,
    _InvertedIndexConfigCreate,
    _InvertedIndexConfigUpdate,
    _MultiTenancyConfigCreate,
    _MultiTenancyConfigUpdate,
    _ObjectTTL,
    _ObjectTTLConfigCreate,
    _ObjectTTLConfigUpdate,
    _ObjectTTLUpdate,
    _Replication,
    _ReplicationConfigCreate,
    _ReplicationConfigUpdate,
    _ReplicationUpdate,
    _ShardingConfigCreate,
    text_analyzer,
    warn_async_enabled,
)
from weaviate_async.classes.config_generative import _Generative
from weaviate_async.classes.config_index import (
    MultiVectorAggregation,
    PQEncoderDistribution,
    PQEncoderType,
    VectorDistances,
    VectorFilterStrategy,
    VectorIndexType,
    _VectorConfigUpdate,
    _VectorIndex,
    _VectorIndexConfigDynamicCreate,
    _VectorIndexConfigDynamicUpdate,
    _VectorIndexConfigFlatCreate,
    _VectorIndexConfigFlatUpdate,
    _VectorIndexConfigHFreshCreate,
    _VectorIndexConfigHFreshUpdate,
    _VectorIndexConfigHNSWCreate,
    _VectorIndexConfigHNSWUpdate,
    _VectorIndexConfigSkipCreate,
    _VectorIndexConfigUpdate,
    _VectorIndexUpdate,
    _VectorsUpdate,
)
from weaviate_async.classes.config_models import (
    AsyncReplicationConfig,
    BM25Config,
    BQConfig,
    CollectionConfig,
    CollectionConfigSimple,
    GenerativeConfig,
    InvertedIndexConfig,
    MultiTenancyConfig,
    MultiVectorConfig,
    MuveraConfig,
    NamedVectorConfig,
    NamedVectorizerConfig,
    NestedProperty,
    ObjectTTLConfig,
    PQConfig,
    PQEncoderConfig,
    PropertyConfig,
    PropertyVectorizerConfig,
    ReferencePropertyConfig,
    ReplicationConfig,
    RerankerConfig,
    RQConfig,
    ShardingConfig,
    ShardStatus,
    ShardTypes,
    SQConfig,
    StopwordsConfig,
    TextAnalyzerConfig,
    VectorConfig,
    VectorIndexConfigDynamic,
    VectorIndexConfigFlat,
    VectorIndexConfigHFresh,
    VectorIndexConfigHNSW,
    VectorizerConfig,
)
from weaviate_async.classes.config_module_names import GenerativeSearches, Rerankers, Vectorizers
from weaviate_async.classes.config_properties import (
    DataType,
    IndexName,
    Property,
    ReferenceProperty,
    StopwordsCreate,
    StopwordsPreset,
    TextAnalyzerConfigCreate,
    Tokenization,
    _ReferencePropertyMultiTarget,
)
from weaviate_async.classes.config_rerankers import _Reranker
from weaviate_async.classes.config_vectorizers import (
    Multi2VecField,
    _MultiVectors,
    _NamedVectors,
    _Vectorizer,
    _Vectors,
)
from weaviate_async.connect.integrations import Integrations

__all__ = [
    "AsyncReplicationConfig",
    "BM25Config",
    "BQConfig",
    "CollectionConfig",
    "CollectionConfigSimple",
    "Configure",
    "ConsistencyLevel",
    "DataType",
    "GenerativeConfig",
    "GenerativeProvider",
    "GenerativeSearches",
    "IndexName",
    "Integrations",
    "InvertedIndexConfig",
    "InvertedIndexConfigCreate",
    "InvertedIndexConfigUpdate",
    "Multi2VecField",
    "MultiTenancyConfig",
    "MultiTenancyConfigCreate",
    "MultiTenancyConfigUpdate",
    "MultiVectorAggregation",
    "MultiVectorConfig",
    "MuveraConfig",
    "NamedVectorConfig",
    "NamedVectorizerConfig",
    "NestedProperty",
    "ObjectTTLConfig",
    "ObjectTTLConfigCreate",
    "ObjectTTLConfigUpdate",
    "PQConfig",
    "PQEncoderConfig",
    "PQEncoderDistribution",
    "PQEncoderType",
    "Property",
    "PropertyConfig",
    "PropertyVectorizerConfig",
    "RQConfig",
    "Reconfigure",
    "ReferenceProperty",
    "ReferencePropertyBase",
    "ReferencePropertyConfig",
    "ReferencePropertyMultiTarget",
    "ReplicationConfig",
    "ReplicationConfigCreate",
    "ReplicationConfigUpdate",
    "ReplicationDeletionStrategy",
    "RerankerConfig",
    "RerankerProvider",
    "Rerankers",
    "SQConfig",
    "ShardStatus",
    "ShardTypes",
    "ShardingConfig",
    "ShardingConfigCreate",
    "StopwordsConfig",
    "StopwordsCreate",
    "StopwordsPreset",
    "TextAnalyzerConfig",
    "TextAnalyzerConfigCreate",
    "Tokenization",
    "VectorConfig",
    "VectorConfigCreate",
    "VectorConfigUpdate",
    "VectorDistances",
    "VectorFilterStrategy",
    "VectorIndexConfigCreate",
    "VectorIndexConfigDynamic",
    "VectorIndexConfigDynamicCreate",
    "VectorIndexConfigDynamicUpdate",
    "VectorIndexConfigFlat",
    "VectorIndexConfigFlatCreate",
    "VectorIndexConfigFlatUpdate",
    "VectorIndexConfigHFresh",
    "VectorIndexConfigHFreshCreate",
    "VectorIndexConfigHFreshUpdate",
    "VectorIndexConfigHNSW",
    "VectorIndexConfigHNSWCreate",
    "VectorIndexConfigHNSWUpdate",
    "VectorIndexConfigSkipCreate",
    "VectorIndexConfigUpdate",
    "VectorIndexType",
    "VectorizerConfig",
    "Vectorizers",
    "_GenerativeProvider",
    "_RerankerProvider",
    "_VectorConfigCreate",
    "_VectorConfigUpdate",
    "_VectorIndexConfigCreate",
    "_VectorizerConfigCreate",
]


class _NamedVectorsUpdate:
    """``Reconfigure.NamedVectors``: the older spelling of ``Reconfigure.Vectors``."""

    @staticmethod
    def update(name: str, *, vector_index_config: _VectorIndexConfigUpdate) -> _VectorConfigUpdate:
        """Change the index of the named vector ``name``.

        Args:
            name: the vector's name.
            vector_index_config: ``Reconfigure.VectorIndex.hnsw/flat/dynamic/hfresh(...)``.
        """
        return _VectorConfigUpdate(name=name, vector_index_config=vector_index_config)


class Configure:
    """Builders for ``collections.create(...)``.

    Each static method or nested namespace builds one argument: ``inverted_index`` for
    ``inverted_index_config``, ``Vectors.*`` for ``vector_config``, ``Generative.*`` for
    ``generative_config`` and so on.
    """

    Generative = _Generative
    Reranker = _Reranker
    Vectorizer = _Vectorizer
    VectorIndex = _VectorIndex
    NamedVectors = _NamedVectors
    Vectors = _Vectors
    MultiVectors = _MultiVectors
    ObjectTTL = _ObjectTTL
    Replication = _Replication

    text_analyzer = staticmethod(text_analyzer)

    @staticmethod
    def inverted_index(
        bm25_b: float | None = None,
        bm25_k1: float | None = None,
        cleanup_interval_seconds: int | None = None,
        index_timestamps: bool | None = None,
        index_property_length: bool | None = None,
        index_null_state: bool | None = None,
        stopwords_preset: StopwordsPreset | str | None = None,
        stopwords_additions: list[str] | None = None,
        stopwords_removals: list[str] | None = None,
        stopword_presets: dict[str, list[str]] | None = None,
    ) -> _InvertedIndexConfigCreate:
        """The keyword (inverted) index settings; None leaves each server default.

        Args:
            bm25_b: BM25 ``b`` in [0, 1] (default 0.75); set together with ``bm25_k1``.
            bm25_k1: BM25 ``k1`` >= 0 (default 1.2); set together with ``bm25_b``.
            cleanup_interval_seconds: seconds between index cleanups (default 60).
            index_timestamps: index creation/update times, for filtering on them.
            index_property_length: index property lengths, for filtering on them.
            index_null_state: index null state, for ``is_none`` filters.
            stopwords_preset: ``en`` (default) or ``none``.
            stopwords_additions: words added to the preset.
            stopwords_removals: words removed from the preset.
            stopword_presets: named stopword lists for properties' text analyzers (1.37+).
        """
        return _InvertedIndexConfigCreate(
            bm25_b=bm25_b,
            bm25_k1=bm25_k1,
            cleanup_interval_seconds=cleanup_interval_seconds,
            index_timestamps=index_timestamps,
            index_property_length=index_property_length,
            index_null_state=index_null_state,
            stopwords_preset=stopwords_preset,
            stopwords_additions=stopwords_additions,
            stopwords_removals=stopwords_removals,
            stopword_presets=stopword_presets,
        )

    @staticmethod
    def multi_tenancy(
        enabled: bool = True,
        auto_tenant_creation: bool | None = None,
        auto_tenant_activation: bool | None = None,
    ) -> _MultiTenancyConfigCreate:
        """Multi-tenancy settings.

        Args:
            enabled: turn multi-tenancy on (default True).
            auto_tenant_creation: create missing tenants on insert.
            auto_tenant_activation: activate inactive tenants when accessed.
        """
        return _MultiTenancyConfigCreate(
            enabled=enabled,
            auto_tenant_creation=auto_tenant_creation,
            auto_tenant_activation=auto_tenant_activation,
        )

    @staticmethod
    def replication(
        factor: int | None = None,
        async_enabled: bool | None = None,
        deletion_strategy: ReplicationDeletionStrategy | str | None = None,
        async_config: _AsyncReplicationConfigCreate | None = None,
    ) -> _ReplicationConfigCreate:
        """Replication settings.

        Args:
            factor: number of replicas (>= 1; at most the number of nodes).
            async_enabled: enable async replication.
            deletion_strategy: how deletion conflicts are resolved.
            async_config: ``Configure.Replication.async_config(...)`` tuning.

        ``async_enabled`` is deprecated (DeprecationWarning): servers 1.38+ drop it and run
        async replication for every collection with a factor above 1.
        """
        if async_enabled is not None:
            warn_async_enabled()
        return _ReplicationConfigCreate(
            factor=factor,
            async_enabled=async_enabled,
            deletion_strategy=deletion_strategy,
            async_config=async_config,
        )

    @staticmethod
    def sharding(
        virtual_per_physical: int | None = None,
        desired_count: int | None = None,
        actual_count: int | None = None,
        desired_virtual_count: int | None = None,
        actual_virtual_count: int | None = None,
    ) -> _ShardingConfigCreate:
        """Sharding settings (not with multi-tenancy).

        Args:
            virtual_per_physical: virtual shards per physical shard.
            desired_count: physical shards wanted.
            actual_count: read-only on the server; accepted for compatibility, warns, not sent.
            desired_virtual_count: virtual shards wanted.
            actual_virtual_count: read-only on the server; accepted, warns, not sent.
        """
        for name, value in (
            ("actual_count", actual_count),
            ("actual_virtual_count", actual_virtual_count),
        ):
            if value is not None:
                warnings.warn(
                    f"{name!r} is read-only on the server and has no effect",
                    DeprecationWarning,
                    stacklevel=2,
                )
        return _ShardingConfigCreate(
            virtual_per_physical=virtual_per_physical,
            desired_count=desired_count,
            desired_virtual_count=desired_virtual_count,
        )


class Reconfigure:
    """Builders for ``collection.config.update(...)``: only what a collection can change."""

    NamedVectors = _NamedVectorsUpdate
    Vectors = _VectorsUpdate
    VectorIndex = _VectorIndexUpdate
    Generative = _Generative
    Reranker = _Reranker
    ObjectTTL = _ObjectTTLUpdate
    Replication = _ReplicationUpdate

    @staticmethod
    def inverted_index(
        bm25_b: float | None = None,
        bm25_k1: float | None = None,
        cleanup_interval_seconds: int | None = None,
        stopwords_additions: list[str] | None = None,
        stopwords_preset: StopwordsPreset | str | None = None,
        stopwords_removals: list[str] | None = None,
        stopword_presets: dict[str, list[str]] | None = None,
    ) -> _InvertedIndexConfigUpdate:
        """Change the inverted index; None keeps each current value.

        Args:
            bm25_b: BM25 ``b`` in [0, 1].
            bm25_k1: BM25 ``k1`` >= 0.
            cleanup_interval_seconds: seconds between index cleanups.
            stopwords_additions: words added to the preset (replaces the current list).
            stopwords_preset: ``en`` or ``none``.
            stopwords_removals: words removed from the preset (replaces the current list).
            stopword_presets: the whole map of named stopword lists (replaces it).
        """
        return _InvertedIndexConfigUpdate(
            bm25_b=bm25_b,
            bm25_k1=bm25_k1,
            cleanup_interval_seconds=cleanup_interval_seconds,
            stopwords_additions=stopwords_additions,
            stopwords_preset=stopwords_preset,
            stopwords_removals=stopwords_removals,
            stopword_presets=stopword_presets,
        )

    @staticmethod
    def replication(
        factor: int | None = None,
        async_enabled: bool | None = None,
        deletion_strategy: ReplicationDeletionStrategy | str | None = None,
        async_config: _AsyncReplicationConfigUpdate | None = None,
    ) -> _ReplicationConfigUpdate:
        """Change replication; None keeps each current value.

        Args:
            factor: number of replicas.
            async_enabled: enable or disable async replication.
            deletion_strategy: how deletion conflicts are resolved.
            async_config: ``Reconfigure.Replication.async_config(...)``; replaces the current.

        ``async_enabled`` is deprecated (DeprecationWarning), as in ``Configure.replication``.
        """
        if async_enabled is not None:
            warn_async_enabled()
        return _ReplicationConfigUpdate(
            factor=factor,
            async_enabled=async_enabled,
            deletion_strategy=deletion_strategy,
            async_config=async_config,
        )

    @staticmethod
    def multi_tenancy(
        auto_tenant_creation: bool | None = None,
        auto_tenant_activation: bool | None = None,
    ) -> _MultiTenancyConfigUpdate:
        """Change the multi-tenancy flags; None keeps each current value.

        Args:
            auto_tenant_creation: create missing tenants on insert.
            auto_tenant_activation: activate inactive tenants when accessed.
        """
        return _MultiTenancyConfigUpdate(
            auto_tenant_creation=auto_tenant_creation,
            auto_tenant_activation=auto_tenant_activation,
        )


# The official client's public names of the builder types (4.24): each is the class our
# builders return, so isinstance checks, annotations and direct use work on both.
GenerativeProvider = _GenerativeProvider
RerankerProvider = _RerankerProvider
InvertedIndexConfigCreate = _InvertedIndexConfigCreate
InvertedIndexConfigUpdate = _InvertedIndexConfigUpdate
MultiTenancyConfigCreate = _MultiTenancyConfigCreate
MultiTenancyConfigUpdate = _MultiTenancyConfigUpdate
ObjectTTLConfigCreate = _ObjectTTLConfigCreate
ObjectTTLConfigUpdate = _ObjectTTLConfigUpdate
#: the base of both reference builders (ours: ReferenceProperty, which MultiTarget extends)
ReferencePropertyBase = ReferenceProperty
ReferencePropertyMultiTarget = _ReferencePropertyMultiTarget
ReplicationConfigCreate = _ReplicationConfigCreate
ReplicationConfigUpdate = _ReplicationConfigUpdate
ShardingConfigCreate = _ShardingConfigCreate
VectorConfigCreate = _VectorConfigCreate
VectorConfigUpdate = _VectorConfigUpdate
VectorIndexConfigCreate = _VectorIndexConfigCreate
VectorIndexConfigUpdate = _VectorIndexConfigUpdate
VectorIndexConfigSkipCreate = _VectorIndexConfigSkipCreate
VectorIndexConfigHNSWCreate = _VectorIndexConfigHNSWCreate
VectorIndexConfigHNSWUpdate = _VectorIndexConfigHNSWUpdate
VectorIndexConfigFlatCreate = _VectorIndexConfigFlatCreate
VectorIndexConfigFlatUpdate = _VectorIndexConfigFlatUpdate
VectorIndexConfigDynamicCreate = _VectorIndexConfigDynamicCreate
VectorIndexConfigDynamicUpdate = _VectorIndexConfigDynamicUpdate
VectorIndexConfigHFreshCreate = _VectorIndexConfigHFreshCreate
VectorIndexConfigHFreshUpdate = _VectorIndexConfigHFreshUpdate
