"""The choices of some generative module settings (``Configure.Generative``).

The public namespaces are generated from ``tools/factory_tables/generative.py`` and
``tools/factory_tables/rerankers.py`` into :mod:`.config_generative` and
:mod:`.config_rerankers`; their factories are written there as data (each parameter's JSON key
and check) and make their module with ``_GenerativeProvider._of`` / ``_RerankerProvider._of``.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["META_REASONING_EFFORTS", "MetaReasoningEffort"]

_REASONING_EFFORTS = ("minimal", "low", "medium", "high")
#: The reasoning efforts of the ``generative-meta`` module (collection and query time).
MetaReasoningEffort = Literal["none", "minimal", "low", "medium", "high", "xhigh"]
META_REASONING_EFFORTS: tuple[str, ...] = ("none", "minimal", "low", "medium", "high", "xhigh")
_VERBOSITIES = ("low", "medium", "high")
