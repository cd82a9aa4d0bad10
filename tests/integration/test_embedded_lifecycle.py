"""No weaviate-server process outlives what started it: normal stop, Ctrl-C, a killed parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from weaviate_async.embedded import EmbeddedServer

ROOT = Path(__file__).resolve().parents[2]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in ("Z", "X")


def _wait_dead(pid: int, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.1)
    return False


def _spawn(script: str, tmp_path: Path) -> tuple[subprocess.Popen[str], int]:
    path = tmp_path / "child.py"
    path.write_text(textwrap.dedent(script))
    proc = subprocess.Popen(
        [sys.executable, "-u", str(path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("PID "):
            return proc, int(line.split()[1])
    raise AssertionError(f"child exited early with {proc.wait()}")


def test_stop_ends_the_process_and_removes_temp_data() -> None:
    srv = EmbeddedServer().start()
    pid, data = srv.pid, srv.data_path
    assert pid is not None and data is not None and data.exists()
    srv.stop()
    srv.stop()
    assert not _alive(pid)
    assert not data.exists()


def test_ctrl_c_in_pytest_leaves_no_server(tmp_path: Path) -> None:
    test_file = tmp_path / "test_inner.py"
    test_file.write_text(
        textwrap.dedent(
            """
            import time
            from tests.conftest import server  # noqa: F401  (the real session fixture)

            def test_wait(server):
                print("PID", server.pid, flush=True)
                time.sleep(120)
            """
        )
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-s", "-q", "-p", "no:cacheprovider", str(test_file)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
        # Ctrl-C as a terminal delivers it, also when this run started with SIGINT ignored (a
        # background job of a shell without job control), which the child would inherit.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdout is not None
    pid = None
    for line in proc.stdout:
        if line.startswith("PID "):
            pid = int(line.split()[1])
            break
    assert pid is not None and _alive(pid)
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=60)
    assert _wait_dead(pid), "weaviate-server survived Ctrl-C of the test run"


def test_killed_parent_takes_the_server_down(tmp_path: Path) -> None:
    proc, pid = _spawn(
        """
        import time
        from weaviate_async.embedded import EmbeddedServer
        srv = EmbeddedServer().start()
        print("PID", srv.pid, flush=True)
        time.sleep(120)
        """,
        tmp_path,
    )
    assert _alive(pid)
    proc.kill()
    proc.wait()
    assert _wait_dead(pid), "weaviate-server survived SIGKILL of its parent"


def test_sigterm_of_a_script_stops_its_server(tmp_path: Path) -> None:
    proc, pid = _spawn(
        """
        import signal, sys, time
        from weaviate_async.embedded import EmbeddedServer
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        srv = EmbeddedServer().start()
        print("PID", srv.pid, flush=True)
        time.sleep(120)
        """,
        tmp_path,
    )
    proc.terminate()
    assert proc.wait(timeout=60) == 0
    assert _wait_dead(pid)
