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
from collections import deque
from typing import TYPE_CHECKING, Any, Generic

from weaviate_async._twin import twin
from weaviate_async._validate import check_int, uuid_str
from weaviate_async.classes.internal import Object
from weaviate_async.typevars import TProperties, TReferences

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

    It is its own iterator, as the official client's is: it can be stepped one object at a
    time without a loop, and after the last object it stays exhausted. Each ``async for``
    starts again from the ``after`` given when it was made.

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
        self._restart()

    def _restart(self) -> None:
        self._cursor = type(self._request)()
        self._cursor.CopyFrom(self._request)  # a copy per pass: its cursor moves
        self._cursor.after = self._after
        self._page: deque[Object[TProperties, TReferences]] = deque()
        self._exhausted = False

    def __aiter__(self) -> Self:
        """The objects from the start cursor on: each ``async for`` over it starts again from
        ``after``, as the official client's does."""
        self._restart()
        return self

    async def __anext__(self) -> Object[TProperties, TReferences]:
        """The next object; a page is fetched when the last one is used up. After the last
        object the iteration stops, and stays stopped."""
        if not self._page:
            if self._exhausted:
                raise StopAsyncIteration
            page = await self._search._send("collection.iterator", self._cursor, self._shape)
            if not page.objects:
                self._exhausted = True
                raise StopAsyncIteration
            self._page.extend(page.objects)
            last: uuid_lib.UUID = page.objects[-1].uuid
            self._cursor.after = str(last)
        return self._page.popleft()
