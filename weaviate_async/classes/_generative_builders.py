"""What ``Configure.Generative`` and ``Configure.Reranker`` build: a module and its settings.

The public namespaces are generated from ``tools/factory_tables/generative.py`` and
``tools/factory_tables/rerankers.py`` into :mod:`.config_generative` and
:mod:`.config_rerankers`; their factories are written there as data (each parameter's JSON key
and check) and call the two functions here with the settings.
"""

from __future__ import annotations

from typing import Any, Literal

from weaviate_async.classes._config_base import _GenerativeProvider, _RerankerProvider

__all__ = ["META_REASONING_EFFORTS", "MetaReasoningEffort"]

_REASONING_EFFORTS = ("minimal", "low", "medium", "high")
#: The reasoning efforts of the ``generative-meta`` module (collection and query time).
MetaReasoningEffort = Literal["none", "minimal", "low", "medium", "high", "xhigh"]
META_REASONING_EFFORTS: tuple[str, ...] = ("none", "minimal", "low", "medium", "high", "xhigh")
_VERBOSITIES = ("low", "medium", "high")


def _provider(module: str, settings: dict[str, Any]) -> _GenerativeProvider:
    return _GenerativeProvider(
        module=module,
        settings={k: v for k, v in settings.items() if v is not None},
        known=frozenset(settings),
    )


def _reranker(module: str, settings: dict[str, Any]) -> _RerankerProvider:
    """A reranker module and its settings (the generated ``Configure.Reranker`` makes them)."""
    return _RerankerProvider(
        module=module,
        settings={k: v for k, v in settings.items() if v is not None},
        known=frozenset(settings),
    )
