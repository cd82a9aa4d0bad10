"""Misuses that mypy must report on the installed wheel (``nox -s build``): one error on each
line marked ``# error``, none elsewhere. A wheel without ``py.typed`` (or with ``Any``-typed
signatures) passes these lines silently, and the check fails."""

from __future__ import annotations

import weaviate_async
import weaviate_sync as weaviate


def misuse(client: weaviate.WeaviateClient) -> None:
    client.collections.get(42)  # error
    client.collections.get("Article").query.fetch_objects(limit="three")  # error
    weaviate.connect_to_local(port="8080")  # error
    version: int = weaviate.__version__  # error
    print(version)


async def misuse_async(client: weaviate_async.WeaviateAsyncClient) -> None:
    ready: bool = client.is_ready()  # error
    print(ready)
