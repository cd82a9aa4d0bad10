"""Generative search inputs as returned by their builders, at the official
``weaviate.outputs.generate`` path.

Examples:
    >>> from weaviate_async.outputs.generate import GenerativeConfigRuntime, SinglePrompt
"""

from __future__ import annotations

from weaviate_async.classes.generative import GenerativeConfigRuntime, GroupedTask, SinglePrompt

__all__ = ["GenerativeConfigRuntime", "GroupedTask", "SinglePrompt"]
