"""The warnings 4.24 added to the read side, against the installed official client's: an empty
date string in a search result (None and a UserWarning, Con006), and the deprecation of
``graphql_raw_query`` (DeprecationWarning, Dep031; the call itself is tested against the real
server in tests/integration/test_connection.py). The server refuses to store an empty date,
so the empty-date reply is built here."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from weaviate_async.client import GRAPHQL_RAW_QUERY_DEPRECATION
from weaviate_async.proto.weaviate.v1 import properties_pb2
from weaviate_async.wire.values import EMPTY_DATE_WARNING, decode_properties, decode_value


def _official_warning(trigger: str) -> warnings.WarningMessage:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if trigger == "date":
            from weaviate.util import _datetime_from_weaviate_str

            assert _datetime_from_weaviate_str("") is None
        else:
            from weaviate.warnings import _Warnings

            _Warnings.graphql_raw_query_deprecated()
    (warning,) = [w for w in caught if "Dep031" in str(w.message) or "Con006" in str(w.message)]
    return warning


def _words(text: str) -> list[str]:
    return text.split()


def test_an_empty_date_is_none_with_the_official_warning() -> None:
    theirs = _official_warning("date")
    value = properties_pb2.Value(date_value="")
    with pytest.warns(UserWarning) as caught:
        assert decode_value(value) is None
    (ours,) = caught
    assert ours.category is theirs.category is UserWarning
    assert str(ours.message) == EMPTY_DATE_WARNING
    # the same code and opening words, so that a filter written for one matches the other
    assert _words(EMPTY_DATE_WARNING)[:7] == _words(str(theirs.message))[:7]


def test_empty_dates_in_an_array_and_beside_good_ones() -> None:
    props = properties_pb2.Properties()
    props.fields["when"].date_value = "2024-05-01T10:00:00Z"
    props.fields["dates"].list_value.date_values.values.extend(["", "2024-05-02T00:00:00+02:00"])
    with pytest.warns(UserWarning, match="^Con006: Received an empty date string"):
        out = decode_properties(props)
    assert out["when"] == dt.datetime(2024, 5, 1, 10, tzinfo=dt.timezone.utc)
    second = dt.datetime(2024, 5, 2, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert out["dates"] == [None, second]


def test_a_good_date_warns_nothing() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert decode_value(properties_pb2.Value(date_value="2024-01-01T00:00:00.5Z")) == (
            dt.datetime(2024, 1, 1, 0, 0, 0, 500000, tzinfo=dt.timezone.utc)
        )


def test_graphql_raw_query_deprecation_is_the_official_one() -> None:
    theirs = _official_warning("graphql")
    assert theirs.category is DeprecationWarning
    text = str(theirs.message)
    ours = GRAPHQL_RAW_QUERY_DEPRECATION
    assert _words(ours)[:6] == _words(text)[:6]  # "Dep031: graphql_raw_query() is deprecated ..."
    for fact in ("May 1, 2027", "collection query methods", "REST Search API", "graphql/migration"):
        assert fact in text and fact in ours
