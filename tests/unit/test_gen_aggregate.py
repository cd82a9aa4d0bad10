"""tools/gen_aggregate.py: the generated ``collection.aggregate`` is current, every kind has its
overloads, and each method calls its hand-written search builder."""

from __future__ import annotations

import importlib.util
import inspect
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from weaviate_async.collections._aggregate import _AggregateBase

REPO = Path(__file__).resolve().parents[2]
TOOL = REPO / "tools" / "gen_aggregate.py"


def _tool() -> Any:
    spec = importlib.util.spec_from_file_location("gen_aggregate", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_aggregate"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.source_tree
def test_the_generated_module_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL), "--check"], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_kind_has_three_overloads_and_an_implementation() -> None:
    tool = _tool()
    text = tool.render()
    for method in tool.METHODS:
        assert text.count(f"    async def {method.name}(") == 4, method.name
    assert text.count("group_by: Literal[None] = None") == len(tool.METHODS)


def test_the_group_by_overloads_give_their_result() -> None:
    tool = _tool()
    over_all = next(m for m in tool.METHODS if m.name == "over_all")
    assert tool.parameters(over_all, "Literal[None]") == [
        "self",
        "*",
        "filters: FilterReturn | None = None",
        "group_by: Literal[None] = None",
        "total_count: bool = True",
        "return_metrics: PropertiesMetrics | None = None",
    ]
    # a non-optional group_by is required in its overload
    assert "group_by: str | GroupByAggregate" in tool.parameters(over_all, "str | GroupByAggregate")


def test_a_required_keyword_has_no_default() -> None:
    tool = _tool()
    bm25 = next(m for m in tool.METHODS if m.name == "bm25")
    assert "object_limit: int" in tool.parameters(bm25)


def test_each_body_calls_a_builder_that_exists_with_its_arguments() -> None:
    tool = _tool()
    for method in tool.METHODS:
        body = tool.body(method)
        builder = method.run or method.search
        if builder is None:
            assert body.startswith('        return await self._aggregate("over_all", None,')
            continue
        assert f"self.{builder}(" in body
        params = inspect.signature(getattr(_AggregateBase, builder)).parameters
        passed = (*method.positional, *(method.keywords if method.run else method.search_args))
        assert list(params)[1:] == list(passed), method.name


def test_docstrings_fit_the_line_length() -> None:
    tool = _tool()
    for method in tool.METHODS:
        for line in tool.docstring(method).splitlines():
            assert len(line) <= 100, line
