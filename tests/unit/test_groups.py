"""The one place that turns anyio's exception groups into the single exception a caller of the
official client would see (weaviate_async/_groups.py)."""

from __future__ import annotations

import asyncio

import anyio
import pytest

from weaviate_async import _groups
from weaviate_async.exceptions import WeaviateQueryError

# BaseExceptionGroup, builtin from 3.11 on (the backport before)
_Group = _groups._Group


class _Boom(Exception):
    pass


async def test_a_failing_child_leaves_as_itself() -> None:
    async def fail() -> None:
        raise _Boom("child")

    with pytest.raises(_Boom) as info:
        async with _groups.task_group() as group:
            group.start_soon(fail)
            await anyio.sleep(1)
    assert type(info.value) is _Boom and str(info.value) == "child"


async def test_the_bodys_exception_leaves_as_itself_with_its_own_cause() -> None:
    cause = KeyError("why")
    with pytest.raises(ValueError) as info:
        async with _groups.task_group() as group:
            group.start_soon(anyio.sleep, 0)
            raise ValueError("body") from cause
    assert info.value.__cause__ is cause


async def test_a_cancelled_group_is_quiet() -> None:
    async with _groups.task_group() as group:
        group.start_soon(anyio.sleep, 10)
        group.cancel_scope.cancel()


def test_single_exception_prefers_a_real_error_to_a_cancellation() -> None:
    error = WeaviateQueryError("bad", "GRPC")
    nested = _Group("outer", [asyncio.CancelledError(), _Group("inner", [error])])
    assert _groups.single_exception(nested) is error
    only_cancel = _Group("g", [asyncio.CancelledError()])
    assert isinstance(_groups.single_exception(only_cancel), asyncio.CancelledError)
    plain = ValueError("x")
    assert _groups.single_exception(plain) is plain


def test_raise_single_keeps_the_errors_own_context() -> None:
    error = ValueError("x")
    error.__context__ = KeyError("before")
    with pytest.raises(ValueError) as info:
        _groups.raise_single(_Group("g", [error]))
    assert info.value is error
    assert isinstance(info.value.__context__, KeyError)
