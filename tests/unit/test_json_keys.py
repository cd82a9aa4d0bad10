"""The JSON key metadata of the configuration models (classes/_json_keys.py)."""

from __future__ import annotations

import copy
from enum import Enum
from typing import Any

import attrs

from weaviate_async.classes._json_keys import (
    json_aliases,
    json_keys,
    keyed,
    keyed_json,
    merge_keyed,
)


class _Colour(str, Enum):
    RED = "red"


@attrs.define(kw_only=True)
class _Inner:
    size: int | None = keyed("sizeKB")

    def to_json(self) -> dict[str, Any]:
        return keyed_json(self)

    def name(self) -> str:
        return "innerByName"


def _inner_key(inner: _Inner) -> str:
    return inner.name()


@attrs.define(kw_only=True)
class _Model:
    last: bool | None = keyed("last", order=1)
    colour: _Colour | None = keyed("colour")
    b: float | None = keyed("bm25/b")
    k1: float | None = keyed("bm25/k1")
    inner: _Inner | None = keyed(_inner_key)
    words: list[str] | None = keyed("words")
    first: int | None = keyed("first", order=-1)
    not_sent: int | None = None


def test_keys_follow_the_fields_unless_an_order_is_given() -> None:
    keys = [k for _, k in json_keys(_Model)]
    assert keys[0] == "first" and keys[-1] == "last"
    assert keys[1:4] == ["colour", "bm25/b", "bm25/k1"]


def test_keyed_json_writes_only_what_is_set_in_plain_json() -> None:
    words = ["a"]
    model = _Model(colour=_Colour.RED, b=0.5, inner=_Inner(size=3), words=words, last=True)
    out = keyed_json(model)
    assert list(out) == ["colour", "bm25", "innerByName", "words", "last"]
    assert out["colour"] == "red" and type(out["colour"]) is str
    assert out["bm25"] == {"b": 0.5}
    assert out["innerByName"] == {"sizeKB": 3}
    assert out["words"] == ["a"] and out["words"] is not words
    assert keyed_json(_Model()) == {}


def test_merge_keeps_the_current_object_and_its_key_order() -> None:
    current = {"last": False, "bm25": {"k1": 1.2, "b": 0.75}, "other": 1}
    before = copy.deepcopy(current)
    out = merge_keyed(_Model(b=0.4, first=2), current)
    assert current == before
    assert out == {"last": False, "bm25": {"k1": 1.2, "b": 0.4}, "other": 1, "first": 2}
    assert list(out["bm25"]) == ["k1", "b"]


def test_merge_replaces_a_missing_or_null_parent_object() -> None:
    assert merge_keyed(_Model(k1=1.0), {"bm25": None}) == {"bm25": {"k1": 1.0}}


def test_aliases_are_the_top_level_keys_that_differ_from_the_attribute() -> None:
    assert json_aliases(_Model) == {}
    assert json_aliases(_Inner) == {"sizeKB": "size"}
