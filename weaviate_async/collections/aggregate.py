"""``collection.aggregate``: statistics over the objects of one collection, over gRPC.

Each method aggregates a set of objects: every object (``over_all``), or those a search finds
(``near_vector``, ``near_object``, ``near_text``, ``near_image``, ``near_media``, ``hybrid``,
``bm25``), narrowed by ``filters``; optionally per group of a property's values
(``group_by``). The request is built by :mod:`weaviate_async.wire.aggregate` (one builder for
every kind) and sent through ``Connection.aggregate``; ``collection.length()`` is the same
request asking only for the count.

Examples:
    >>> from weaviate_async.classes.aggregate import GroupByAggregate, Metrics
    >>> agg = client.collections.use("Article").aggregate
    >>> res = await agg.over_all(return_metrics=Metrics("words").integer(mean=True))
    >>> res.total_count, res.properties["words"].mean
    >>> by_year = await agg.over_all(group_by=GroupByAggregate(prop="year", limit=5))
    >>> [(g.grouped_by.value, g.total_count) for g in by_year.groups]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, overload
from urllib.parse import quote

from weaviate_async._twin import twin
from weaviate_async._validate import invalid
from weaviate_async.classes.search import NearMediaType
from weaviate_async.collections._search import _ReadNamespace
from weaviate_async.exceptions import WeaviateQueryError
from weaviate_async.wire import aggregate as wire

if TYPE_CHECKING:
    from google.protobuf.message import Message

    from weaviate_async.classes.aggregate import (
        AggregateGroupByReturn,
        AggregateReturn,
        GroupByAggregate,
        PropertiesMetrics,
    )
    from weaviate_async.classes.data import UUID
    from weaviate_async.classes.filters import FilterReturn
    from weaviate_async.classes.search import (
        BM25OperatorOptions,
        HybridVectorType,
        Move,
        TargetVectorJoinType,
    )
    from weaviate_async.proto.weaviate.v1 import aggregate_pb2
    from weaviate_async.types import BLOB_INPUT, NUMBER, NearVectorInputType

__all__ = ["_AggregateCollectionAsync"]

# What the server answers when a collection has several named vectors and a search names none.
_NO_TARGET = "no target vectors were provided"


@twin
class _AggregateCollectionAsync(_ReadNamespace):
    """Aggregations over one collection (of the handle's tenant). Obtained as
    ``collection.aggregate``."""

    async def _send(
        self, request: aggregate_pb2.AggregateRequest, kind: str
    ) -> aggregate_pb2.AggregateReply:
        return await self._connection.aggregate(request, operation=f"collection.aggregate.{kind}")

    async def _aggregate(
        self,
        kind: str,
        search: tuple[str, Message] | None,
        *,
        object_limit: int | None = None,
        filters: FilterReturn | None,
        group_by: str | GroupByAggregate | None,
        total_count: bool,
        return_metrics: PropertiesMetrics | None,
    ) -> AggregateReturn | AggregateGroupByReturn:
        metrics = wire.metrics_list(return_metrics)
        grouping = wire.group_by_value(group_by)
        request = wire.aggregate_request(
            self._scope,
            metrics=metrics,
            filters=filters,
            group_by=grouping,
            total_count=total_count,
            object_limit=object_limit,
            search=search,
        )
        reply = await self._send(request, kind)
        return wire.aggregate_result(
            reply, grouped=grouping is not None, metrics=metrics, total_count=total_count
        )

    async def _any_vector_name(self) -> str | None:
        """The first named vector of the collection, from its schema (None when it has none)."""
        schema = await self._connection.rest(
            "GET",
            f"/schema/{quote(self._scope.name, safe='')}",
            operation="collection.aggregate.bm25",
        )
        names = sorted((schema or {}).get("vectorConfig") or {})
        return names[0] if names else None

    @overload
    async def over_all(
        self,
        *,
        filters: FilterReturn | None = None,
        group_by: Literal[None] = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn: ...

    @overload
    async def over_all(
        self,
        *,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateGroupByReturn: ...

    @overload
    async def over_all(
        self,
        *,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn | AggregateGroupByReturn: ...

    async def over_all(
        self,
        *,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn | AggregateGroupByReturn:
        """Aggregate every object of the collection (that passes ``filters``).

        Args:
            filters: only objects that pass this filter (``Filter...``).
            group_by: a property name or ``GroupByAggregate``: one result per value.
            total_count: include the number of objects aggregated.
            return_metrics: the statistics to compute (``Metrics(property).x()``, or a list).

        Returns:
            An ``AggregateReturn``, or an ``AggregateGroupByReturn`` with ``group_by``.

        Raises:
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
            WeaviateQueryError: the server failed the aggregation (its message included).

        Examples:
            >>> res = await collection.aggregate.over_all(
            ...     filters=Filter.by_property("year").greater_than(2000),
            ...     return_metrics=Metrics("rating").number(mean=True),
            ... )
            >>> res.total_count, res.properties["rating"].mean
        """
        return await self._aggregate(
            "over_all",
            None,
            filters=filters,
            group_by=group_by,
            total_count=total_count,
            return_metrics=return_metrics,
        )

    @overload
    async def near_vector(
        self,
        near_vector: NearVectorInputType,
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: Literal[None] = None,
        target_vector: TargetVectorJoinType | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn: ...

    @overload
    async def near_vector(
        self,
        near_vector: NearVectorInputType,
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate,
        target_vector: TargetVectorJoinType | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateGroupByReturn: ...

    @overload
    async def near_vector(
        self,
        near_vector: NearVectorInputType,
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate | None = None,
        target_vector: TargetVectorJoinType | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn | AggregateGroupByReturn: ...

    async def near_vector(
        self,
        near_vector: NearVectorInputType,
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate | None = None,
        target_vector: TargetVectorJoinType | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn | AggregateGroupByReturn:
        """Aggregate the objects nearest to a vector.

        Args:
            near_vector: the query vector (or multi-vector), or ``{name: vector}``.
            certainty: only objects at least this similar (0 to 1; cosine distance only).
            distance: only objects at most this far.
            object_limit: aggregate at most this many nearest objects.
            filters: only objects that pass this filter (``Filter...``).
            group_by: a property name or ``GroupByAggregate``: one result per value.
            target_vector: the named vector to search (one name: an aggregation searches one).
            total_count: include the number of objects aggregated.
            return_metrics: the statistics to compute (``Metrics(property).x()``, or a list).

        Returns:
            An ``AggregateReturn``, or an ``AggregateGroupByReturn`` with ``group_by``.

        Raises:
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
            WeaviateQueryError: the server failed the aggregation (its message included).

        Examples:
            >>> res = await collection.aggregate.near_vector(
            ...     [0.1, 0.9], object_limit=50, return_metrics=Metrics("price").number()
            ... )
        """
        wire.require_vector_bound(certainty, distance, object_limit)
        search = wire.near_vector_pb(
            near_vector,
            certainty=certainty,
            distance=distance,
            target_vector=target_vector,
            version=self._version,
        )
        return await self._aggregate(
            "near_vector",
            search,
            object_limit=object_limit,
            filters=filters,
            group_by=group_by,
            total_count=total_count,
            return_metrics=return_metrics,
        )

    @overload
    async def near_object(
        self,
        near_object: UUID,
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: Literal[None] = None,
        target_vector: str | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn: ...

    @overload
    async def near_object(
        self,
        near_object: UUID,
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate,
        target_vector: str | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateGroupByReturn: ...

    @overload
    async def near_object(
        self,
        near_object: UUID,
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate | None = None,
        target_vector: str | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn | AggregateGroupByReturn: ...

    async def near_object(
        self,
        near_object: UUID,
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate | None = None,
        target_vector: str | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn | AggregateGroupByReturn:
        """Aggregate the objects nearest to an object of the collection (by its vector).

        Args:
            near_object: the uuid of the object.
            certainty: only objects at least this similar (0 to 1; cosine distance only).
            distance: only objects at most this far.
            object_limit: aggregate at most this many nearest objects.
            filters: only objects that pass this filter (``Filter...``).
            group_by: a property name or ``GroupByAggregate``: one result per value.
            target_vector: the named vector to search (one name: an aggregation searches one).
            total_count: include the number of objects aggregated.
            return_metrics: the statistics to compute (``Metrics(property).x()``, or a list).

        Returns:
            An ``AggregateReturn``, or an ``AggregateGroupByReturn`` with ``group_by``.

        Raises:
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
            WeaviateQueryError: the server failed the aggregation (its message included).
        """
        wire.require_vector_bound(certainty, distance, object_limit)
        search = wire.near_object_pb(
            near_object, certainty=certainty, distance=distance, target_vector=target_vector
        )
        return await self._aggregate(
            "near_object",
            search,
            object_limit=object_limit,
            filters=filters,
            group_by=group_by,
            total_count=total_count,
            return_metrics=return_metrics,
        )

    @overload
    async def near_text(
        self,
        query: str | list[str],
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        move_to: Move | None = None,
        move_away: Move | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: Literal[None] = None,
        target_vector: str | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn: ...

    @overload
    async def near_text(
        self,
        query: str | list[str],
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        move_to: Move | None = None,
        move_away: Move | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate,
        target_vector: str | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateGroupByReturn: ...

    @overload
    async def near_text(
        self,
        query: str | list[str],
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        move_to: Move | None = None,
        move_away: Move | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate | None = None,
        target_vector: str | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn | AggregateGroupByReturn: ...

    async def near_text(
        self,
        query: str | list[str],
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        move_to: Move | None = None,
        move_away: Move | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate | None = None,
        target_vector: str | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn | AggregateGroupByReturn:
        """Aggregate the objects nearest to a text, vectorized by the collection's vectorizer.

        Args:
            query: the text, or several texts vectorized together.
            certainty: only objects at least this similar (0 to 1; cosine distance only).
            distance: only objects at most this far.
            move_to: move the query towards concepts or objects (``Move``).
            move_away: move the query away from concepts or objects (``Move``).
            object_limit: aggregate at most this many nearest objects.
            filters: only objects that pass this filter (``Filter...``).
            group_by: a property name or ``GroupByAggregate``: one result per value.
            target_vector: the named vector to search (one name: an aggregation searches one).
            total_count: include the number of objects aggregated.
            return_metrics: the statistics to compute (``Metrics(property).x()``, or a list).

        Returns:
            An ``AggregateReturn``, or an ``AggregateGroupByReturn`` with ``group_by``.

        Raises:
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
            WeaviateQueryError: the server failed the aggregation (its message included).

        Examples:
            >>> res = await collection.aggregate.near_text(
            ...     "animals in movies", distance=0.3, return_metrics=Metrics("points").integer()
            ... )
        """
        wire.require_vector_bound(certainty, distance, object_limit)
        search = wire.near_text_pb(
            query,
            certainty=certainty,
            distance=distance,
            move_to=move_to,
            move_away=move_away,
            target_vector=target_vector,
        )
        return await self._aggregate(
            "near_text",
            search,
            object_limit=object_limit,
            filters=filters,
            group_by=group_by,
            total_count=total_count,
            return_metrics=return_metrics,
        )

    @overload
    async def near_image(
        self,
        near_image: BLOB_INPUT,
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: Literal[None] = None,
        target_vector: str | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn: ...

    @overload
    async def near_image(
        self,
        near_image: BLOB_INPUT,
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate,
        target_vector: str | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateGroupByReturn: ...

    @overload
    async def near_image(
        self,
        near_image: BLOB_INPUT,
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate | None = None,
        target_vector: str | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn | AggregateGroupByReturn: ...

    async def near_image(
        self,
        near_image: BLOB_INPUT,
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate | None = None,
        target_vector: str | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn | AggregateGroupByReturn:
        """Aggregate the objects nearest to an image, vectorized by the collection's
        multi-modal vectorizer.

        Args:
            near_image: the image: base64 text, a path or a file opened in binary mode.
            certainty: only objects at least this similar (0 to 1; cosine distance only).
            distance: only objects at most this far.
            object_limit: aggregate at most this many nearest objects.
            filters: only objects that pass this filter (``Filter...``).
            group_by: a property name or ``GroupByAggregate``: one result per value.
            target_vector: the named vector to search (one name: an aggregation searches one).
            total_count: include the number of objects aggregated.
            return_metrics: the statistics to compute (``Metrics(property).x()``, or a list).

        Returns:
            An ``AggregateReturn``, or an ``AggregateGroupByReturn`` with ``group_by``.

        Raises:
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
            WeaviateQueryError: the server failed the aggregation (its message included).
        """
        wire.require_vector_bound(certainty, distance, object_limit)
        search = wire.near_media_pb(
            await self._blob(near_image, "near_image"),
            NearMediaType.IMAGE,
            certainty=certainty,
            distance=distance,
            target_vector=target_vector,
        )
        return await self._aggregate(
            "near_image",
            search,
            object_limit=object_limit,
            filters=filters,
            group_by=group_by,
            total_count=total_count,
            return_metrics=return_metrics,
        )

    @overload
    async def near_media(
        self,
        media: BLOB_INPUT,
        media_type: NearMediaType,
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: Literal[None] = None,
        target_vector: str | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn: ...

    @overload
    async def near_media(
        self,
        media: BLOB_INPUT,
        media_type: NearMediaType,
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate,
        target_vector: str | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateGroupByReturn: ...

    @overload
    async def near_media(
        self,
        media: BLOB_INPUT,
        media_type: NearMediaType,
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate | None = None,
        target_vector: str | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn | AggregateGroupByReturn: ...

    async def near_media(
        self,
        media: BLOB_INPUT,
        media_type: NearMediaType,
        *,
        certainty: NUMBER | None = None,
        distance: NUMBER | None = None,
        object_limit: int | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate | None = None,
        target_vector: str | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn | AggregateGroupByReturn:
        """Aggregate the objects nearest to a medium (image, audio, video, depth, thermal or
        IMU data), vectorized by the collection's multi-modal vectorizer.

        Not in the official client's ``aggregate`` (its ``query.near_media`` has this shape);
        the server's Aggregate RPC takes every medium.

        Args:
            media: the medium: base64 text, a path or a file opened in binary mode.
            media_type: ``NearMediaType`` or its value: ``"audio"``, ``"depth"``,
                ``"image"``, ``"imu"``, ``"thermal"``, ``"video"``.
            certainty: only objects at least this similar (0 to 1; cosine distance only).
            distance: only objects at most this far.
            object_limit: aggregate at most this many nearest objects.
            filters: only objects that pass this filter (``Filter...``).
            group_by: a property name or ``GroupByAggregate``: one result per value.
            target_vector: the named vector to search (one name: an aggregation searches one).
            total_count: include the number of objects aggregated.
            return_metrics: the statistics to compute (``Metrics(property).x()``, or a list).

        Returns:
            An ``AggregateReturn``, or an ``AggregateGroupByReturn`` with ``group_by``.

        Raises:
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
            WeaviateQueryError: the server failed the aggregation (its message included).
        """
        wire.require_vector_bound(certainty, distance, object_limit)
        search = wire.near_media_pb(
            await self._blob(media, "media"),
            media_type,
            certainty=certainty,
            distance=distance,
            target_vector=target_vector,
        )
        return await self._aggregate(
            "near_media",
            search,
            object_limit=object_limit,
            filters=filters,
            group_by=group_by,
            total_count=total_count,
            return_metrics=return_metrics,
        )

    @overload
    async def hybrid(
        self,
        query: str | None,
        *,
        alpha: NUMBER | None = None,
        vector: HybridVectorType | None = None,
        query_properties: list[str] | None = None,
        object_limit: int | None = None,
        bm25_operator: BM25OperatorOptions | None = None,
        filters: FilterReturn | None = None,
        group_by: Literal[None] = None,
        target_vector: str | None = None,
        max_vector_distance: float | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn: ...

    @overload
    async def hybrid(
        self,
        query: str | None,
        *,
        alpha: NUMBER | None = None,
        vector: HybridVectorType | None = None,
        query_properties: list[str] | None = None,
        object_limit: int | None = None,
        bm25_operator: BM25OperatorOptions | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate,
        target_vector: str | None = None,
        max_vector_distance: float | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateGroupByReturn: ...

    @overload
    async def hybrid(
        self,
        query: str | None,
        *,
        alpha: NUMBER | None = None,
        vector: HybridVectorType | None = None,
        query_properties: list[str] | None = None,
        object_limit: int | None = None,
        bm25_operator: BM25OperatorOptions | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate | None = None,
        target_vector: str | None = None,
        max_vector_distance: float | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn | AggregateGroupByReturn: ...

    async def hybrid(
        self,
        query: str | None,
        *,
        alpha: NUMBER | None = None,
        vector: HybridVectorType | None = None,
        query_properties: list[str] | None = None,
        object_limit: int | None = None,
        bm25_operator: BM25OperatorOptions | None = None,
        filters: FilterReturn | None = None,
        group_by: str | GroupByAggregate | None = None,
        target_vector: str | None = None,
        max_vector_distance: float | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn | AggregateGroupByReturn:
        """Aggregate the objects a hybrid search finds: keyword (BM25) and vector rankings
        fused.

        Without ``vector`` the query is vectorized, and the server then needs
        ``object_limit`` (or ``max_vector_distance``) to bound the vector search.

        Weaviate's keyword part searches every ``text`` property (not ``query_properties``,
        nor ``text[]``); before 1.39.3 the server applies ``filters`` to the vector part only.

        Args:
            query: the keyword query (None: vector search only).
            alpha: the weight of the vector ranking, 0 (keyword only) to 1 (vector only).
            vector: the vector part instead of the query's embedding: a vector, or a
                sub-search (``HybridVector.near_text(...)`` / ``HybridVector.near_vector(...)``).
            query_properties: the properties to search by keyword (sent, but see above).
            object_limit: aggregate at most this many objects.
            bm25_operator: how keyword tokens must match (``BM25OperatorFactory...``).
            filters: only objects that pass this filter (``Filter...``).
            group_by: a property name or ``GroupByAggregate``: one result per value.
            target_vector: the named vector to search.
            max_vector_distance: only objects at most this far from the query vector.
            total_count: include the number of objects aggregated.
            return_metrics: the statistics to compute (``Metrics(property).x()``, or a list).

        Returns:
            An ``AggregateReturn``, or an ``AggregateGroupByReturn`` with ``group_by``.

        Raises:
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
            WeaviateQueryError: the server failed the aggregation (its message included).

        Examples:
            >>> res = await collection.aggregate.hybrid(
            ...     "apple pie", alpha=0.5, object_limit=20, return_metrics=Metrics("rating").number()
            ... )
        """
        self._check_versions(bm25_operator=bm25_operator)
        search = wire.hybrid_pb(
            query,
            alpha=alpha,
            vector=vector,
            query_properties=query_properties,
            bm25_operator=bm25_operator,
            target_vector=target_vector,
            max_vector_distance=max_vector_distance,
            version=self._version,
        )
        return await self._aggregate(
            "hybrid",
            search,
            object_limit=object_limit,
            filters=filters,
            group_by=group_by,
            total_count=total_count,
            return_metrics=return_metrics,
        )

    @overload
    async def bm25(
        self,
        query: str,
        *,
        object_limit: int,
        bm25_operator: BM25OperatorOptions | None = None,
        group_by: Literal[None] = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn: ...

    @overload
    async def bm25(
        self,
        query: str,
        *,
        object_limit: int,
        bm25_operator: BM25OperatorOptions | None = None,
        group_by: str | GroupByAggregate,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateGroupByReturn: ...

    @overload
    async def bm25(
        self,
        query: str,
        *,
        object_limit: int,
        bm25_operator: BM25OperatorOptions | None = None,
        group_by: str | GroupByAggregate | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn | AggregateGroupByReturn: ...

    async def bm25(
        self,
        query: str,
        *,
        object_limit: int,
        bm25_operator: BM25OperatorOptions | None = None,
        group_by: str | GroupByAggregate | None = None,
        total_count: bool = True,
        return_metrics: PropertiesMetrics | None = None,
    ) -> AggregateReturn | AggregateGroupByReturn:
        """Aggregate the objects a keyword (BM25) search finds.

        Not in the official client. The server's Aggregate RPC has no BM25 operator, so this is
        a hybrid search with ``alpha=0``, which ranks by BM25 alone and does not vectorize the
        query; like every hybrid aggregation without a vector it needs ``object_limit``.

        Weaviate v1.39 runs the keyword part of an aggregation over every ``text`` property
        (not ``text[]``), whatever properties are named, and applies no filters to it: this
        method therefore takes neither ``query_properties`` nor ``filters``.

        Args:
            query: the keyword query.
            object_limit: aggregate at most this many of the best matches (required).
            bm25_operator: how tokens must match (``BM25OperatorFactory...``).
            group_by: a property name or ``GroupByAggregate``: one result per value.
            total_count: include the number of objects aggregated.
            return_metrics: the statistics to compute (``Metrics(property).x()``, or a list).

        Returns:
            An ``AggregateReturn``, or an ``AggregateGroupByReturn`` with ``group_by``.

        Raises:
            WeaviateInvalidInputError: an argument is invalid (nothing is sent).
            WeaviateQueryError: the server failed the aggregation (its message included).

        Examples:
            >>> res = await collection.aggregate.bm25("apple", object_limit=100)
            >>> res.total_count  # objects mentioning apple, up to 100
        """
        if object_limit is None:
            raise invalid(
                "object_limit",
                "is required: a keyword aggregation counts at most object_limit best matches",
            )
        self._check_versions(bm25_operator=bm25_operator)
        metrics = wire.metrics_list(return_metrics)
        grouping = wire.group_by_value(group_by)

        def request(target: str | None) -> aggregate_pb2.AggregateRequest:
            search = wire.bm25_as_hybrid_pb(
                query, bm25_operator=bm25_operator, target_vector=target, version=self._version
            )
            return wire.aggregate_request(
                self._scope,
                metrics=metrics,
                group_by=grouping,
                total_count=total_count,
                object_limit=object_limit,
                search=search,
            )

        first = request(None)
        try:
            reply = await self._send(first, "bm25")
        except WeaviateQueryError as e:
            # The server checks the target vector of every hybrid search, even a keyword-only
            # one: with several named vectors, name one (any: alpha=0 does not use it).
            if _NO_TARGET not in str(e.server_message or e):
                raise
            target = await self._any_vector_name()
            if target is None:
                raise
            reply = await self._send(request(target), "bm25")
        return wire.aggregate_result(
            reply, grouped=grouping is not None, metrics=metrics, total_count=total_count
        )
