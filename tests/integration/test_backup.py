"""client.backup and collection.backup against the real server (filesystem backend): backups of
two collections deleted and restored object by object and vector by vector, collection backups,
wildcards and exclusions, incremental backups, every option, custom locations, waiting with a
time limit, and the failure paths with the server's reasons. Its blocking twin is generated
(``__sync_twin__``); cancellation, which needs two calls at once, is in test_backup_cancel.py.

What is compared is read back over plain REST (``tests.rest_helper``), not through the client
under test. The server runs one backup at a time, so every test waits until its backups are
final before it ends, and the fixture ``one_backup_at_a_time`` cancels and waits for what a
failed test left running (and waits for the backups of other modules before a test starts).
"""

from __future__ import annotations

import time
import uuid as uuid_lib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import server_at_least
from tests.rest_helper import Rest
from weaviate_async.backup.backup import BackupListReturn
from weaviate_async.classes.backup import (
    BackupCompressionLevel,
    BackupConfigCreate,
    BackupConfigRestore,
    BackupLocation,
    BackupStorage,
)
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.data import DataObject
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import (
    BackupFailedError,
    UnexpectedStatusCodeError,
    WeaviateInvalidInputError,
    WeaviateTimeoutError,
    WeaviateUnsupportedFeatureError,
)
from weaviate_async.outputs.backup import BackupReturn, BackupStatus, BackupStatusReturn

__sync_twin__ = "tests/integration/test_backup_sync_gen.py"

FS = BackupStorage.FILESYSTEM


@pytest.fixture
def rest(server: EmbeddedServer) -> Rest:
    return Rest(server.url)


@pytest.fixture
def names(collection_name: str, rest: Rest) -> Iterator[Callable[[str], str]]:
    """Unique collection names ``<base><Suffix>``, all deleted after the test."""
    made: list[str] = []

    def make(suffix: str) -> str:
        made.append(collection_name + suffix)
        return made[-1]

    yield make
    for name in made:
        rest.call("DELETE", f"/schema/{name}")


_FINAL = ("SUCCESS", "FAILED", "CANCELED")


def _backups(rest: Rest) -> dict[str, str]:
    """Every backup of the filesystem backend by id: the status of its creation."""
    return {b["id"]: b["status"] for b in rest.ok("GET", "/backups/filesystem") or []}


def _settle(rest: Rest, backup_id: str, operation: str, cancel: bool) -> None:
    """Wait until a backup's creation or restore (``operation``) is final, canceling it first
    when ``cancel``; a restore never started (404) is final."""
    path = f"/backups/filesystem/{backup_id}" + ("/restore" if operation == "restore" else "")
    deadline = time.monotonic() + 120
    while True:
        status, body = rest.call("GET", path)
        if status == 404 or (status == 200 and body["status"] in _FINAL):
            return
        assert status == 200 and time.monotonic() < deadline, (backup_id, operation, body)
        if cancel:
            # answers 204, or 422 once the operation ended; servers before 1.37 have no
            # restore cancel (405) and the restore is waited for
            rest.call("DELETE", path)
            cancel = False
        time.sleep(0.2)


@pytest.fixture(autouse=True)
def one_backup_at_a_time(rest: Rest) -> Iterator[None]:
    """The server runs one backup or restore at a time and refuses another ("already in
    progress"): each test starts once the backups of others are final, and a test that failed
    halfway does not leave its own running for the next ones (they are canceled, then waited
    for)."""
    before = _backups(rest)
    for backup_id, status in before.items():
        if status not in _FINAL:
            _settle(rest, backup_id, "create", cancel=False)
    yield
    for backup_id in set(_backups(rest)) - set(before):
        _settle(rest, backup_id, "create", cancel=True)
        _settle(rest, backup_id, "restore", cancel=True)


def _backup_id(label: str) -> str:
    """A fresh id with capitals: the client lowercases ids, as the official one does."""
    return f"{label}-{uuid_lib.uuid4().hex[:10]}".upper()


def _snapshot(rest: Rest, name: str) -> dict[str, Any]:
    """Every object of a collection as the server holds it: properties and vectors by id."""
    out = rest.ok("GET", "/objects", **{"class": name, "include": "vector", "limit": "1000"})
    return {
        o["id"]: (o["properties"], o.get("vector"), o.get("vectors"))
        for o in out.get("objects") or []
    }


def _schema(rest: Rest, name: str) -> Any:
    return rest.ok("GET", f"/schema/{name}")


def _exists(rest: Rest, name: str) -> bool:
    return rest.call("GET", f"/schema/{name}")[0] == 200


async def _fill_default(client: WeaviateAsyncClient, name: str, count: int, start: int = 0) -> None:
    collection = client.collections.use(name)
    if not await client.collections.exists(name):
        collection = await client.collections.create(
            name,
            properties=[
                Property(name="title", data_type=DataType.TEXT),
                Property(name="rank", data_type=DataType.INT),
            ],
            vector_config=Configure.Vectors.self_provided(),
        )
    result = await collection.data.insert_many(
        [
            DataObject(
                properties={"title": f"object {i}", "rank": i},
                vector=[i * 0.5, -1.25, i / 7, 3.0],
            )
            for i in range(start, start + count)
        ]
    )
    assert not result.has_errors


async def _fill_named(client: WeaviateAsyncClient, name: str, count: int) -> None:
    collection = await client.collections.create(
        name,
        properties=[Property(name="body", data_type=DataType.TEXT)],
        vector_config=[
            Configure.Vectors.self_provided(name="small"),
            Configure.Vectors.self_provided(name="large"),
        ],
    )
    result = await collection.data.insert_many(
        [
            DataObject(
                properties={"body": f"text {i}"},
                vector={"small": [i + 0.25, 2.0], "large": [float(j * i) for j in range(6)]},
            )
            for i in range(count)
        ]
    )
    assert not result.has_errors


def _until_final(rest: Rest, backup_id: str) -> str:
    """Wait (over plain REST) until a backup is final; its final status."""
    deadline = time.monotonic() + 120
    while True:
        status = rest.ok("GET", f"/backups/filesystem/{backup_id}")["status"]
        if status in ("SUCCESS", "FAILED", "CANCELED"):
            return str(status)
        assert time.monotonic() < deadline, status
        time.sleep(0.2)


async def test_two_collections_deleted_and_restored_object_by_object(
    client: WeaviateAsyncClient, rest: Rest, names: Callable[[str], str]
) -> None:
    plain, named = names("Plain"), names("Named")
    await _fill_default(client, plain, 60)
    await _fill_named(client, named, 40)
    before = {n: _snapshot(rest, n) for n in (plain, named)}
    schemas = {n: _schema(rest, n) for n in (plain, named)}
    assert len(before[plain]) == 60 and len(before[named]) == 40
    assert all(vectors["large"] for _, _, vectors in before[named].values())

    backup_id = _backup_id("round")
    # a first letter in lowercase is fixed as the server stores collection names
    created = await client.backup.create(
        backup_id,
        BackupStorage.FILESYSTEM,
        include_collections=[plain[0].lower() + plain[1:], named],
        wait_for_completion=True,
    )
    assert isinstance(created, BackupReturn)
    assert created.status is BackupStatus.SUCCESS and created.error is None
    assert created.backup_id == backup_id.lower()
    assert sorted(created.collections) == sorted([plain, named])
    assert created.path.endswith(backup_id.lower())
    # servers before 1.37 (seen: 1.35.2, 1.32.0; 1.36 not tried) report no size
    assert created.size > 0 if server_at_least("1.37.0") else created.size == 0

    status = await client.backup.get_create_status(backup_id.lower(), "filesystem")
    assert status.status is BackupStatus.SUCCESS and status.backup_id == backup_id.lower()
    listed = {b.backup_id: b for b in await client.backup.list_backups(FS)}
    entry = listed[backup_id.lower()]
    assert isinstance(entry, BackupListReturn)
    assert sorted(entry.collections) == sorted([plain, named])
    assert entry.status is BackupStatus.SUCCESS and entry.incremental_base_backup_id is None
    if server_at_least("1.35.0"):
        assert entry.started_at is not None and entry.completed_at is not None
        assert entry.started_at.tzinfo is not None and entry.started_at <= entry.completed_at
    else:  # seen on 1.32.0: the list has no start and completion times
        assert entry.started_at is None and entry.completed_at is None
    oldest_first = await client.backup.list_backups(FS, sort_by_starting_time_asc=True)
    starts = [b.started_at for b in oldest_first if b.started_at is not None]
    assert starts == sorted(starts) and len(oldest_first) == len(listed)

    await client.collections.delete([plain, named])
    assert not _exists(rest, plain) and not _exists(rest, named)

    restored = await client.backup.restore(
        backup_id, FS, include_collections=[plain, named], wait_for_completion=True
    )
    assert restored.status is BackupStatus.SUCCESS
    assert sorted(restored.collections) == sorted([plain, named])
    restore_status = await client.backup.get_restore_status(backup_id, FS)
    assert restore_status.status is BackupStatus.SUCCESS
    for name in (plain, named):
        assert _snapshot(rest, name) == before[name], name
        assert _schema(rest, name) == schemas[name], name


async def test_collection_backup_round_trip(
    client: WeaviateAsyncClient, rest: Rest, names: Callable[[str], str]
) -> None:
    name = names("Single")
    other = names("Other")
    await _fill_default(client, name, 25)
    await _fill_default(client, other, 5)
    before = _snapshot(rest, name)
    collection = client.collections.use(name)
    backup_id = _backup_id("one")

    created = await collection.backup.create(backup_id, FS, wait_for_completion=True)
    assert type(created) is BackupStatusReturn
    assert created.status is BackupStatus.SUCCESS and created.backup_id == backup_id.lower()
    status = await collection.backup.get_create_status(backup_id, FS)
    assert status.status is BackupStatus.SUCCESS
    listed = {b.backup_id: b for b in await client.backup.list_backups(FS)}
    assert listed[backup_id.lower()].collections == [name]  # only this collection

    await client.collections.delete(name)
    restored = await collection.backup.restore(backup_id, FS, wait_for_completion=True)
    assert type(restored) is BackupStatusReturn and restored.status is BackupStatus.SUCCESS
    assert (await collection.backup.get_restore_status(backup_id, FS)).status is (
        BackupStatus.SUCCESS
    )
    assert _snapshot(rest, name) == before
    assert len(_snapshot(rest, other)) == 5  # untouched


async def test_wildcard_include_and_exclude_on_restore(
    client: WeaviateAsyncClient, rest: Rest, names: Callable[[str], str]
) -> None:
    first, second = names("WildA"), names("WildB")
    await _fill_default(client, first, 10)
    await _fill_default(client, second, 12)
    before = _snapshot(rest, second)
    backup_id = _backup_id("wild")
    prefix = first[: -len("WildA")]

    if server_at_least("1.37.0"):
        created = await client.backup.create(
            backup_id, FS, include_collections=f"{prefix}Wild*", wait_for_completion=True
        )
    else:
        # servers before 1.37 (seen: 1.35.2, 1.32.0; 1.36 not tried) take a pattern as a
        # collection's name
        with pytest.raises(UnexpectedStatusCodeError, match="doesn't exist") as info:
            await client.backup.create(backup_id, FS, include_collections=f"{prefix}Wild*")
        assert info.value.status_code == 422
        created = await client.backup.create(
            backup_id, FS, include_collections=[first, second], wait_for_completion=True
        )
    assert sorted(created.collections) == sorted([first, second])

    await client.collections.delete([first, second])
    restored = await client.backup.restore(
        backup_id, FS, exclude_collections=first, wait_for_completion=True
    )
    assert restored.collections == [second]
    assert not _exists(rest, first)
    assert _snapshot(rest, second) == before


async def test_excluded_collection_is_left_out_of_the_backup(
    client: WeaviateAsyncClient, rest: Rest, names: Callable[[str], str]
) -> None:
    kept, left_out = names("Kept"), names("LeftOut")
    await _fill_default(client, kept, 3)
    await _fill_default(client, left_out, 3)
    backup_id = _backup_id("exclude")
    # every other collection of the shared server is in it: the server lists them at once
    created = await client.backup.create(backup_id, FS, exclude_collections=[left_out])
    assert created.status is BackupStatus.STARTED
    assert kept in created.collections and left_out not in created.collections
    _until_final(rest, backup_id.lower())


@pytest.mark.min_server("1.37.0")
async def test_incremental_backup_restores_base_and_increment(
    client: WeaviateAsyncClient, rest: Rest, names: Callable[[str], str]
) -> None:
    name = names("Incr")
    await _fill_default(client, name, 30)
    base_id = _backup_id("base")
    base = await client.backup.create(
        base_id, FS, include_collections=name, wait_for_completion=True
    )
    assert base.status is BackupStatus.SUCCESS

    await _fill_default(client, name, 20, start=30)
    before = _snapshot(rest, name)
    assert len(before) == 50
    incr_id = _backup_id("incr")
    increment = await client.backup.create(
        incr_id,
        FS,
        include_collections=[name],
        incremental_base_backup_id=base_id,  # in capitals: lowercased like every id
        wait_for_completion=True,
    )
    assert increment.status is BackupStatus.SUCCESS
    listed = {b.backup_id: b for b in await client.backup.list_backups(FS)}
    # the server names the base only to callers it knows as root (anonymous here: omitted)
    assert listed[incr_id.lower()].incremental_base_backup_id in (None, base_id.lower())

    await client.collections.delete(name)
    restored = await client.backup.restore(incr_id, FS, wait_for_completion=True)
    assert restored.status is BackupStatus.SUCCESS and restored.collections == [name]
    assert _snapshot(rest, name) == before


async def test_every_option_and_a_location_of_its_own(
    client: WeaviateAsyncClient, rest: Rest, names: Callable[[str], str], tmp_path: Path
) -> None:
    name = names("Options")
    await _fill_default(client, name, 15)
    before = _snapshot(rest, name)
    backup_id = _backup_id("options")
    location = BackupLocation.FileSystem(path=str(tmp_path))

    created = await client.backup.create(
        backup_id,
        FS,
        include_collections=[name],
        config=BackupConfigCreate(
            cpu_percentage=20, compression_level=BackupCompressionLevel.ZSTD_BEST_SPEED
        ),
        backup_location=location,
        wait_for_completion=True,
    )
    assert created.status is BackupStatus.SUCCESS
    assert (tmp_path / backup_id.lower() / "backup_config.json").is_file()
    status = await client.backup.get_create_status(backup_id, FS, backup_location=location)
    assert status.status is BackupStatus.SUCCESS
    with pytest.raises(UnexpectedStatusCodeError) as missing:
        await client.backup.get_create_status(backup_id, FS)  # not at the default place
    assert missing.value.status_code == 404

    await client.collections.delete(name)
    restored = await client.backup.restore(
        backup_id,
        FS,
        include_collections=[name],
        roles_restore="noRestore",
        users_restore="noRestore",
        config=BackupConfigRestore(cpu_percentage=30),
        backup_location=location,
        overwrite_alias=True,
        wait_for_completion=True,
    )
    assert restored.status is BackupStatus.SUCCESS
    restore_status = await client.backup.get_restore_status(backup_id, FS, backup_location=location)
    assert restore_status.status is BackupStatus.SUCCESS
    assert _snapshot(rest, name) == before


async def test_wait_timeout_gives_up_waiting_and_the_backup_goes_on(
    client: WeaviateAsyncClient, rest: Rest, names: Callable[[str], str]
) -> None:
    name = names("Patience")
    await _fill_default(client, name, 5)
    backup_id = _backup_id("patience")
    started = time.monotonic()
    # a backup takes at least the server's coordination round (about two seconds)
    with pytest.raises(WeaviateTimeoutError) as waited:
        await client.backup.create(
            backup_id, FS, include_collections=[name], wait_for_completion=True, wait_timeout=0.3
        )
    assert time.monotonic() - started < 1.5
    assert "goes on on the server" in str(waited.value) and backup_id.lower() in str(waited.value)
    assert _until_final(rest, backup_id.lower()) == "SUCCESS"
    final = await client.backup.get_create_status(backup_id, FS)
    assert final.status is BackupStatus.SUCCESS and final.error is None


async def test_failures_carry_the_servers_reason(
    client: WeaviateAsyncClient, names: Callable[[str], str]
) -> None:
    name = names("Fails")
    await _fill_default(client, name, 3)

    with pytest.raises(UnexpectedStatusCodeError) as unknown:
        await client.backup.create(_backup_id("nope"), FS, include_collections=[name + "Missing"])
    assert unknown.value.status_code == 422
    assert "doesn't exist" in (unknown.value.server_message or "")

    # an id the server does not allow is its to refuse, as the official client sends it
    with pytest.raises(UnexpectedStatusCodeError) as bad_id:
        await client.backup.create("Has Space", FS, include_collections=[name])
    assert bad_id.value.status_code == 422 and "invalid backup id" in str(bad_id.value)
    with pytest.raises(UnexpectedStatusCodeError) as bad_base:
        await client.backup.create(
            _backup_id("incr"), FS, include_collections=[name], incremental_base_backup_id="a/b"
        )
    assert bad_base.value.status_code in (404, 422, 500), bad_base.value

    with pytest.raises(UnexpectedStatusCodeError) as no_module:
        await client.backup.create(_backup_id("s3"), BackupStorage.S3, include_collections=[name])
    assert no_module.value.status_code == 422 and "s3" in str(no_module.value)

    with pytest.raises(UnexpectedStatusCodeError) as no_backup:
        await client.backup.get_create_status(_backup_id("never"), FS)
    assert no_backup.value.status_code == 404
    with pytest.raises(UnexpectedStatusCodeError) as no_restore:
        await client.backup.restore(_backup_id("never"), FS)
    assert no_restore.value.status_code == 404
    assert await client.backup.cancel(_backup_id("never"), FS) is True  # the server answers 204

    backup_id = _backup_id("fails")
    await client.backup.create(backup_id, FS, include_collections=[name], wait_for_completion=True)
    with pytest.raises(UnexpectedStatusCodeError) as taken:
        await client.backup.create(backup_id, FS, include_collections=[name])
    assert taken.value.status_code == 422 and "already exists" in str(taken.value)
    with pytest.raises(UnexpectedStatusCodeError) as done:
        await client.backup.cancel(backup_id, FS)
    assert done.value.status_code == 422 and "already succeeded" in str(done.value)

    # the collection still exists: the restore starts, then fails with the server's reason
    with pytest.raises(BackupFailedError) as failed:
        await client.backup.restore(backup_id, FS, wait_for_completion=True)
    assert "already exists" in str(failed.value)
    assert failed.value.server_message is not None
    assert name in failed.value.server_message and "already exists" in failed.value.server_message
    status = await client.backup.get_restore_status(backup_id, FS)
    assert status.status is BackupStatus.FAILED and status.error == failed.value.server_message


def _version(meta: dict[str, Any]) -> tuple[int, ...]:
    return tuple(int(part) for part in str(meta["version"]).split("-")[0].split(".")[:3])


async def test_roles_and_users_of_a_backup_need_server_1_40(
    client: WeaviateAsyncClient, rest: Rest, names: Callable[[str], str]
) -> None:
    name = names("RolesUsers")
    await _fill_default(client, name, 3)
    server = _version(await client.get_meta())
    # any value but None needs the server, even one of the wrong type (as the official
    # client); on a server that has it, a wrong type is refused as bad input
    for given in ({"include_roles": ["admin*"]}, {"include_users": []}, {"include_roles": True}):
        backup_id = _backup_id("roles")
        if server >= (1, 40, 0) and given.get("include_roles") is True:
            with pytest.raises(WeaviateInvalidInputError):
                await client.backup.create(backup_id, FS, include_collections=name, **given)
            continue
        if server >= (1, 40, 0):
            created = await client.backup.create(
                backup_id, FS, include_collections=name, wait_for_completion=True, **given
            )
            assert created.status is BackupStatus.SUCCESS
            continue
        with pytest.raises(WeaviateUnsupportedFeatureError) as old:
            await client.backup.create(backup_id, FS, include_collections=name, **given)
        assert old.value.feature == "Backup include_roles/include_users"
        assert old.value.minimum_version == "1.40.0"
        assert tuple(map(int, old.value.server_version.split("."))) == server
        listed = [b.backup_id for b in await client.backup.list_backups(FS)]
        assert backup_id.lower() not in listed  # refused before anything was sent

    # None (the default, here given) is no filter: any server takes it
    backup_id = _backup_id("nofilter")
    created = await client.backup.create(
        backup_id,
        FS,
        include_collections=name,
        wait_for_completion=True,
        include_roles=None,
        include_users=None,
    )
    assert created.status is BackupStatus.SUCCESS and created.collections == [name]


@pytest.mark.parametrize(
    ("call", "field"),
    [
        ({"backup_id": 7}, "backup_id"),
        ({"backend": "tape"}, "backend"),
        ({"include_collections": ["A"], "exclude_collections": ["B"]}, "exclude_collections"),
        ({"include_collections": [""]}, "include_collections[0]"),
        ({"include_collections": 3}, "include_collections"),
        ({"wait_for_completion": "yes"}, "wait_for_completion"),
        ({"wait_timeout": -1}, "wait_timeout"),
        ({"config": BackupConfigRestore()}, "config"),
        ({"backup_location": "/tmp"}, "backup_location"),
    ],
)
async def test_create_refuses_bad_input_before_sending(
    client: WeaviateAsyncClient, call: dict[str, Any], field: str
) -> None:
    args: dict[str, Any] = {"backup_id": _backup_id("bad"), "backend": FS, **call}
    with pytest.raises(WeaviateInvalidInputError) as bad:
        await client.backup.create(**args)
    assert bad.value.field == field
    if isinstance(args["backup_id"], str):
        listed = [b.backup_id for b in await client.backup.list_backups(FS)]
        assert args["backup_id"].lower() not in listed  # nothing was started


@pytest.mark.parametrize(
    ("call", "field"),
    [
        ({"roles_restore": "some"}, "roles_restore"),
        ({"users_restore": True}, "users_restore"),
        ({"overwrite_alias": "no"}, "overwrite_alias"),
        ({"config": BackupConfigCreate()}, "config"),
        ({"include_collections": ["A"], "exclude_collections": "B"}, "exclude_collections"),
    ],
)
async def test_restore_refuses_bad_input_before_sending(
    client: WeaviateAsyncClient, call: dict[str, Any], field: str
) -> None:
    with pytest.raises(WeaviateInvalidInputError) as bad:
        await client.backup.restore(_backup_id("bad"), FS, **call)
    assert bad.value.field == field


async def test_other_calls_refuse_bad_input(client: WeaviateAsyncClient) -> None:
    with pytest.raises(WeaviateInvalidInputError) as operation:
        await client.backup.cancel("x", FS, operation="delete")
    assert operation.value.field == "operation"
    with pytest.raises(WeaviateInvalidInputError) as ordering:
        await client.backup.list_backups(FS, sort_by_starting_time_asc="asc")
    assert ordering.value.field == "sort_by_starting_time_asc"
    with pytest.raises(WeaviateInvalidInputError) as bucket:
        BackupLocation.S3(path="p", bucket="")
    assert bucket.value.field == "bucket"
    with pytest.raises(WeaviateInvalidInputError) as cpu:
        BackupConfigCreate(cpu_percentage=95)
    assert cpu.value.field == "cpu_percentage"
    with pytest.raises(WeaviateInvalidInputError) as level:
        BackupConfigCreate(compression_level="fastest")
    assert level.value.field == "compression_level"
    # an empty id would ask for the list of backups: refused, a TypeError as the official
    # client's failure on that list
    with pytest.raises(WeaviateInvalidInputError) as status_id:
        await client.collections.use("Anything").backup.get_restore_status("", FS)
    assert status_id.value.field == "backup_id" and isinstance(status_id.value, TypeError)
