"""``collection.query``: read and search objects of one collection over gRPC.

Every method builds its request with :mod:`weaviate_async.wire.search` (one shared argument
handler, one operator builder per search kind) and sends it through ``Connection.search``.

Example:
    >>> query = client.collections.use("Article").query
    >>> res = await query.near_vector([0.1, 0.2], limit=3, return_metadata=["distance"])
    >>> [(o.properties["title"], o.metadata.distance) for o in res.objects]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from weaviate_async._twin import twin
from weaviate_async.classes.query import MetadataQuery
from weaviate_async.wire import search as wire

if TYPE_CHECKING:
    from weaviate_async.classes.data import UUID
    from weaviate_async.classes.internal import ObjectSingleReturn, QueryReturn
    from weaviate_async.classes.query import METADATA, PROPERTIES, HybridFusion
    from weaviate_async.collections.scope import CollectionScope
    from weaviate_async.connect.connection import Connection
    from weaviate_async.proto.weaviate.v1 import search_get_pb2

__all__ = ["_QueryAsync"]

#: ``include_vector``: False, True (all vectors), a vector name or a list of names.
INCLUDE_VECTOR = bool | str | list[str]

_SINGLE_METADATA = MetadataQuery(creation_time=True, last_update_time=True, is_consistent=True)


@twin
class _QueryAsync:
    """Queries on one collection (optionally one tenant and consistency level).

    Obtained as ``collection.query``.
    """

    def __init__(self, connection: Connection, scope: CollectionScope) -> None:
        self._connection = connection
        self._scope = scope

    async def _search(
        self, request: search_get_pb2.SearchRequest, operation: str
    ) -> search_get_pb2.SearchReply:
        return await self._connection.search(request, operation=operation)

    async def fetch_objects(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        after: UUID | None = None,
        include_vector: INCLUDE_VECTOR = False,
        return_metadata: METADATA | None = None,
        return_properties: PROPERTIES | bool | None = None,
    ) -> QueryReturn[dict[str, Any], None]:
        """Fetch objects without ranking, in uuid order.

        Args:
            limit: at most this many objects (None: the server's default limit).
            offset: skip this many first.
            after: cursor: only objects after this uuid (not with offset).
            include_vector: True for every vector, or a vector name or list of names.
            return_metadata: a MetadataQuery or a list of metadata field names.
            return_properties: names or QueryNested; None or True: all non-blob properties;
                False: none.

        Raises:
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
            WeaviateQueryError: the server failed the query (its message included).
        """
        request = wire.search_request(
            self._scope,
            limit=limit,
            offset=offset,
            after=after,
            include_vector=include_vector,
            return_metadata=return_metadata,
            return_properties=return_properties,
        )
        return wire.search_objects(
            await self._search(request, "query.fetch_objects"), self._scope.name
        )

    async def fetch_object_by_id(
        self,
        uuid: UUID,
        include_vector: INCLUDE_VECTOR = False,
        return_properties: PROPERTIES | bool | None = None,
    ) -> ObjectSingleReturn[dict[str, Any], None] | None:
        """The object with this uuid, or None when there is none.

        Its metadata always holds the creation and last update times.
        """
        request = wire.search_request(
            self._scope,
            limit=1,
            include_vector=include_vector,
            return_properties=return_properties,
            metadata_always=_SINGLE_METADATA,
            filters=wire.id_filter_pb(uuid),
        )
        return wire.single_object(
            await self._search(request, "query.fetch_object_by_id"), self._scope.name
        )

    async def near_vector(
        self,
        near_vector: Any,
        *,
        certainty: float | None = None,
        distance: float | None = None,
        limit: int | None = None,
        offset: int | None = None,
        auto_limit: int | None = None,
        target_vector: str | list[str] | None = None,
        include_vector: INCLUDE_VECTOR = False,
        return_metadata: METADATA | None = None,
        return_properties: PROPERTIES | bool | None = None,
    ) -> QueryReturn[dict[str, Any], None]:
        """Objects nearest to a vector.

        Args:
            near_vector: a vector (list, tuple, numpy array), a multi-vector, or
                ``{target name: vector}`` to search several named vectors.
            certainty: only objects at least this similar (0..1; cosine only).
            distance: only objects at most this far.
            limit: at most this many objects.
            offset: skip this many first.
            auto_limit: cut the results after this many jumps in distance.
            target_vector: the named vector(s) to search.
            include_vector: True for every vector, or a vector name or list of names.
            return_metadata: a MetadataQuery or a list of metadata field names.
            return_properties: names or QueryNested; None or True: all; False: none.

        Raises:
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
            WeaviateQueryError: the server failed the query (its message included).
        """
        request = wire.search_request(
            self._scope,
            limit=limit,
            offset=offset,
            auto_limit=auto_limit,
            include_vector=include_vector,
            return_metadata=return_metadata,
            return_properties=return_properties,
            near_vector=wire.near_vector_pb(
                near_vector, certainty=certainty, distance=distance, target_vector=target_vector
            ),
        )
        return wire.search_objects(
            await self._search(request, "query.near_vector"), self._scope.name
        )

    async def near_object(
        self,
        near_object: UUID,
        *,
        certainty: float | None = None,
        distance: float | None = None,
        limit: int | None = None,
        offset: int | None = None,
        auto_limit: int | None = None,
        target_vector: str | list[str] | None = None,
        include_vector: INCLUDE_VECTOR = False,
        return_metadata: METADATA | None = None,
        return_properties: PROPERTIES | bool | None = None,
    ) -> QueryReturn[dict[str, Any], None]:
        """Objects nearest to the object with uuid ``near_object`` (itself included).

        Arguments as for :meth:`near_vector`.
        """
        request = wire.search_request(
            self._scope,
            limit=limit,
            offset=offset,
            auto_limit=auto_limit,
            include_vector=include_vector,
            return_metadata=return_metadata,
            return_properties=return_properties,
            near_object=wire.near_object_pb(
                near_object, certainty=certainty, distance=distance, target_vector=target_vector
            ),
        )
        return wire.search_objects(
            await self._search(request, "query.near_object"), self._scope.name
        )

    async def bm25(
        self,
        query: str | None,
        *,
        query_properties: list[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        auto_limit: int | None = None,
        include_vector: INCLUDE_VECTOR = False,
        return_metadata: METADATA | None = None,
        return_properties: PROPERTIES | bool | None = None,
    ) -> QueryReturn[dict[str, Any], None]:
        """Keyword (BM25) search.

        Args:
            query: the keywords; None fetches objects unranked.
            query_properties: the properties to search (``"title^2"`` boosts); None: all text
                properties.
            limit, offset, auto_limit, include_vector, return_metadata, return_properties: as
                for :meth:`near_vector`.
        """
        request = wire.search_request(
            self._scope,
            limit=limit,
            offset=offset,
            auto_limit=auto_limit,
            include_vector=include_vector,
            return_metadata=return_metadata,
            return_properties=return_properties,
            bm25=wire.bm25_pb(query, query_properties),
        )
        return wire.search_objects(await self._search(request, "query.bm25"), self._scope.name)

    async def hybrid(
        self,
        query: str | None,
        *,
        alpha: float | None = None,
        vector: Any = None,
        query_properties: list[str] | None = None,
        fusion_type: HybridFusion | None = None,
        max_vector_distance: float | None = None,
        limit: int | None = None,
        offset: int | None = None,
        auto_limit: int | None = None,
        target_vector: str | list[str] | None = None,
        include_vector: INCLUDE_VECTOR = False,
        return_metadata: METADATA | None = None,
        return_properties: PROPERTIES | bool | None = None,
    ) -> QueryReturn[dict[str, Any], None]:
        """Hybrid search: BM25 on ``query`` blended with vector search.

        Args:
            query: the keywords (may be None when ``vector`` is given).
            alpha: 0 = keyword only, 1 = vector only; None: the server's default (0.75).
            vector: the query vector, or ``{target name: vector}``; None: the server embeds
                ``query`` with the collection's vectorizer.
            query_properties: the properties of the keyword search; None: all text properties.
            fusion_type: HybridFusion.RANKED or RELATIVE_SCORE (the server's default).
            max_vector_distance: leave out objects farther than this from the vector.
            limit, offset, auto_limit, target_vector, include_vector, return_metadata,
                return_properties: as for :meth:`near_vector`.
        """
        request = wire.search_request(
            self._scope,
            limit=limit,
            offset=offset,
            auto_limit=auto_limit,
            include_vector=include_vector,
            return_metadata=return_metadata,
            return_properties=return_properties,
            hybrid=wire.hybrid_pb(
                query,
                alpha=alpha,
                vector=vector,
                query_properties=query_properties,
                fusion_type=fusion_type,
                max_vector_distance=max_vector_distance,
                target_vector=target_vector,
            ),
        )
        return wire.search_objects(await self._search(request, "query.hybrid"), self._scope.name)
