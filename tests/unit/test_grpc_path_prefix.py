"""``ConnectionParams(grpc_path_prefix=...)`` (new in 4.24, for grpc-web under Pyodide) against
the installed official client: the parameters are built alike, and a client given a non-empty
prefix is refused before anything is sent, as the official client refuses it outside Pyodide.
Nothing here reaches a server: the refusal comes at construction."""

from __future__ import annotations

import inspect
import warnings
from typing import Any

import pytest

import weaviate_sync
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.connect import ConnectionParams
from weaviate_async.exceptions import WeaviateInvalidInputError


def _theirs() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import weaviate

    return weaviate


def test_the_builders_take_the_official_parameters() -> None:
    theirs = _theirs().connect.ConnectionParams
    for name in ("from_url", "from_params"):
        mine = inspect.signature(getattr(ConnectionParams, name)).parameters
        official = inspect.signature(getattr(theirs, name)).parameters
        assert [(p.name, p.default) for p in mine.values()] == [
            (p.name, p.default) for p in official.values()
        ]
    assert "grpc_path_prefix" in theirs.model_fields
    assert ConnectionParams.from_params("h", 1, False, "h", 2, False).grpc_path_prefix is None


@pytest.mark.parametrize("url", ["https://example.org", "http://example.org:8080"])
def test_from_url_secures_grpc_as_the_official_client(url: str) -> None:
    theirs = _theirs().connect.ConnectionParams.from_url(url, 50051, grpc_path_prefix="p")
    mine = ConnectionParams.from_url(url, 50051, grpc_path_prefix="p")
    assert (mine.grpc.secure, mine.grpc_path_prefix) == (theirs.grpc.secure, "p")


@pytest.mark.parametrize("prefix", ["/v1/grpc-web", "grpc-web/"])
def test_a_client_refuses_a_grpc_web_prefix_as_the_official_one(prefix: str) -> None:
    weaviate = _theirs()
    official_params = weaviate.connect.ConnectionParams.from_params(
        "localhost", 8080, False, "localhost", 50051, False, grpc_path_prefix=prefix
    )
    with pytest.raises(weaviate.exceptions.WeaviateInvalidInputError):
        weaviate.WeaviateAsyncClient(connection_params=official_params)
    params = ConnectionParams.from_params(
        "localhost", 8080, False, "localhost", 50051, False, grpc_path_prefix=prefix
    )
    for make in (WeaviateAsyncClient, weaviate_sync.WeaviateClient):
        with pytest.raises(WeaviateInvalidInputError) as refused:
            make(connection_params=params)
        assert refused.value.field == "grpc_path_prefix"


@pytest.mark.parametrize("prefix", [None, "", "/"])
def test_an_empty_prefix_is_native_grpc(prefix: str | None) -> None:
    params = ConnectionParams.from_params(
        "localhost", 8080, False, "localhost", 50051, False, grpc_path_prefix=prefix
    )
    assert WeaviateAsyncClient(connection_params=params).is_connected() is False


def test_a_prefix_of_another_type_names_the_field() -> None:
    with pytest.raises(WeaviateInvalidInputError) as bad:
        ConnectionParams.from_url("http://h:1", 2, grpc_path_prefix=7)  # type: ignore[arg-type]
    assert bad.value.field == "grpc_path_prefix"
