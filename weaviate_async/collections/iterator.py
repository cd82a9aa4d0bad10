"""``collection.iterator()``: every object of a collection exactly once, page by page.

The server lists a collection's objects in the order of their uuids, from a cursor: the uuid of
the last object seen (``after``). Each page is one search request with ``after`` set and
``limit`` the cache size; iteration ends at the first empty page. Objects added behind the
cursor while iterating are therefore seen, objects added before it are not, and none is seen
twice.

The request is built (and every argument checked) once, when the iterator is made, by the
search path of ``collection.query``; a page only sets its cursor.

Examples:
    >>> async for obj in collection.iterator(include_vector=True, cache_size=500):
    ...     print(obj.uuid, obj.properties["title"], obj.vector["default"][:3])
"""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import AsyncGenerator, AsyncIterator
from typing import TYPE_CHECKING, Any, Generic

from weaviate_async._twin import twin
from weaviate_async._validate import check_int, uuid_str
from weaviate_async.classes.internal import Object, TProperties, TReferences

if TYPE_CHECKING:
    from weaviate_async.collections._search import _SearchNamespace
    from weaviate_async.proto.weaviate.v1 import search_get_pb2
    from weaviate_async.types import UUID
    from weaviate_async.wire.search import ReplyShape

__all__ = ["ITERATOR_CACHE_SIZE", "Object", "_ObjectAIterator"]

#: Objects fetched per request when ``cache_size`` is not given (the official client's default).
ITERATOR_CACHE_SIZE = 100
_UINT32_MAX = 2**32 - 1


@twin(name="_ObjectIterator")
class _ObjectAIterator(Generic[TProperties, TReferences]):
    """The objects of a collection (of the handle's tenant) in the order of their uuids, to
    iterate with ``async for``; made by ``collection.iterator(...)``.

    Each ``async for`` starts again from the ``after`` given when it was made.

    Examples:
        >>> uuids = [obj.uuid async for obj in collection.iterator(return_properties=[])]
    """

    def __init__(
        self,
        search: _SearchNamespace,
        *,
        include_vector: Any,
        return_metadata: Any,
        return_properties: Any,
        return_references: Any,
        after: UUID | None,
        cache_size: int | None,
    ) -> None:
        check_int(cache_size, "cache_size", minimum=1, maximum=_UINT32_MAX)
        self._search = search
        self._after = "" if after is None else uuid_str(after, "after")
        request, shape = search._prepare(
            {},
            limit=cache_size or ITERATOR_CACHE_SIZE,
            include_vector=include_vector,
            return_metadata=return_metadata,
            return_properties=return_properties,
            return_references=return_references,
        )
        self._request: search_get_pb2.SearchRequest = request
        self._shape: ReplyShape = shape

    def __aiter__(self) -> AsyncIterator[Object[TProperties, TReferences]]:
        """The objects, from the start cursor on (one request per ``cache_size`` objects)."""
        return self._pages()

    async def _pages(self) -> AsyncGenerator[Object[TProperties, TReferences], None]:
        request = type(self._request)()
        request.CopyFrom(self._request)  # a copy per iteration: its cursor moves
        request.after = self._after
        while True:
            page = await self._search._send("collection.iterator", request, self._shape)
            objects = page.objects
            if not objects:
                return
            for obj in objects:
                yield obj
            last: uuid_lib.UUID = objects[-1].uuid
            request.after = str(last)
