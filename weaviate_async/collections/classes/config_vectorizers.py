"""Vectorizer settings and the model names the official client lists for each provider, at the
official ``weaviate.collections.classes.config_vectorizers`` path.

The model aliases are for annotations only: a vectorizer factory accepts any model name and
sends it as given.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

from weaviate_async.classes.config_index import VectorDistances
from weaviate_async.classes.config_module_names import Vectorizers
from weaviate_async.classes.config_vectorizers import (
    AWSService,
    CohereTruncation,
    Multi2VecField,
    OpenAIType,
)

__all__ = [
    "AWSModel",
    "AWSService",
    "CohereModel",
    "CohereMultimodalModel",
    "CohereTruncation",
    "JinaModel",
    "JinaMultimodalModel",
    "Multi2VecField",
    "OpenAIModel",
    "OpenAIType",
    "VectorDistances",
    "Vectorizers",
    "VoyageModel",
    "VoyageMultimodalModel",
    "WeaviateModel",
    "WeaviateMultimodalModel",
]

CohereModel: TypeAlias = Literal[
    "embed-v4.0",
    "embed-multilingual-v2.0",
    "embed-multilingual-v3.0",
    "embed-multilingual-light-v3.0",
    "small",
    "medium",
    "large",
    "multilingual-22-12",
    "embed-english-v2.0",
    "embed-english-light-v2.0",
    "embed-english-v3.0",
    "embed-english-light-v3.0",
]
"""Cohere text embedding models."""
CohereMultimodalModel: TypeAlias = Literal[
    "embed-v4.0",
    "embed-multilingual-v3.0",
    "embed-multilingual-light-v3.0",
    "embed-english-v3.0",
    "embed-english-light-v3.0",
]
"""Cohere multimodal embedding models."""
OpenAIModel: TypeAlias = Literal[
    "text-embedding-3-small", "text-embedding-3-large", "text-embedding-ada-002"
]
"""OpenAI embedding models."""
JinaModel: TypeAlias = Literal[
    "jina-embeddings-v2-base-en",
    "jina-embeddings-v2-small-en",
    "jina-embeddings-v2-base-zh",
    "jina-embeddings-v2-base-es",
    "jina-embeddings-v2-base-code",
    "jina-embeddings-v3",
    "jina-embeddings-v4",
]
"""Jina AI text embedding models."""
JinaMultimodalModel: TypeAlias = Literal["jina-clip-v1", "jina-clip-v2", "jina-embeddings-v4"]
"""Jina AI multimodal embedding models."""
VoyageModel: TypeAlias = Literal[
    "voyage-4",
    "voyage-4-lite",
    "voyage-4-large",
    "voyage-3.5",
    "voyage-3.5-lite",
    "voyage-3-large",
    "voyage-3",
    "voyage-3-lite",
    "voyage-context-3",
    "voyage-large-2",
    "voyage-code-2",
    "voyage-2",
    "voyage-law-2",
    "voyage-large-2-instruct",
    "voyage-finance-2",
    "voyage-multilingual-2",
]
"""Voyage AI text embedding models."""
VoyageMultimodalModel: TypeAlias = Literal["voyage-multimodal-3", "voyage-multimodal-3.5"]
"""Voyage AI multimodal embedding models."""
AWSModel: TypeAlias = Literal[
    "amazon.titan-embed-text-v1",
    "cohere.embed-english-v3",
    "cohere.embed-multilingual-v3",
]
"""AWS Bedrock embedding models."""
WeaviateModel: TypeAlias = Literal[
    "Snowflake/snowflake-arctic-embed-l-v2.0", "Snowflake/snowflake-arctic-embed-m-v1.5"
]
"""Weaviate Embeddings text models."""
WeaviateMultimodalModel: TypeAlias = Literal["ModernVBERT/colmodernvbert"]
"""Weaviate Embeddings multimodal models."""
