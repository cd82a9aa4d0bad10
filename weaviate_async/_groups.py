"""Task groups whose failures leave as one plain exception.

anyio's task groups report what went wrong inside them as a ``BaseExceptionGroup``, even for a
single failure; the official client, which uses threads, raises the exception itself, and so
must every public call here. This is the one place that unwraps: :func:`task_group` for a group
used as ``async with``, :func:`raise_single` for a group entered and left by hand.
"""

from __future__ import annotations

import asyncio
import sys
from types import TracebackType
from typing import NoReturn

import anyio
import anyio.abc

if sys.version_info >= (3, 11):
    _Group = BaseExceptionGroup  # noqa: F821 - a builtin from 3.11 on
else:  # pragma: no cover - the backport anyio depends on before 3.11
    from exceptiongroup import (  # type: ignore[import-not-found,unused-ignore]
        BaseExceptionGroup as _Group,
    )

__all__ = ["raise_single", "single_exception", "task_group"]


def single_exception(error: BaseException) -> BaseException:
    """The exception a caller should see for ``error``: inside (nested) groups, the first
    member that is not a cancellation (a cancellation only when there is nothing else)."""
    while isinstance(error, _Group):
        members = error.exceptions
        error = next((e for e in members if not isinstance(e, asyncio.CancelledError)), members[0])
    return error


def raise_single(error: BaseException) -> NoReturn:
    """Raise ``error``, or the single exception inside it when it is a group, as itself (its
    own context kept: the group would only repeat it)."""
    single = single_exception(error)
    context = single.__context__
    try:
        raise single
    finally:
        if single is not error:
            single.__context__ = context
        del single, context


class task_group:
    """``anyio.create_task_group()`` whose failure, or its body's, leaves as one exception."""

    def __init__(self) -> None:
        self._group = anyio.create_task_group()

    async def __aenter__(self) -> anyio.abc.TaskGroup:
        return await self._group.__aenter__()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool | None:
        try:
            return await self._group.__aexit__(exc_type, exc, tb)
        except _Group as failures:
            raise_single(failures)
