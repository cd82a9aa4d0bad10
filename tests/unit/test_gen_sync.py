"""The sync facade generator (tools/gen_sync.py) on a small fixture package, and its runtime
(weaviate_async._loop_thread.LoopThread)."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
import traceback
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import anyio
import pytest

from weaviate_async._loop_thread import (
    DEFAULT_THREAD_NAME,
    LoopThread,
    in_loop_thread,
    spelled_call,
    to_thread_callback,
)

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))
import gen_sync  # noqa: E402

# --------------------------------------------------------------------------- the fixture package

FIXTURE: dict[str, str] = {
    "__init__.py": '''
        """The fixture package: lazy, like weaviate_async."""

        from __future__ import annotations

        import importlib
        from typing import TYPE_CHECKING, Any

        _LAZY = {"WeaviateAsyncClient": "fixasync.client", "connect": "fixasync.client",
                 "make": "fixasync.client", "connect_to_local": "fixasync.client",
                 "use_async_with_local": "fixasync.client"}
        _SUBMODULES = frozenset({"features", "models"})
        __all__ = [*sorted(_LAZY), *sorted(_SUBMODULES)]

        if TYPE_CHECKING:
            from fixasync import features, models
            from fixasync.client import (
                WeaviateAsyncClient, connect, connect_to_local, make, use_async_with_local,
            )


        def __getattr__(name: str) -> Any:
            if name in _LAZY:
                return getattr(importlib.import_module(_LAZY[name]), name)
            if name in _SUBMODULES:
                return importlib.import_module(f"fixasync.{name}")
            raise AttributeError(name)
    ''',
    "models.py": '''
        """Plain models: re-exported, not copied."""

        __all__ = ["Thing", "VERSION"]

        VERSION = "1"


        class Thing:
            """A value object."""
    ''',
    "features.py": '''
        """The constructs of long-running work: context managers holding a task group, async
        iterators, blocking callbacks, hot paths called without a hop."""

        from __future__ import annotations

        import asyncio
        import contextlib
        import threading
        from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Coroutine
        from contextlib import AbstractAsyncContextManager, asynccontextmanager
        from types import TracebackType
        from typing import Any

        import anyio

        from weaviate_async._twin import sync_via, twin

        __all__ = ["CursorAsync", "HolderAsync", "ToolsAsync"]


        @twin
        class HolderAsync:
            """Holds a task group open from ``async with`` to its end."""

            def __init__(self) -> None:
                self.log: list[str] = []
                self.tasks: list[object] = []
                self._group: Any = None

            async def __aenter__(self) -> HolderAsync:
                group = anyio.create_task_group()
                await group.__aenter__()
                group.start_soon(anyio.sleep_forever)  # a child the exit must cancel
                self._group = group
                self.tasks.append(asyncio.current_task())
                self.log.append("enter")
                return self

            async def __aexit__(
                self,
                exc_type: type[BaseException] | None,
                exc: BaseException | None,
                tb: TracebackType | None,
            ) -> bool:
                self.tasks.append(asyncio.current_task())
                self.log.append(f"exit {type(exc).__name__ if exc else None}")
                self._group.cancel_scope.cancel()
                # anyio refuses to exit a cancel scope in another task than the one entering it
                await self._group.__aexit__(None, None, None)
                if isinstance(exc, ZeroDivisionError):
                    raise RuntimeError("the exit failed")
                return isinstance(exc, KeyError)

            async def where(self) -> str:
                return threading.current_thread().name


        @twin
        class CursorAsync:
            """Counts up to ``n``: ``async for i in cursor``."""

            def __init__(self, n: int) -> None:
                self.n = n
                self.i: int = 0
                self.closed: bool = False

            def __aiter__(self) -> CursorAsync:
                return self

            async def __anext__(self) -> int:
                if self.i >= self.n:
                    raise StopAsyncIteration
                self.i += 1
                await asyncio.sleep(0)
                return self.i

            async def aclose(self) -> None:
                self.closed = True


        @twin
        class CountAsync:
            """Counts up to ``n`` from where ``async for`` starts it; nothing to close."""

            def __init__(self, n: int) -> None:
                self.n = n
                self.i: int = 0

            def __aiter__(self) -> CountAsync:
                self.i = 0
                return self

            async def __anext__(self) -> int:
                if self.i >= self.n:
                    raise StopAsyncIteration
                self.i += 1
                await asyncio.sleep(0)
                return self.i


        @asynccontextmanager
        async def _opened(log: list[str], value: int) -> AsyncIterator[int]:
            log.append(f"open {value}")
            try:
                yield value
            finally:
                log.append(f"close {value}")


        @twin
        class ToolsAsync:
            """Tools: ``async with tools.session(3) as cursor: ...``."""

            def __init__(self) -> None:
                self.log: list[str] = []

            def _record_threadsafe(self, value: int, *, tag: str = "") -> str:
                self.log.append(f"{tag}{value}")
                return threading.current_thread().name

            @sync_via("_record_threadsafe")
            async def record(self, value: int, *, tag: str = "") -> str:
                """Record ``value``: ``await tools.record(1)``."""
                await asyncio.sleep(0)
                return self._record_threadsafe(value, tag=tag)

            @asynccontextmanager
            async def session(self, n: int) -> AsyncIterator[CursorAsync]:
                """A cursor within a task group: ``async with tools.session(2) as c:``."""
                async with anyio.create_task_group() as group:
                    group.start_soon(anyio.sleep_forever)
                    self.log.append("session open")
                    try:
                        yield CursorAsync(n)
                    finally:
                        self.log.append("session closed")
                        group.cancel_scope.cancel()

            def opened(self, value: int) -> AbstractAsyncContextManager[int]:
                return _opened(self.log, value)

            async def opened_later(self, value: int) -> contextlib.AbstractAsyncContextManager[int]:
                await asyncio.sleep(0)
                return _opened(self.log, value)

            def holder(self) -> HolderAsync:
                return HolderAsync()

            async def cursor(self, n: int) -> CursorAsync:
                return CursorAsync(n)

            def count(self, n: int) -> CountAsync:
                return CountAsync(n)

            async def each(
                self, values: list[int], callback: Callable[[int], Awaitable[str]]
            ) -> list[str]:
                """Call ``callback`` on each value."""
                return [await callback(v) for v in values]

            async def maybe(
                self, value: int, callback: Callable[..., Coroutine[Any, Any, int]] | None = None
            ) -> int:
                return value if callback is None else await callback(value)

            async def echo(self, start: int) -> AsyncGenerator[int, int]:
                value = start
                try:
                    while True:
                        sent = yield value
                        value = sent if sent is not None else value + 1
                finally:
                    self.log.append("echo closed")

            async def numbers(self, n: int) -> AsyncIterator[int]:
                for i in range(n):
                    yield i
    ''',
    "client.py": '''
        """A client with every kind of member the generator converts."""

        from __future__ import annotations

        import functools
        import threading
        from collections.abc import AsyncIterator
        from types import TracebackType
        from typing import Generic, Literal, TypeVar, overload

        from fixasync.features import ToolsAsync
        from fixasync.models import Thing
        from weaviate_async._twin import twin

        __all__ = [
            "ItemAsync", "WeaviateAsyncClient", "connect", "connect_to_local", "make",
            "use_async_with_local",
        ]

        T = TypeVar("T")


        class _BaseAsync(Generic[T]):
            """Shared members, inherited by ItemAsync."""

            def __init__(self, value: T) -> None:
                self.value: T = value

            async def get(self) -> T:
                """Return the value: ``await item.get()``."""
                return self.value

            def thread_name(self) -> str:
                return threading.current_thread().name


        @twin
        class ItemAsync(_BaseAsync[T]):
            """An item of the client."""

            @property
            def label(self) -> str:
                """The label of ``ItemAsync``."""
                return f"item {self.value}"

            async def sibling(self) -> ItemAsync[T]:
                return ItemAsync(self.value)

            async def where(self) -> str:
                return threading.current_thread().name

            def __repr__(self) -> str:
                return f"<ItemAsync {self.value}>"


        @twin(name="WeaviateClient", root=True)
        class WeaviateAsyncClient:
            """The root: ``async with WeaviateAsyncClient() as c: await c.add(1)``."""

            def __init__(self, name: str = "x", *, retries: int = 3) -> None:
                """Nothing loop-bound here."""
                self.name = name
                self.retries = retries
                self.connected: bool = False
                self.log: list[str] = []
                self._first: ItemAsync[int] | None = None

            async def connect(self) -> None:
                self.connected = True

            async def close(self) -> None:
                self.connected = False
                self.log.append("closed")

            async def __aenter__(self) -> WeaviateAsyncClient:
                await self.connect()
                return self

            async def __aexit__(
                self,
                exc_type: type[BaseException] | None,
                exc: BaseException | None,
                tb: TracebackType | None,
            ) -> None:
                await self.close()

            async def add(
                self, a: int, b: int = 2, /, *rest: int, scale: float = 1.0, **extra: str
            ) -> float:
                """Add numbers (``await client.add(1)``).

                Returns:
                    the scaled sum.
                """
                return (a + b + sum(rest)) * scale + len(extra)

            async def fail(self) -> None:
                raise ValueError("boom from the loop")

            def item(self, value: int) -> ItemAsync[int]:
                return ItemAsync(value)

            async def maybe_item(self, value: int | None) -> ItemAsync[int] | None:
                return None if value is None else ItemAsync(value)

            async def items(self, n: int) -> list[ItemAsync[int]]:
                return [ItemAsync(i) for i in range(n)]

            async def by_name(self) -> dict[str, ItemAsync[str]]:
                return {"a": ItemAsync("a")}

            async def unwrap(self, item: ItemAsync[int]) -> int:
                return item.value

            async def stream(self, n: int) -> AsyncIterator[int]:
                """Yield ``0..n-1``."""
                try:
                    for i in range(n):
                        yield i
                finally:
                    self.log.append("stream closed")

            async def stream_items(self, n: int) -> AsyncIterator[ItemAsync[int]]:
                for i in range(n):
                    yield ItemAsync(i)

            def __aiter__(self) -> AsyncIterator[int]:
                return self.stream(2)

            @overload
            async def pick(self, kind: Literal["int"]) -> int: ...

            @overload
            async def pick(self, kind: Literal["str"]) -> str: ...

            async def pick(self, kind: str) -> int | str:
                return 1 if kind == "int" else "1"

            def thing(self) -> Thing:
                return Thing()

            @functools.cached_property
            def tools(self) -> ToolsAsync:
                """The tools namespace: made once."""
                return ToolsAsync()

            @property
            def fresh(self) -> ItemAsync[int]:
                """A new item on each access."""
                return ItemAsync(0)

            @property
            def maybe(self) -> ItemAsync[int] | None:
                """The first item, once there is one."""
                return self._first

            def set_first(self, value: int) -> None:
                self._first = ItemAsync(value)

            async def _private(self) -> None:
                pass

            def __repr__(self) -> str:
                return f"<WeaviateAsyncClient {self.name}>"


        async def connect(name: str = "c") -> WeaviateAsyncClient:
            """Build and connect a client."""
            client = WeaviateAsyncClient(name)
            await client.connect()
            return client


        async def make(n: int) -> int:
            """A module-level coroutine returning no facade."""
            return n * 2


        def use_async_with_local(name: str = "local") -> WeaviateAsyncClient:
            """A client, not connected yet: ``async with use_async_with_local() as c:``."""
            return WeaviateAsyncClient(name)


        async def connect_to_local(name: str = "local") -> WeaviateAsyncClient:
            """A connected client."""
            return await connect(name)
    ''',
}


def _write_fixture(root: Path) -> None:
    pkg = root / "fixasync"
    pkg.mkdir(parents=True, exist_ok=True)
    for name, text in FIXTURE.items():
        (pkg / name).write_text(textwrap.dedent(text).lstrip())


@pytest.fixture(scope="module")
def fixture_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("gen")
    _write_fixture(root)
    gen_sync.write(root, "fixasync", "fixsync")
    sys.path.insert(0, str(root))
    try:
        yield root
    finally:
        sys.path.remove(str(root))
        for name in list(sys.modules):
            if name.split(".")[0] in ("fixasync", "fixsync"):
                del sys.modules[name]


@pytest.fixture(scope="module")
def fix(fixture_root: Path) -> Any:
    return importlib.import_module("fixsync")


@pytest.fixture
def client(fix: Any) -> Iterator[Any]:
    c = fix.connect("t")
    try:
        yield c
    finally:
        c.close()


# --------------------------------------------------------------------------- generated text


def test_generated_files_and_headers(fixture_root: Path) -> None:
    files = sorted(
        p.relative_to(fixture_root).as_posix() for p in (fixture_root / "fixsync").rglob("*.py")
    )
    assert files == [
        "fixsync/__init__.py",
        "fixsync/client.py",
        "fixsync/features.py",
        "fixsync/models.py",
    ]
    for rel in files:
        text = (fixture_root / rel).read_text()
        assert text.startswith("# Generated by tools/gen_sync.py from fixasync/")
        assert "do not edit" in text.splitlines()[0]


def test_signatures_are_copied_and_rewritten(fixture_root: Path, fix: Any) -> None:
    from fixasync.client import WeaviateAsyncClient

    twin = fix.WeaviateClient
    assert twin.__name__ == "WeaviateClient"
    assert inspect.signature(twin.__init__) == inspect.signature(WeaviateAsyncClient.__init__)
    add = inspect.signature(twin.add)
    assert add == inspect.signature(WeaviateAsyncClient.add)
    assert [p.kind for p in add.parameters.values()] == [
        inspect.Parameter.POSITIONAL_ONLY,
        inspect.Parameter.POSITIONAL_ONLY,
        inspect.Parameter.POSITIONAL_ONLY,
        inspect.Parameter.VAR_POSITIONAL,
        inspect.Parameter.KEYWORD_ONLY,
        inspect.Parameter.VAR_KEYWORD,
    ]
    assert not inspect.iscoroutinefunction(twin.add)
    text = (fixture_root / "fixsync" / "client.py").read_text()
    assert "def item(self, value: int) -> Item[int]:" in text
    assert "def maybe_item(self, value: int | None) -> Item[int] | None:" in text
    assert "def stream(self, n: int) -> Iterator[int]:" in text
    assert "def __iter__(self) -> Iterator[int]:" in text
    assert "def __enter__(self) -> WeaviateClient:" in text
    assert "def __exit__(" in text
    assert "class Item(Generic[T]):" in text
    assert "AsyncIterator" not in text and "async def" not in text and "await " not in text
    assert "_private" not in text
    assert text.count("@overload") == 2


def test_docstrings_are_copied(fix: Any) -> None:
    from fixasync.client import WeaviateAsyncClient

    assert fix.WeaviateClient.add.__doc__ == WeaviateAsyncClient.add.__doc__.replace("await ", "")
    assert fix.WeaviateClient.__doc__ == ("The root: ``with WeaviateClient() as c: c.add(1)``.")
    assert importlib.import_module("fixsync.client").Item.label.__doc__ == "The label of ``Item``."


def test_reexports_are_the_same_objects(fix: Any) -> None:
    import fixasync
    import fixasync.models
    import fixsync.models

    assert fixsync.models.Thing is fixasync.models.Thing
    assert fixsync.models.VERSION == "1"
    assert sorted(fixsync.models.__all__) == ["Thing", "VERSION"]
    assert fix.WeaviateAsyncClient is fixasync.WeaviateAsyncClient
    assert fix.models is fixsync.models
    assert {"WeaviateClient", "WeaviateAsyncClient", "connect", "make", "models"} <= set(
        fix.__all__
    )


def test_package_is_lazy(fixture_root: Path) -> None:
    code = (
        "import sys, fixsync; "
        "assert 'fixsync.client' not in sys.modules, sorted(sys.modules); "
        "fixsync.WeaviateClient; assert 'fixsync.client' in sys.modules"
    )
    env = {**os.environ, "PYTHONPATH": f"{fixture_root}{os.pathsep}{REPO}"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_generation_is_deterministic(tmp_path: Path) -> None:
    _write_fixture(tmp_path)
    first, _ = gen_sync.build(tmp_path, "fixasync", "fixsync")
    second, _ = gen_sync.build(tmp_path, "fixasync", "fixsync")
    assert first == second


def test_check_detects_stale_missing_and_extra_files(tmp_path: Path) -> None:
    _write_fixture(tmp_path)
    gen_sync.write(tmp_path, "fixasync", "fixsync")
    assert gen_sync.check(tmp_path, "fixasync", "fixsync") == []
    client = tmp_path / "fixasync" / "client.py"
    client.write_text(client.read_text().replace("async def fail(self)", "async def fail2(self)"))
    (tmp_path / "fixsync" / "extra.py").write_text("x = 1\n")
    (tmp_path / "fixsync" / "models.py").unlink()
    assert gen_sync.check(tmp_path, "fixasync", "fixsync") == [
        "stale: fixsync/client.py",
        "not generated (remove it): fixsync/extra.py",
        "missing: fixsync/models.py",
    ]
    gen_sync.write(tmp_path, "fixasync", "fixsync")
    assert gen_sync.check(tmp_path, "fixasync", "fixsync") == []
    assert not (tmp_path / "fixsync" / "extra.py").exists()


def test_unsupported_result_shape_is_an_error(tmp_path: Path) -> None:
    _write_fixture(tmp_path)
    client = tmp_path / "fixasync" / "client.py"
    client.write_text(
        client.read_text().replace(
            "async def fail(self) -> None:", "async def fail(self) -> tuple[ItemAsync[int], int]:"
        )
    )
    with pytest.raises(gen_sync.GenError, match="cannot wrap a result"):
        gen_sync.generate(tmp_path, "fixasync", "fixsync")


@pytest.mark.source_tree
def test_weaviate_sync_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "gen_sync.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --------------------------------------------------------------------------- generated behaviour


def test_calls_run_on_the_loop_thread(client: Any) -> None:
    assert client.add(1) == 3.0
    assert client.add(1, 2, 3, 4, scale=2.0, x="y") == 21.0
    item = client.item(5)
    assert type(item).__name__ == "Item"
    assert item.get() == 5
    assert item.value == 5  # a public attribute of the base's __init__
    assert item.label == "item 5"
    assert item.where() == DEFAULT_THREAD_NAME
    assert item.thread_name() == threading.current_thread().name  # a plain def: no hop
    assert repr(item) == "<Item 5>"
    assert repr(client) == "<WeaviateClient t>"
    assert client.pick("int") == 1


def test_results_are_wrapped(client: Any, fix: Any) -> None:
    importlib.import_module("fixsync.client")
    assert isinstance(client.item(1).sibling(), fix.client.Item)
    assert client.maybe_item(None) is None
    assert isinstance(client.maybe_item(1), fix.client.Item)
    assert [i.get() for i in client.items(3)] == [0, 1, 2]
    assert client.by_name()["a"].get() == "a"
    assert client.unwrap(client.item(7)) == 7  # a twin argument is unwrapped
    assert type(client.thing()).__name__ == "Thing"


def test_iterators(client: Any) -> None:
    assert list(client.stream(3)) == [0, 1, 2]
    assert list(client) == [0, 1]
    assert [i.get() for i in client.stream_items(2)] == [0, 1]
    for value in client.stream(10):
        if value == 1:
            break
    assert client._impl.log[-1] == "stream closed"  # closed early, on the loop


def test_exceptions_keep_their_traceback(client: Any) -> None:
    with pytest.raises(ValueError, match="boom from the loop") as info:
        client.fail()
    names = [frame.name for frame in traceback.extract_tb(info.value.__traceback__)]
    assert "fail" in names


def test_context_manager_connects_and_closes(fix: Any) -> None:
    with fix.WeaviateClient("cm") as c:
        assert c._impl.connected
        thread = c._loop.thread
        assert thread is not None and thread.is_alive()
    assert not c._impl.connected
    assert not thread.is_alive()


def test_constructor_creates_no_thread(fix: Any) -> None:
    c = fix.WeaviateClient("lazy", retries=1)
    assert c._impl.retries == 1
    assert c._loop.thread is None
    c.close()


def test_module_coroutines(fix: Any) -> None:
    before = {t.ident for t in threading.enumerate()}
    assert fix.make(4) == 8  # runs on a temporary loop thread, closed afterwards
    assert {t.ident for t in threading.enumerate()} == before
    c = fix.connect("owner")
    assert c._impl.connected
    thread = c._loop.thread
    c.close()
    assert not thread.is_alive()


# --------------------------------------------------------------------------- markers, identity


def test_classes_are_twinned_by_their_marker(fixture_root: Path) -> None:
    tree = gen_sync.Tree(fixture_root, "fixasync", "fixsync")
    assert tree.facades == {
        ("fixasync.client", "ItemAsync"): "Item",
        ("fixasync.client", "WeaviateAsyncClient"): "WeaviateClient",
        ("fixasync.features", "CountAsync"): "Count",
        ("fixasync.features", "CursorAsync"): "Cursor",
        ("fixasync.features", "HolderAsync"): "Holder",
        ("fixasync.features", "ToolsAsync"): "Tools",
    }  # _BaseAsync (unmarked) is no twin: its members are inherited by Item
    assert tree.roots == {("fixasync.client", "WeaviateAsyncClient")}


def test_property_results_are_the_same_twin_while_the_object_is(client: Any) -> None:
    assert client.tools is client.tools  # a cached_property of the async client
    assert client.fresh is not client.fresh  # a new async object on each access
    assert client.maybe is None
    client.set_first(1)
    first = client.maybe
    assert first is client.maybe and first.get() == 1
    client.set_first(2)
    assert client.maybe is not first and client.maybe.get() == 2


def test_sync_via_calls_the_plain_method_in_the_callers_thread(
    fixture_root: Path, client: Any
) -> None:
    from fixasync.features import ToolsAsync

    tools = client.tools
    assert tools.record(5, tag="t") == threading.current_thread().name  # no hop
    assert tools._impl.log == ["t5"]
    assert inspect.signature(type(tools).record) == inspect.signature(ToolsAsync.record)
    assert type(tools).record.__doc__ == "Record ``value``: ``tools.record(1)``."
    text = (fixture_root / "fixsync" / "features.py").read_text()
    assert "return self._impl._record_threadsafe(value, tag=tag)" in text


# --------------------------------------------------------------------------- context managers


def test_a_twinned_async_context_manager_enters_and_exits_in_one_task(client: Any) -> None:
    holder = client.tools.holder()
    with holder as held:
        assert held is holder  # __aenter__ returns self: the twin gives itself
        assert held.where() == DEFAULT_THREAD_NAME
    impl = holder._impl
    assert impl.log == ["enter", "exit None"]
    assert impl.tasks[0] is impl.tasks[1]  # anyio would refuse another task anyway


def test_exceptions_of_the_with_block_reach_aexit(client: Any) -> None:
    holder = client.tools.holder()
    with holder:
        raise KeyError("suppressed by __aexit__")
    assert holder._impl.log[-1] == "exit KeyError"

    with pytest.raises(ValueError, match="not suppressed") as info, holder:
        raise ValueError("not suppressed")
    assert holder._impl.log[-1] == "exit ValueError"
    frames = [f.name for f in traceback.extract_tb(info.value.__traceback__)]
    assert frames[-1] == "test_exceptions_of_the_with_block_reach_aexit"  # as raised

    with pytest.raises(RuntimeError, match="the exit failed") as failed, holder:
        raise ZeroDivisionError
    assert isinstance(failed.value.__context__, ZeroDivisionError)
    tasks = holder._impl.tasks
    assert [tasks[i] is tasks[i + 1] for i in range(0, len(tasks), 2)] == [True] * 3


def test_an_asynccontextmanager_method_becomes_a_context_manager(
    fixture_root: Path, client: Any
) -> None:
    tools = client.tools
    with tools.session(3) as cursor:
        assert type(cursor).__name__ == "Cursor"  # the yielded value is wrapped
        assert tools._impl.log[-1] == "session open"
        assert list(cursor) == [1, 2, 3]
    assert tools._impl.log[-1] == "session closed"
    with pytest.raises(Exception) as info, tools.session(1):
        raise ValueError("inside")
    # the session's task group wraps the block's exception in a group, as in async code
    assert [str(e) for e in info.value.exceptions] == ["inside"]  # type: ignore[attr-defined]
    assert tools._impl.log[-1] == "session closed"
    session = tools.session(1)
    with session, pytest.raises(RuntimeError, match="entered already"):
        session.__enter__()
    text = (fixture_root / "fixsync" / "features.py").read_text()
    assert "def session(self, n: int) -> AbstractContextManager[Cursor]:" in text


def test_methods_returning_async_context_managers(client: Any) -> None:
    tools = client.tools
    with tools.opened(4) as value:  # a plain def returning one
        assert value == 4
    with tools.opened_later(5) as value:  # a coroutine returning one
        assert value == 5
    assert tools._impl.log[-4:] == ["open 4", "close 4", "open 5", "close 5"]


# --------------------------------------------------------------------------- iterators


def test_an_async_iterator_class_becomes_an_iterator(client: Any) -> None:
    cursor = client.tools.cursor(3)
    assert next(cursor) == 1
    assert list(cursor) == [2, 3]  # __iter__ continues the same async iterator
    assert cursor.closed  # and closes it at its end
    with pytest.raises(StopIteration):
        next(cursor)
    early = client.tools.cursor(10)
    for i in early:
        if i == 2:
            break
    assert early.closed and early.i == 2  # closed on the loop when left early


def test_an_async_iterator_without_aclose_is_its_own_iterator(client: Any) -> None:
    count = client.tools.count(3)
    assert iter(count) is count
    assert next(count) == 1
    assert list(count) == [1, 2, 3]  # iter() starts it again, as its __aiter__ does
    for _ in range(2):  # exhausted, and stays so
        with pytest.raises(StopIteration):
            next(count)


def test_async_generators_send_and_close(client: Any) -> None:
    tools = client.tools
    echo = tools.echo(1)
    assert next(echo) == 1
    assert echo.send(10) == 10  # sent into the async generator
    assert next(echo) == 11
    echo.close()
    assert tools._impl.log[-1] == "echo closed"
    assert list(tools.numbers(3)) == [0, 1, 2]


# --------------------------------------------------------------------------- callbacks


def test_callbacks_run_in_a_worker_thread_and_may_call_the_client(
    fixture_root: Path, client: Any
) -> None:
    threads: list[str] = []

    def callback(value: int) -> str:
        threads.append(threading.current_thread().name)
        return f"{value}:{client.add(value)}"  # a blocking call from the callback: no deadlock

    assert client.tools.each([1, 2], callback) == ["1:3.0", "2:4.0"]
    assert len(threads) == 2
    assert not {DEFAULT_THREAD_NAME, threading.current_thread().name} & set(threads)
    assert client.tools.maybe(3) == 3
    assert client.tools.maybe(3, lambda v: v * 10) == 30
    text = (fixture_root / "fixsync" / "features.py").read_text()
    assert "def each(self, values: list[int], callback: Callable[[int], str]) -> list[str]:" in text
    assert "def maybe(self, value: int, callback: Callable[..., int] | None = None) -> int:" in text
    assert "Awaitable" not in text and "Coroutine" not in text


# --------------------------------------------------------------------------- what cannot be made


def _variant(tmp_path: Path, module: str, old: str, new: str) -> Path:
    _write_fixture(tmp_path)
    path = tmp_path / "fixasync" / module
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
    return tmp_path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('@sync_via("_record_threadsafe")', '@sync_via("_missing")', "no method _missing"),
        ("    def _record_threadsafe(", "    async def _record_threadsafe(", "a plain def"),
        (
            'def _record_threadsafe(self, value: int, *, tag: str = "")',
            "def _record_threadsafe(self, value: int)",
            "has no parameter 'tag'",
        ),
        (
            "    def holder(self) -> HolderAsync:",
            '    @sync_via("_record_threadsafe")\n    def holder(self) -> HolderAsync:',
            "marks an async def",
        ),
        (
            "callback: Callable[[int], Awaitable[str]]",
            "callback: list[Callable[[int], Awaitable[str]]]",
            r"ToolsAsync\.each: cannot adapt parameter 'callback'",
        ),
        (
            "    def holder(self) -> HolderAsync:",
            "    def hook(self) -> Callable[[], Awaitable[None]]: ...\n\n"
            "    def holder(self) -> HolderAsync:",
            r"ToolsAsync\.hook: cannot adapt a result",
        ),
        (
            "    async def __aexit__(",
            "    async def _aexit(",
            "needs both __aenter__ and __aexit__",
        ),
        (
            "    async def session(self, n: int) -> AsyncIterator[CursorAsync]:",
            "    async def session(self, n: int) -> CursorAsync:",
            "annotate an @asynccontextmanager method",
        ),
        ("@twin\nclass CursorAsync:", '@twin("Cursor")\nclass CursorAsync:', "keyword"),
        ("@twin\nclass CursorAsync:", "@twin\nclass Cursor:", "a name of its own"),
        ("@twin\nclass CursorAsync:", '@twin(name="Tools")\nclass CursorAsync:', "both"),
    ],
)
def test_what_the_generator_cannot_translate_is_an_error(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    root = _variant(tmp_path, "features.py", old, new)
    with pytest.raises(gen_sync.GenError, match=message):
        gen_sync.generate(root, "fixasync", "fixsync")


def test_the_marker_is_found_through_a_module_alias(tmp_path: Path) -> None:
    root = _variant(
        tmp_path,
        "features.py",
        "from weaviate_async._twin import sync_via, twin",
        "from weaviate_async import _twin as markers\nfrom weaviate_async._twin import sync_via",
    )
    path = root / "fixasync" / "features.py"
    path.write_text(path.read_text().replace("@twin\n", "@markers.twin\n"))
    tree = gen_sync.Tree(root, "fixasync", "fixsync")
    assert ("fixasync.features", "HolderAsync") in tree.facades


def test_notes_fail_the_check(tmp_path: Path) -> None:
    root = _variant(tmp_path, "features.py", "self.i: int = 0", "self.i = 0")
    gen_sync.write(root, "fixasync", "fixsync")
    assert gen_sync.check(root, "fixasync", "fixsync") == [
        "note: fixasync.features.CursorAsync: public attribute self.i has no annotation: not "
        "exposed by the twin"
    ]


@pytest.mark.source_tree
def test_the_real_sources_make_no_notes() -> None:
    _, notes = gen_sync.generate()
    assert notes == []


# --------------------------------------------------------------------------- text a sync user reads


@pytest.mark.source_tree
def test_sync_text() -> None:
    tree = gen_sync.Tree(REPO)
    text = (
        "Example:\n"
        "    >>> import weaviate_async as weaviate\n"
        "    >>> async with weaviate.use_async_with_local() as client:\n"
        "    ...     n = await client.collections.use('A').length()\n"
        "    ...     async for o in it:\n"
        "Use it in an ``async with`` block; see :mod:`weaviate_async.classes.config`, "
        ":class:`WeaviateAsyncClient`, :class:`CollectionAsync` (not :mod:`weaviate_async.wire`)."
    )
    assert gen_sync.sync_text(tree, text) == (
        "Example:\n"
        "    >>> import weaviate_sync as weaviate\n"
        "    >>> with weaviate.connect_to_local() as client:\n"
        "    ...     n = client.collections.use('A').length()\n"
        "    ...     for o in it:\n"
        "Use it in an ``with`` block; see :mod:`weaviate_sync.classes.config`, "
        ":class:`WeaviateClient`, :class:`Collection` (not :mod:`weaviate_async.wire`)."
    )


def test_the_not_connected_message_speaks_to_each_caller() -> None:
    import weaviate_async
    import weaviate_sync
    from weaviate_async.connect import ConnectionParams
    from weaviate_async.embedded import EmbeddedOptions

    params = ConnectionParams.from_url("http://127.0.0.1:1", 2)
    sync_client = weaviate_sync.WeaviateClient(connection_params=params)
    try:
        with pytest.raises(weaviate_sync.exceptions.WeaviateClosedClientError) as info:
            sync_client.get_meta()
        assert "call `client.connect()`" in str(info.value)
        assert "await" not in str(info.value)
    finally:
        sync_client.close()

    async def from_async() -> str:
        client = weaviate_async.WeaviateAsyncClient(connection_params=params)
        try:
            await client.get_meta()
        except weaviate_async.exceptions.WeaviateClosedClientError as exc:
            return str(exc)
        return ""

    assert "call `await client.connect()`" in asyncio.run(from_async())

    embedded = weaviate_sync.WeaviateClient(embedded_options=EmbeddedOptions())
    with pytest.raises(weaviate_sync.exceptions.WeaviateClosedClientError) as info:
        embedded.collections  # noqa: B018
    assert "connect the client first" in str(info.value) and "await" not in str(info.value)


# --------------------------------------------------------------------------- LoopThread


@pytest.fixture
def loop_thread() -> Iterator[LoopThread]:
    lt = LoopThread()
    try:
        yield lt
    finally:
        lt.close()


async def _value(x: Any, delay: float = 0.0) -> Any:
    if delay:
        await asyncio.sleep(delay)
    return x


async def _raise() -> None:
    await asyncio.sleep(0)
    raise KeyError("from the coroutine")


def test_run_returns_results(loop_thread: LoopThread) -> None:
    assert loop_thread.run(_value(1)) == 1
    assert loop_thread.run(_value("x", 0.01)) == "x"
    assert loop_thread.thread is not None
    assert loop_thread.thread.name == DEFAULT_THREAD_NAME
    assert loop_thread.thread.daemon


def test_run_raises_with_original_traceback(loop_thread: LoopThread) -> None:
    with pytest.raises(KeyError) as info:
        loop_thread.run(_raise())
    names = [frame.name for frame in traceback.extract_tb(info.value.__traceback__)]
    assert "_raise" in names


def test_many_threads_at_once(loop_thread: LoopThread) -> None:
    errors: list[BaseException] = []
    results: dict[int, list[int]] = {}
    barrier = threading.Barrier(32)

    def work(n: int) -> None:
        try:
            barrier.wait()
            results[n] = [loop_thread.run(_value(n * 1000 + i)) for i in range(50)]
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(32)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    assert results == {n: [n * 1000 + i for i in range(50)] for n in range(32)}


def test_call_while_a_loop_runs_in_the_caller(loop_thread: LoopThread) -> None:
    async def caller() -> tuple[str, str]:
        inner = loop_thread.run(_thread_name())
        return inner, threading.current_thread().name

    inner, outer = asyncio.run(caller())
    assert inner == DEFAULT_THREAD_NAME
    assert outer == threading.current_thread().name


async def _thread_name() -> str:
    return threading.current_thread().name


def test_call_from_the_loop_thread_is_an_error(loop_thread: LoopThread) -> None:
    async def reentrant() -> Any:
        return loop_thread.run(_value(1))

    with pytest.raises(RuntimeError, match="own event-loop thread"):
        loop_thread.run(reentrant())


def test_close_joins_and_is_idempotent() -> None:
    lt = LoopThread(name="weaviate-sync-loop-test-close")
    assert lt.run(_value(1)) == 1
    thread = lt.thread
    assert thread is not None
    lt.close()
    assert not thread.is_alive()
    lt.close()
    assert "weaviate-sync-loop-test-close" not in [t.name for t in threading.enumerate()]
    assert lt.run(_value(2)) == 2  # a later call starts a fresh thread
    lt.close()


def test_close_cancels_what_is_left() -> None:
    lt = LoopThread()
    cancelled = threading.Event()

    async def forever() -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    async def spawn() -> None:
        asyncio.get_running_loop().create_task(forever())
        await asyncio.sleep(0)

    lt.run(spawn())
    lt.close()
    assert cancelled.is_set()


def test_iterate(loop_thread: LoopThread) -> None:
    closed: list[str] = []

    async def gen(n: int) -> AsyncIterator[str]:
        try:
            for i in range(n):
                await asyncio.sleep(0)
                yield threading.current_thread().name + str(i)
        finally:
            closed.append(threading.current_thread().name)

    assert list(loop_thread.iterate(gen(2))) == [
        DEFAULT_THREAD_NAME + "0",
        DEFAULT_THREAD_NAME + "1",
    ]
    for _ in loop_thread.iterate(gen(5)):
        break
    assert closed == [DEFAULT_THREAD_NAME, DEFAULT_THREAD_NAME]


@pytest.fixture
def python_sigint() -> Iterator[None]:
    """Python's own Ctrl-C handler for the test, also when the test run itself started with
    SIGINT ignored (as a background job of a shell without job control starts it)."""
    old = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, old)


@pytest.mark.skipif(threading.current_thread() is not threading.main_thread(), reason="signals")
def test_keyboard_interrupt_cancels_the_task(loop_thread: LoopThread, python_sigint: None) -> None:
    cancelled = threading.Event()

    async def slow() -> None:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    timer = threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        loop_thread.run(slow())
    assert time.monotonic() - start < 5
    assert cancelled.is_set()
    assert loop_thread.run(_value(3)) == 3  # still usable


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_fork_child_gets_a_fresh_loop(loop_thread: LoopThread) -> None:
    parent_ident = loop_thread.run(_ident())
    parent_loop = loop_thread.loop
    pid = os.fork()
    if pid == 0:  # the child: report through the exit status only
        status = 1
        try:
            signal.alarm(20)
            loop_thread.run(_ident())
            ok = loop_thread.run(_value(42)) == 42 and loop_thread.loop is not parent_loop
            ok = ok and loop_thread.thread is not None and loop_thread.thread.is_alive()
            loop_thread.close()
            status = 0 if ok else 2
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert loop_thread.run(_ident()) == parent_ident  # the parent's loop is untouched


async def _ident() -> int:
    return threading.get_ident()


# --------------------------------------------------------------------------- LoopThread: async with


class _Group:
    """An async context manager holding an anyio task group from enter to exit."""

    def __init__(self, enter_delay: float = 0.0, exit_delay: float = 0.0) -> None:
        self.enter_delay = enter_delay
        self.exit_delay = exit_delay
        self.tasks: list[object] = []
        self.seen: list[BaseException | None] = []
        self.child_cancelled = threading.Event()
        self._group: Any = None

    async def _child(self) -> None:
        try:
            await anyio.sleep_forever()
        finally:
            self.child_cancelled.set()

    async def __aenter__(self) -> str:
        group = anyio.create_task_group()
        await group.__aenter__()
        group.start_soon(self._child)
        self._group = group
        self.tasks.append(asyncio.current_task())
        try:
            await asyncio.sleep(self.enter_delay)
        except BaseException:  # cancelled while entering: leave the group, in this task
            group.cancel_scope.cancel()
            await group.__aexit__(None, None, None)
            raise
        return "value"

    async def __aexit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> bool:
        self.tasks.append(asyncio.current_task())
        self.seen.append(exc)
        self._group.cancel_scope.cancel()
        await self._group.__aexit__(None, None, None)
        await asyncio.sleep(self.exit_delay)
        return isinstance(exc, KeyError)


def test_enter_async_holds_one_task_from_enter_to_exit(loop_thread: LoopThread) -> None:
    cm = _Group()
    held = loop_thread.enter_async(cm)
    assert held.value == "value"
    assert not cm.child_cancelled.is_set()  # the task group runs during the block
    assert held.exit(None, None, None) is False
    assert cm.child_cancelled.is_set()
    assert cm.tasks[0] is cm.tasks[1] and cm.seen == [None]
    with loop_thread.context(cm, str.upper) as value:
        assert value == "VALUE"


def test_enter_async_passes_the_blocks_exception(loop_thread: LoopThread) -> None:
    cm = _Group()
    with loop_thread.context(cm):
        raise KeyError("suppressed")
    error = ValueError("kept")
    with pytest.raises(ValueError) as info, loop_thread.context(cm):
        raise error
    assert info.value is error and cm.seen[-1] is error
    assert [t is cm.tasks[0] for t in cm.tasks[:2]] == [True, True]


def test_a_failing_aenter_raises_and_leaves_nothing(loop_thread: LoopThread) -> None:
    class Broken:
        async def __aenter__(self) -> None:
            raise LookupError("cannot enter")

        async def __aexit__(self, *exc: object) -> None:  # pragma: no cover - never entered
            raise AssertionError

    with pytest.raises(LookupError, match="cannot enter"), loop_thread.context(Broken()):
        pass  # pragma: no cover


def test_enter_async_on_the_loop_thread_is_an_error(loop_thread: LoopThread) -> None:
    async def inside() -> None:
        loop_thread.enter_async(_Group())

    with pytest.raises(RuntimeError, match="own event-loop thread"):
        loop_thread.run(inside())


def test_closing_the_loop_inside_the_block_exits_it() -> None:
    lt = LoopThread()
    cm = _Group()
    held = lt.enter_async(cm)
    lt.close()  # cancels the task holding the block: __aexit__ runs then
    assert isinstance(cm.seen[-1], asyncio.CancelledError)
    assert held.exit(None, None, None) is False


@pytest.mark.skipif(threading.current_thread() is not threading.main_thread(), reason="signals")
@pytest.mark.parametrize("phase", ["enter", "exit"])
def test_keyboard_interrupt_while_entering_or_exiting_cancels(
    loop_thread: LoopThread, phase: str, python_sigint: None
) -> None:
    cm = _Group(enter_delay=30 if phase == "enter" else 0, exit_delay=30 if phase == "exit" else 0)
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        if phase == "enter":
            timer.start()
        held = loop_thread.enter_async(cm)
        timer.start()
        held.exit(None, None, None)
    assert time.monotonic() - start < 10
    assert cm.child_cancelled.is_set()  # the task group was left, in its task
    assert loop_thread.run(_value(4)) == 4


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_block_entered_before_a_fork_exits_in_the_child(loop_thread: LoopThread) -> None:
    exits: list[str] = []

    class Plain:
        async def __aenter__(self) -> Plain:
            return self

        async def __aexit__(self, *exc: object) -> None:
            exits.append(threading.current_thread().name)

    held = loop_thread.enter_async(Plain())
    pid = os.fork()
    if pid == 0:  # the child: its task stayed in the parent; exit runs __aexit__ here
        status = 1
        try:
            signal.alarm(20)
            ok = held.exit(None, None, None) is False and exits == [DEFAULT_THREAD_NAME]
            loop_thread.close()
            status = 0 if ok else 2
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert exits == []  # not in the parent, whose block is still open
    assert held.exit(None, None, None) is False and exits == [DEFAULT_THREAD_NAME]


# --------------------------------------------------------------------------- LoopThread: the rest


def test_to_thread_callback_and_where_code_runs(loop_thread: LoopThread) -> None:
    def blocking(x: int, *, y: int = 0) -> tuple[int, str]:
        return x + y, threading.current_thread().name

    wrapped = to_thread_callback(blocking)
    assert wrapped.__name__ == "blocking"
    total, name = loop_thread.run(wrapped(1, y=2))
    assert total == 3 and name not in (DEFAULT_THREAD_NAME, threading.current_thread().name)

    async def report() -> tuple[bool, str]:
        return in_loop_thread(), spelled_call("client.connect()")

    assert loop_thread.run(report()) == (True, "client.connect()")
    assert asyncio.run(report()) == (False, "await client.connect()")


def test_iterate_takes_iterables_and_wraps(loop_thread: LoopThread) -> None:
    class Numbers:
        def __aiter__(self) -> AsyncIterator[int]:
            return self._gen()

        async def _gen(self) -> AsyncIterator[int]:
            for i in range(3):
                yield i

    assert list(loop_thread.iterate(Numbers(), lambda i: i * 2)) == [0, 2, 4]


# --------------------------------------------------------------------------- generated sync tests


ASYNC_TESTS = {
    "conftest.py": """
        from __future__ import annotations

        from collections.abc import Iterator
        from typing import Any

        import pytest

        import fixsync


        @pytest.fixture
        def sync_client() -> Iterator[Any]:
            c = fixsync.connect("t")
            yield c
            c.close()
    """,
    "test_fix.py": '''
        """Async tests of the fixture: ``await client.add(1)``."""

        from __future__ import annotations

        from collections.abc import AsyncIterator

        import asyncio

        import pytest

        import fixasync
        from fixasync.client import ItemAsync, WeaviateAsyncClient
        from fixasync.features import ToolsAsync

        __sync_twin__ = "tests/test_fix_sync_gen.py"


        @pytest.fixture
        async def item(client: WeaviateAsyncClient) -> AsyncIterator[ItemAsync[int]]:
            yield client.item(7)


        async def _numbers(tools: ToolsAsync, n: int) -> list[int]:
            return [i async for i in tools.numbers(n)]


        async def test_calls(client: WeaviateAsyncClient) -> None:
            assert isinstance(client, WeaviateAsyncClient)
            assert await client.add(1) == 3.0  # a comment survives
            async with client.tools.session(2) as cursor:
                seen = [i async for i in cursor]
            assert seen == [1, 2]
            async for i in client.stream(2):
                assert i in (0, 1)
            assert await _numbers(client.tools, 3) == [0, 1, 2]


        async def test_item(item: ItemAsync[int]) -> None:
            assert await item.get() == 7


        @pytest.fixture
        async def own_client() -> AsyncIterator[WeaviateAsyncClient]:
            async with fixasync.use_async_with_local("own") as c:
                yield c


        async def test_own(own_client: WeaviateAsyncClient) -> None:
            assert await own_client.add(0) == 2.0  # the module's own fixture keeps its name


        @pytest.mark.asyncio
        async def test_connect() -> None:
            async with fixasync.use_async_with_local("w") as c:
                assert (await c.add(2)) == 4.0
                assert type(c) is fixasync.WeaviateAsyncClient


        def test_sync_already(sync_client: object) -> None:
            assert asyncio.run(asyncio.sleep(0, sync_client))  # left out: asyncio is fine here
    ''',
}


def _write_tests(root: Path) -> None:
    (root / "tests").mkdir(exist_ok=True)
    for name, text in ASYNC_TESTS.items():
        (root / "tests" / name).write_text(textwrap.dedent(text).lstrip())


def test_sync_tests_are_generated_from_async_ones(tmp_path: Path) -> None:
    _write_fixture(tmp_path)
    _write_tests(tmp_path)
    gen_sync.write(tmp_path, "fixasync", "fixsync")
    text = (tmp_path / "tests" / "test_fix_sync_gen.py").read_text()
    assert text.startswith(
        "# Generated by tools/gen_sync.py from tests/test_fix.py: do not edit.\n"
    )
    for line in [
        '"""Async tests of the fixture: ``client.add(1)``."""',
        "from collections.abc import Iterator",
        "import fixsync",
        "from fixsync.client import Item, WeaviateClient",
        "def item(sync_client: WeaviateClient) -> Iterator[Item[int]]:",
        "    yield sync_client.item(7)",
        "def _numbers(tools: Tools, n: int) -> list[int]:",
        "    return [i for i in tools.numbers(n)]",
        "def test_calls(sync_client: WeaviateClient) -> None:",
        "    assert sync_client.add(1) == 3.0  # a comment survives",
        "    with sync_client.tools.session(2) as cursor:",
        "    for i in sync_client.stream(2):",
        "    assert _numbers(sync_client.tools, 3) == [0, 1, 2]",
        "def test_connect() -> None:",
        '    with fixsync.connect_to_local("w") as c:',
        "        assert (c.add(2)) == 4.0",
        "        assert type(c) is fixsync.WeaviateClient",
        "def own_client() -> Iterator[WeaviateClient]:",
        "def test_own(own_client: WeaviateClient) -> None:",
    ]:
        assert line in text.splitlines(), line
    assert "async " not in text and "await " not in text and "asyncio" not in text
    assert "__sync_twin__" not in text and "test_sync_already" not in text
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{REPO}"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_fix_sync_gen.py",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout


def test_check_covers_generated_tests(tmp_path: Path) -> None:
    _write_fixture(tmp_path)
    _write_tests(tmp_path)
    gen_sync.write(tmp_path, "fixasync", "fixsync")
    assert gen_sync.check(tmp_path, "fixasync", "fixsync") == []
    source = tmp_path / "tests" / "test_fix.py"
    source.write_text(source.read_text().replace("== 3.0", "== 3"))
    assert gen_sync.check(tmp_path, "fixasync", "fixsync") == ["stale: tests/test_fix_sync_gen.py"]
    source.write_text(source.read_text().replace("__sync_twin__ = ", "_no_twin = "))
    assert gen_sync.check(tmp_path, "fixasync", "fixsync") == [
        "not generated (remove it): tests/test_fix_sync_gen.py"
    ]
    gen_sync.write(tmp_path, "fixasync", "fixsync")
    assert not (tmp_path / "tests" / "test_fix_sync_gen.py").exists()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("import pytest\n", "import pytest\n", "uses asyncio"),
        ('"tests/test_fix_sync_gen.py"', '"elsewhere.py"', "names the generated file"),
    ],
)
def test_what_a_generated_test_cannot_hold(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    _write_fixture(tmp_path)
    _write_tests(tmp_path)
    path = tmp_path / "tests" / "test_fix.py"
    text = path.read_text()
    if old == "import pytest\n":  # asyncio in a test that is translated
        new += "\n\nasync def test_sleep() -> None:\n    await asyncio.sleep(0)\n"
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(gen_sync.GenError, match=message):
        gen_sync.generate(tmp_path, "fixasync", "fixsync")


def test_every_generated_module_imports_on_its_own() -> None:
    """Twin modules import each other: no order of first import may hit a cycle."""
    code = textwrap.dedent(
        """
        import importlib, pathlib, sys
        names = sorted(
            ".".join(p.with_suffix("").parts[:-1] if p.name == "__init__.py" else p.with_suffix("").parts)
            for p in pathlib.Path("weaviate_sync").rglob("*.py")
        )
        for name in names:
            for loaded in [m for m in sys.modules if m.split(".")[0] == "weaviate_sync"]:
                del sys.modules[loaded]
            module = importlib.import_module(name)
            for attr in getattr(module, "__all__", []):
                getattr(module, attr)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO, env=env)
