"""The pure parts of the Ray writer benchmark: its /proc readings and its table."""

from __future__ import annotations

import os
import resource
import time

import pytest

from benchmarks.ray_io import COLUMNS, derive, host_cpu_ticks, markdown_table, proc_cpu_seconds


def _burn(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_proc_cpu_seconds_of_this_process_follows_getrusage() -> None:
    def rusage() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    first = proc_cpu_seconds(os.getpid())
    assert first is not None
    # /proc counts in clock ticks: the two clocks agree to a few ticks
    assert abs(first - rusage()) < 0.1
    _burn(0.3)
    second = proc_cpu_seconds(os.getpid())
    assert second is not None
    assert second - first >= 0.2


def test_proc_cpu_seconds_of_a_missing_process_is_none() -> None:
    with open("/proc/sys/kernel/pid_max") as handle:
        beyond = int(handle.read()) + 1
    assert proc_cpu_seconds(beyond) is None


def test_host_cpu_ticks_grow_while_busy() -> None:
    before = host_cpu_ticks()
    _burn(0.2)
    after = host_cpu_ticks()
    assert before is not None and after is not None
    assert 0 <= before[0] <= before[1]
    assert after[0] > before[0] and after[1] > before[1]


def _raw(**over: object) -> dict[str, object]:
    raw: dict[str, object] = {
        "workers": 2,
        "rows": 20_000,
        "seconds": 4.0,
        "client_cpu_s": 2.0,
        "server_cpu_s": 6.0,
        "host_busy": 0.875,
    }
    raw.update(over)
    return raw


def test_derive_rates_and_shares() -> None:
    run = derive(_raw())
    assert run["rows_per_s"] == 5_000
    assert run["client_cores"] == 0.5
    assert run["server_cores"] == 1.5
    assert run["server_cpu_per_10k"] == pytest.approx(3.0)


def test_derive_without_server_reading() -> None:
    run = derive(_raw(server_cpu_s=None))
    assert run["server_cores"] is None and run["server_cpu_per_10k"] is None


def test_markdown_table_rows_and_cells() -> None:
    table = markdown_table([derive(_raw()), derive(_raw(workers=4, server_cpu_s=None))])
    lines = table.splitlines()
    assert len(lines) == 4
    assert lines[0] == "| " + " | ".join(title for _, title in COLUMNS) + " |"
    assert lines[1].count("---:") == len(COLUMNS)
    assert lines[2] == "| 2 | 20,000 | 4.00 | 5,000 | 0.50 | 1.50 | 3.00 | 88% |"
    assert lines[3] == "| 4 | 20,000 | 4.00 | 5,000 | 0.50 | n/a | n/a | 88% |"
