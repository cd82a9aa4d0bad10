"""What the reliability campaigns (cancellation, load) measure about this process, read from
/proc and the interpreter rather than from the client's internals: open file descriptors,
sockets to given ports, threads, tasks, resident memory; and percentiles of latencies."""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence


def open_fds() -> int:
    """How many file descriptors this process holds open."""
    return len(os.listdir("/proc/self/fd"))


def _socket_inodes() -> set[str]:
    out = set()
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.startswith("socket:["):
                out.add(target[8:-1])
    return out


def connections_to(ports: Iterable[int]) -> int:
    """This process's open TCP sockets whose remote port is one of ``ports`` (/proc/net/tcp*):
    the connections a client keeps to a server, whatever its pools say."""
    wanted, mine = set(ports), _socket_inodes()
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                lines = f.readlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            remote_port = int(fields[2].rsplit(":", 1)[1], 16)
            # state 0A is LISTEN: never a client's connection
            if remote_port in wanted and fields[3] != "0A" and fields[9] in mine:
                count += 1
    return count


def rss_bytes() -> int:
    """This process's resident set size."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE")


def new_threads(before: set[threading.Thread]) -> list[str]:
    """The names of live threads that were not running in ``before``."""
    return [t.name for t in threading.enumerate() if t not in before and t.is_alive()]


async def settled(condition: Callable[[], bool], seconds: float) -> bool:
    """Poll ``condition`` until it holds or ``seconds`` passed (what closes in the background,
    a socket or a task, gets its moment); whether it held."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


def settled_blocking(condition: Callable[[], bool], seconds: float) -> bool:
    """:func:`settled` for a thread without an event loop."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def percentiles(samples: Sequence[float]) -> dict[str, float]:
    """p50, p90, p99 and max of ``samples`` (nearest rank), in the samples' unit."""
    ordered = sorted(samples)
    if not ordered:
        return {"p50": 0.0, "p90": 0.0, "p99": 0.0, "max": 0.0}

    def rank(p: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, round(p * len(ordered)) - 1))]

    return {"p50": rank(0.50), "p90": rank(0.90), "p99": rank(0.99), "max": ordered[-1]}


def growth(samples: Sequence[float]) -> tuple[float, float]:
    """The mean of the first third and of the last third of ``samples``."""
    third = max(1, len(samples) // 3)
    first, last = samples[:third], samples[-third:]
    return sum(first) / len(first), sum(last) / len(last)
