"""Constants and the error shared by every part of the generator."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SRC_PACKAGE = "weaviate_async"
DST_PACKAGE = "weaviate_sync"
RUNTIME_MODULE = "weaviate_async._loop_thread"
MARKER_MODULE = "weaviate_async._twin"
"""Where ``@twin`` and ``@sync_via`` live; a generated package may also have its own ``_twin``."""
NOT_MIRRORED = (
    "weaviate_async.cli",
    "weaviate_async.demo",
    "weaviate_async.wire",
    "weaviate_async.models",
    "weaviate_async.connect.connection",
    "weaviate_async.connect.errors",
    "weaviate_async.connect.grpc_proxy",
    "weaviate_async.connect.grpcio_channel",
    "weaviate_async.connect.oidc",
    "weaviate_async.connect.retry",
    "weaviate_async.connect.rpc",
    "weaviate_async.collections.batch.engine",
    "weaviate_async.collections.batch.ledger",
    "weaviate_async.collections.batch.queue",
    "weaviate_async.collections.batch.sizing",
    "weaviate_async.collections.batch.stream",
    "weaviate_async.collections.batch.transport",
    # Ray and Dask writers: blocking APIs already (they run their own loop in each worker),
    # usable from either package; a twin would only double the optional imports.
    "weaviate_async.ray",
    "weaviate_async.dask",
    "weaviate_async.io.remote",
)
"""Public-looking modules that are no API (a script, the pure wire layer, the transport's and
the batch engine's internals, whose coroutines are only meaningful on the client's own loop):
no twin file."""
EXCLUDED = ("weaviate_async.proto", "weaviate_async._loop_thread")

PASS_THROUGH_DUNDERS = frozenset(
    {"__repr__", "__str__", "__len__", "__bool__", "__contains__", "__getitem__", "__format__"}
)
ASYNC_DUNDERS = {
    "__aenter__": "__enter__",
    "__aexit__": "__exit__",
    "__aiter__": "__iter__",
    "__anext__": "__next__",
}
KEPT_DECORATORS = frozenset({"overload", "property", "cached_property", "staticmethod"})
ASYNC_CONTEXT_MANAGER_DECORATORS = frozenset({"contextlib.asynccontextmanager"})

# async typing constructs -> (module, sync name)
ASYNC_TYPES = {
    "AsyncIterator": ("collections.abc", "Iterator"),
    "AsyncIterable": ("collections.abc", "Iterable"),
    "AsyncGenerator": ("collections.abc", "Generator"),
    "AsyncContextManager": ("contextlib", "AbstractContextManager"),
    "AbstractAsyncContextManager": ("contextlib", "AbstractContextManager"),
}
UNWRAPPED_TYPES = frozenset({"Awaitable", "Coroutine"})
ITERATOR_TYPES = frozenset({"AsyncIterator", "AsyncIterable", "AsyncGenerator"})
CONTEXT_TYPES = frozenset({"AsyncContextManager", "AbstractAsyncContextManager"})
TYPING_MODULES = frozenset({"typing", "typing_extensions", "collections.abc", "contextlib"})
BUILTINS = frozenset(dir(__import__("builtins")))


class GenError(Exception):
    """The source does not follow the conventions the generator relies on."""
