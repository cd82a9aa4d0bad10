"""Behaviours a migrating program relies on that need no server, against the installed official
client: PQ's deprecated ``bit_compression`` (warned about, not sent), numpy arrays of shape
(1, n) given as vectors, and the DigitalOcean generative provider chosen at query time, encoded
byte for byte as the official client encodes it. The server's side of each is in
tests/integration/test_program_behaviours.py."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
import weaviate.classes as official_classes
from weaviate.exceptions import WeaviateInsertManyAllFailedError as Official

import weaviate_async.classes as our_classes
from weaviate_async.collections.scope import CollectionScope
from weaviate_async.exceptions import WeaviateInsertManyAllFailedError
from weaviate_async.wire.batch import insert_many_plan, insert_many_result


def _caught(call: Any) -> tuple[Any, list[warnings.WarningMessage]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    return result, [w for w in caught if "authlib" not in w.filename]


# ----------------------------------------------------------------------------- bit_compression


def test_pq_bit_compression_is_warned_about_and_not_sent() -> None:
    for given in (True, False):
        theirs, their_warnings = _caught(
            lambda g=given: official_classes.config.Configure.VectorIndex.hnsw(
                quantizer=official_classes.config.Configure.VectorIndex.Quantizer.pq(
                    bit_compression=g, segments=4
                )
            )._to_dict()
        )
        ours, our_warnings = _caught(
            lambda g=given: our_classes.config.Configure.VectorIndex.hnsw(
                quantizer=our_classes.config.Configure.VectorIndex.Quantizer.pq(
                    bit_compression=g, segments=4
                )
            ).to_json()
        )
        assert "bitCompression" not in theirs["pq"]
        # an empty encoder object is the official client's habit, the server's defaults alike
        assert ours["pq"] == {k: v for k, v in theirs["pq"].items() if v != {}}
        assert [(w.category, str(w.message)) for w in our_warnings] == [
            (w.category, str(w.message)) for w in their_warnings
        ]
        assert our_warnings[0].category is DeprecationWarning


def test_pq_bit_compression_update_is_warned_about_and_not_sent() -> None:
    theirs, their_warnings = _caught(
        lambda: official_classes.config.Reconfigure.VectorIndex.Quantizer.pq(
            bit_compression=True, segments=4
        )
    )
    ours, our_warnings = _caught(
        lambda: our_classes.config.Reconfigure.VectorIndex.Quantizer.pq(
            bit_compression=True, segments=4
        )
    )
    assert theirs.bitCompression is None
    assert ours.changes() == {"segments": 4}
    assert [str(w.message) for w in our_warnings] == [str(w.message) for w in their_warnings]


# ----------------------------------------------------------------------------- insert_many([])


def test_insert_many_of_nothing_is_every_object_failed_as_for_the_official_client() -> None:
    plan = insert_many_plan([], CollectionScope.of("C"))
    with pytest.raises(WeaviateInsertManyAllFailedError) as ours:
        insert_many_result(plan, {}, 0.0)
    # the official client's message for it: its prefix and the (empty) set of errors
    assert str(ours.value) == str(Official("Here is the set of all errors: "))
