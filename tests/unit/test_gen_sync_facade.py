"""tools/gensync/facade.py: the twin of each kind of member, from small async snippets."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.unit.gen_sync_snippets import body_of, gensync, translate


def _twin_class(tmp_path: Path, members: str) -> str:
    body = '@twin\nclass ThingAsync:\n    """A thing."""\n\n' + textwrap.indent(
        textwrap.dedent(members).lstrip(), "    "
    )
    text, notes = translate(tmp_path, body)
    assert notes == []
    return body_of(text)


def _members(text: str) -> str:
    """The twin's members after its constructor."""
    return text.split("    def __init__(", 1)[1].split("\n\n", 1)[1]


def test_a_coroutine_becomes_a_blocking_method_with_one_hop(tmp_path: Path) -> None:
    out = _twin_class(
        tmp_path,
        '''
        async def size(self, extra: int = 1, *, flag: bool = False) -> int:
            """The size: ``await thing.size()``."""
            return extra
        ''',
    )
    assert out.startswith(
        'class Thing:\n    """A thing."""\n\n    __slots__ = ("_impl", "_loop")\n'
    )
    assert "def __init__(self, impl: ThingAsync, loop: LoopThread) -> None:" in out
    assert _members(out) == (
        "    def size(self, extra: int = 1, *, flag: bool = False) -> int:\n"
        '        """The size: ``thing.size()``."""\n'
        "        return self._loop.run(self._impl.size(extra, flag=flag))\n"
    )


def test_an_async_iterator_becomes_an_iterator(tmp_path: Path) -> None:
    out = _members(
        _twin_class(
            tmp_path,
            '''
            async def items(self) -> AsyncIterator[int]:
                """Every item."""
                yield 1
            ''',
        )
    )
    assert "    def items(self) -> Iterator[int]:\n" in out
    assert "return self._loop.iterate(self._impl.items())" in out


def test_a_facade_result_is_wrapped_in_its_twin(tmp_path: Path) -> None:
    out = _members(
        _twin_class(
            tmp_path,
            '''
            async def child(self) -> ThingAsync:
                """Another."""
                return ThingAsync()

            async def maybe(self) -> ThingAsync | None:
                """Perhaps another."""
                return None
            ''',
        )
    )
    assert "    def child(self) -> Thing:\n" in out
    assert "return Thing(self._loop.run(self._impl.child()), self._loop)" in out
    assert "    def maybe(self) -> Thing | None:\n" in out


def test_an_async_callback_parameter_takes_a_blocking_callable(tmp_path: Path) -> None:
    out = _members(
        _twin_class(
            tmp_path,
            '''
            async def on(self, callback: Callable[[int], Awaitable[None]]) -> None:
                """Register a callback."""
            ''',
        )
    )
    assert "    def on(self, callback: Callable[[int], None]) -> None:\n" in out
    assert "self._impl.on(to_thread_callback(callback))" in out


def test_plain_methods_pass_through_and_private_ones_are_not_copied(tmp_path: Path) -> None:
    out = _members(
        _twin_class(
            tmp_path,
            '''
            def plain(self) -> str:
                """No hop."""
                return "x"

            async def _hidden(self) -> None:
                pass
            ''',
        )
    )
    assert "return self._impl.plain()" in out
    assert "_hidden" not in out


def test_sync_via_calls_the_thread_safe_method_without_a_hop(tmp_path: Path) -> None:
    out = _members(
        _twin_class(
            tmp_path,
            '''
            @sync_via("fetch_threadsafe")
            async def fetch(self, key: str) -> str:
                """Fetch."""
                return key

            def fetch_threadsafe(self, key: str) -> str:
                """Fetch from any thread."""
                return key
            ''',
        )
    )
    assert "    def fetch(self, key: str) -> str:\n" in out
    assert "return self._impl.fetch_threadsafe(key)" in out


def test_an_async_context_manager_becomes_a_context_manager(tmp_path: Path) -> None:
    out = _members(
        _twin_class(
            tmp_path,
            """
            async def __aenter__(self) -> ThingAsync:
                return self

            async def __aexit__(self, *exc: object) -> None:
                return None
            """,
        )
    )
    assert "    def __enter__(self) -> Thing:\n" in out
    assert "    def __exit__(self, *exc: object) -> None:\n" in out
    assert "self._entered.pop().exit(*exc)" in out
    assert "__aenter__" not in out


def test_an_untranslatable_nesting_is_an_error(tmp_path: Path) -> None:
    try:
        translate(
            tmp_path,
            '''
            @twin
            class ThingAsync:
                """A thing."""

                async def nested(self) -> list[AsyncIterator[int]]:
                    """Iterators in a list: nothing can adapt them."""
                    return []
            ''',
        )
    except gensync.GenError as exc:
        assert "nested" in str(exc) or "AsyncIterator" in str(exc)
    else:
        raise AssertionError("no GenError")


def test_a_module_without_facades_is_a_re_export(tmp_path: Path) -> None:
    text, notes = translate(tmp_path, '__all__ = ["VALUE"]\n\nVALUE = 1\n')
    assert notes == []
    assert "from snipasync.mod import VALUE" in text
    assert '__all__ = ["VALUE"]' in text
