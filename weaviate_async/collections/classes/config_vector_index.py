"""Vector index settings (the index types, distances, filter strategies and quantizer enums),
at the official ``weaviate.collections.classes.config_vector_index`` path.

Every name of :mod:`weaviate_async.classes.config` is here too (the same objects), so the index
configuration classes are found here as they are added there.
"""

from __future__ import annotations

from weaviate_async.classes import config as _config
from weaviate_async.classes.config import *  # noqa: F403  (the index builders, as they grow)
from weaviate_async.classes.config_index import (
    MultiVectorAggregation as MultiVectorAggregation,
)
from weaviate_async.classes.config_index import (
    PQEncoderDistribution as PQEncoderDistribution,
)
from weaviate_async.classes.config_index import (
    PQEncoderType as PQEncoderType,
)
from weaviate_async.classes.config_index import (
    VectorFilterStrategy as VectorFilterStrategy,
)
from weaviate_async.classes.config_index import (
    VectorIndexType as VectorIndexType,
)

__all__ = sorted(
    {
        *_config.__all__,
        "MultiVectorAggregation",
        "PQEncoderDistribution",
        "PQEncoderType",
        "VectorFilterStrategy",
        "VectorIndexType",
    }
)
