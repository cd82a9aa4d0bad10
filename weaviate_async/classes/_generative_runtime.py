"""What the query-time ``GenerativeConfig`` factories build, and the prompts.

``_GenerativeConfigRuntime`` holds a provider for one call and its checked options (each option
is checked by its kind: URL, number, flag, text list or text); the checks of the prompts
(``_SinglePrompt`` and ``_GroupedTask``, generated from ``tools/factory_tables/prompts.py``
into :mod:`._generative_prompts`) are here too. The factories (``GenerativeConfig`` and
``GenerativeParameters``) are generated from ``tools/factory_tables/generative_runtime.py``
into :mod:`.generative`, which re-exports everything under its public names.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from weaviate_async._validate import (
    check_bool,
    check_float,
    check_int,
    check_str,
    check_str_list,
    invalid,
    url_arg,
)
from weaviate_async.classes._value_types import BLOB_INPUT

__all__ = ["GenerativeConfigRuntime"]

# Option names by value kind; every other option is text. The names are the fields of the
# provider's gRPC message (weaviate.v1.Generative<Provider>).
_FLOATS = frozenset({"temperature", "top_p", "p", "frequency_penalty", "presence_penalty"})
_INTS = frozenset({"max_tokens", "top_k", "k", "n", "top_log_probs", "max_new_tokens"})
_BOOLS = frozenset({"log_probs", "avoid_commentary", "is_azure"})
_LISTS = frozenset({"stop", "stop_sequences", "knowledge"})
_URLS = frozenset({"base_url", "endpoint", "api_endpoint"})
#: Providers whose gRPC message takes images and image properties.
MULTIMODAL = frozenset({"anthropic", "aws", "cohere", "google", "meta", "ollama", "openai", "xai"})

_OPENAI_VERBOSITY = ("low", "medium", "high")
_OPENAI_REASONING = ("minimal", "low", "medium", "high")
_META_REASONING = ("none", "minimal", "low", "medium", "high", "xhigh")


def _url(value: Any, field: str) -> str:
    # Surrounding blanks and a trailing slash are dropped: the module appends its own path.
    text = url_arg(value.strip() if isinstance(value, str) else value, field)
    assert text is not None
    return text.rstrip("/")


def _option(name: str, value: Any) -> Any:
    if name in _URLS:
        return _url(value, name)
    if name in _FLOATS:
        check_float(value, name)
        return float(value)
    if name in _INTS:
        check_int(value, name, minimum=0)
        return value
    if name in _BOOLS:
        check_bool(value, name)
        return value
    if name in _LISTS:
        check_str_list(value, name)
        return tuple(value)
    check_str(value, name)
    return value


@attrs.frozen(kw_only=True)
class _GenerativeConfigRuntime:
    """A generative provider for one call (made by :class:`GenerativeConfig`).

    Attributes:
        generative: the provider (its ``generative-<name>`` module).
        options: the options set, by name (unset ones are left to the collection / module).
    """

    generative: str
    options: Mapping[str, Any] = attrs.field(factory=lambda: MappingProxyType({}))

    @property
    def multimodal(self) -> bool:
        """Whether the provider takes images and image properties in the prompt."""
        return self.generative in MULTIMODAL

    def _with(self, **options: Any) -> _GenerativeConfigRuntime:
        merged = dict(self.options)
        merged.update({name: value for name, value in options.items() if value is not None})
        return _GenerativeConfigRuntime(
            generative=self.generative, options=MappingProxyType(merged)
        )


#: A generative provider for one call, as ``GenerativeConfig`` builds it.
GenerativeConfigRuntime = _GenerativeConfigRuntime


def _provider(generative: str, **options: Any) -> _GenerativeConfigRuntime:
    checked = {name: _option(name, value) for name, value in options.items() if value is not None}
    return _GenerativeConfigRuntime(generative=generative, options=MappingProxyType(checked))


def _google_endpoint(value: str | None) -> str | None:
    """Google's ``api_endpoint`` is a host name: the scheme of a URL is dropped."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise invalid("api_endpoint", "must be a host name or an http(s) URL", value)
    text = value.strip().rstrip("/")
    if "://" in text:
        text = _url(text, "api_endpoint").split("://", 1)[1]
    return text


# --------------------------------------------------------------------------------- prompts


def _images(value: Any) -> tuple[BLOB_INPUT, ...] | None:
    """Images as given (base64 text, paths or binary files); read when the query is sent, in
    a worker thread, so building the parameters does no I/O."""
    if value is None:
        return None
    if isinstance(value, (str, Path, io.BufferedReader)):
        return (value,)
    if isinstance(value, Iterable):
        items = tuple(value)
        for item in items:
            if not isinstance(item, (str, Path, io.BufferedReader)):
                raise invalid(
                    "images", "must be base64 text, paths or files opened in binary mode", item
                )
        return items
    raise invalid("images", "must be an image or a list of images", value)


def _str_list(value: Any, field: str) -> tuple[str, ...] | None:
    check_str_list(value, field)
    return None if value is None else tuple(value)


def _image_properties(value: Any) -> tuple[str, ...] | None:
    return _str_list(value, "image_properties")


def _non_blob_properties(value: Any) -> tuple[str, ...] | None:
    return _str_list(value, "non_blob_properties")
