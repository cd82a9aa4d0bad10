"""tools/gen_search.py: the generated search namespaces are current, and the check notices a
stale file."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def _by_name(tool: Any, name: str) -> Any:
    return next(m for m in tool.METHODS if m.name == name)


def test_operators_are_emitted_from_their_table_entries() -> None:
    tool: Any = _tool()
    assert tool._operator(_by_name(tool, "near_vector")) == (
        "{'near_vector': wire.near_vector_pb(near_vector, certainty=certainty, "
        "distance=distance, target_vector=target_vector, "
        "diversity_selection=diversity_selection, version=self._version)}"
    )
    # the media is read first; the builder gives the request field itself
    near_image = _by_name(tool, "near_image")
    assert tool._prelude(tool.NAMESPACES[0], near_image, "R") == [
        'media_b64 = await self._blob(near_image, "near_image")'
    ]
    assert tool._operator(near_image).startswith(
        "dict([wire.near_media_pb(media_b64, NearMediaType.IMAGE, certainty=certainty,"
    )
    assert tool._operator(_by_name(tool, "near_media")).startswith(
        "dict([wire.near_media_pb(media_b64, media_type, "
    )
    assert tool._operator(_by_name(tool, "bm25")) == (
        "{'bm25_search': wire.bm25_pb(query, query_properties, operator)}"
    )
    assert tool._operator(_by_name(tool, "fetch_objects")) == "{}"


def test_execute_gets_the_shared_and_the_method_s_own_arguments() -> None:
    tool: Any = _tool()
    query, generate = tool.NAMESPACES
    bm25 = _by_name(tool, "bm25")
    assert tool._shared_args(query, bm25).endswith("bm25_operator=operator")
    assert tool._shared_args(generate, bm25).endswith(
        "bm25_operator=operator, generative=generative"
    )
    by_ids = _by_name(tool, "fetch_objects_by_ids")
    assert tool._shared_args(query, by_ids).endswith("after=after, sort=sort, filters=id_filter")
    # nothing can match: the empty result takes neither the ids filter nor an operator
    assert tool._shared_args(query, by_ids, empty=True).endswith("after=after, sort=sort")
    single = _by_name(tool, "fetch_object_by_id")
    assert "limit=1, filters=wire.id_filter_pb(uuid)" in tool._shared_args(query, single)


def test_only_searches_without_io_of_their_own_run_in_the_caller_s_thread() -> None:
    tool: Any = _tool()
    query, generate = tool.NAMESPACES
    assert tool._blocking(query, _by_name(tool, "near_vector"))
    assert not tool._blocking(query, _by_name(tool, "near_image"))  # reads a file
    assert not tool._blocking(generate, _by_name(tool, "near_vector"))


def test_the_handles_iterator_is_the_generated_one_with_its_overloads() -> None:
    """``collection.iterator`` comes from the generated module: one overload per
    return_properties x return_references variant (2 x 3), one for unions, and the method,
    whose parameters are the official ones."""
    import inspect
    import typing

    from weaviate_async.collections._iterator_method import _IteratorMethod
    from weaviate_async.collections.collection import CollectionAsync

    assert CollectionAsync.iterator is _IteratorMethod.iterator
    if sys.version_info >= (3, 11):  # typing.overload records overloads from 3.11
        assert len(typing.get_overloads(_IteratorMethod.iterator)) == 7
    assert list(inspect.signature(CollectionAsync.iterator).parameters) == [
        "self",
        "include_vector",
        "return_metadata",
        "return_properties",
        "return_references",
        "after",
        "cache_size",
    ]
