"""Canceling running backups and restores against the real server (filesystem backend).

A backup runs on the server for as long as its nodes upload their files: a few milliseconds
for a small collection, so the cancel would come too late. The collection here holds a few
megabytes of vectors and the backup runs on 1 % of the CPU with the slowest compression, so the
cancel sent right after the backup started arrives while files are being written. The server
answers with the status CANCELED and its reason (``context canceled``).

Async only: following a backup with ``wait_for_completion`` while canceling it needs two calls
at once; the calls themselves are the same in the blocking twin (test_backup.py).
"""

from __future__ import annotations

import asyncio
import random
import time
import uuid as uuid_lib
from collections.abc import AsyncIterator

import pytest

from tests.conftest import server_at_least
from weaviate_async.classes.backup import (
    BackupCompressionLevel,
    BackupConfigCreate,
    BackupConfigRestore,
    BackupStorage,
)
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.data import DataObject
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import BackupCanceledError, UnexpectedStatusCodeError
from weaviate_async.outputs.backup import BackupStatus, BackupStatusReturn

FS = BackupStorage.FILESYSTEM
SLOW = BackupConfigCreate(
    cpu_percentage=1, compression_level=BackupCompressionLevel.BEST_COMPRESSION
)
OBJECTS = 6000
DIMENSIONS = 256


@pytest.fixture(scope="module")
async def big(server: EmbeddedServer) -> AsyncIterator[str]:
    """A collection of a few megabytes, made once for the module."""
    import weaviate_async

    name = "Cancel" + uuid_lib.uuid4().hex[:10]
    client = await weaviate_async.connect_to_local(
        port=server.http_port, grpc_port=server.grpc_port
    )
    try:
        collection = await client.collections.create(
            name,
            properties=[Property(name="text", data_type=DataType.TEXT)],
            vector_config=Configure.Vectors.self_provided(),
        )
        rnd = random.Random(7)
        result = await collection.data.insert_many(
            [
                DataObject(
                    properties={"text": f"{i} " + "lorem ipsum " * 20},
                    vector=[rnd.random() for _ in range(DIMENSIONS)],
                )
                for i in range(OBJECTS)
            ]
        )
        assert not result.has_errors
        yield name
    finally:
        await client.collections.delete(name)
        await client.close()


async def _final(
    client: WeaviateAsyncClient, backup_id: str, restore: bool = False
) -> BackupStatusReturn:
    get = client.backup.get_restore_status if restore else client.backup.get_create_status
    deadline = time.monotonic() + 120
    while True:
        status = await get(backup_id, FS)
        if status.status in (BackupStatus.SUCCESS, BackupStatus.FAILED, BackupStatus.CANCELED):
            return status
        assert time.monotonic() < deadline, status
        await asyncio.sleep(0.2)


async def test_cancel_right_after_create(client: WeaviateAsyncClient, big: str) -> None:
    backup_id = "cancel-" + uuid_lib.uuid4().hex[:10]
    started = await client.backup.create(backup_id, FS, include_collections=[big], config=SLOW)
    assert started.status is BackupStatus.STARTED
    assert await client.backup.cancel(backup_id, FS) is True
    final = await _final(client, backup_id)
    assert final.status is BackupStatus.CANCELED, final
    assert final.error and "cancel" in final.error  # the server's reason
    listed = {b.backup_id: b.status for b in await client.backup.list_backups(FS)}
    assert listed[backup_id] is BackupStatus.CANCELED
    assert await client.backup.cancel(backup_id, FS) is True  # canceled already: accepted


async def test_waiting_create_raises_backup_canceled(client: WeaviateAsyncClient, big: str) -> None:
    backup_id = "waited-" + uuid_lib.uuid4().hex[:10]
    waiting = asyncio.create_task(
        client.backup.create(
            backup_id, FS, include_collections=big, config=SLOW, wait_for_completion=True
        )
    )
    # cancel as soon as the server knows the backup (its status answers 404 before)
    deadline = time.monotonic() + 30
    while True:
        assert not waiting.done(), waiting
        try:
            await client.backup.get_create_status(backup_id, FS)
            break
        except UnexpectedStatusCodeError as exc:
            assert exc.status_code == 404 and time.monotonic() < deadline
        await asyncio.sleep(0.01)
    assert await client.backup.cancel(backup_id, FS)
    try:
        await waiting
    except BackupCanceledError as canceled:
        assert backup_id in str(canceled) and "was canceled" in str(canceled)
        assert canceled.server_message and "cancel" in canceled.server_message
    except UnexpectedStatusCodeError as refused:
        # The server's own race: when the abort reaches the node between its "can commit" and
        # the coordinator's commit, the create request itself fails with a 500 naming the
        # abandoned operation (usecases/backup/shard.go, OnCommit). Either way nothing is kept.
        assert refused.status_code == 500, refused
        assert refused.server_message and "abandon" in refused.server_message, refused
        try:
            after = await _final(client, backup_id)
        except UnexpectedStatusCodeError as gone:
            assert gone.status_code == 404, gone
        else:
            assert after.status is not BackupStatus.SUCCESS, after
    else:
        pytest.fail("the canceled backup was reported as completed")


async def test_cancel_a_running_restore(client: WeaviateAsyncClient, big: str) -> None:
    backup_id = "restore-" + uuid_lib.uuid4().hex[:10]
    done = await client.backup.create(
        backup_id, FS, include_collections=[big], wait_for_completion=True
    )
    assert done.status is BackupStatus.SUCCESS
    if not server_at_least("1.37.0"):
        # servers before 1.37 (seen: 1.35.2, 1.32.0; 1.36 not tried) have no route to cancel a
        # restore
        with pytest.raises(UnexpectedStatusCodeError, match="not allowed") as info:
            await client.backup.cancel(backup_id, FS, operation="restore")
        assert info.value.status_code == 405
        return
    await client.collections.delete(big)
    try:
        started = await client.backup.restore(
            backup_id, FS, config=BackupConfigRestore(cpu_percentage=1)
        )
        assert started.status is BackupStatus.STARTED and started.collections == [big]
        assert await client.backup.cancel(backup_id, FS, operation="restore") is True
        final = await _final(client, backup_id, restore=True)
        assert final.status is BackupStatus.CANCELED, final
        assert not await client.collections.exists(big)
    finally:
        # Put the collection back for the module's clean-up. The server reports the restore
        # CANCELED at once but refuses another one ("already in progress") for a second or two.
        deadline = time.monotonic() + 60
        while not await client.collections.exists(big):
            try:
                again = await client.backup.restore(backup_id, FS, wait_for_completion=True)
            except UnexpectedStatusCodeError as exc:
                assert "already in progress" in str(exc) and time.monotonic() < deadline, exc
                await asyncio.sleep(0.5)
            else:
                assert again.status is BackupStatus.SUCCESS
    assert await client.collections.use(big).length() == OBJECTS
