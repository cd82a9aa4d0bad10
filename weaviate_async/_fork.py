"""The package's one record of ``os.fork()``: a generation number bumped in every forked child.

Whatever cannot cross a fork (a loop thread, sockets, event-loop objects, grpcio's core) notes
the generation it was made in (:func:`generation`) and compares on use (:func:`forked_since`):
a difference means the code now runs in a child of the process that made it, where it must be
made afresh. What the child inherited is kept alive and never touched (:func:`abandon`), since
closing it would act on file descriptors and selectors it shares with the parent.

Modules that hold state to replace in the child (a lock another thread may have held at the
moment of the fork) register a hook with :func:`on_fork_in_child`; hooks run in the child, in
the order registered, after the generation is bumped. This module imports nothing from the
package, so every layer can use it.

Examples:
    >>> made_in = generation()
    >>> ...
    >>> if forked_since(made_in):
    ...     rebuild()
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

__all__ = ["abandon", "forked_since", "generation", "on_fork_in_child"]

_F = TypeVar("_F", bound=Callable[[], None])

_generation = 0
_hooks: list[Callable[[], None]] = []
_abandoned: list[object] = []
_pinned = False


def generation() -> int:
    """The current fork generation: 0 in the process that imported the package, one more in
    each forked child (a grandchild counts two)."""
    return _generation


def forked_since(made_in: int) -> bool:
    """Whether this process is a forked child of the one where ``generation()`` was
    ``made_in``."""
    return made_in != _generation


def on_fork_in_child(hook: _F) -> _F:
    """Run ``hook()`` in every forked child, after the generation is bumped (usable as a
    decorator). The hook runs in the child's only thread, before ``os.fork()`` returns there: it
    should only reset module state (no I/O, no locks the parent may hold)."""
    _hooks.append(hook)
    return hook


def abandon(*inherited: object) -> None:
    """Keep objects inherited from the parent alive for the child's lifetime without touching
    them: closing (or collecting) them would close sockets and selectors the parent still uses.

    They outlive the interpreter's own shutdown too: collected at exit, their finalizers would
    report them as left unclosed (aiohttp's "Unclosed client session", grpclib's "Unclosed
    connection") in the log of every child that exits normally, as gunicorn workers do."""
    global _pinned
    if not _pinned:
        _pinned = _pin_forever(_abandoned)
    _abandoned.extend(inherited)


def _pin_forever(obj: object) -> bool:
    """Give ``obj`` one reference nobody owns, so that it is never deallocated, not even while
    the interpreter clears its modules at exit (a module-level reference alone is dropped
    then). Returns whether that worked (CPython)."""
    try:
        import ctypes

        ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))
    except (ImportError, AttributeError, OSError):  # another implementation: best effort
        return False
    return True


def _after_fork_in_child() -> None:
    global _generation
    _generation += 1
    for hook in _hooks:
        hook()


if hasattr(os, "register_at_fork"):  # POSIX; a platform without fork never needs the record
    os.register_at_fork(after_in_child=_after_fork_in_child)
