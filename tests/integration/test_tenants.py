"""collection.tenants against the real server: every input form of create, the reads (gRPC
TenantsGet and REST), updates in chunks, every status transition a server without an offload
module supports, and the refusal of offloading there; tenant isolation of data, and the error of
a call without a tenant on a multi-tenant collection. Also collection.exists() and
collection.shards(). Its blocking twin is generated (``__sync_twin__``).

Tenants are checked over plain REST (``tests.rest_helper``) as well as through the client.
"""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from tests.rest_helper import Rest
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.tenants import (
    Tenant,
    TenantActivityStatus,
    TenantCreate,
    TenantCreateActivityStatus,
    TenantUpdate,
    TenantUpdateActivityStatus,
)
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import (
    UnexpectedStatusCodeError,
    WeaviateBaseError,
    WeaviateInvalidInputError,
    WeaviateQueryError,
    WeaviateTenantGetError,
)

__sync_twin__ = "tests/integration/test_tenants_sync_gen.py"

S = TenantActivityStatus


async def _mt(client: WeaviateAsyncClient, name: str, **mt: Any) -> Any:
    return await client.collections.create(
        name,
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
        multi_tenancy_config=Configure.multi_tenancy(enabled=True, **mt),
    )


def _server_statuses(server: EmbeddedServer, name: str) -> dict[str, str]:
    status, body = Rest(server.url).call("GET", f"/schema/{name}/tenants")
    assert status == 200, body
    # The server still answers with the old names; compare by meaning.
    old = {"HOT": "ACTIVE", "COLD": "INACTIVE", "FROZEN": "OFFLOADED"}
    return {t["name"]: old.get(t["activityStatus"], t["activityStatus"]) for t in body}


async def test_create_in_every_form_and_read_back(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    collection = await _mt(client, collection_name)
    tenants = collection.tenants
    await tenants.create("one")
    await tenants.create(Tenant(name="two", activity_status=S.INACTIVE))
    await tenants.create(TenantCreate(name="three"))
    await tenants.create(
        [
            "four",
            Tenant(name="five"),
            TenantCreate(name="six", activity_status=TenantCreateActivityStatus.INACTIVE),
        ]
    )
    await tenants.create(("seven",))
    await tenants.create([])  # nothing to do: nothing sent
    expected = {
        "one": "ACTIVE",
        "two": "INACTIVE",
        "three": "ACTIVE",
        "four": "ACTIVE",
        "five": "ACTIVE",
        "six": "INACTIVE",
        "seven": "ACTIVE",
    }
    assert _server_statuses(server, collection_name) == expected

    got = await tenants.get()
    assert {n: t.activity_status.value for n, t in got.items()} == expected
    assert all(isinstance(t, Tenant) and t.name == n for n, t in got.items())

    some = await tenants.get_by_names(["two", Tenant(name="four"), "missing"])
    assert {n: t.activity_status for n, t in some.items()} == {"two": S.INACTIVE, "four": S.ACTIVE}
    assert await tenants.get_by_names([]) == {}

    assert await tenants.get_by_name("six") == Tenant(name="six", activity_status=S.INACTIVE)
    assert await tenants.get_by_name(Tenant(name="one")) == Tenant(name="one")
    assert await tenants.get_by_name("missing") is None
    assert await tenants.exists("one") is True
    assert await tenants.exists(Tenant(name="two")) is True
    assert await tenants.exists("missing") is False

    # creating an existing tenant again changes nothing
    await tenants.create(["one", "two"])
    assert _server_statuses(server, collection_name) == expected


async def test_deprecated_names_are_sent_as_the_current_ones(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    collection = await _mt(client, collection_name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        cold = TenantCreate(name="cold", activity_status=TenantCreateActivityStatus.COLD)
        hot = Tenant(name="hot", activity_status=S.HOT)
    await collection.tenants.create([cold, hot])
    assert _server_statuses(server, collection_name) == {"cold": "INACTIVE", "hot": "ACTIVE"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        await collection.tenants.update(
            TenantUpdate(name="cold", activity_status=TenantUpdateActivityStatus.HOT)
        )
    assert (await collection.tenants.get_by_name("cold")) == Tenant(name="cold")


async def test_status_transitions(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    collection = await _mt(client, collection_name)
    tenants = collection.tenants
    await tenants.create(["a", "b", "c"])
    await collection.with_tenant("a").data.insert({"title": "kept"}, vector=[0.1, 0.2])

    await tenants.deactivate("a")  # ACTIVE -> INACTIVE
    assert (await tenants.get_by_name("a")) == Tenant(name="a", activity_status=S.INACTIVE)
    with pytest.raises(WeaviateQueryError, match="not active"):
        await collection.with_tenant("a").query.fetch_objects()

    await tenants.activate(Tenant(name="a"))  # INACTIVE -> ACTIVE, data still there
    assert (await tenants.get_by_name("a")) == Tenant(name="a")
    assert await collection.with_tenant("a").length() == 1

    await tenants.deactivate(["b", Tenant(name="c")])
    await tenants.update([Tenant(name="b", activity_status=S.ACTIVE)])
    await tenants.update(TenantUpdate(name="c", activity_status=TenantUpdateActivityStatus.ACTIVE))
    await tenants.update(Tenant(name="a", activity_status=S.INACTIVE))
    assert _server_statuses(server, collection_name) == {
        "a": "INACTIVE",
        "b": "ACTIVE",
        "c": "ACTIVE",
    }
    # activating an active tenant, deactivating an inactive one: no change, no error
    await tenants.activate("b")
    await tenants.deactivate("a")
    assert (await tenants.get_by_name("a")) == Tenant(name="a", activity_status=S.INACTIVE)


async def test_offload_without_an_offload_module_is_refused_with_the_server_reason(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    # The test servers have no offload-s3 module (it needs an S3 endpoint), so OFFLOADED,
    # OFFLOADING and ONLOADING cannot be reached here; their parsing is unit-tested.
    collection = await _mt(client, collection_name)
    await collection.tenants.create("a")
    with pytest.raises(UnexpectedStatusCodeError, match="offload-s3 module is not enabled") as e:
        await collection.tenants.offload("a")
    assert e.value.status_code == 422
    with pytest.raises(UnexpectedStatusCodeError, match="offload-s3 module is not enabled"):
        await collection.tenants.update(Tenant(name="a", activity_status=S.OFFLOADED))
    assert (await collection.tenants.get_by_name("a")) == Tenant(name="a")


async def test_many_tenants_are_created_at_once_and_updated_in_chunks(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    collection = await _mt(client, collection_name)
    names = [f"t{i:03d}" for i in range(230)]
    await collection.tenants.create(names)
    assert len(await collection.tenants.get()) == 230
    await collection.tenants.deactivate(names[:210])  # three PUTs: 100, 100, 10
    statuses = _server_statuses(server, collection_name)
    assert sorted(n for n, s in statuses.items() if s == "INACTIVE") == names[:210]
    assert sorted(n for n, s in statuses.items() if s == "ACTIVE") == names[210:]
    await collection.tenants.remove(names[:200])
    assert sorted(await collection.tenants.get()) == names[200:]


async def test_remove(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    collection = await _mt(client, collection_name)
    await collection.tenants.create(["a", "b", "c", "d"])
    await collection.with_tenant("a").data.insert({"title": "gone"})
    await collection.tenants.remove("a")
    await collection.tenants.remove([Tenant(name="b"), "missing"])  # unknown names are ignored
    assert sorted(_server_statuses(server, collection_name)) == ["c", "d"]
    await collection.tenants.create("a")  # back, empty
    assert await collection.with_tenant("a").length() == 0


async def test_input_errors_are_raised_before_sending(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str
) -> None:
    collection = await _mt(client, collection_name)
    tenants = collection.tenants
    with pytest.raises(WeaviateInvalidInputError, match=r"'tenants\[1\]\.activity_status'"):
        await tenants.create(["ok", Tenant(name="off", activity_status=S.OFFLOADED)])
    with pytest.raises(WeaviateInvalidInputError, match=r"'tenants\[0\]'"):
        await tenants.create([42])  # type: ignore[list-item]
    with pytest.raises(WeaviateInvalidInputError, match="'tenants'"):
        await tenants.update("a")  # type: ignore[arg-type]
    with pytest.raises(WeaviateInvalidInputError, match=r"'tenants\[0\]\.activity_status'"):
        await tenants.update([Tenant(name="a", activity_status=S.ONLOADING)])
    with pytest.raises(WeaviateInvalidInputError, match="'tenants'"):
        await tenants.get_by_names("a")  # type: ignore[arg-type]
    with pytest.raises(WeaviateInvalidInputError, match="'tenant'"):
        await tenants.exists(None)  # type: ignore[arg-type]
    with pytest.raises(WeaviateInvalidInputError, match="'tenant'"):
        await tenants.activate(3.5)  # type: ignore[arg-type]
    # nothing of the refused calls reached the server
    assert _server_statuses(server, collection_name) == {}


async def test_server_refusals_carry_its_message(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    plain = await client.collections.create(
        collection_name, vector_config=Configure.Vectors.self_provided()
    )
    with pytest.raises(WeaviateTenantGetError, match="multi-tenancy is not enabled"):
        await plain.tenants.get()
    with pytest.raises(UnexpectedStatusCodeError, match="multi-tenancy is not enabled"):
        await plain.tenants.create("a")
    with pytest.raises(UnexpectedStatusCodeError, match="multi-tenancy is not enabled"):
        await plain.tenants.exists("a")
    missing = client.collections.use(collection_name + "Missing")
    with pytest.raises(UnexpectedStatusCodeError, match="class not found"):
        await missing.tenants.create("a")
    with pytest.raises(UnexpectedStatusCodeError, match="class not found"):
        await missing.tenants.get_by_name("a")
    mt = await _mt(client, collection_name + "Mt")
    try:
        with pytest.raises(UnexpectedStatusCodeError, match="not a valid tenant name"):
            await mt.tenants.create("no spaces allowed")
        with pytest.raises(UnexpectedStatusCodeError, match="missing"):
            await mt.tenants.deactivate("missing")
    finally:
        await client.collections.delete(collection_name + "Mt")


async def test_data_of_one_tenant_is_invisible_to_another(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    collection = await _mt(client, collection_name)
    await collection.tenants.create(["A", "B"])
    a = collection.with_tenant("A")
    b = collection.with_tenant(Tenant(name="B"))  # a Tenant works wherever a name does
    assert b.tenant == "B"
    uid = await a.data.insert({"title": "only in A"}, vector=[1.0, 0.0])
    await b.data.insert({"title": "only in B"}, vector=[0.0, 1.0])

    assert [o.properties["title"] for o in (await a.query.fetch_objects()).objects] == ["only in A"]
    assert [o.properties["title"] for o in (await b.query.fetch_objects()).objects] == ["only in B"]
    assert await a.data.exists(uid) is True
    assert await b.data.exists(uid) is False
    assert await b.query.fetch_object_by_id(uid) is None
    assert await a.length() == 1 and await b.length() == 1
    # a delete under B does not reach A's object
    await b.data.delete_by_id(uid)
    assert await a.data.exists(uid) is True


async def test_a_call_without_tenant_on_a_multi_tenant_collection_says_why(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    collection = await _mt(client, collection_name)
    await collection.tenants.create("A")
    reason = "multi-tenancy enabled, but request was without tenant"
    with pytest.raises(WeaviateQueryError, match=reason):
        await collection.query.fetch_objects()
    with pytest.raises(UnexpectedStatusCodeError, match=reason):
        await collection.data.insert({"title": "x"})
    with pytest.raises(WeaviateQueryError, match=reason):
        await collection.length()
    with pytest.raises(WeaviateBaseError, match="has multi-tenancy enabled"):
        await collection.data.insert_many([{"title": "x"}])


async def test_collection_exists_and_shards(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    assert await client.collections.use(collection_name).exists() is False
    with pytest.raises(UnexpectedStatusCodeError, match="not found") as e:
        await client.collections.use(collection_name).shards()
    assert e.value.status_code == 404

    collection = await client.collections.create(
        collection_name,
        properties=[Property(name="n", data_type=DataType.INT)],
        vector_config=Configure.Vectors.self_provided(),
        sharding_config=Configure.sharding(desired_count=2),
    )
    assert await collection.exists() is True
    await collection.data.insert_many([{"n": i} for i in range(10)])
    shards = await collection.shards()
    assert len(shards) == 2
    assert {s.collection for s in shards} == {collection_name}
    assert all(s.node for s in shards) and all(s.loaded for s in shards)
    assert all(s.vector_indexing_status == "READY" for s in shards)

    mt = await _mt(client, collection_name + "Mt")
    try:
        await mt.tenants.create(["x", "y", Tenant(name="z", activity_status=S.INACTIVE)])
        # inactive tenants have no loaded shard
        assert sorted(s.name for s in await mt.shards()) == ["x", "y"]
    finally:
        await client.collections.delete(collection_name + "Mt")
