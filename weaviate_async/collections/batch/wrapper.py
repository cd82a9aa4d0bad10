"""``client.batch`` and ``collection.batch``: the batch modes, and what the last batch reported.

Each mode returns a batch object that is its own async context manager::

    async with client.batch.dynamic() as batch:              # sizes from the server's answers
        await batch.add_object("Article", {"title": "..."})
    async with collection.batch.fixed_size(200, 2) as batch:  # 200 objects, 2 requests at once
        ...
    async with collection.batch.rate_limit(600) as batch:     # at most 600 objects a minute
        ...

After the block, ``failed_objects``, ``failed_references`` and ``results`` describe the batch
that ended last.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic
from urllib.parse import quote

from weaviate_async._twin import twin
from weaviate_async._validate import check_int, invalid, to_enum
from weaviate_async.classes.batch import BatchResult, ErrorObject, ErrorReference, Shard
from weaviate_async.collections.batch._wrapper_methods import (
    _BatchClientWrapperMethods,
    _BatchCollectionWrapperMethods,
)
from weaviate_async.collections.batch.base import _BatchClientAsync, _BatchCollectionAsync
from weaviate_async.collections.batch.ledger import Ledger
from weaviate_async.collections.batch.progress import ProgressOption
from weaviate_async.collections.batch.sizing import Sizing
from weaviate_async.connect.retry import growing, poll
from weaviate_async.exceptions import WeaviateBaseError
from weaviate_async.models.consistency import ConsistencyLevel
from weaviate_async.typevars import Properties
from weaviate_async.wire.shards import shard_statuses_ready

if TYPE_CHECKING:
    from weaviate_async.connect.connection import Connection
    from weaviate_async.models.scope import CollectionScope

__all__ = ["_BatchClientWrapperAsync", "_BatchCollectionWrapperAsync"]

# The BatchStream RPC came with this server release; older servers have no such method.
_STREAM_FEATURE = "Server-side batching (batch.stream)"
_STREAM_MINIMUM = "1.36.0"


class _BatchWrapperAsync:
    """What both batch namespaces share: the last batch's report, and waiting for indexing."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._ledger = Ledger()

    def _new_ledger(self) -> Ledger:
        self._ledger = Ledger()
        return self._ledger

    @property
    def failed_objects(self) -> list[ErrorObject]:
        """The objects of the last batch that failed, each with its error."""
        return self._ledger.failed_objects

    @property
    def failed_references(self) -> list[ErrorReference]:
        """The references of the last batch that failed, each with its error."""
        return self._ledger.failed_references

    @property
    def results(self) -> BatchResult:
        """The results of the last batch (uuids by index, the most recent 100,000; errors)."""
        return self._ledger.results

    async def wait_for_vector_indexing(
        self, shards: list[Shard] | None = None, how_many_failures: int = 5
    ) -> None:
        """Wait until the shards the last batch wrote to (or ``shards``) are READY: with
        ``ASYNC_INDEXING``, until their vector queues are indexed.

        A shard counts as ready as the official client (4.24) decides it: every replica READY
        where the server reports one state per node (1.40 and later), else the shard's status
        READY. A shard in another state (READONLY, for one) is waited for until it changes.

        Args:
            shards: the collections (and tenants) to wait for; by default those the last batch
                wrote to.
            how_many_failures: how many failed status requests in a row to tolerate (waiting
                2**n seconds after the n-th) before raising.

        Raises:
            WeaviateInvalidInputError: ``shards`` is not a list of Shard.
            WeaviateBaseError: the status could not be read ``how_many_failures`` times in a row.
        """
        if shards is not None and (
            not isinstance(shards, list) or not all(isinstance(s, Shard) for s in shards)
        ):
            raise invalid("shards", "must be a list of Shard", shards)
        check_int(how_many_failures, "how_many_failures", minimum=0)
        waiting = set(shards) if shards is not None else set(self._ledger.imported_shards)
        if not waiting:
            return

        async def probe() -> bool | None:
            waiting.difference_update(await self._ready_shards(waiting))
            return True if not waiting else None

        await poll(
            probe,
            delays=growing(0.05, 1.0),
            tolerate=lambda exc: isinstance(exc, WeaviateBaseError),
            max_failures=how_many_failures,
            failure_delay=lambda n: 2.0 ** (n - 1),
        )

    def _stream_count(self, concurrency: int | None) -> int:
        """The streams a ``stream()`` batch opens, on a server that has the RPC."""
        self._connection.require_version(_STREAM_FEATURE, _STREAM_MINIMUM)
        check_int(concurrency, "concurrency", minimum=1, maximum=64)
        return concurrency or 1

    async def _ready_shards(self, shards: set[Shard]) -> set[Shard]:
        """Those of ``shards`` whose collection (or tenant) has every shard READY."""

        async def check(shard: Shard) -> bool:
            name = shard.collection[:1].upper() + shard.collection[1:]
            reply = await self._connection.rest(
                "GET",
                f"/schema/{quote(name, safe='')}/shards",
                operation="batch.wait_for_vector_indexing",
                params=None if shard.tenant is None else {"tenant": shard.tenant},
                idempotent=True,
            )
            return shard_statuses_ready(reply)

        order = list(shards)
        tasks = [asyncio.ensure_future(check(shard)) for shard in order]
        try:
            answers = await asyncio.gather(*tasks)
        finally:
            for task in tasks:  # one failed: the other answers are moot
                task.cancel()
        return {shard for shard, ok in zip(order, answers, strict=True) if ok}


@twin
class _BatchClientWrapperAsync(_BatchClientWrapperMethods, _BatchWrapperAsync):
    """``client.batch``: batches over any collections and tenants."""

    def _batch(
        self,
        sizing: Callable[[], Sizing],
        consistency_level: Any,
        progress: ProgressOption,
        streams: int = 0,
    ) -> _BatchClientAsync:
        level = None
        if consistency_level is not None:
            level = to_enum(ConsistencyLevel, consistency_level, "consistency_level")
        return _BatchClientAsync(
            self._connection, sizing, self._new_ledger(), level, progress=progress, streams=streams
        )


@twin
class _BatchCollectionWrapperAsync(
    _BatchCollectionWrapperMethods[Properties], _BatchWrapperAsync, Generic[Properties]
):
    """``collection.batch``: batches into one collection (and its handle's tenant)."""

    def __init__(self, connection: Connection, scope: CollectionScope) -> None:
        super().__init__(connection)
        self._scope = scope

    def _batch(
        self, sizing: Callable[[], Sizing], progress: ProgressOption, streams: int = 0
    ) -> _BatchCollectionAsync[Properties]:
        return _BatchCollectionAsync(
            self._connection,
            self._scope,
            sizing,
            self._new_ledger(),
            progress=progress,
            streams=streams,
        )
