"""A ``{name: vector}`` query whose names differ from ``target_vector``'s is refused before
sending, as 4.24 refuses it (4.23 compared only the counts): checked against the installed
official client's request builder for the same arguments."""

from __future__ import annotations

from typing import Any

import pytest

from weaviate_async.classes.query import TargetVectors
from weaviate_async.exceptions import WeaviateInvalidInputError
from weaviate_async.wire.search import near_vector_pb

V = [0.5, 1.0]


def _official(near_vector: Any, target_vector: Any) -> Exception | None:
    from weaviate.collections.classes.grpc import TargetVectors as TheirTargets
    from weaviate.collections.grpc.shared import _BaseGRPC
    from weaviate.util import _ServerVersion

    if isinstance(target_vector, tuple):
        target_vector = TheirTargets.sum(list(target_vector))
    builder = _BaseGRPC(_ServerVersion(1, 39, 3), None, validate_arguments=True)
    try:
        builder._parse_near_vector(near_vector, None, None, target_vector)
    except Exception as exc:  # the outcome is compared, whatever it is
        return exc
    return None


def _ours(near_vector: Any, target_vector: Any) -> Exception | None:
    if isinstance(target_vector, tuple):
        target_vector = TargetVectors.sum(list(target_vector))
    try:
        near_vector_pb(near_vector, target_vector=target_vector)
    except Exception as exc:
        return exc
    return None


@pytest.mark.parametrize(
    ("vector", "targets"),
    [
        ({"a": V, "c": V}, ["a", "b"]),  # same count, another name
        ({"a": V, "b": V}, ["a", "c"]),
        ({"a": V}, ["b"]),
        ({"a": V, "c": V}, ("a", "b")),  # a combination
    ],
)
def test_names_that_differ_are_refused_like_the_official_client(vector: Any, targets: Any) -> None:
    theirs = _official(vector, targets)
    assert theirs is not None and "must match the target vectors" in str(theirs)
    ours = _ours(vector, targets)
    assert isinstance(ours, WeaviateInvalidInputError)
    assert isinstance(ours, type(theirs)) or type(theirs).__name__ == type(ours).__name__
    assert ours.field in ("near_vector", "target_vector")


@pytest.mark.parametrize(
    ("vector", "targets"),
    [({"a": V, "b": V}, ["b", "a"]), ({"a": V}, "a"), ({"a": V, "b": V}, ("a", "b"))],
)
def test_the_same_names_in_any_order_are_taken_by_both(vector: Any, targets: Any) -> None:
    assert _official(vector, targets) is None
    assert _ours(vector, targets) is None
