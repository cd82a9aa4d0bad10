"""Generative search arguments at the official ``weaviate.classes.generate`` path: the
provider for one call and prompts with options.

Examples:
    >>> from weaviate_async.classes.generate import GenerativeConfig, GenerativeParameters
    >>> await collection.generate.bm25(
    ...     "cat",
    ...     single_prompt=GenerativeParameters.single_prompt("Translate {title}", debug=True),
    ...     generative_provider=GenerativeConfig.dummy(),
    ... )
"""

from __future__ import annotations

from weaviate_async.classes.generative import GenerativeConfig, GenerativeParameters

__all__ = ["GenerativeConfig", "GenerativeParameters"]
