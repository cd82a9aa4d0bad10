"""The searches the two web examples serve, written once for both (no web framework here).

An ``Article`` collection (``title``, ``body``, ``category``) is searched two ways:

- :func:`near_text`: the articles whose vector is nearest to the text's (the collection's
  vectorizer embeds the text on the server);
- :func:`hybrid_in_category`: keyword and vector search blended, only within one category
  (a filter).

Settings come from the environment (:meth:`Settings.from_env`); one async client serves every
request: the web app opens it at start-up and closes it at shutdown (see ``fastapi_app.py`` and
``aiohttp_app.py``).
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import weaviate_async as weaviate
from weaviate_async.classes.query import Filter, MetadataQuery
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.collections.collection import CollectionAsync

__all__ = ["Settings", "client_for", "hybrid_in_category", "near_text"]

#: The most results one request may ask for.
MAX_LIMIT = 100


@dataclass(frozen=True)
class Settings:
    """Where the server is and what to search.

    Attributes:
        host: the server's host name.
        port: its HTTP port.
        grpc_port: its gRPC port.
        collection: the collection to search.
        target_vector: the named vector to search (None: the collection's only vector).
    """

    host: str = "localhost"
    port: int = 8080
    grpc_port: int = 50051
    collection: str = "Article"
    target_vector: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Settings:
        """From ``WEAVIATE_HOST``, ``WEAVIATE_PORT``, ``WEAVIATE_GRPC_PORT``,
        ``WEAVIATE_COLLECTION`` and ``WEAVIATE_TARGET_VECTOR`` (each optional)."""
        return cls(
            host=env.get("WEAVIATE_HOST", cls.host),
            port=int(env.get("WEAVIATE_PORT", cls.port)),
            grpc_port=int(env.get("WEAVIATE_GRPC_PORT", cls.grpc_port)),
            collection=env.get("WEAVIATE_COLLECTION", cls.collection),
            target_vector=env.get("WEAVIATE_TARGET_VECTOR") or None,
        )


def client_for(settings: Settings) -> WeaviateAsyncClient:
    """The app's client, not yet connected (``await client.connect()`` or ``async with``)."""
    return weaviate.use_async_with_local(
        host=settings.host, port=settings.port, grpc_port=settings.grpc_port
    )


def _json_value(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Mapping):
        return {k: _json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    return value


def _result(obj: Any) -> dict[str, Any]:
    """One search result as JSON-ready data: its uuid, properties and score or distance."""
    out: dict[str, Any] = {"uuid": str(obj.uuid), "properties": _json_value(obj.properties)}
    if obj.metadata.distance is not None:
        out["distance"] = obj.metadata.distance
    if obj.metadata.score is not None:
        out["score"] = obj.metadata.score
    return out


async def near_text(
    collection: CollectionAsync[Any, Any], settings: Settings, text: str, limit: int
) -> list[dict[str, Any]]:
    """The ``limit`` articles nearest to ``text``, nearest first, with their distance.

    Raises:
        WeaviateInvalidInputError: an empty text or a bad limit (nothing is sent).
        WeaviateQueryError: the server failed the search.
    """
    result = await collection.query.near_text(
        text,
        limit=limit,
        target_vector=settings.target_vector,
        return_metadata=MetadataQuery(distance=True),
    )
    return [_result(obj) for obj in result.objects]


async def hybrid_in_category(
    collection: CollectionAsync[Any, Any],
    settings: Settings,
    text: str,
    category: str,
    limit: int,
    alpha: float = 0.5,
) -> list[dict[str, Any]]:
    """The ``limit`` best articles of ``category`` for ``text`` by hybrid search (``alpha``:
    0 keyword only, 1 vector only), best first, with their score.

    Raises:
        WeaviateInvalidInputError: a bad argument (nothing is sent).
        WeaviateQueryError: the server failed the search.
    """
    result = await collection.query.hybrid(
        text,
        alpha=alpha,
        limit=limit,
        filters=Filter.by_property("category").equal(category),
        target_vector=settings.target_vector,
        return_metadata=MetadataQuery(score=True),
    )
    return [_result(obj) for obj in result.objects]
