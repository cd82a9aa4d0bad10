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
from weaviate.collections.classes.generative import _GenerativeConfigRuntimeOptions
from weaviate.exceptions import WeaviateInsertManyAllFailedError as Official
from weaviate.proto.v1 import generative_pb2 as official_generative_pb2

import weaviate_async.classes as our_classes
from weaviate_async.classes.data import DataObject
from weaviate_async.exceptions import WeaviateInsertManyAllFailedError
from weaviate_async.models.scope import CollectionScope
from weaviate_async.proto.weaviate.v1 import generative_pb2
from weaviate_async.wire.batch import insert_many_plan, insert_many_result
from weaviate_async.wire.generative import provider_pb
from weaviate_async.wire.search import _generative_metadata

_UID = "00000000-0000-0000-0000-000000000001"


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


# ----------------------------------------------------------------------------- DigitalOcean

DIGITALOCEAN_CASES: list[dict[str, Any]] = [
    {},
    {"model": "llama3.3-70b-instruct", "temperature": 0.5, "top_p": 0.9, "max_tokens": 64},
    {"base_url": "https://inference.do.example/v1", "frequency_penalty": 0.1},
    {"presence_penalty": 0.2, "stop": ["\n", "END"]},
]


@pytest.mark.parametrize("kwargs", DIGITALOCEAN_CASES)
@pytest.mark.parametrize("return_metadata", [False, True])
def test_digitalocean_at_query_time_is_the_official_clients_message(
    kwargs: dict[str, Any], return_metadata: bool
) -> None:
    theirs = official_classes.generate.GenerativeConfig.digitalocean(**kwargs)._to_grpc(  # type: ignore[attr-defined]
        _GenerativeConfigRuntimeOptions(return_metadata=return_metadata)
    )
    ours = provider_pb(
        our_classes.generate.GenerativeConfig.digitalocean(**kwargs),
        return_metadata=return_metadata,
    )
    assert ours.WhichOneof("kind") == "digitalocean"
    assert ours.SerializeToString(deterministic=True) == theirs.SerializeToString(
        deterministic=True
    )


def test_digitalocean_reply_metadata_is_read() -> None:
    reply = generative_pb2.GenerativeReply(result="hi")
    reply.metadata.digitalocean.usage.prompt_tokens = 7
    reply.metadata.digitalocean.usage.total_tokens = 9
    # the field numbers are the official client's: its message reads our bytes the same
    theirs = official_generative_pb2.GenerativeReply()
    theirs.ParseFromString(reply.SerializeToString())
    assert theirs.metadata.digitalocean.usage.total_tokens == 9
    meta = _generative_metadata(reply)
    assert meta.usage.prompt_tokens == 7 and meta.usage.total_tokens == 9


# ----------------------------------------------------------------------------- vectors


def test_numpy_rows_are_squeezed_where_the_official_client_squeezes() -> None:
    import numpy as np
    from weaviate.util import _get_vector_v4

    from weaviate_async.wire.values import rest_vector_fields

    rowed = np.array([[1.0, 2.0, 3.0]])
    flat = [1.0, 2.0, 3.0]
    assert _get_vector_v4(rowed) == flat  # the official client's reading of an object's array
    assert rest_vector_fields(rowed) == {"vector": flat}
    assert rest_vector_fields({"a": rowed}) == {"vectors": {"a": flat}}
    assert rest_vector_fields([]) == {"vector": []}  # sent as the official client sends it
    assert rest_vector_fields({"a": []}) == {"vectors": {"a": []}}
    plan = insert_many_plan(
        [DataObject({}, uuid=_UID, vector=rowed), DataObject({}, uuid=_UID, vector=flat)],
        CollectionScope.of("C"),
    )
    assert plan.items[0].data == plan.items[1].data
    # named arrays keep their shape in insert_many: (1, n) is a one-row multi-vector there
    named = insert_many_plan(
        [DataObject({}, uuid=_UID, vector={"m": rowed})], CollectionScope.of("C")
    )
    assert b"\x03\x00" in named.items[0].data  # the multi-vector form starts with its row length
    empty = insert_many_plan([DataObject({}, uuid=_UID, vector=[])], CollectionScope.of("C"))
    bare = insert_many_plan([DataObject({}, uuid=_UID)], CollectionScope.of("C"))
    assert empty.items[0].data == bare.items[0].data  # no vector field at all


def test_vectors_do_not_import_numpy() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from weaviate_async.classes.data import DataObject\n"
        "from weaviate_async.models.scope import CollectionScope\n"
        "from weaviate_async.wire.batch import insert_many_plan\n"
        "from weaviate_async.wire.values import rest_vector_fields, squeezed_vectors\n"
        "insert_many_plan([DataObject({}, vector=[1.0, 2.0]), DataObject({}, vector=[])],"
        " CollectionScope.of('C'))\n"
        "rest_vector_fields([1.0]); rest_vector_fields({'a': []}); squeezed_vectors({'a': [1.0]})\n"
        "assert 'numpy' not in sys.modules, 'numpy was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_rest_property_names_are_written_as_the_official_json_encoder_writes_them() -> None:
    import json

    from weaviate_async.wire.values import to_json_properties

    for key in (1, True, None, 1.5, ""):
        theirs = json.loads(json.dumps({key: "x"}))  # the official client's REST body encoder
        assert to_json_properties({key: "x"}) == theirs
