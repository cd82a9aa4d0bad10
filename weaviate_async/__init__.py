"""weaviate_async: an asyncio-native client for the Weaviate vector database.

The public API follows the official ``weaviate-client`` v4 API, so ``import weaviate_async as
weaviate`` moves an async program over. Names load on first use, so importing the package is cheap.

Examples:
    >>> import weaviate_async as weaviate
    >>> async with weaviate.use_async_with_local() as client:
    ...     print(await client.get_meta())
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY: dict[str, str] = {
    "BatchClient": "weaviate_async.collections.batch.client",
    "Client": "weaviate_async.client",
    "ClientBatchingContextManager": "weaviate_async.collections.batch.client",
    "WeaviateAsyncClient": "weaviate_async.client",
    "WeaviateClient": "weaviate_async.client",
    "connect_to_custom": "weaviate_async.connect.helpers",
    "connect_to_embedded": "weaviate_async.connect.helpers",
    "connect_to_local": "weaviate_async.connect.helpers",
    "connect_to_wcs": "weaviate_async.connect.helpers",
    "connect_to_weaviate_cloud": "weaviate_async.connect.helpers",
    "use_async_with_custom": "weaviate_async.connect.helpers",
    "use_async_with_embedded": "weaviate_async.connect.helpers",
    "use_async_with_local": "weaviate_async.connect.helpers",
    "use_async_with_weaviate_cloud": "weaviate_async.connect.helpers",
}
_SUBMODULES = frozenset(
    {
        "auth",
        "backup",
        "classes",
        "cluster",
        "collections",
        "config",
        "connect",
        "embedded",
        "exceptions",
        "outputs",
        "tokenization",
        "types",
        "util",
    }
)

__all__ = [
    "BatchClient",
    "Client",
    "ClientBatchingContextManager",
    "WeaviateAsyncClient",
    "WeaviateClient",
    "__version__",
    "auth",
    "backup",
    "classes",
    "cluster",
    "collections",
    "config",
    "connect",
    "connect_to_custom",
    "connect_to_embedded",
    "connect_to_local",
    "connect_to_wcs",
    "connect_to_weaviate_cloud",
    "embedded",
    "exceptions",
    "outputs",
    "tokenization",
    "types",
    "use_async_with_custom",
    "use_async_with_embedded",
    "use_async_with_local",
    "use_async_with_weaviate_cloud",
    "util",
]

if TYPE_CHECKING:
    from weaviate_async import (
        auth,
        backup,
        classes,
        cluster,
        collections,
        config,
        connect,
        embedded,
        exceptions,
        outputs,
        tokenization,
        types,
        util,
    )
    from weaviate_async.client import Client, WeaviateAsyncClient, WeaviateClient
    from weaviate_async.collections.batch.client import BatchClient, ClientBatchingContextManager
    from weaviate_async.connect.helpers import (
        connect_to_custom,
        connect_to_embedded,
        connect_to_local,
        connect_to_wcs,
        connect_to_weaviate_cloud,
        use_async_with_custom,
        use_async_with_embedded,
        use_async_with_local,
        use_async_with_weaviate_cloud,
    )


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f"weaviate_async.{name}")
    else:
        raise AttributeError(f"module 'weaviate_async' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
