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

import pytest

from weaviate_async._loop_thread import DEFAULT_THREAD_NAME, LoopThread

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
                 "make": "fixasync.client"}
        _SUBMODULES = frozenset({"models"})
        __all__ = [*sorted(_LAZY), *sorted(_SUBMODULES)]

        if TYPE_CHECKING:
            from fixasync import models
            from fixasync.client import WeaviateAsyncClient, connect, make


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
    "client.py": '''
        """A client with every kind of member the generator converts."""

        from __future__ import annotations

        import threading
        from collections.abc import AsyncIterator
        from types import TracebackType
        from typing import Generic, Literal, TypeVar, overload

        from fixasync.models import Thing

        __all__ = ["ItemAsync", "WeaviateAsyncClient", "connect", "make"]

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


        class WeaviateAsyncClient:
            """The root: ``async with WeaviateAsyncClient() as c: await c.add(1)``."""

            def __init__(self, name: str = "x", *, retries: int = 3) -> None:
                """Nothing loop-bound here."""
                self.name = name
                self.retries = retries
                self.connected = False
                self.log: list[str] = []

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
    assert files == ["fixsync/__init__.py", "fixsync/client.py", "fixsync/models.py"]
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


@pytest.mark.skipif(threading.current_thread() is not threading.main_thread(), reason="signals")
def test_keyboard_interrupt_cancels_the_task(loop_thread: LoopThread) -> None:
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
