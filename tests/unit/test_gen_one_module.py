"""The one-module generators (``tools/gen_exceptions.py``, ``gen_connect.py``,
``gen_integrations.py``, ``gen_auth.py``): their modules are current, and a table row becomes
the code it describes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
TOOLS = ["gen_exceptions.py", "gen_connect.py", "gen_integrations.py", "gen_auth.py"]


def _import(name: str) -> Any:
    sys.path.insert(0, str(REPO / "tools"))
    try:
        return __import__(name)
    finally:
        sys.path.remove(str(REPO / "tools"))


@pytest.mark.source_tree
@pytest.mark.parametrize("tool", TOOLS)
def test_generated_module_is_up_to_date(tool: str) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / tool), "--check"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.source_tree
def test_an_exception_row_becomes_a_class_forwarding_the_context() -> None:
    tool = _import("gen_exceptions")
    from factory_tables.exceptions import Exc

    row = Exc(
        "ThingError",
        "WeaviateBaseError",
        "A thing failed.",
        params="thing: str",
        context=True,
        before={"thing": "thing"},
        call='f"the {thing} failed", {ctx}',
        props=("error",),
    )
    code = tool._class(row)
    assert "class ThingError(WeaviateBaseError):" in code
    assert "def __init__(self, thing: str, *, operation: str | None = None," in code
    assert "self.thing = thing\n" in code
    assert 'super().__init__(f"the {thing} failed", operation=operation, target=target,' in code
    assert "def error(self) -> Any:" in code


@pytest.mark.source_tree
def test_a_credentials_row_becomes_a_class_and_its_factory() -> None:
    tool = _import("gen_auth")
    from factory_tables.auth import Field, Kind

    kind = Kind(
        "_Token",
        "",
        "A token.",
        "AuthToken",
        (Field("token", "str", check=True, secret=True), Field("ttl", "int", 5)),
        "token",
        "A token.",
    )
    assert (
        "    token: str = attrs.field(validator=nonempty('token'), repr=secret_repr)\n"
        "    ttl: int = 5"
    ) in tool._class(kind)
    factory = tool._factory(kind)
    assert "def token(token: str, ttl: int = 5) -> _Token:" in factory
    assert "return _Token(token=token, ttl=ttl)" in factory
