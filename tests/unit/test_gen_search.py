"""tools/gen_search.py: the generated search namespaces are current, and the check notices a
stale file."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TOOL = REPO / "tools" / "gen_search.py"


def _tool() -> object:
    spec = importlib.util.spec_from_file_location("gen_search", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_search"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.source_tree
def test_generated_namespaces_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL), "--check"], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_method_is_rendered_with_its_overloads() -> None:
    tool = _tool()
    query_ns, generate_ns = tool.NAMESPACES  # type: ignore[attr-defined]
    query = tool.render(query_ns)  # type: ignore[attr-defined]
    generate = tool.render(generate_ns)  # type: ignore[attr-defined]
    for name in ("near_vector", "near_text", "hybrid", "bm25", "near_media"):
        # 2 (group_by) x 2 (properties) x 3 (references) typed overloads, one general overload
        assert query.count(f"    async def {name}(") == 14, name
        assert generate.count(f"    async def {name}(") == 14, name
    assert query.count("    async def fetch_objects(") == 8
    assert query.count("    async def fetch_object_by_id(") == 8
    assert "fetch_object_by_id" not in generate
    assert "single_prompt" in generate and "single_prompt" not in query
