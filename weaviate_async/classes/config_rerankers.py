"""Reranker module factories: ``Configure.Reranker`` (and ``Reconfigure.Reranker``).

Each factory names one ``reranker-*`` module of the server and its collection-level settings in
the server's JSON keys. Arguments are checked when the factory is called (a bad one raises
:class:`~weaviate_async.exceptions.WeaviateInvalidInputError` naming it); options left as None
are not sent, so the module's defaults apply.

Examples:
    >>> Configure.Reranker.cohere(model="rerank-v3.5")
"""

from __future__ import annotations

from typing import Any

from weaviate_async.classes._config_base import _RerankerProvider
from weaviate_async.classes._vectorizer_builders import (
    _int,
    _module_config,
    _req_str,
    _str,
    _url,
)

__all__ = ["_Reranker"]


def _provider(module: str, settings: dict[str, Any]) -> _RerankerProvider:
    return _RerankerProvider(
        module=module,
        settings={k: v for k, v in settings.items() if v is not None},
        known=frozenset(settings),
    )


class _Reranker:
    """Factories for the reranker module of a collection (``Configure.Reranker``).

    Each returns the module and its settings for ``collections.create(reranker_config=...)`` or
    ``collection.config.update(reranker_config=...)``.
    """

    @staticmethod
    def cohere(model: str | None = None, base_url: str | None = None) -> _RerankerProvider:
        """The ``reranker-cohere`` module."""
        return _provider(
            "reranker-cohere",
            {"model": _str(model, "model"), "baseURL": _url(base_url, "base_url")},
        )

    @staticmethod
    def contextualai(
        model: str | None = None,
        instruction: str | None = None,
        top_n: int | None = None,
    ) -> _RerankerProvider:
        """The ``reranker-contextualai`` module (instruction-following reranker)."""
        return _provider(
            "reranker-contextualai",
            {
                "model": _str(model, "model"),
                "instruction": _str(instruction, "instruction"),
                "topN": _int(top_n, "top_n", minimum=1),
            },
        )

    @staticmethod
    def custom(module_name: str, module_config: dict[str, Any] | None = None) -> _RerankerProvider:
        """Any reranker module, given by its name and its settings (server JSON keys)."""
        return _RerankerProvider(
            module=_req_str(module_name, "module_name"),
            settings=_module_config(module_config, "module_config"),
        )

    @staticmethod
    def dummy() -> _RerankerProvider:
        """The ``reranker-dummy`` module (a test module; no settings)."""
        return _provider("reranker-dummy", {})

    @staticmethod
    def jinaai(model: str | None = None) -> _RerankerProvider:
        """The ``reranker-jinaai`` module."""
        return _provider("reranker-jinaai", {"model": _str(model, "model")})

    @staticmethod
    def nvidia(model: str | None = None, base_url: str | None = None) -> _RerankerProvider:
        """The ``reranker-nvidia`` module."""
        return _provider(
            "reranker-nvidia",
            {"model": _str(model, "model"), "baseURL": _url(base_url, "base_url")},
        )

    @staticmethod
    def transformers() -> _RerankerProvider:
        """The ``reranker-transformers`` module (its inference container is set on the server)."""
        return _provider("reranker-transformers", {})

    @staticmethod
    def voyageai(model: str | None = None) -> _RerankerProvider:
        """The ``reranker-voyageai`` module."""
        return _provider("reranker-voyageai", {"model": _str(model, "model")})
