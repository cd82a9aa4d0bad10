"""Collection configuration: the builders (``Configure``, ``Reconfigure``, ``Property`` ...), the
read models (``CollectionConfig``, ``PropertyConfig`` ...) and their enums, at the official
``weaviate.collections.classes.config`` path.

Every name of :mod:`weaviate_async.classes.config` is here too (the same objects), plus the read
models and the type aliases the official module defines beside them.
"""

from __future__ import annotations

from typing import Literal, TypeAlias, TypeVar

from weaviate_async.classes import config as _config
from weaviate_async.classes.config import *  # noqa: F403  (the builders, as they grow)
from weaviate_async.classes.config import (
    InvertedIndexConfigCreate as InvertedIndexConfigCreate,
)
from weaviate_async.classes.config import (
    MultiTenancyConfigCreate as MultiTenancyConfigCreate,
)
from weaviate_async.classes.config import (
    ReplicationConfigCreate as ReplicationConfigCreate,
)
from weaviate_async.classes.config import (
    ShardingConfigCreate as ShardingConfigCreate,
)
from weaviate_async.classes.config_models import (
    AsyncReplicationConfig as AsyncReplicationConfig,
)
from weaviate_async.classes.config_models import (
    BM25Config as BM25Config,
)
from weaviate_async.classes.config_models import (
    BQConfig as BQConfig,
)
from weaviate_async.classes.config_models import (
    CollectionConfig as CollectionConfig,
)
from weaviate_async.classes.config_models import (
    CollectionConfigSimple as CollectionConfigSimple,
)
from weaviate_async.classes.config_models import (
    GenerativeConfig as GenerativeConfig,
)
from weaviate_async.classes.config_models import (
    InvertedIndexConfig as InvertedIndexConfig,
)
from weaviate_async.classes.config_models import (
    MultiTenancyConfig as MultiTenancyConfig,
)
from weaviate_async.classes.config_models import (
    MuveraConfig as MuveraConfig,
)
from weaviate_async.classes.config_models import (
    NamedVectorConfig as NamedVectorConfig,
)
from weaviate_async.classes.config_models import (
    NestedProperty as NestedProperty,
)
from weaviate_async.classes.config_models import (
    ObjectTTLConfig as ObjectTTLConfig,
)
from weaviate_async.classes.config_models import (
    PQConfig as PQConfig,
)
from weaviate_async.classes.config_models import (
    PQEncoderConfig as PQEncoderConfig,
)
from weaviate_async.classes.config_models import (
    PropertyConfig as PropertyConfig,
)
from weaviate_async.classes.config_models import (
    PropertyVectorizerConfig as PropertyVectorizerConfig,
)
from weaviate_async.classes.config_models import (
    ReferencePropertyConfig as ReferencePropertyConfig,
)
from weaviate_async.classes.config_models import (
    ReplicationConfig as ReplicationConfig,
)
from weaviate_async.classes.config_models import (
    RerankerConfig as RerankerConfig,
)
from weaviate_async.classes.config_models import (
    RQConfig as RQConfig,
)
from weaviate_async.classes.config_models import (
    ShardingConfig as ShardingConfig,
)
from weaviate_async.classes.config_models import (
    ShardStatus as ShardStatus,
)
from weaviate_async.classes.config_models import (
    SQConfig as SQConfig,
)
from weaviate_async.classes.config_models import (
    StopwordsConfig as StopwordsConfig,
)
from weaviate_async.classes.config_models import (
    TextAnalyzerConfig as TextAnalyzerConfig,
)
from weaviate_async.classes.config_models import (
    VectorIndexConfigDynamic as VectorIndexConfigDynamic,
)
from weaviate_async.classes.config_models import (
    VectorIndexConfigFlat as VectorIndexConfigFlat,
)
from weaviate_async.classes.config_models import (
    VectorIndexConfigHFresh as VectorIndexConfigHFresh,
)
from weaviate_async.classes.config_models import (
    VectorIndexConfigHNSW as VectorIndexConfigHNSW,
)
from weaviate_async.classes.config_models import (
    VectorIndexConfigNone as VectorIndexConfigNone,
)
from weaviate_async.classes.config_models import (
    VectorizerConfig as VectorizerConfig,
)
from weaviate_async.classes.config_properties import PropertyType as PropertyType
from weaviate_async.classes.config_vectorizers import AWSService as AWSService
from weaviate_async.outputs.config import MultiVectorConfig

MultiVector = MultiVectorConfig
"""The multi-vector settings of a vector index as read back (``MultiVectorConfig``)."""

T = TypeVar("T")
"""The type variable of the official configuration builders' generic methods."""

OpenAiVerbosity: TypeAlias = Literal["low", "medium", "high"]
"""The ``verbosity`` values the OpenAI generative module documents (any string is sent)."""
OpenAiReasoningEffort: TypeAlias = Literal["minimal", "low", "medium", "high"]
"""The ``reasoning_effort`` values the OpenAI generative module documents."""
MetaReasoningEffort: TypeAlias = Literal["none", "minimal", "low", "medium", "high", "xhigh"]
"""The ``reasoning_effort`` values the Meta generative module documents."""
RerankerCohereModel: TypeAlias = Literal["rerank-english-v2.0", "rerank-multilingual-v2.0"]
"""Cohere reranker models named by the official client (any string is sent)."""
RerankerJinaAIModel: TypeAlias = Literal[
    "jina-reranker-v2-base-multilingual",
    "jina-reranker-v1-base-en",
    "jina-reranker-v1-turbo-en",
    "jina-reranker-v1-tiny-en",
    "jina-colbert-v1-en",
]
"""Jina AI reranker models named by the official client (any string is sent)."""
RerankerVoyageAIModel: TypeAlias = Literal["rerank-2", "rerank-2-lite", "rerank-lite-1", "rerank-1"]
"""Voyage AI reranker models named by the official client (any string is sent)."""
RerankerContextualAIModel: TypeAlias = Literal[
    "ctxl-rerank-v2-instruct-multilingual",
    "ctxl-rerank-v2-instruct-multilingual-mini",
    "ctxl-rerank-v1-instruct",
]
"""Contextual AI reranker models named by the official client (any string is sent)."""

__all__ = sorted(
    {
        *_config.__all__,
        "AWSService",
        "AsyncReplicationConfig",
        "BM25Config",
        "BQConfig",
        "CollectionConfig",
        "CollectionConfigSimple",
        "GenerativeConfig",
        "InvertedIndexConfig",
        "InvertedIndexConfigCreate",
        "MetaReasoningEffort",
        "MultiTenancyConfig",
        "MultiTenancyConfigCreate",
        "MultiVector",
        "MuveraConfig",
        "NamedVectorConfig",
        "NestedProperty",
        "ObjectTTLConfig",
        "OpenAiReasoningEffort",
        "OpenAiVerbosity",
        "PQConfig",
        "PQEncoderConfig",
        "PropertyConfig",
        "PropertyType",
        "PropertyVectorizerConfig",
        "RQConfig",
        "ReferencePropertyConfig",
        "ReplicationConfig",
        "ReplicationConfigCreate",
        "RerankerCohereModel",
        "RerankerConfig",
        "RerankerContextualAIModel",
        "RerankerJinaAIModel",
        "RerankerVoyageAIModel",
        "SQConfig",
        "ShardStatus",
        "ShardingConfig",
        "ShardingConfigCreate",
        "StopwordsConfig",
        "T",
        "TextAnalyzerConfig",
        "VectorIndexConfigDynamic",
        "VectorIndexConfigFlat",
        "VectorIndexConfigHFresh",
        "VectorIndexConfigHNSW",
        "VectorIndexConfigNone",
        "VectorizerConfig",
    }
)
