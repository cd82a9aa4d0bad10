"""pyarrow, imported when a file is first read or written (the ``io`` extra)."""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["arrow"]

_HINT = 'reading and writing files needs pyarrow: pip install "weaviate-async[io]"'


def arrow(submodule: str = "") -> ModuleType:
    """``pyarrow`` (or ``pyarrow.<submodule>``), with an install hint when it is missing."""
    name = f"pyarrow.{submodule}" if submodule else "pyarrow"
    try:
        return importlib.import_module(name)
    except ImportError as exc:  # the extra is optional: say which one brings it
        raise ImportError(_HINT) from exc
