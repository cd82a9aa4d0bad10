"""client.alias against the real server: create, get, list_all, update, delete, exists, their
refusals; and an alias used wherever a collection name is: data writes and reads, queries,
counts, both batch forms, the debug read, collection.exists(). Its blocking twin is generated
(``__sync_twin__``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import server_at_least
from tests.rest_helper import Rest
from weaviate_async.aliases.alias import AliasReturn
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import (
    ObjectAlreadyExistsError,
    UnexpectedStatusCodeError,
    WeaviateInvalidInputError,
    WeaviateUnsupportedFeatureError,
)

__sync_twin__ = "tests/integration/test_aliases_sync_gen.py"


@pytest.fixture
def alias_name(server: EmbeddedServer, collection_name: str) -> Iterator[str]:
    """A unique alias name; the alias and the ``<collection_name>V2`` collection are deleted
    after the test."""
    name = "Alias" + collection_name
    yield name
    rest = Rest(server.url)
    rest.call("DELETE", f"/aliases/{name}")
    rest.call("DELETE", f"/schema/{collection_name}V2")


async def _collection(client: WeaviateAsyncClient, name: str) -> None:
    await client.collections.create(
        name,
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
    )


async def test_create_read_update_delete(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str, alias_name: str
) -> None:
    v1, v2 = collection_name, collection_name + "V2"
    await _collection(client, v1)
    await _collection(client, v2)
    assert await client.alias.exists(alias_name=alias_name) is False
    assert await client.alias.get(alias_name=alias_name) is None

    await client.alias.create(alias_name=alias_name, target_collection=v1)
    assert Rest(server.url).ok("GET", f"/aliases/{alias_name}") == {
        "alias": alias_name,
        "class": v1,
    }
    assert await client.alias.exists(alias_name=alias_name) is True
    assert await client.alias.get(alias_name=alias_name) == AliasReturn(
        alias=alias_name, collection=v1
    )
    everything = await client.alias.list_all()
    assert everything[alias_name] == AliasReturn(alias=alias_name, collection=v1)
    assert await client.alias.list_all(collection=v1) == {
        alias_name: AliasReturn(alias=alias_name, collection=v1)
    }
    assert await client.alias.list_all(collection=v2) == {}

    assert await client.alias.update(alias_name=alias_name, new_target_collection=v2) is True
    assert (await client.alias.get(alias_name=alias_name)) == AliasReturn(
        alias=alias_name, collection=v2
    )
    assert await client.alias.list_all(collection=v1) == {}

    assert await client.alias.delete(alias_name=alias_name) is True
    assert await client.alias.exists(alias_name=alias_name) is False
    assert await client.alias.delete(alias_name=alias_name) is False
    assert await client.alias.update(alias_name=alias_name, new_target_collection=v1) is False
    # the collections stay
    assert await client.collections.exists(v1) and await client.collections.exists(v2)


async def test_lowercase_first_letter_is_uppercased_as_the_server_does(
    client: WeaviateAsyncClient, collection_name: str, alias_name: str
) -> None:
    await _collection(client, collection_name)
    lower = alias_name[0].lower() + alias_name[1:]
    await client.alias.create(alias_name=lower, target_collection=collection_name.lower())
    assert await client.alias.get(alias_name=lower) == AliasReturn(
        alias=alias_name, collection=collection_name
    )
    assert await client.alias.exists(alias_name=alias_name) is True


async def test_refusals(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str, alias_name: str
) -> None:
    await _collection(client, collection_name)
    # Names are the server's to judge, as with the official client: its refusal is raised.
    for bad in ("has space", "", "1digit"):
        with pytest.raises(UnexpectedStatusCodeError, match="not a valid alias name"):
            await client.alias.create(alias_name=bad, target_collection=collection_name)
    # servers before 1.39 (seen: 1.37.0) look the target up without judging its name
    refusal = "not a valid class name" if server_at_least("1.39.0") else "class does not exist"
    with pytest.raises(UnexpectedStatusCodeError, match=refusal):
        await client.alias.create(alias_name=alias_name, target_collection="bad name")
    with pytest.raises(WeaviateInvalidInputError, match="'alias_name'"):
        await client.alias.get(alias_name=7)  # type: ignore[arg-type]
    assert await client.alias.list_all(collection="bad-name") == {}
    assert Rest(server.url).ok("GET", "/aliases", **{"class": collection_name}) == {"aliases": []}

    with pytest.raises(UnexpectedStatusCodeError, match="does not exist"):
        await client.alias.create(alias_name=alias_name, target_collection=collection_name + "X")
    await client.alias.create(alias_name=alias_name, target_collection=collection_name)
    with pytest.raises(ObjectAlreadyExistsError, match="already exists"):
        await client.alias.create(alias_name=alias_name, target_collection=collection_name)
    with pytest.raises(UnexpectedStatusCodeError, match="does not exist"):
        await client.alias.update(
            alias_name=alias_name, new_target_collection=collection_name + "X"
        )
    # an alias may not take a collection's name, nor a collection an alias's
    with pytest.raises(UnexpectedStatusCodeError, match="already exists"):
        await client.alias.create(alias_name=collection_name, target_collection=collection_name)
    with pytest.raises(UnexpectedStatusCodeError, match="already exists"):
        await _collection(client, alias_name)


async def test_an_alias_works_wherever_a_collection_name_does(
    client: WeaviateAsyncClient, server: EmbeddedServer, collection_name: str, alias_name: str
) -> None:
    v1, v2 = collection_name, collection_name + "V2"
    await _collection(client, v1)
    await _collection(client, v2)
    await client.alias.create(alias_name=alias_name, target_collection=v1)
    via = client.collections.use(alias_name)
    assert await via.exists() is True

    uid = await via.data.insert({"title": "single"}, vector=[0.1, 0.2])
    assert Rest(server.url).get_object(v1, uid)["properties"] == {"title": "single"}
    assert await via.data.exists(uid) is True
    got = await via.query.fetch_object_by_id(uid)
    assert got is not None and got.properties == {"title": "single"}
    debug = await client.debug.get_object_over_rest(alias_name, uid)
    assert debug is not None and debug.collection == v1
    if server_at_least("1.37.0"):
        tokens = await client.tokenization.for_property(alias_name, "title", "The Title")
        assert tokens.indexed == ["the", "title"]
    else:
        with pytest.raises(WeaviateUnsupportedFeatureError, match=r"1\.37\.0"):
            await client.tokenization.for_property(alias_name, "title", "The Title")

    async with client.batch.fixed_size(batch_size=10) as batch:
        for i in range(25):
            await batch.add_object(collection=alias_name, properties={"title": f"client {i}"})
    assert client.batch.failed_objects == []
    async with via.batch.dynamic() as coll_batch:
        for i in range(15):
            await coll_batch.add_object(properties={"title": f"collection {i}"}, vector=[1.0, i])
    assert via.batch.failed_objects == []

    assert await via.length() == 41
    assert await client.collections.use(v1).length() == 41
    fetched = await via.query.fetch_objects(limit=100)
    assert len(fetched.objects) == 41
    await via.data.insert_many([{"title": "many"}])
    assert await via.length() == 42
    await via.data.delete_by_id(uid)
    assert await via.data.exists(uid) is False

    # re-pointed: the same handle now reads and writes the other collection
    await client.alias.update(alias_name=alias_name, new_target_collection=v2)
    assert await via.length() == 0
    await via.data.insert({"title": "in v2"})
    assert await client.collections.use(v2).length() == 1
    assert await client.collections.use(v1).length() == 41


def test_len_of_a_sync_handle_on_an_alias(
    sync_client: Any, collection_name: str, alias_name: str
) -> None:
    """``len(collection)`` (the blocking twin's count) through an alias."""
    from weaviate_sync.classes.config import Configure as SyncConfigure

    target = sync_client.collections.create(
        collection_name, vector_config=SyncConfigure.Vectors.self_provided()
    )
    target.data.insert_many([{} for _ in range(7)])
    sync_client.alias.create(alias_name=alias_name, target_collection=collection_name)
    assert len(sync_client.collections.use(alias_name)) == 7
