"""Packaging facts that hold in the source tree and in the sdist: one version number, a changelog
entry for it, the classifiers matching requires-python, the type markers, the license."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import weaviate_async
import weaviate_sync

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]


def _pyproject() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)


def test_one_version_number() -> None:
    version = weaviate_async.__version__
    assert re.fullmatch(r"\d+\.\d+\.\d+((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?", version), version
    assert weaviate_sync.__version__ == version
    project = _pyproject()
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "weaviate_async/__init__.py"


def test_the_changelog_has_an_entry_for_the_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\]", text, re.MULTILINE)
    assert headings[0] == "Unreleased"
    assert weaviate_async.__version__ in headings


def test_classifiers_match_requires_python() -> None:
    project = _pyproject()["project"]
    low = re.fullmatch(r">=3\.(\d+)", project["requires-python"])
    assert low is not None
    minors = {
        int(c.rsplit(".", 1)[1])
        for c in project["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    }
    assert minors == set(range(int(low.group(1)), max(minors) + 1))
    assert min(minors) == int(low.group(1)) and max(minors) >= 13
    assert "Typing :: Typed" in project["classifiers"]
    # PyPI refuses a license classifier beside a license expression (PEP 639).
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]
    assert project["license"] == "BSD-3-Clause"
    assert (ROOT / "LICENSE").is_file()
    assert "BSD 3-Clause" in (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_both_packages_carry_py_typed() -> None:
    for module in (weaviate_async, weaviate_sync):
        assert (Path(module.__file__ or "").parent / "py.typed").is_file(), module.__name__
