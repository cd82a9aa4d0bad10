"""Shared shapes of the configuration builders.

Module factories (vectorizers, generative providers, rerankers) and the collection builder meet
here: a factory produces one of these values, and the collection builder places it into the
server's class JSON. Keeping the contract in one small module lets each side grow on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from weaviate_async.classes._index_enums import VectorIndexType
from weaviate_async.classes.config_module_names import GenerativeSearches, Rerankers

_C = TypeVar("_C", bound=type)
_M = TypeVar("_M", bound="_ModuleConfig")

__all__ = [
    "_GenerativeProvider",
    "official_names",
    "_ModuleConfig",
    "_RerankerProvider",
    "_VectorConfigCreate",
    "_VectorIndexConfigCreate",
    "_VectorizerConfigCreate",
]


def _alias(ours: str) -> property:
    def get(self: Any) -> Any:
        return getattr(self, ours)

    def put(self: Any, value: Any) -> None:
        setattr(self, ours, value)

    return property(get, put, doc=f"The official client's name of ``{ours}``.")


def official_names(**aliases: str) -> Callable[[_C], _C]:
    """Class decorator: the official client's attribute names (its pydantic fields, in the
    server's camelCase) read and write our fields, so programs written for the official models
    (``cfg.cleanupIntervalSeconds``, ``cfg.vectorIndexConfig = ...``) work unchanged."""

    def decorate(cls: _C) -> _C:
        for official, ours in aliases.items():
            setattr(cls, official, _alias(ours))
        return cls

    return decorate


@attrs.frozen(kw_only=True)
class _ModuleConfig:
    """A server module and its settings, in the server's JSON key spelling.

    ``settings`` holds only what the user set; None values are dropped when serialized so that
    the server's defaults apply.
    """

    module: str
    settings: dict[str, Any] = attrs.field(factory=dict)
    #: every setting the factory takes, set or not: the official model's fields, which read
    #: None when unset
    known: frozenset[str] = attrs.field(factory=frozenset, eq=False, repr=False)

    @classmethod
    def _of(cls: type[_M], module: str, settings: dict[str, Any]) -> _M:
        """``module`` with the ``settings`` that are set; all of them are ``known`` (what the
        generated ``Configure.Generative`` and ``Configure.Reranker`` factories make)."""
        kept = {k: v for k, v in settings.items() if v is not None}
        return cls(module=module, settings=kept, known=frozenset(settings))

    def to_json(self) -> dict[str, Any]:
        """The module's settings as the server expects them under ``moduleConfig[module]``;
        None values are dropped (the server's defaults apply)."""
        return {k: v for k, v in self.settings.items() if v is not None}

    def __getattr__(self, name: str) -> Any:
        # The official provider models have one field per setting, named as the server's key
        # (``model``, ``maxTokens``, ``baseURL`` ...): read them from ``settings``; a setting
        # the factory takes but was left unset reads None, as an unset official field does.
        if name in self.settings:
            return self.settings[name]
        if name in self.known:
            return None
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


@attrs.frozen(kw_only=True)
class _VectorizerConfigCreate(_ModuleConfig):
    """A vectorizer module (``text2vec-*``, ``multi2vec-*``, ``img2vec-neural``, ``ref2vec-centroid``,
    ``none`` for self-provided vectors, or a custom module name)."""


@attrs.frozen(kw_only=True)
class _GenerativeProvider(_ModuleConfig):
    """A generative module (``generative-*``) set on a collection."""

    @property
    def generative(self) -> Any:
        """The module: a ``GenerativeSearches`` member, or its name when the enum lacks it."""
        try:
            return GenerativeSearches(self.module)
        except ValueError:
            return self.module


@attrs.frozen(kw_only=True)
class _RerankerProvider(_ModuleConfig):
    """A reranker module (``reranker-*``) set on a collection."""

    @property
    def reranker(self) -> Any:
        """The module: a ``Rerankers`` member, or its name when the enum lacks it."""
        try:
            return Rerankers(self.module)
        except ValueError:
            return self.module


@attrs.define(kw_only=True)
class _VectorIndexConfigCreate:
    """Base of the vector index builders (hnsw, flat, dynamic, hfresh, none).

    Subclasses say which ``vectorIndexType`` they are and serialize their settings.
    """

    def index_type(self) -> str:
        """The server's ``vectorIndexType`` value."""
        raise NotImplementedError

    @staticmethod
    def vector_index_type() -> VectorIndexType:
        """The index type as a :class:`VectorIndexType` member (the official client's spelling);
        each index builder defines it."""
        raise NotImplementedError

    def to_json(self) -> dict[str, Any]:
        """The ``vectorIndexConfig`` object, holding only the options that were set."""
        raise NotImplementedError

    # The official base model declares these three fields for every index kind; an index
    # builder that has the option shadows them with its own field.
    @property
    def distance(self) -> Any:
        """The distance metric (official field name); None when the index has none set."""
        return getattr(self, "distance_metric", None)

    @property
    def multivector(self) -> Any:
        """The multi-vector configuration (official field name); None when not set."""
        return getattr(self, "multi_vector", None)

    @property
    def quantizer(self) -> Any:
        """The quantizer; None when the index has none."""
        return None


@attrs.define(kw_only=True)
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

    @property
    def properties(self) -> list[str] | None:
        """The source properties the vectorizer reads (official: ``properties``)."""
        props = self.vectorizer.settings.get("properties")
        return None if props is None else list(props)

    @property
    def vectorIndexType(self) -> VectorIndexType:
        """The index type (``hnsw`` when no index is configured, as the server defaults)."""
        vic = self.vector_index_config
        return VectorIndexType.HNSW if vic is None else vic.vector_index_type()


official_names(vectorIndexConfig="vector_index_config")(_VectorConfigCreate)
