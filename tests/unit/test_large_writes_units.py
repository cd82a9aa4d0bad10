"""The pure parts of large writes: requests split by encoded size, the result of a write that
failed part-way (every input index answered, each object with its uuid), and a stream the
server resets once the deadline it was told passed read as a time-out (grpclib)."""

from __future__ import annotations

import itertools
import pickle
import uuid as uuid_lib
from typing import Any

import pytest
from grpclib.exceptions import StreamTerminatedError

from weaviate_async.classes.data import DataObject, DataReference
from weaviate_async.connect import retry as retry_engine
from weaviate_async.connect._grpclib import GrpclibPool, sent_deadline
from weaviate_async.connect.retry import Failure, RetriableError
from weaviate_async.exceptions import (
    WeaviateBatchError,
    WeaviateConnectionError,
    WeaviateTimeoutError,
)
from weaviate_async.models.scope import CollectionScope
from weaviate_async.wire import batch, references

PLAIN = CollectionScope.of("Article")
RESET = "Stream reset by remote party, error_code: 8"


def test_split_by_size_bounds_every_group_and_keeps_the_order() -> None:
    plan = batch.insert_many_plan([{"text": "x" * (i % 50)} for i in range(500)], PLAIN)
    groups = list(batch.split_by_size(plan.items, 2000))
    assert [p.index for g in groups for p in g] == list(range(500))
    assert all(sum(p.size for p in g) <= 2000 for g in groups)
    # a group ends only where the next item would not fit
    assert all(sum(p.size for p in a) + b[0].size > 2000 for a, b in itertools.pairwise(groups))


def test_split_by_size_takes_a_size_function_and_keeps_an_oversized_item_alone() -> None:
    assert list(batch.split_by_size([1, 5, 1, 1], 3, size=lambda n: n)) == [[1], [5], [1, 1]]


def test_not_answered_errors_tell_the_request_in_doubt_from_those_never_sent() -> None:
    out = batch.not_answered_errors(10, answered=4, sending=3, failure="timed out")
    assert sorted(out) == list(range(4, 10))
    assert all(out[i].startswith("not confirmed, may be stored") for i in (4, 5, 6))
    assert all(out[i].startswith("not sent") for i in (7, 8, 9))
    assert all("timed out" in m for m in out.values())


def test_insert_many_partial_answers_every_index_with_its_uuid() -> None:
    given = uuid_lib.uuid4()
    objects: list[Any] = [{"n": i} for i in range(5)] + [DataObject({"n": 5}, uuid=given)]
    plan = batch.insert_many_plan(objects, PLAIN)
    result = batch.insert_many_partial(plan, {1: "refused"}, 3, 2, "timed out", 0.5)
    assert sorted(result.uuids) == [0, 2]
    assert sorted(result.errors) == [1, 3, 4, 5]
    assert result.errors[1].message == "refused"
    assert "not confirmed" in result.errors[3].message
    assert "not sent" in result.errors[5].message
    # the uuid of each object, the caller's own where given: inserting them again replaces
    expected = [plan.uuids[i] for i in (1, 3, 4)]
    assert [str(result.errors[i].object_.uuid) for i in (1, 3, 4)] == expected
    assert result.errors[5].object_.uuid == str(given) and result.errors[5].original_uuid == given
    assert result.has_errors and len(result.all_responses) == 6


def test_partial_result_survives_pickling_with_its_exception() -> None:
    plan = batch.insert_many_plan([{"n": 1}], PLAIN)
    exc = WeaviateTimeoutError("data.insert_many timed out")
    exc.partial_result = batch.insert_many_partial(plan, {}, 0, 1, "t", 0.1)  # type: ignore[attr-defined]
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is WeaviateTimeoutError
    assert str(back.partial_result.errors[0].object_.uuid) == plan.uuids[0]


def test_references_return_keys_errors_by_position_over_every_request() -> None:
    u = [uuid_lib.uuid4() for _ in range(3)]
    plan = references.batch_references_request(
        [DataReference("to", u[0], [u[1], u[2]]), DataReference("to", u[1], u[2])], PLAIN
    )
    result = references.references_return(plan, {2: "in doubt", 7: "out of range"}, 0.1)
    assert list(result.errors) == [2]
    assert result.errors[2].reference.index == 1 and result.has_errors


@pytest.mark.parametrize(
    ("timeout", "told"), [(0.5, 0.5), (9.5, 9.5), (10.8, 10.0), (157.3, 157.0)]
)
def test_sent_deadline_is_what_the_grpc_timeout_header_tells_the_server(
    timeout: float, told: float
) -> None:
    assert sent_deadline(timeout) == pytest.approx(told)


def _classify(exc: Exception, limit: float, elapsed: float) -> Exception:
    pool = GrpclibPool.__new__(GrpclibPool)
    pool.target = "127.0.0.1:50051"
    return pool.classify(
        exc,
        target="weaviate.v1.Weaviate/BatchObjects",
        operation="data.insert_many",
        limit=limit,
        error=WeaviateBatchError,
        started=retry_engine._now() - elapsed,
    )


def test_a_reset_after_the_told_deadline_is_a_timeout() -> None:
    # 10.8 s is told as 10 s: the server resets the stream before the client's own timer
    failure = _classify(StreamTerminatedError(RESET), 10.8, 10.03)
    assert isinstance(failure, RetriableError) and failure.kind is Failure.TIMEOUT
    assert isinstance(failure.error, WeaviateTimeoutError)
    assert isinstance(failure.error.__cause__, StreamTerminatedError)


def test_a_reset_before_the_deadline_stays_a_broken_call() -> None:
    for exc, elapsed in ((StreamTerminatedError(RESET), 3.0), (StreamTerminatedError("x"), 11)):
        failure = _classify(exc, 10.8, elapsed)
        assert isinstance(failure, RetriableError) and failure.kind is Failure.BROKEN
        assert isinstance(failure.error, WeaviateConnectionError)


def test_groups_follow_the_sizing_as_it_changes_and_stay_within_the_byte_bound() -> None:
    from weaviate_async.collections.batch.sizing import DynamicSizing
    from weaviate_async.collections.batch.transport import _groups

    plan = batch.insert_many_plan([{"n": i} for i in range(100)], PLAIN)
    sizing = DynamicSizing(initial=10, minimum=5, maximum=40, target_seconds=2.0)
    sizes = []
    for group in _groups(plan.items, 10_000, sizing):
        sizes.append(len(group))
        sizing.on_reply(len(group), 0.1)  # fast answers: the next request may be larger
    assert sum(sizes) == 100 and sizes[:4] == [10, 15, 22, 33]
    # the byte bound holds whatever the sizing says
    small = max(p.size for p in plan.items) * 3
    assert max(len(g) for g in _groups(plan.items, small, DynamicSizing(initial=40))) <= 3
    assert list(_groups([], 100, None)) == [[]]


def test_a_reset_on_the_blocking_path_after_the_told_deadline_is_a_timeout_too() -> None:
    failure = _classify(StreamTerminatedError("Stream reset by the server (8)"), 2.0, 2.01)
    assert isinstance(failure, RetriableError) and failure.kind is Failure.TIMEOUT
