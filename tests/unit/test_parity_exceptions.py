"""Every exception class of the official ``weaviate.exceptions`` against ours: the same
constructor parameters (ours may add keyword-only ones with defaults), and instances built the
official way, or by this client itself, expose the official public attributes with the same
meaning. Integration packages build these errors in their own code and tests, so a call written
for the official constructor must work here unchanged."""

from __future__ import annotations

import inspect
import pickle
import warnings
from typing import Any

import grpc
import grpc.aio
import httpx
import pytest
from packaging.version import Version
from weaviate import exceptions as official

from weaviate_async import exceptions as ours
from weaviate_async.connect.errors import grpc_error, http_error

_BASE_ATTRIBUTES = set(dir(Exception("x")))


def _official_classes() -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return sorted(
            name
            for name, value in vars(official).items()
            if not name.startswith("_")
            and isinstance(value, type)
            and issubclass(value, BaseException)
            and value.__module__ == official.__name__
        )


CLASSES = _official_classes()

_BODY = {"error": [{"message": "the server says no"}]}


def _arguments(cls: type) -> tuple[list[Any], str | None]:
    """Positional arguments for the official constructor, and the text given as message."""
    args: list[Any] = []
    given: str | None = None
    for param in inspect.signature(cls).parameters.values():
        if param.default is not param.empty:
            continue
        name = param.name
        if name in ("message", "location"):
            given = "the caller's text"
            args.append(given)
        elif name in ("response", "res"):
            args.append(httpx.Response(422, json=_BODY))
        elif name == "protocol_type":
            args.append("GraphQL")
        elif name == "data":
            args.append({"id": 1, "title": "t"})
        elif name == "count":
            args.append(3)
        elif name in ("pb", "grpc"):
            args.append(Version("5.1"))
        else:
            args.append(f"{name}-value")
    return args, given


def _public_attributes(error: BaseException) -> set[str]:
    return {
        name
        for name in dir(error)
        if not name.startswith("_")
        and name not in _BASE_ATTRIBUTES
        and not callable(getattr(error, name))
    }


def _ours(name: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return getattr(ours, name)


def test_every_official_exception_class_is_listed() -> None:
    assert {"UnexpectedStatusCodeError", "WeaviateQueryError", "WeaviateBaseError"} <= set(CLASSES)
    assert len(CLASSES) > 35


@pytest.mark.parametrize("name", CLASSES)
def test_constructor_takes_the_official_parameters(name: str) -> None:
    theirs = inspect.signature(getattr(official, name)).parameters
    mine = inspect.signature(_ours(name)).parameters
    head = list(mine.values())[: len(theirs)]
    assert [(p.name, p.kind, p.default) for p in theirs.values()] == [
        (p.name, p.kind, p.default) for p in head
    ]
    for extra in list(mine.values())[len(theirs) :]:
        assert extra.kind is inspect.Parameter.KEYWORD_ONLY and extra.default is not extra.empty


@pytest.mark.parametrize("name", CLASSES)
def test_built_the_official_way_it_has_the_official_attributes(name: str) -> None:
    args, given = _arguments(getattr(official, name))
    theirs = getattr(official, name)(*args)
    mine = _ours(name)(*args)
    assert isinstance(mine, ours.WeaviateBaseError) or name == "WeaviateProtobufIncompatibility"
    assert _public_attributes(theirs) <= _public_attributes(mine)
    if hasattr(theirs, "status_code"):
        assert mine.status_code == theirs.status_code
    if hasattr(theirs, "error"):
        assert mine.error == theirs.error
    if given is not None and hasattr(theirs, "message"):
        # the official message is the text given, or a sentence around it: ours likewise
        if theirs.message == given:
            assert mine.message == given
        else:
            assert given in mine.message
        assert given in str(mine)
    if name == "WeaviateQueryError":
        assert mine.protocol_type == "GraphQL" and "GraphQL" in str(mine)
    # pickling (multiprocessing, Ray, Dask) gives back an equal error, whatever the constructor
    again = pickle.loads(pickle.dumps(mine))
    assert type(again) is type(mine) and str(again) == str(mine)
    assert _public_attributes(again) == _public_attributes(mine)


@pytest.mark.parametrize("name", CLASSES)
def test_built_by_this_client_it_has_the_official_attributes(name: str) -> None:
    cls = _ours(name)
    if not issubclass(cls, ours.WeaviateBaseError):
        return
    args, _ = _arguments(getattr(official, name))
    theirs = getattr(official, name)(*args)
    mine = cls._with("collections.get failed: the reason", operation="collections.get")
    assert _public_attributes(theirs) <= _public_attributes(mine)
    assert mine.message == str(mine) == "collections.get failed: the reason"
    assert mine.operation == "collections.get"


def test_unexpected_status_from_an_http_response_like_object() -> None:
    class Reply:  # not httpx: anything with status_code, json() and text
        status_code = 413
        text = "too big"

        def json(self) -> Any:
            raise ValueError("not JSON")

    error = ours.UnexpectedStatusCodeError("inserting", Reply())
    assert error.status_code == 413 and error.error is None
    assert "inserting" in str(error) and "413" in str(error)
    assert ours.ERROR_CODE_EXPLANATION[413] in str(error)


def test_unexpected_status_from_a_grpc_call_as_the_official_client() -> None:
    call = grpc.aio.AioRpcError(
        grpc.StatusCode.PERMISSION_DENIED, grpc.aio.Metadata(), grpc.aio.Metadata(), "no"
    )
    theirs = official.UnexpectedStatusCodeError("searching", call)
    mine = ours.UnexpectedStatusCodeError("searching", call)
    assert mine.status_code == theirs.status_code == 7
    assert mine.error == theirs.error == "no"
    denied = ours.InsufficientPermissionsError(call)
    assert denied.status_code == 7 and denied.error == "no"


def test_errors_mapped_from_the_transport_have_the_official_attributes() -> None:
    rest = http_error(422, b'{"error":[{"message":"bad"}]}', operation="op", target="/v1/x")
    assert type(rest) is ours.UnexpectedStatusCodeError
    assert rest.status_code == 422 and rest.server_message == "bad"
    assert rest.error == {"error": [{"message": "bad"}]}  # the JSON body, as the official
    denied = grpc_error("PERMISSION_DENIED", "no", operation="op", target="Search")
    assert isinstance(denied, ours.InsufficientPermissionsError)
    assert denied.status_code == 7  # the gRPC status number, as the official client gives
    assert denied.error == "no"
    query = grpc_error("INTERNAL", "boom", operation="search", target="Search")
    assert type(query) is ours.WeaviateQueryError
    assert query.error == "boom" and query.protocol_type
    batch = grpc_error(
        "INTERNAL", "boom", operation="batch", target="x", default=ours.WeaviateBatchError
    )
    assert type(batch) is ours.WeaviateBatchError and batch.protocol_type == "GRPC batch"


def test_integration_packages_constructors_work() -> None:
    # as integration packages write them in their code and tests
    error = ours.WeaviateQueryError("no such property", "GRPC")
    assert error.message == "no such property" and error.error == "no such property"
    assert ours.WeaviateBatchError("x").message == "x"
    assert ours.WeaviateDeleteManyError("x").error == "x"
    assert ours.WeaviateInvalidInputError("bad").message == "bad"
    assert "Timed" not in ours.WeaviateTimeoutError().message
    closed = ours.WeaviateClosedClientError()
    assert "connect" in str(closed)
    grpc_down = ours.WeaviateGRPCUnavailableError("1.39.3", ("localhost", 50051))
    assert "localhost:50051" in str(grpc_down) and "1.39.3" in str(grpc_down)
    with pytest.raises(ours.UnexpectedStatusCodeError) as info:
        raise ours.UnexpectedStatusCodeError("creating", httpx.Response(500, json=_BODY))
    assert info.value.error == _BODY and info.value.status_code == 500


@pytest.mark.parametrize("kwargs", [{}, {"connection_params": "http://localhost:8080"}])
def test_client_without_proper_connection_params_raises_type_error(kwargs: Any) -> None:
    import weaviate

    import weaviate_async
    import weaviate_sync

    with pytest.raises(TypeError):
        weaviate.WeaviateClient(**kwargs)
    for cls in (weaviate_sync.WeaviateClient, weaviate_async.WeaviateAsyncClient):
        with pytest.raises(TypeError) as info:
            cls(**kwargs)
        assert isinstance(info.value, ours.WeaviateInvalidInputError)
        assert info.value.field == "connection_params"


def test_a_grpc_time_out_is_also_the_calls_official_class_and_pickles() -> None:
    # The official client raises WeaviateQueryError (a search) or WeaviateBatchError (a batch)
    # for every failure of a gRPC call; ours names the time-out or the lost connection and is
    # also an instance of the official class, through pickling too (multiprocessing, Ray).
    import pickle

    from weaviate_async._error_base import both
    from weaviate_async.exceptions import (
        WeaviateBatchError,
        WeaviateConnectionError,
        WeaviateQueryError,
        WeaviateTimeoutError,
    )

    for kind, family in [
        (WeaviateTimeoutError, WeaviateQueryError),
        (WeaviateConnectionError, WeaviateBatchError),
    ]:
        error = kind._with("search failed: timed out after 1 s", operation="search")
        error.__class__ = both(kind, family)
        assert both(kind, family) is type(error)  # one class per pair
        for seen in (error, pickle.loads(pickle.dumps(error))):
            assert isinstance(seen, kind) and isinstance(seen, family)
            assert type(seen).__name__ == kind.__name__
            assert str(seen) == "search failed: timed out after 1 s"
            assert seen.operation == "search"
