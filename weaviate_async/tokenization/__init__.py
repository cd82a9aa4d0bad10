"""Tokenization (``client.tokenization``): how the server splits text into the tokens of its
inverted index and of queries, for a tokenization kind or for one property. ``models`` holds
:class:`~weaviate_async.tokenization.models.TokenizeResult`, ``namespace`` the operations.

Example:
    >>> from weaviate_async.classes.tokenization import Tokenization
    >>> (await client.tokenization.text("The quick fox", Tokenization.WORD)).query
    ['quick', 'fox']
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

_SUBMODULES = frozenset({"models", "namespace"})

__all__ = ["models", "namespace"]

if TYPE_CHECKING:
    from weaviate_async.tokenization import models as models
    from weaviate_async.tokenization import namespace as namespace


def __getattr__(name: str) -> ModuleType:
    if name in _SUBMODULES:
        module = importlib.import_module(f"weaviate_async.tokenization.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'weaviate_async.tokenization' has no attribute {name!r}")
