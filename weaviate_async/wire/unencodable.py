"""Values no request can carry, found and named after an encoder gave up. Pure functions.

The encoders do not look at every string or count every level of nesting on the way (that
would cost every write): when one fails (a lone surrogate, which UTF-8 cannot hold; nesting
deeper than protobuf or the JSON encoder go), these walk the value once, without recursion,
to name the field in a :class:`WeaviateInvalidInputError`.
"""

from __future__ import annotations

import functools
import inspect
import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ParamSpec, TypeVar

import attrs
import orjson

from weaviate_async._validate import invalid
from weaviate_async.exceptions import WeaviateInvalidInputError

__all__ = [
    "deepest_member",
    "json_body",
    "nesting_error",
    "text_error",
    "text_path",
    "utf8_arguments",
]

P = ParamSpec("P")
R = TypeVar("R")


def _shown(name: Any) -> str:
    # a name holding a lone surrogate is shown escaped: the error's own text must stay
    # printable and loggable as UTF-8
    return str(name).encode("utf-8", "backslashreplace").decode("utf-8")


def _children(value: Any, path: str) -> Iterator[tuple[Any, Any, str]]:
    """(key or None, child, child's path) of a mapping, a list/tuple or an attrs instance (the
    argument classes: a Move, a Rerank, a filter)."""
    if isinstance(value, Mapping):
        for key, child in value.items():
            yield key, child, f"{path}.{_shown(key)}"
    elif isinstance(value, (list, tuple)):
        for i, child in enumerate(value):
            yield None, child, f"{path}[{i}]"
    elif attrs.has(type(value)):
        for attribute in attrs.fields(type(value)):
            yield None, getattr(value, attribute.name, None), f"{path}.{attribute.name}"


def _bad_text(text: Any) -> bool:
    if not isinstance(text, str):
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def text_path(value: Any, field: str) -> str | None:
    """The path of the first string in ``value`` (a key or a value, at any depth) that cannot be
    encoded as UTF-8, or None."""
    stack = [(value, field)]
    seen: set[int] = set()
    while stack:
        current, path = stack.pop()
        if id(current) in seen:
            continue
        if not isinstance(current, (str, int, float)):
            seen.add(id(current))
        if _bad_text(current):
            return path
        children = list(_children(current, path))
        for key, _child, child_path in children:
            if _bad_text(key):
                return child_path
        stack.extend((child, child_path) for _key, child, child_path in reversed(children))
    return None


def _depth(value: Any) -> int:
    """How many mappings and lists are nested in ``value`` (0 for a scalar)."""
    deepest = 0
    stack = [(value, 0)]
    while stack:
        current, depth = stack.pop()
        if isinstance(current, (Mapping, list, tuple)):
            deepest = max(deepest, depth + 1)
            stack.extend((child, depth + 1) for _k, child, _p in _children(current, ""))
    return deepest


def deepest_member(value: Any, field: str) -> tuple[str, int]:
    """The path of the member of the mapping ``value`` that is nested deepest, and its depth
    (``field`` itself for anything but a non-empty mapping)."""
    if not isinstance(value, Mapping) or not value:
        return field, _depth(value)
    depth, name = max((_depth(child), _shown(key)) for key, child in value.items())
    return f"{field}.{name}", depth


def utf8_arguments(build: Callable[P, R]) -> Callable[P, R]:
    """``build`` (a request builder), raising a :class:`WeaviateInvalidInputError` that names the
    argument where protobuf fails to write a text as UTF-8 (a lone surrogate in a query, a
    name, a tenant: the official client fails with ``UnicodeEncodeError`` there)."""
    signature = inspect.signature(build)

    @functools.wraps(build)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return build(*args, **kwargs)
        except UnicodeEncodeError:
            arguments = signature.bind_partial(*args, **kwargs).arguments
            for name, value in arguments.items():
                bad = text_error(value, name)
                if bad is not None:
                    raise bad from None
            raise invalid(
                build.__name__, "a text cannot be encoded as UTF-8 (a lone surrogate)"
            ) from None

    return checked


def text_error(value: Any, field: str) -> WeaviateInvalidInputError | None:
    """The error naming the first text of ``value`` UTF-8 cannot hold, or None."""
    path = text_path(value, field)
    if path is None:
        return None
    return invalid(path, "holds a lone surrogate, which cannot be encoded as UTF-8")


def nesting_error(value: Any, field: str, encoder: str) -> WeaviateInvalidInputError:
    """The error naming the member of ``value`` nested too deeply for ``encoder``."""
    path, depth = deepest_member(value, field)
    return invalid(path, f"is nested {depth} levels deep, deeper than {encoder} can encode")


def json_body(body: Any) -> bytes:
    """The JSON of a REST request body.

    orjson writes it; a body nested deeper than orjson goes (254 levels) is written by the
    standard library, as the official client writes every body, so no body it can send is
    refused here.

    Raises:
        WeaviateInvalidInputError: the body holds a text UTF-8 cannot carry or a value JSON
            cannot (NaN, an infinity, an object), or is nested deeper than Python's stack
            allows; the field names it, e.g. ``properties.title`` or ``vector[2]``.
    """
    try:
        return orjson.dumps(body)
    except orjson.JSONEncodeError as error:
        reason = str(error)
    root: Any = body
    field = "body"
    if isinstance(body, Mapping) and isinstance(body.get("properties"), Mapping):
        root, field = body["properties"], "properties"
    bad = text_error(body, "body")
    if bad is not None:
        if bad.field and bad.field.startswith("body."):
            bad = invalid(bad.field[len("body.") :], bad.message.split(": ", 1)[-1])
        raise bad
    if "recursion" in reason.lower():
        try:
            return json.dumps(
                body, ensure_ascii=False, allow_nan=False, separators=(",", ":")
            ).encode()
        except RecursionError:
            raise nesting_error(root, field, "JSON") from None
        except (TypeError, ValueError):
            pass
    raise invalid(field, f"cannot be written as JSON ({reason})")
