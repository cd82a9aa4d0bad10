"""Tokenization (``client.tokenization``): how the server splits text into the tokens of its
inverted index and of queries, for a tokenization kind or for one property. ``models`` holds
:class:`~weaviate_async.tokenization.models.TokenizeResult`, ``namespace`` the operations.

Examples:
    >>> from weaviate_async.classes.tokenization import Tokenization
    >>> (await client.tokenization.text("The quick fox", Tokenization.WORD)).query
    ['quick', 'fox']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_LAZY: dict[str, str] = {"TokenizeResult": "weaviate_async.models.tokenization"}
_SUBMODULES = frozenset({"models", "namespace"})

__all__ = ["TokenizeResult", "models", "namespace"]

if TYPE_CHECKING:
    from weaviate_async.models.tokenization import TokenizeResult as TokenizeResult
    from weaviate_async.tokenization import models as models
    from weaviate_async.tokenization import namespace as namespace


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f"weaviate_async.tokenization.{name}")
    else:
        raise AttributeError(f"module 'weaviate_async.tokenization' has no attribute {name!r}")
    globals()[name] = value
    return value
