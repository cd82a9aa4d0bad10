"""The names of the server's modules, as the official client enumerates them.

``Vectorizers``, ``GenerativeSearches`` and ``Rerankers`` name the ``text2vec-*`` /
``multi2vec-*`` / ``generative-*`` / ``reranker-*`` modules. They are ``str`` enums, so a member
compares equal to the module name the server reports, and the read models hold them when the
server names a module listed here (a module this list does not know stays a plain string).

The members and their values follow the official client 4.23 exactly, including its older names
(``text2vec-palm``, ``text2colbert-jinaai``): the factories of ``Configure`` send the module names
the server registers today (``text2vec-google``, ``text2multivec-jinaai``), which it also accepts
under the older names.

Examples:
    >>> cfg = await collection.config.get()
    >>> cfg.generative_config.generative == GenerativeSearches.OPENAI
    True
"""

from __future__ import annotations

from enum import Enum

__all__ = ["GenerativeSearches", "Rerankers", "Vectorizers"]


class Vectorizers(str, Enum):
    """The vectorizer modules (``vectorizer`` of a vector's configuration).

    ``NONE`` means vectors are provided by the user (``Configure.Vectors.self_provided()``).
    """

    NONE = "none"
    TEXT2COLBERT_JINAAI = "text2colbert-jinaai"
    TEXT2VEC_AWS = "text2vec-aws"
    TEXT2VEC_COHERE = "text2vec-cohere"
    TEXT2VEC_CONTEXTIONARY = "text2vec-contextionary"
    TEXT2VEC_DATABRICKS = "text2vec-databricks"
    TEXT2VEC_DIGITALOCEAN = "text2vec-digitalocean"
    TEXT2VEC_GPT4ALL = "text2vec-gpt4all"
    TEXT2VEC_HUGGINGFACE = "text2vec-huggingface"
    TEXT2VEC_MISTRAL = "text2vec-mistral"
    TEXT2VEC_MORPH = "text2vec-morph"
    TEXT2VEC_MODEL2VEC = "text2vec-model2vec"
    TEXT2VEC_NVIDIA = "text2vec-nvidia"
    TEXT2VEC_OLLAMA = "text2vec-ollama"
    TEXT2VEC_OPENAI = "text2vec-openai"
    TEXT2VEC_PALM = "text2vec-palm"
    TEXT2VEC_TRANSFORMERS = "text2vec-transformers"
    TEXT2VEC_JINAAI = "text2vec-jinaai"
    TEXT2VEC_VOYAGEAI = "text2vec-voyageai"
    TEXT2VEC_WEAVIATE = "text2vec-weaviate"
    IMG2VEC_NEURAL = "img2vec-neural"
    MULTI2VEC_AWS = "multi2vec-aws"
    MULTI2VEC_CLIP = "multi2vec-clip"
    MULTI2VEC_COHERE = "multi2vec-cohere"
    MULTI2VEC_JINAAI = "multi2vec-jinaai"
    MULTI2MULTI_JINAAI = "multi2multivec-jinaai"
    MULTI2MULTI_WEAVIATE = "multi2multivec-weaviate"
    MULTI2VEC_BIND = "multi2vec-bind"
    MULTI2VEC_PALM = "multi2vec-palm"
    MULTI2VEC_VOYAGEAI = "multi2vec-voyageai"
    MULTI2VEC_NVIDIA = "multi2vec-nvidia"
    MULTI2VEC_TWELVELABS = "multi2vec-twelvelabs"
    REF2VEC_CENTROID = "ref2vec-centroid"


class GenerativeSearches(str, Enum):
    """The generative modules (``generative_config`` of a collection)."""

    AWS = "generative-aws"
    ANTHROPIC = "generative-anthropic"
    ANYSCALE = "generative-anyscale"
    COHERE = "generative-cohere"
    CONTEXTUALAI = "generative-contextualai"
    DATABRICKS = "generative-databricks"
    DEEPSEEK = "generative-deepseek"
    DIGITALOCEAN = "generative-digitalocean"
    DUMMY = "generative-dummy"
    FRIENDLIAI = "generative-friendliai"
    META = "generative-meta"
    MISTRAL = "generative-mistral"
    NVIDIA = "generative-nvidia"
    OLLAMA = "generative-ollama"
    OPENAI = "generative-openai"
    PALM = "generative-palm"
    XAI = "generative-xai"


class Rerankers(str, Enum):
    """The reranker modules (``reranker_config`` of a collection)."""

    NONE = "none"
    COHERE = "reranker-cohere"
    CONTEXTUALAI = "reranker-contextualai"
    TRANSFORMERS = "reranker-transformers"
    VOYAGEAI = "reranker-voyageai"
    JINAAI = "reranker-jinaai"
    NVIDIA = "reranker-nvidia"
