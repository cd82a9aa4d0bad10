"""A program written against the public, typed API of both packages.

``nox -s build`` type-checks it with ``mypy --strict`` in a virtualenv holding only the
installed wheel: it passes when the wheel ships ``py.typed`` and its annotations, and the lines
of ``typed_misuse.py`` fail there. Nothing here runs.
"""

from __future__ import annotations

import uuid
from typing import TypedDict

import weaviate_async
import weaviate_sync as weaviate
from weaviate_sync.classes.config import Configure, DataType, Property
from weaviate_sync.classes.query import Filter, MetadataQuery
from weaviate_sync.collections import Collection

VERSION: str = weaviate.__version__
SAME_VERSION: str = weaviate_async.__version__


class Article(TypedDict):
    title: str


def create(client: weaviate.WeaviateClient) -> None:
    client.collections.create(
        "Article",
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
    )


def titles(client: weaviate.WeaviateClient, vector: list[float]) -> list[tuple[str, float | None]]:
    # The official client types an unannotated get(); ours needs the annotation (its type
    # variables have no defaults yet).
    articles: Collection[Article, None] = client.collections.get("Article", Article)
    reply = articles.query.near_vector(
        vector,
        limit=3,
        filters=Filter.by_property("title").like("vector*"),
        return_metadata=MetadataQuery(distance=True),
    )
    found: list[tuple[str, float | None]] = []
    for obj in reply.objects:
        object_id: uuid.UUID = obj.uuid
        title: str = obj.properties["title"]
        found.append((f"{title} {object_id}", obj.metadata.distance))
    return found


def count(client: weaviate.WeaviateClient) -> int | None:
    return client.collections.get("Article").aggregate.over_all(total_count=True).total_count


async def ready() -> bool:
    async with weaviate_async.use_async_with_local() as client:
        answer: bool = await client.is_ready()
        meta: dict[str, object] = await client.get_meta()
        return answer and bool(meta)


def main() -> None:
    with weaviate.connect_to_local() as client:
        create(client)
        print(titles(client, [0.1, 0.2]), count(client))
