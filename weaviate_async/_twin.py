"""Markers read by ``tools/gen_sync.py``: which classes get a blocking twin in ``weaviate_sync``,
and how particular members are translated.

The markers do nothing at run time (they return what they decorate); the generator reads them
from the source. Example::

    @twin
    class _DataCollectionAsync:              # twin: weaviate_sync ... _DataCollection
        ...

    @twin(name="WeaviateClient", root=True)
    class WeaviateAsyncClient:               # the root: owns the event-loop thread
        ...

    @twin
    class _BatchAsync:
        @sync_via("_add_object_threadsafe")
        async def add_object(self, ...) -> UUID:  # twin: calls _add_object_threadsafe directly,
            ...                                 # in the caller's thread, without a loop hop
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, overload

__all__ = ["sync_via", "twin"]

_C = TypeVar("_C", bound=type)
_F = TypeVar("_F", bound=Callable[..., Any])


@overload
def twin(cls: _C, /) -> _C: ...


@overload
def twin(*, name: str | None = None, root: bool = False) -> Callable[[_C], _C]: ...


def twin(
    cls: _C | None = None, /, *, name: str | None = None, root: bool = False
) -> _C | Callable[[_C], _C]:
    """Mark a class for a blocking twin.

    Args:
        name: the twin's name; by default the class name without ``Async``.
        root: the twin owns the event-loop thread (the client).
    """
    if cls is not None:
        return cls

    def mark(c: _C) -> _C:
        return c

    return mark


def sync_via(method: str) -> Callable[[_F], _F]:
    """Mark a coroutine method whose twin calls the plain, thread-safe method ``method`` of the
    async object directly, in the caller's thread, instead of running the coroutine on the
    loop: for hot paths (``batch.add_object``) where a loop hop per call costs too much."""

    def mark(fn: _F) -> _F:
        return fn

    return mark
