"""Helpers of the generator's translation tests: a one-module async package (and optionally an
async test module) written from a snippet, translated by ``tools/gensync``."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO / "tools") not in sys.path:
    sys.path.insert(0, str(REPO / "tools"))

import gensync  # noqa: E402

PACKAGE = "snipasync"
TARGET = "snipsync"

HEAD = '''\
"""A module."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager

from weaviate_async._twin import sync_via, twin

'''


def write_package(root: Path, body: str) -> None:
    """``snipasync/mod.py``: the common imports, then ``body``."""
    pkg = root / PACKAGE
    pkg.mkdir(parents=True, exist_ok=True)
    (pkg / "__init__.py").write_text('"""Snippet package."""\n')
    (pkg / "mod.py").write_text(HEAD + textwrap.dedent(body).lstrip())


def translate(root: Path, body: str) -> tuple[str, list[str]]:
    """The formatted twin of ``body`` (``snipsync/mod.py``) and the generator's notes."""
    write_package(root, body)
    files, notes = gensync.build(root, PACKAGE, TARGET)
    return files[f"{TARGET}/mod.py"], notes


def twin_test(root: Path, source: str, body: str = "class ThingAsync:\n    pass\n") -> str:
    """The blocking twin of the async test module ``source``
    (``tests/integration/test_snip.py``, which names its twin itself)."""
    write_package(root, body)
    tests = root / "tests" / "integration"
    tests.mkdir(parents=True, exist_ok=True)
    (tests / "test_snip.py").write_text(textwrap.dedent(source).lstrip())
    files, _ = gensync.build(root, PACKAGE, TARGET)
    return files["tests/integration/test_snip_sync_gen.py"]


def body_of(text: str) -> str:
    """``text`` from its first ``class`` or ``def`` on (without header and imports)."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith(("class ", "def ", "@")):
            return "".join(lines[i:])
    return ""
