"""Batch results keep the most recent uuids, all errors, and the official shapes."""

from __future__ import annotations

import uuid

from weaviate_async.classes.batch import (
    MAX_STORED_RESULTS,
    BatchObject,
    BatchObjectReturn,
    ErrorObject,
)


def test_results_keep_the_most_recent_uuids() -> None:
    result = BatchObjectReturn()
    u = uuid.uuid4()
    for start in range(0, 250_000, 1000):
        result.add_uuids({i: u for i in range(start, start + 1000)})
    assert len(result.uuids) == MAX_STORED_RESULTS
    assert min(result.uuids) == 150_000 and max(result.uuids) == 249_999
    error = ErrorObject("boom", BatchObject(collection="C", index=249_999))
    result.add_errors({249_999: error})
    assert result.has_errors and 249_999 not in result.uuids and result.errors[249_999] is error


def test_adding_returns_concatenates() -> None:
    first = BatchObjectReturn(elapsed_seconds=1.0)
    first.add_uuids({0: uuid.UUID(int=1)})
    second = BatchObjectReturn(elapsed_seconds=2.0)
    second.add_uuids({1: uuid.UUID(int=2)})
    both = first + second
    assert both.elapsed_seconds == 3.0 and both.uuids == {0: uuid.UUID(int=1), 1: uuid.UUID(int=2)}
