"""The argument rules of ``Metrics`` (``weaviate_async/classes/aggregate.py``, generated): the
validators of the request classes, every statistic when none is chosen, and text's deprecated
``min_occurrences``."""

from __future__ import annotations

import warnings

from weaviate_async._validate import attrs_check, check_bool, check_str, invalid

#: The validators of a statistic's flag and of a property name.
flag = attrs_check(check_bool, required=True)
name = attrs_check(check_str, required=True, allow_empty=False)


def _property_name(property_: str) -> str:
    """The property of ``Metrics(property_)``: a non-empty str."""
    check_str(property_, "property_", allow_empty=False)
    if property_ is None:
        raise invalid("property_", "is required", property_)
    return property_


def _all_if_none(**flags: bool) -> dict[str, bool]:
    """The flags as given, or all True when none is set (the official client's rule)."""
    for key, value in flags.items():
        check_bool(value, key)
    if any(flags.values()):
        return flags
    return dict.fromkeys(flags, True)


def _text_limit(limit: int | None, min_occurrences: int | None) -> int | None:
    """``Metrics.text``'s limit: ``min_occurrences`` is its deprecated name (with a
    DeprecationWarning), and giving both is refused."""
    if min_occurrences is None:
        return limit
    if limit is not None:
        raise invalid(
            "min_occurrences", "cannot be combined with limit; use limit", min_occurrences
        )
    warnings.warn(
        "Metrics.text(min_occurrences=...) is deprecated; use limit=...",
        DeprecationWarning,
        stacklevel=3,
    )
    return min_occurrences
