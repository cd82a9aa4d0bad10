"""Small web apps served by gunicorn in tests/integration/test_processes.py.

``wsgi_app`` (gunicorn's sync and gthread workers) searches through the blocking client;
``asgi_app`` (uvicorn workers) searches through an async client its lifespan opens in each
worker, and, when the app is preloaded, also through the blocking client made at import time.

The environment chooses the server (``PROCS_HTTP_PORT``, ``PROCS_GRPC_PORT``), the collection
(``PROCS_COLLECTION``) and where the blocking client is made (``PROCS_CLIENT``): ``import``
makes and uses it when this module is imported, which with ``gunicorn --preload`` happens in
the master before the workers are forked (the situation where the official client hangs, its
issues #1309, #1292, #1871); ``worker`` makes it lazily in each worker.

Every answer is JSON: ``{"pid", "word"}`` for a search, ``{"pid", "error"}`` (status 500) for a
failure, so that the test sees a clear refusal (grpcio in a forked worker) rather than a hang.
"""

from __future__ import annotations

import asyncio
import atexit
import json
import os
import threading
from collections.abc import Awaitable, Callable, Iterable
from typing import Any
from urllib.parse import parse_qs

import weaviate_async
import weaviate_sync
from weaviate_async.classes.query import Filter

HTTP_PORT = int(os.environ.get("PROCS_HTTP_PORT", "8080"))
GRPC_PORT = int(os.environ.get("PROCS_GRPC_PORT", "50051"))
COLLECTION = os.environ.get("PROCS_COLLECTION", "Procs")
CLIENT_AT = os.environ.get("PROCS_CLIENT", "worker")

_lock = threading.Lock()
_sync_client: weaviate_sync.WeaviateClient | None = None


def _connect_sync() -> weaviate_sync.WeaviateClient:
    return weaviate_sync.connect_to_local(host="127.0.0.1", port=HTTP_PORT, grpc_port=GRPC_PORT)


def _search_sync(client: weaviate_sync.WeaviateClient, n: int) -> str:
    page = client.collections.use(COLLECTION).query.fetch_objects(
        filters=Filter.by_property("n").equal(n), limit=2
    )
    return ",".join(str(o.properties["word"]) for o in page.objects)


if CLIENT_AT == "import":
    # Made, connected and used (REST and gRPC) before gunicorn forks the workers; closed at exit.
    _sync_client = _connect_sync()
    _search_sync(_sync_client, 0)
    atexit.register(_sync_client.close)  # in the master and in every worker


def _blocking_client() -> weaviate_sync.WeaviateClient:
    global _sync_client
    with _lock:
        if _sync_client is None:
            _sync_client = _connect_sync()
            atexit.register(_sync_client.close)
        return _sync_client


def _answer(n: int, search: Callable[[int], str]) -> tuple[int, dict[str, Any]]:
    try:
        return 200, {"pid": os.getpid(), "word": search(n)}
    except Exception as exc:  # reported to the test, which decides whether it was expected
        return 500, {"pid": os.getpid(), "error": f"{type(exc).__name__}: {exc}"}


def _query_n(query: str) -> int | None:
    values = parse_qs(query).get("n")
    return int(values[0]) if values else None


def wsgi_app(
    environ: dict[str, Any], start_response: Callable[[str, list[tuple[str, str]]], Any]
) -> Iterable[bytes]:
    """``/search?n=N``: the word of object N, searched through the blocking client."""
    n = _query_n(environ.get("QUERY_STRING", ""))
    if n is None:
        status, body = 200, {"pid": os.getpid(), "ok": True}
    else:
        status, body = _answer(n, lambda k: _search_sync(_blocking_client(), k))
    data = json.dumps(body).encode()
    start_response(
        "200 OK" if status == 200 else "500 Internal Server Error",
        [("Content-Type", "application/json"), ("Content-Length", str(len(data)))],
    )
    return [data]


_async_client: weaviate_async.WeaviateAsyncClient | None = None
_async_error: BaseException | None = None


async def _search_async(n: int) -> str:
    if _async_client is None:
        raise RuntimeError(f"the worker's async client could not be made: {_async_error!r}")
    page = await _async_client.collections.use(COLLECTION).query.fetch_objects(
        filters=Filter.by_property("n").equal(n), limit=2
    )
    return ",".join(str(o.properties["word"]) for o in page.objects)


async def _lifespan(
    receive: Callable[[], Awaitable[dict[str, Any]]],
    send: Callable[[dict[str, Any]], Awaitable[None]],
) -> None:
    global _async_client, _async_error
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            try:
                _async_client = await weaviate_async.connect_to_local(
                    host="127.0.0.1", port=HTTP_PORT, grpc_port=GRPC_PORT
                )
            except Exception as exc:  # the requests report it
                _async_error = exc
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            if _async_client is not None:
                await _async_client.close()
            await send({"type": "lifespan.shutdown.complete"})
            return


async def asgi_app(
    scope: dict[str, Any],
    receive: Callable[[], Awaitable[dict[str, Any]]],
    send: Callable[[dict[str, Any]], Awaitable[None]],
) -> None:
    """``/async?n=N`` searches through the worker's async client, ``/sync?n=N`` through the
    blocking client (in a thread, as a careful app would)."""
    if scope["type"] == "lifespan":
        await _lifespan(receive, send)
        return
    n = _query_n(scope.get("query_string", b"").decode())
    if n is None:
        status, body = 200, {"pid": os.getpid(), "ok": True}
    elif scope["path"] == "/sync":
        status, body = await asyncio.to_thread(
            _answer, n, lambda k: _search_sync(_blocking_client(), k)
        )
    else:
        try:
            status, body = 200, {"pid": os.getpid(), "word": await _search_async(n)}
        except Exception as exc:
            status, body = 500, {"pid": os.getpid(), "error": f"{type(exc).__name__}: {exc}"}
    data = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": data})
