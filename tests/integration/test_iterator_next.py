"""``collection.iterator()`` used as its own iterator (``anext(it)`` / ``next(it)``), against
the real server, as the official client's since 4.24: once a page comes back empty it stays
exhausted, without asking again (an object added behind the cursor afterwards is not seen),
until it is started again with ``aiter`` / ``iter``. Async and blocking tests side by side
(no generated twin: the blocking form calls ``next``, not ``anext``)."""

from __future__ import annotations

import uuid as uuid_lib
from typing import Any

import pytest

from weaviate_async.client import WeaviateAsyncClient

FIRST = [uuid_lib.UUID(int=i) for i in (10, 20, 30)]
LATE = uuid_lib.UUID(int=2**128 - 1)  # sorts after every uuid: behind any cursor


async def test_async_iterator_one_at_a_time_stays_exhausted(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    collection = await client.collections.create(collection_name)
    for uid in FIRST:
        await collection.data.insert({}, uuid=uid)
    iterator = collection.iterator(cache_size=2)
    assert [(await anext(iterator)).uuid for _ in FIRST] == FIRST
    with pytest.raises(StopAsyncIteration):
        await anext(iterator)
    await collection.data.insert({}, uuid=LATE)
    with pytest.raises(StopAsyncIteration):
        await anext(iterator)  # exhausted: the server is not asked again
    assert [obj.uuid async for obj in iterator] == [*FIRST, LATE]  # started again
    # a loop left early, then one at a time: it goes on from where the loop stopped
    async for obj in iterator:
        if obj.uuid == FIRST[0]:
            break
    assert (await anext(iterator)).uuid == FIRST[1]


def test_blocking_iterator_one_at_a_time_stays_exhausted(
    sync_client: Any, collection_name: str
) -> None:
    collection = sync_client.collections.create(collection_name)
    for uid in FIRST:
        collection.data.insert({}, uuid=uid)
    iterator = collection.iterator(cache_size=2)
    assert [next(iterator).uuid for _ in FIRST] == FIRST
    with pytest.raises(StopIteration):
        next(iterator)
    collection.data.insert({}, uuid=LATE)
    with pytest.raises(StopIteration):
        next(iterator)
    assert [obj.uuid for obj in iterator] == [*FIRST, LATE]
    assert next(iter(iterator)).uuid == FIRST[0]
