"""``weaviate_async._fork``: the one record of forks that the loop thread, the connection and
the grpcio channel consult."""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable

import pytest

from weaviate_async import _fork

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def _in_child(report: Callable[[], object]) -> str:
    """Fork; run ``report()`` in the child and return the text it wrote back."""
    read, write = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads (Python 3.12+)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.write(write, str(report()).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        text = pipe.read()
    os.waitpid(pid, 0)
    return text


def test_the_child_sees_a_new_generation_and_the_parent_does_not() -> None:
    made_in = _fork.generation()
    child = _in_child(lambda: (_fork.generation() - made_in, _fork.forked_since(made_in)))
    assert child == "(1, True)"
    assert _fork.generation() == made_in
    assert not _fork.forked_since(made_in)


def test_hooks_run_in_the_child_only_after_the_bump() -> None:
    seen: list[int] = []
    _fork.on_fork_in_child(lambda: seen.append(_fork.generation()))
    try:
        before = _fork.generation()
        child = _in_child(lambda: seen == [before + 1])
        assert child == "True"
        assert seen == []
    finally:
        _fork._hooks.pop()


def test_the_loop_thread_restarts_in_a_child() -> None:
    from weaviate_async._loop_thread import LoopThread

    async def pid() -> int:
        return os.getpid()

    thread = LoopThread()
    try:
        assert thread.run(pid()) == os.getpid()

        def in_child() -> tuple[bool, bool]:
            stale = not thread.is_running  # the parent's loop thread did not cross the fork
            return stale, thread.run(pid()) == os.getpid() and thread.is_running

        assert _in_child(in_child) == "(True, True)"
        assert thread.is_running
    finally:
        thread.close()


def test_grpcio_is_refused_in_a_child_of_a_process_that_started_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("grpc")
    from weaviate_async.connect import grpcio_channel
    from weaviate_async.connect.params import TLSConfig
    from weaviate_async.exceptions import WeaviateInvalidInputError

    monkeypatch.setattr(grpcio_channel, "_started_in", _fork.generation())
    grpcio_channel.check_usable(secure=False, tls=TLSConfig())  # this process started it

    def in_child() -> str:
        try:
            grpcio_channel.check_usable(secure=False, tls=TLSConfig())
        except WeaviateInvalidInputError as exc:
            return str(exc.field)
        return "accepted"

    assert _in_child(in_child) == "grpc_transport"


def test_abandoned_objects_are_never_finalized_not_even_at_exit() -> None:
    """What a child abandons is not collected when its interpreter shuts down, so finalizers
    that would report it unclosed (aiohttp, grpclib) stay silent."""
    import subprocess
    import sys

    script = (
        "import os, sys, types\n"
        "from weaviate_async import _fork\n"
        "class Reported:\n"
        "    def __init__(self, name):\n"
        "        self.name = name\n"
        "    def __del__(self, write=os.write):\n"
        "        write(1, f'finalized {self.name}\\n'.encode())\n"
        "_fork.abandon(Reported('abandoned'))\n"
        "held = types.ModuleType('held')\n"
        "sys.modules['held'] = held\n"
        "held.kept = [Reported('kept')]\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    # The control object is finalized at exit; the abandoned one is not.
    assert done.stdout.splitlines() == ["finalized kept"]
