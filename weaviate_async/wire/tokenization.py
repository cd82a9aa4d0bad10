"""Tokenization requests and replies (pure): the body of ``POST /v1/tokenize`` and the
:class:`TokenizeResult` of both tokenize endpoints."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from weaviate_async._validate import check_str, check_str_list, invalid, to_enum
from weaviate_async.classes.config_models import StopwordsConfig
from weaviate_async.classes.config_properties import (
    StopwordsCreate,
    TextAnalyzerConfigCreate,
    Tokenization,
)
from weaviate_async.exceptions import ResponseCannotBeDecodedError
from weaviate_async.models.tokenization import TokenizeResult

__all__ = ["tokenize_body", "tokenize_result"]


def _stopwords_json(stopwords: Any) -> dict[str, Any]:
    if isinstance(stopwords, StopwordsCreate):
        return stopwords.to_json()
    if isinstance(stopwords, StopwordsConfig):
        # The read model of collection.config.get(), as the write shape.
        return StopwordsCreate(
            preset=stopwords.preset, additions=stopwords.additions, removals=stopwords.removals
        ).to_json()
    raise invalid("stopwords", "must be a StopwordsCreate or a StopwordsConfig", stopwords)


def _presets_json(presets: Any) -> dict[str, list[str]]:
    if not isinstance(presets, Mapping):
        raise invalid("stopword_presets", "must be a dict of preset name -> list of words", presets)
    out: dict[str, list[str]] = {}
    for name, words in presets.items():
        check_str(name, "stopword_presets", allow_empty=False)
        check_str_list(words, f"stopword_presets.{name}")
        out[name] = list(words)
    return out


def tokenize_body(
    text: Any,
    tokenization: Any,
    analyzer_config: Any = None,
    stopwords: Any = None,
    stopword_presets: Any = None,
) -> dict[str, Any]:
    """The body of ``POST /v1/tokenize``.

    Raises:
        WeaviateInvalidInputError: an argument is invalid, or both ``stopwords`` and
            ``stopword_presets`` are given.
    """
    check_str(text, "text")
    if text is None:
        raise invalid("text", "is required", text)
    kind = to_enum(Tokenization, tokenization, "tokenization")
    if stopwords is not None and stopword_presets is not None:
        raise invalid(
            "stopword_presets", "give stopwords or stopword_presets, not both", stopword_presets
        )
    body: dict[str, Any] = {"text": text, "tokenization": kind.value}
    if analyzer_config is not None:
        if not isinstance(analyzer_config, TextAnalyzerConfigCreate):
            raise invalid(
                "analyzer_config",
                "must be a TextAnalyzerConfigCreate (Configure.text_analyzer(...))",
                analyzer_config,
            )
        analyzer = analyzer_config.to_json()
        if analyzer:
            body["analyzerConfig"] = analyzer
    if stopwords is not None:
        block = _stopwords_json(stopwords)
        if block:
            body["stopwords"] = block
    if stopword_presets is not None:
        body["stopwordPresets"] = _presets_json(stopword_presets)
    return body


def tokenize_result(body: Any, operation: str) -> TokenizeResult:
    """The reply of either tokenize endpoint, ``{"indexed": [...], "query": [...]}``."""
    if not isinstance(body, dict):
        raise ResponseCannotBeDecodedError._with(
            f"expected a tokenize reply, got {body!r}", operation=operation
        )
    indexed = body.get("indexed") or []
    query = body.get("query") or []
    if not all(isinstance(t, str) for t in [*indexed, *query]):
        raise ResponseCannotBeDecodedError._with(
            f"expected lists of tokens, got {body!r}", operation=operation
        )
    return TokenizeResult(indexed=list(indexed), query=list(query))
