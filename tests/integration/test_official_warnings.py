"""The official client's warnings that need a server, against the real one: credentials for a
server with authentication switched off, an authorization header beside credentials, OIDC
credentials for Weaviate Cloud, and the older arguments of collections.create and
config.update. The situations without a server are in tests/unit/test_parity_warnings.py."""

from __future__ import annotations

import warnings

import pytest

import weaviate_async
import weaviate_sync
from tests.conftest import ADMIN_KEY
from weaviate_async.classes.config import Configure, DataType, Property, Reconfigure
from weaviate_async.classes.init import Auth
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import WeaviateStartUpError


@pytest.mark.parametrize(
    "auth",
    [Auth.bearer_token("some-token", expires_in=600), Auth.client_password("user", "secret")],
    ids=["bearer_token", "client_password"],
)
async def test_credentials_for_a_server_without_authentication(
    server: EmbeddedServer, auth: object
) -> None:
    # official Auth001: a UserWarning, and the client connects without the credentials
    with pytest.warns(UserWarning, match="authentication switched off"):
        client = await weaviate_async.connect_to_local(
            host=server.host,
            port=server.http_port,
            grpc_port=server.grpc_port,
            auth_credentials=auth,  # type: ignore[arg-type]
        )
    try:
        assert (await client.get_meta())["version"]
        assert await client.collections.list_all() is not None
    finally:
        await client.close()


def test_credentials_for_a_server_without_authentication_sync(server: EmbeddedServer) -> None:
    with pytest.warns(UserWarning, match="authentication switched off"):
        client = weaviate_sync.connect_to_local(
            host=server.host,
            port=server.http_port,
            grpc_port=server.grpc_port,
            auth_credentials=Auth.bearer_token("some-token", expires_in=600),
        )
    with client:
        assert client.get_meta()["version"]


async def test_authorization_header_beside_credentials(auth_server: EmbeddedServer) -> None:
    # official Auth004: the credentials win, the header is dropped, with a UserWarning
    with pytest.warns(UserWarning, match="authorization header"):
        client = await weaviate_async.connect_to_local(
            host=auth_server.host,
            port=auth_server.http_port,
            grpc_port=auth_server.grpc_port,
            headers={"Authorization": "Bearer not-a-key"},
            auth_credentials=Auth.api_key(ADMIN_KEY),
        )
    try:
        assert await client.collections.list_all() is not None  # REST, with the API key
        assert (await client.get_meta())["version"]
    finally:
        await client.close()


async def test_oidc_credentials_for_weaviate_cloud_are_deprecated() -> None:
    # official Dep022, emitted before connecting (this URL does not resolve: nothing is sent)
    with (
        pytest.warns(DeprecationWarning, match="Weaviate Cloud"),
        pytest.raises(WeaviateStartUpError),
    ):
        await weaviate_async.connect_to_weaviate_cloud(
            "https://no-such-cluster.weaviate-async.invalid",
            auth_credentials=Auth.client_password("user", "secret"),
        )
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        with pytest.raises(WeaviateStartUpError):
            await weaviate_async.connect_to_weaviate_cloud(
                "https://no-such-cluster.weaviate-async.invalid",
                auth_credentials=Auth.api_key("key"),
            )


async def test_older_configuration_arguments_are_deprecated(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    # official Dep024 / Dep025 (create) and Dep017 (update); the calls still work
    with pytest.warns(DeprecationWarning) as caught:
        collection = await client.collections.create(
            collection_name,
            properties=[Property(name="title", data_type=DataType.TEXT)],
            vectorizer_config=Configure.Vectorizer.none(),
            vector_index_config=Configure.VectorIndex.hnsw(ef=77),
        )
    messages = " ".join(str(w.message) for w in caught)
    assert "vectorizer_config" in messages and "vector_index_config" in messages
    with pytest.warns(DeprecationWarning, match="vector_index_config"):
        await collection.config.update(vector_index_config=Reconfigure.VectorIndex.hnsw(ef=91))
    config = await collection.config.get()
    assert config.vector_index_config is not None
    assert config.vector_index_config.ef == 91  # type: ignore[union-attr]
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        await collection.config.update(description="current arguments do not warn")


async def test_naive_datetime_is_stored_as_utc_with_a_warning(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    # official Con002: a UserWarning, and the value is taken as UTC (insert, batch, filters)
    import datetime as dt

    from weaviate_async.classes.query import Filter

    collection = await client.collections.create(
        collection_name,
        properties=[Property(name="when", data_type=DataType.DATE)],
        vector_config=Configure.Vectors.self_provided(),
    )
    naive = dt.datetime(2024, 5, 6, 7, 8, 9)
    with pytest.warns(UserWarning, match="no time zone"):
        uid = await collection.data.insert({"when": naive})
    with pytest.warns(UserWarning, match="no time zone"):
        await collection.data.insert_many([{"when": naive}])
    with pytest.warns(UserWarning, match="no time zone"):
        async with collection.batch.dynamic() as batch:
            await batch.add_object(properties={"when": naive})
    assert collection.batch.failed_objects == []
    obj = await collection.query.fetch_object_by_id(uid)
    assert obj is not None
    assert obj.properties["when"] == naive.replace(tzinfo=dt.timezone.utc)
    with pytest.warns(UserWarning, match="no time zone"):
        found = await collection.query.fetch_objects(
            filters=Filter.by_property("when").equal(naive)
        )
    assert len(found.objects) == 3


async def test_named_vector_syntax_in_add_vector_is_deprecated(
    client: WeaviateAsyncClient, collection_name: str
) -> None:
    # official Dep026: Configure.NamedVectors given to config.add_vector()
    collection = await client.collections.create(
        collection_name, vector_config=Configure.Vectors.self_provided(name="first")
    )
    with pytest.warns(DeprecationWarning, match="NamedVectors"):
        await collection.config.add_vector(vector_config=Configure.NamedVectors.none(name="second"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        await collection.config.add_vector(
            vector_config=[Configure.Vectors.self_provided(name="third")]
        )
    config = await collection.config.get()
    assert set(config.vector_config or {}) == {"first", "second", "third"}
