"""The validation kit: one wording per kind of error, whichever builder caught it."""

from __future__ import annotations

from typing import Any

import pytest

from weaviate_async._validate import (
    bool_arg,
    check_vector_name,
    choice_arg,
    float_arg,
    int_arg,
    mapping_arg,
    str_arg,
    str_list_arg,
    url_arg,
)
from weaviate_async.classes.config_collection import validate_vector_name
from weaviate_async.classes.config_vectorizers import _Vectors as V
from weaviate_async.connect.params import RetryConfig
from weaviate_async.connect.retry import RetryPolicy
from weaviate_async.exceptions import WeaviateInvalidInputError


@pytest.mark.parametrize(
    ("call", "field", "reason"),
    [
        (lambda: str_arg(3, "model"), "model", "must be a str (got 3)"),
        (lambda: str_arg("", "model"), "model", "must not be empty"),
        (lambda: str_arg(None, "model", required=True), "model", "is required"),
        (lambda: url_arg("ftp://x", "base_url"), "base_url", "must be an absolute http(s) URL"),
        (lambda: int_arg(True, "k"), "k", "must be an int (got True)"),
        (lambda: int_arg(0, "k", minimum=1), "k", "must be >= 1 (got 0)"),
        (lambda: float_arg(float("nan"), "t"), "t", "must be finite"),
        (lambda: float_arg(2, "t", maximum=1), "t", "must be <= 1 (got 2)"),
        (lambda: bool_arg("yes", "b"), "b", "must be a bool (got 'yes')"),
        (lambda: str_list_arg("ab", "xs"), "xs", "must be a list of str"),
        (lambda: str_list_arg(["a", ""], "xs"), "xs", "item 1 must be a non-empty str"),
        (lambda: choice_arg("x", "mode", ("a", "b")), "mode", "must be one of 'a', 'b'"),
        (lambda: mapping_arg({1: 2}, "cfg"), "cfg", "must have non-empty str keys"),
        (lambda: check_vector_name("1x"), "name", "a vector name must match"),
    ],
)
def test_each_check_names_the_field_and_the_reason(call: Any, field: str, reason: str) -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        call()
    assert info.value.field == field
    assert f"Invalid argument {field!r}: {reason}" in str(info.value)


def test_values_pass_through() -> None:
    assert str_arg("m", "f") == "m"
    assert int_arg(None, "f") is None
    assert float_arg(1, "f", minimum=0) == 1
    assert str_list_arg(("a", "b"), "f") == ["a", "b"]
    assert choice_arg("a", "f", ("a",)) == "a"
    assert mapping_arg(None, "f") == {}
    assert url_arg("https://h/p", "f") == "https://h/p"


def test_builders_share_the_kit_wording() -> None:
    """A vectorizer factory and a collection's named vector refuse a bad name in the same words
    as the kit itself."""
    errors = []
    for call in (
        lambda: V.text2vec_openai(name="1bad"),
        lambda: validate_vector_name("1bad"),
        lambda: check_vector_name("1bad"),
    ):
        with pytest.raises(WeaviateInvalidInputError) as info:
            call()
        errors.append(str(info.value))
    assert len(set(errors)) == 1, errors


@pytest.mark.parametrize("cls", [RetryConfig, RetryPolicy])
@pytest.mark.parametrize("bad", [0, True, 1.5, None])
def test_retry_attempts_are_checked_once(cls: Any, bad: Any) -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        cls(max_tries=bad)
    assert info.value.field == "retry.max_tries"


def test_retry_durations_may_be_unbounded() -> None:
    assert RetryPolicy(max_time=float("inf")).max_time == float("inf")
    with pytest.raises(WeaviateInvalidInputError):
        RetryPolicy(max_time=-1)
