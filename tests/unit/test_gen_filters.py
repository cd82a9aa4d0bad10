"""tools/gen_filters.py: the generated query-argument modules are current, and a table class
becomes the class it describes (fields, Attributes section, methods of each kind)."""

from __future__ import annotations

import importlib.util
import inspect
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
TOOL = REPO / "tools" / "gen_filters.py"


def _tool() -> Any:
    spec = importlib.util.spec_from_file_location("gen_filters", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_filters"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.source_tree
def test_generated_modules_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL), "--check"], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.source_tree
def test_a_table_class_becomes_a_class_with_its_attributes_and_methods() -> None:
    tool = _tool()
    from factory_tables.surface import Cls, Field, Method

    cls = Cls(
        "_X",
        "Doc.",
        bases="_Base",
        decorator="@attrs.frozen",
        fields=[Field("b", "str"), Field("a", "int", "1", "the a.")],
        methods=[
            Method("one", "v: int", "int", "One.", "return v", "static"),
            Method("two", "", "str", "Two.", "return self.b"),
            Method("three", "", "_X", "", "return cls()", "class"),
        ],
    )
    code = tool._class(cls)
    namespace: dict[str, Any] = {}
    exec("import attrs\nclass _Base: pass\n" + code, namespace)
    made = namespace["_X"]
    assert made.__doc__.split("\n")[0] == "Doc."
    assert "Attributes:\n    a: the a." in inspect.cleandoc(made.__doc__ or "")
    assert "b:" not in made.__doc__  # a field without docs is not listed
    assert made.one(3) == 3
    assert made(b="x").two() == "x"
    assert made(b="y").a == 1
    assert isinstance(vars(made)["three"], classmethod)


@pytest.mark.source_tree
def test_filter_operators_come_from_one_table() -> None:
    sys.path.insert(0, str(REPO / "tools"))
    from factory_tables import filters

    methods = filters.operators(
        "val: int", "vals: list[int]", "f({op}, {arg})", {"equal": "E.", "contains_any": "C."}
    )
    assert [(m.name, m.params, m.body) for m in methods] == [
        ("equal", "val: int", "return f(_Operator.EQUAL, val)"),
        ("contains_any", "vals: list[int]", "return f(_Operator.CONTAINS_ANY, vals)"),
    ]
