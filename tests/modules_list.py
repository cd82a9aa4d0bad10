"""Server modules the test server enables (passed to ``ENABLE_MODULES`` by the fixtures).

Only modules that start without network access or an inference container are listed: the
API-based modules check their settings at class creation without calling their API (unless a
server-side API key is configured, which the test server does not have). Modules that need an
inference container at startup (text2vec-contextionary, text2vec-transformers, text2vec-gpt4all,
text2vec-model2vec, multi2vec-clip, multi2vec-bind, img2vec-neural, reranker-transformers) are
left out; their factories are covered by unit tests only.
"""

from __future__ import annotations

__all__ = ["ENABLED_MODULES_FOR_TESTS"]

ENABLED_MODULES_FOR_TESTS: tuple[str, ...] = (
    # local, no network
    "backup-filesystem",
    "text2vec-bigram",
    "ref2vec-centroid",
    "generative-dummy",
    "reranker-dummy",
    # text vectorizers (API-based)
    "text2vec-aws",
    "text2vec-cohere",
    "text2vec-databricks",
    "text2vec-digitalocean",
    "text2vec-google",
    "text2vec-huggingface",
    "text2vec-jinaai",
    "text2vec-mistral",
    "text2vec-morph",
    "text2vec-nvidia",
    "text2vec-ollama",
    "text2vec-openai",
    "text2vec-voyageai",
    "text2vec-weaviate",
    # multi-modal and multi-vector vectorizers (API-based)
    "multi2vec-aws",
    "multi2vec-cohere",
    "multi2vec-google",
    "multi2vec-jinaai",
    "multi2vec-nvidia",
    "multi2vec-twelvelabs",
    "multi2vec-voyageai",
    "text2multivec-jinaai",
    "multi2multivec-jinaai",
    "multi2multivec-weaviate",
    # generative (API-based)
    "generative-anthropic",
    "generative-anyscale",
    "generative-aws",
    "generative-cohere",
    "generative-contextualai",
    "generative-databricks",
    "generative-deepseek",
    "generative-digitalocean",
    "generative-friendliai",
    "generative-google",
    # generative-meta ships with weaviate-server 1.39.3 (not 1.39.0)
    "generative-meta",
    "generative-mistral",
    "generative-nvidia",
    "generative-ollama",
    "generative-openai",
    "generative-xai",
    # rerankers (API-based)
    "reranker-cohere",
    "reranker-contextualai",
    "reranker-jinaai",
    "reranker-nvidia",
    "reranker-voyageai",
)
