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

from collections import deque
from typing import TYPE_CHECKING, Any, Generic

from weaviate_async._twin import twin
from weaviate_async._validate import check_int, uuid_str
from weaviate_async.classes.internal import Object, TProperties, TReferences

if TYPE_CHECKING:
    from typing_extensions import Self

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

    Each ``async for`` starts again from the ``after`` given when it was made. It is also its
    own iterator, so objects can be taken one at a time.

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
        self._cursor = self._after
        self._cache: deque[Object[TProperties, TReferences]] = deque()
        self._exhausted = False

    def __aiter__(self) -> Self:
        """Start again from the ``after`` given when the iterator was made."""
        self._cursor = self._after
        self._cache.clear()
        self._exhausted = False
        return self

    async def __anext__(self) -> Object[TProperties, TReferences]:
        """The next object; one request per ``cache_size`` objects.

        Once a page comes back empty the iterator stays exhausted, without asking the server
        again, until it is started again (as the official client's since 4.24).
        """
        if not self._cache:
            if self._exhausted:
                raise StopAsyncIteration
            self._request.after = self._cursor
            page = await self._search._send("collection.iterator", self._request, self._shape)
            if not page.objects:
                self._exhausted = True
                raise StopAsyncIteration
            self._cache.extend(page.objects)
        obj: Object[TProperties, TReferences] = self._cache.popleft()
        self._cursor = str(obj.uuid)
        return obj
