"""tools/gen_index.py: the generated index builders are current, a table row becomes the field
and check it describes, and the index enums sit below the modules that use them (no circle)."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
TOOL = REPO / "tools" / "gen_index.py"
CLASSES = REPO / "weaviate_async" / "classes"

pytestmark = pytest.mark.source_tree


def _tool() -> Any:
    spec = importlib.util.spec_from_file_location("gen_index", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_index"] = module
    spec.loader.exec_module(module)
    return module


def test_generated_index_builders_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL), "--check"], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_option_row_becomes_its_field_and_check() -> None:
    tool = _tool()
    from factory_tables.index import B, Opt

    builder = B(
        "_X",
        "_Base",
        "Doc.",
        ["ef", "distance_metric", "quantizer"],
        ["ef", "_other(self)"],
        over={"quantizer": Opt("_Q | None", "=_quantizer_key", order=-1)},
    )
    # before formatting: ruff turns the quotes around
    assert tool._field(builder, "ef") == "ef: int | None = keyed('ef')"
    assert tool._field(builder, "quantizer") == (
        "quantizer: _Q | None = keyed(_quantizer_key, order=-1)"
    )
    assert "converter=_distance_metric" in tool._field(builder, "distance_metric")
    assert tool._check(builder, "ef") == 'check_int(self.ef, "ef", minimum=-1)'
    # a check that is not an option's name is a statement, written as it is
    assert tool._check(builder, "_other(self)") == "_other(self)"


def test_a_factory_row_passes_its_parameters_on_and_documents_them() -> None:
    tool = _tool()
    from factory_tables.index import Fn

    fn = Fn(
        "x",
        "_BQConfigCreate",
        "Summary.",
        [("cache", "cache it."), ("rescore_limit", "rescore.")],
        dropped=("cache",),
    )
    text = tool._factory(fn)
    assert "def x(cache: bool | None = None, rescore_limit: int | None = None)" in text
    assert "return _BQConfigCreate(rescore_limit=rescore_limit)" in text
    # the docstring is indented as it will be inside the namespace class
    assert "Args:\n            cache: cache it.\n            rescore_limit: rescore." in text


def _imports(name: str) -> set[str]:
    tree = ast.parse((CLASSES / name).read_text(encoding="utf-8"))
    return {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}


def test_the_index_enums_sit_below_the_shared_shapes_and_the_builders() -> None:
    assert "weaviate_async.classes.config_index" not in _imports("_config_base.py")
    assert "weaviate_async.classes.config_index" not in _imports("_index_logic.py")
    assert not {m for m in _imports("_index_enums.py") if m.startswith("weaviate_async")}
