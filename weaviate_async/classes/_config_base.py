"""Shared shapes of the configuration builders.

Module factories (vectorizers, generative providers, rerankers) and the collection builder meet
here: a factory produces one of these values, and the collection builder places it into the
server's class JSON. Keeping the contract in one small module lets each side grow on its own.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = [
    "_GenerativeProvider",
    "_ModuleConfig",
    "_RerankerProvider",
    "_VectorConfigCreate",
    "_VectorIndexConfigCreate",
    "_VectorizerConfigCreate",
]


def _drop_none(settings: dict[str, Any]) -> dict[str, Any]:
    """Return ``settings`` without keys whose value is None (the server's defaults apply)."""
    return {k: v for k, v in settings.items() if v is not None}


@attrs.frozen(kw_only=True)
class _ModuleConfig:
    """A server module and its settings, in the server's JSON key spelling.

    ``settings`` holds only what the user set; None values are dropped when serialized so that
    the server's defaults apply.
    """

    module: str
    settings: dict[str, Any] = attrs.field(factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The module's settings as the server expects them under ``moduleConfig[module]``."""
        return _drop_none(self.settings)


@attrs.frozen(kw_only=True)
class _VectorizerConfigCreate(_ModuleConfig):
    """A vectorizer module (``text2vec-*``, ``multi2vec-*``, ``img2vec-neural``, ``ref2vec-centroid``,
    ``none`` for self-provided vectors, or a custom module name)."""


@attrs.frozen(kw_only=True)
class _GenerativeProvider(_ModuleConfig):
    """A generative module (``generative-*``) set on a collection."""


@attrs.frozen(kw_only=True)
class _RerankerProvider(_ModuleConfig):
    """A reranker module (``reranker-*``) set on a collection."""


@attrs.frozen(kw_only=True)
class _VectorIndexConfigCreate:
    """Base of the vector index builders (hnsw, flat, dynamic, hfresh, none).

    Subclasses say which ``vectorIndexType`` they are and serialize their settings.
    """

    def index_type(self) -> str:
        """The server's ``vectorIndexType`` value."""
        raise NotImplementedError

    def to_json(self) -> dict[str, Any]:
        """The ``vectorIndexConfig`` object, holding only the options that were set."""
        raise NotImplementedError


@attrs.frozen(kw_only=True)
class _VectorConfigCreate:
    """One named vector of a collection: its vectorizer and its index.

    ``name`` None means the server's default name (``"default"``).
    """

    name: str | None = None
    vectorizer: _VectorizerConfigCreate
    vector_index_config: _VectorIndexConfigCreate | None = None
    # Built by the older ``Configure.NamedVectors``: ``config.add_vector`` warns about that syntax
    # as the official client does. Not an argument, not compared.
    _named_syntax: bool = attrs.field(default=False, init=False, eq=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        """The entry of the class JSON's ``vectorConfig`` object for this vector."""
        out: dict[str, Any] = {"vectorizer": {self.vectorizer.module: self.vectorizer.to_json()}}
        if self.vector_index_config is not None:
            out["vectorIndexType"] = self.vector_index_config.index_type()
            out["vectorIndexConfig"] = self.vector_index_config.to_json()
        return out
