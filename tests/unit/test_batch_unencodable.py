"""An object whose property values cannot be encoded fails alone in a batch: the encoder raises
``UnencodableProperty`` (naming the property) for those, and a plain
``WeaviateInvalidInputError`` for a wrong argument (uuid, vector, the shape of the properties
or references), which ``add_object`` keeps raising as the official client does."""

from __future__ import annotations

import datetime as dt
import uuid as uuid_lib
from typing import Any

import pytest

from weaviate_async.classes.data import DataObject, GeoCoordinate, PhoneNumber
from weaviate_async.exceptions import (
    WeaviateInsertInvalidPropertyError,
    WeaviateInvalidInputError,
)
from weaviate_async.models.scope import CollectionScope
from weaviate_async.wire.batch import (
    UnencodableProperty,
    encode_object,
    insert_many_plan,
)

UTC = dt.timezone.utc
GOOD = {"title": "fine", "count": 3, "when": dt.datetime(2024, 1, 1, tzinfo=UTC)}


def _encode(properties: Any, *, uuid: Any = None, vector: Any = None, refs: Any = None) -> Any:
    return encode_object(5, "Article", None, properties, refs, uuid, vector)


@pytest.mark.parametrize(
    ("value", "field", "words"),
    [
        (dt.date(2024, 1, 1), "objects[5].properties.bad", "not date"),
        ({1, 2}, "objects[5].properties.bad", "set"),
        (["a", None], "objects[5].properties.bad[1]", "None"),
        (["a", 1], "objects[5].properties.bad[1]", "one kind"),
        (object(), "objects[5].properties.bad", "cannot be stored"),
        ([b"blob"], "objects[5].properties.bad[0]", "blob"),
        ([GeoCoordinate(latitude=1.0, longitude=2.0)], "objects[5].properties.bad[0]", "list"),
        ([PhoneNumber(number="+31 20 1234567")], "objects[5].properties.bad[0]", "list"),
        ([2**70], "objects[5].properties.bad[0]", "64-bit"),
        ({"inner": dt.date(2024, 1, 1)}, "objects[5].properties.bad.inner", "not date"),
        ([{"inner": {1, 2}}], "objects[5].properties.bad[0].inner", "set"),
        ({1: "a"}, "objects[5].properties.bad", "names must be strings"),
    ],
)
def test_a_value_that_cannot_be_encoded_names_the_property(
    value: Any, field: str, words: str
) -> None:
    with pytest.raises(UnencodableProperty) as info:
        _encode({**GOOD, "bad": value})
    assert isinstance(info.value, WeaviateInvalidInputError)
    assert info.value.field == field
    assert field in info.value.message and words in info.value.message


def test_text_that_is_not_utf8_fails_the_object() -> None:
    with pytest.raises(UnencodableProperty) as info:
        _encode({**GOOD, "title": "\ud800"})
    assert info.value.field == "objects[5].properties.title"
    assert "UTF-8" in info.value.message


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"uuid": "not-a-uuid"}, "objects[5].uuid"),
        ({"vector": "abc"}, "objects[5].vector"),
        ({"vector": [0.1, "x"]}, "objects[5].vector[1]"),
        ({"refs": {"author": 5}}, "objects[5].references.author"),
    ],
)
def test_a_wrong_argument_still_raises_even_beside_a_bad_value(
    kwargs: dict[str, Any], field: str
) -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        _encode({**GOOD, "when": dt.date(2024, 1, 1)}, **kwargs)
    assert not isinstance(info.value, UnencodableProperty)
    assert info.value.field == field


def test_the_shape_of_the_properties_is_an_argument_error() -> None:
    for props, field in [({1: "a"}, "objects[5].properties"), (["a"], "objects[5].properties")]:
        with pytest.raises(WeaviateInvalidInputError) as info:
            _encode(props)
        assert not isinstance(info.value, UnencodableProperty)
        assert info.value.field == field


def test_reserved_names_keep_their_own_error() -> None:
    with pytest.raises(WeaviateInsertInvalidPropertyError):
        _encode({**GOOD, "id": 1})


def test_a_good_object_encodes_the_same_whatever_the_order_of_checks() -> None:
    uid = uuid_lib.UUID(int=9)
    item = _encode(GOOD, uuid=uid, vector=[0.5, 0.25])
    assert item.uuid == str(uid)
    assert item.data.endswith(b"2\x08" + b"\x00\x00\x00?\x00\x00\x80>")  # vector_bytes last


def test_insert_many_still_raises_for_a_value_that_cannot_be_encoded() -> None:
    objects = [GOOD, DataObject(properties={**GOOD, "count": {1}})]
    with pytest.raises(WeaviateInvalidInputError) as info:
        insert_many_plan(objects, CollectionScope.of("Article"))
    assert info.value.field == "objects[1].properties.count"


def test_a_type_error_stays_one() -> None:
    with pytest.raises(UnencodableProperty) as info:
        _encode({**GOOD, "tags": ["a", None]})
    assert isinstance(info.value, TypeError)
    with pytest.raises(UnencodableProperty) as info:
        _encode({**GOOD, "tags": {1}})
    assert not isinstance(info.value, TypeError)
