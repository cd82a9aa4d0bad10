"""The checks behind the search arguments of :mod:`weaviate_async.classes.search`.

The argument classes are generated from a table into that module and call the converters and
checks here, so that a bad value raises :class:`WeaviateInvalidInputError` naming the argument
when the class is built. A converter that checks for one of those classes (``MetadataQuery``,
``QueryNested``, ``QueryReference``) takes the class as an argument: this module sits below
the one that defines them and never imports it.
"""

# Type aliases keep typing.Union: some members are string forward references, which the
# runtime `X | Y` of a module-level alias cannot combine.
# ruff: noqa: UP007

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Literal, TypeAlias, TypeVar, Union

import attrs

from weaviate_async._validate import (
    attrs_check,
    check_bool,
    check_float,
    check_int,
    check_str,
    invalid,
    uuid_str,
)

_bool = attrs_check(check_bool, required=True)
_name = attrs_check(check_str, required=True, allow_empty=False)

# --------------------------------------------------------------------------------- vectors

#: A vector: a sequence of numbers (a numpy array works too).
OneDimensionalVectorType: TypeAlias = Sequence[Union[int, float]]
#: A multi-vector: a sequence of vectors of one length.
TwoDimensionalVectorType: TypeAlias = Sequence[Sequence[Union[int, float]]]

V = TypeVar("V", OneDimensionalVectorType, TwoDimensionalVectorType)


def _is_sequence(value: Any) -> bool:
    if isinstance(value, (str, bytes, Mapping)):
        return False
    return isinstance(value, Sequence) or hasattr(value, "__array__")


def _vectors_dimensionality(vectors: tuple[Any, ...]) -> Literal["1D", "2D"]:
    """The dimensionality of ``NearVector.list_of_vectors(*vectors)``: ``"1D"`` for vectors,
    ``"2D"`` for multi-vectors (all must be of one kind)."""
    if not vectors or not _is_sequence(vectors[0]) or len(vectors[0]) == 0:
        raise invalid("vectors", "at least one non-empty vector is required", vectors)
    kinds = {_is_sequence(v[0]) if len(v) else None for v in vectors}
    if len(kinds) != 1 or None in kinds:
        raise invalid("vectors", "must all be vectors or all be multi-vectors", vectors)
    return "2D" if kinds == {True} else "1D"


# --------------------------------------------------------------------------------- converters

# The argument classes these converters check for are generated into
# weaviate_async.classes.search, above this module: each converter there passes its class in.

_Metadata = TypeVar("_Metadata")
_Nested = TypeVar("_Nested")


def _metadata_query(
    value: Any, field: str, query: type[_Metadata], names: Sequence[str]
) -> _Metadata | None:
    """``return_metadata`` as a ``query`` (a MetadataQuery, whose flags are ``names``; None
    stays None)."""
    if value is None or isinstance(value, query):
        return value
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        flags: dict[str, bool] = {}
        for name in value:
            if name not in names:
                raise invalid(field, f"names must be among {', '.join(names)}", name)
            flags[name] = True
        make: Callable[..., _Metadata] = query
        return make(**flags)
    raise invalid(field, "must be a MetadataQuery or a list of metadata field names", value)


def _nested_properties_of(
    value: Any, nested: type[_Nested]
) -> str | _Nested | tuple[str | _Nested, ...]:
    """``QueryNested.properties``: names, or ``nested`` (QueryNested) for deeper objects."""
    if isinstance(value, (str, nested)):
        if isinstance(value, str) and not value:
            raise invalid("properties", "property names must not be empty", value)
        return value
    if not isinstance(value, Sequence) or isinstance(value, bytes):
        raise invalid("properties", "must be a name, a QueryNested or a list of them", value)
    for item in value:
        if not isinstance(item, (str, nested)) or item == "":
            raise invalid("properties", "entries must be property names or QueryNested", item)
    return tuple(value)


def _include_vector(value: Any) -> bool | str | tuple[str, ...]:
    if isinstance(value, (bool, str)):
        return value
    if isinstance(value, Sequence) and all(isinstance(v, str) and v for v in value):
        return tuple(value)
    raise invalid("include_vector", "must be a bool, a vector name or a list of names", value)


def _ref_properties_of(value: Any, nested: type[Any]) -> Any:
    """``QueryReference.return_properties``; ``nested`` is QueryNested."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, type):
        return value  # a TypedDict: its keys are read when the query is built
    return _nested_properties_of(value, nested)


def _references_of(value: Any, reference: type[Any]) -> Any:
    """``return_references``; ``reference`` is the base class of QueryReference."""
    if value is None or isinstance(value, reference):
        return value
    if isinstance(value, type):
        return value
    if isinstance(value, Sequence) and all(isinstance(v, reference) for v in value):
        return tuple(value)
    raise invalid("return_references", "must be a QueryReference or a list of them", value)


# --------------------------------------------------------------------------------- sort


@attrs.frozen
class _Sort:
    prop: str
    ascending: bool


def _sort_field(name: Any, ascending: Any, field: str) -> _Sort:
    check_str(name, field, allow_empty=False)
    if name is None:
        raise invalid(field, "is required", name)
    check_bool(ascending, "ascending")
    return _Sort(name, True if ascending is None else ascending)


_Chain = TypeVar("_Chain", bound="_SortKeys")


class _SortKeys:
    """An immutable chain of sort keys (``Sorting``); each step returns a new chain."""

    __slots__ = ("sorts",)
    sorts: tuple[_Sort, ...]

    def __init__(self) -> None:
        object.__setattr__(self, "sorts", ())

    def _then(self: _Chain, sort: _Sort) -> _Chain:
        out = type(self)()
        object.__setattr__(out, "sorts", (*self.sorts, sort))
        return out

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a Sorting is immutable: {name} cannot be set")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _SortKeys) and self.sorts == other.sorts

    def __hash__(self) -> int:
        return hash(self.sorts)

    def __repr__(self) -> str:
        return f"Sorting({list(self.sorts)!r})"


# --------------------------------------------------------------------------------- near text


def _uuid_list(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = value if isinstance(value, list) else [value]
    return tuple(uuid_str(v, "objects") for v in items)


def _concept_list(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = value if isinstance(value, list) else [value]
    for item in items:
        if not isinstance(item, str):
            raise invalid("concepts", "must be a str or a list of str", value)
    return tuple(items)


def _check_move(objects: Any, concepts: Any) -> None:
    if not objects and not concepts:
        raise invalid("objects", "either objects or concepts must be given", None)


def _as_list(value: tuple[str, ...] | None) -> list[str] | None:
    return None if value is None else list(value)


# --------------------------------------------------------------------------------- targets


def _target_names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Sequence) or not value:
        raise invalid("target_vectors", "must be a non-empty list of vector names", value)
    for name in value:
        if not isinstance(name, str) or not name:
            raise invalid("target_vectors", "must be a non-empty list of vector names", value)
    return tuple(value)


def _weights(value: Any) -> Mapping[str, float | tuple[float, ...]] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or not value:
        raise invalid("weights", "must map vector names to weights", value)
    out: dict[str, float | tuple[float, ...]] = {}
    for name, weight in value.items():
        if not isinstance(name, str) or not name:
            raise invalid("weights", "keys must be vector names", name)
        if isinstance(weight, list):
            for w in weight:
                check_float(w, f"weights[{name!r}]")
            out[name] = tuple(float(w) for w in weight)
        else:
            check_float(weight, f"weights[{name!r}]")
            if weight is None:
                raise invalid(f"weights[{name!r}]", "must be a number", weight)
            out[name] = float(weight)
    return MappingProxyType(out)


def _weight_keys(weights: Any) -> list[str]:
    if not isinstance(weights, Mapping) or not weights:
        raise invalid("weights", "must map vector names to weights", weights)
    return list(weights)


# --------------------------------------------------------------------------------- hybrid


def _opt_float(field: str) -> Any:
    return attrs_check(check_float, field)


def _text_query(value: Any) -> str | tuple[str, ...]:
    if isinstance(value, str):
        return value
    if isinstance(value, Sequence) and value and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise invalid("query", "must be a str or a non-empty list of str", value)


# --------------------------------------------------------------------------------- checks


def _check_minimum_match(value: Any) -> None:
    check_int(value, "minimum_match", minimum=1, maximum=2**31 - 1)
    if value is None:
        raise invalid("minimum_match", "is required", None)


def _check_mmr(limit: Any, balance: Any) -> None:
    check_int(limit, "limit", minimum=1, maximum=2**32 - 1)
    check_float(balance, "balance", minimum=0.0, maximum=1.0)
