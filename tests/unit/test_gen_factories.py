"""tools/gen_factories.py: the generated factory namespaces are current, and a table row
becomes the method it describes."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
TOOL = REPO / "tools" / "gen_factories.py"


def _tool() -> Any:
    spec = importlib.util.spec_from_file_location("gen_factories", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_factories"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.source_tree
def test_generated_factories_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL), "--check"], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.source_tree
def test_forwarding_marker_passes_each_parameter_not_named_elsewhere() -> None:
    tool = _tool()
    assert tool._expand("_b(**)", ["a", "b"]) == "_b(a=a, b=b)"
    # a parameter the call already uses (a rename, a positional) is not forwarded again
    assert (
        tool._expand("_b(x, **, model=model_id)", ["x", "model_id", "c"])
        == "_b(x, c=c, model=model_id)"
    )
    assert tool._expand("_b(**)", []) == "_b()"
    assert tool._expand("_b(name)", ["name", "c"]) == "_b(name)"


@pytest.mark.source_tree
def test_a_row_becomes_a_wrapped_static_method_with_catalog_parameters() -> None:
    tool = _tool()
    from factory_tables import F, Module, Namespace

    ns = Namespace(
        "_X",
        "Doc.",
        returns="_V",
        wrap="_single(name, {build}, vector_index_config, quantizer)",
        wrapper_params=("name", "quantizer", "vector_index_config"),
    )
    module = Module(
        "m.py", "Doc.", "", {"name": ("str | None", "None"), "model": ("str", None)}, [ns]
    )
    row = F("text2vec_x", "*, name, model, dimensions: int | None = None", "_build_x(**)", "One.")
    out = tool._method(module, ns, row)
    assert (
        "def text2vec_x(*, name: str | None = None, model: str, dimensions: int | None = None) -> _V:"
        in out
    )
    assert (
        "return _single(name, _build_x(model=model, dimensions=dimensions), vector_index_config, quantizer)"
        in out
    )
    assert '"""One."""' in out
    with pytest.raises(SystemExit, match="not in the parameter catalog"):
        tool._method(module, ns, F("y", "unknown", "_b()", "Doc."))


@pytest.mark.source_tree
def test_a_settings_row_sends_one_catalog_key_per_argument() -> None:
    tool = _tool()
    from factory_tables import F, Module, Namespace

    ns = Namespace("", "", returns="_VC", wrap="{build}", wrapper_params=())
    catalog: dict[str, tuple[str, ...]] = {
        "base_url": ("object", "None", "baseURL", '_url({p}, "{p}")'),
        "model": ("object", "None", "model", '_str({p}, "{p}")'),
    }
    module = Module("m.py", "Doc.", "", catalog, [ns], provider="_vectorizer")
    row = F(
        "_build_x",
        "*, model, base_url",
        "",
        "",
        module="text2vec-x",
        checks={"model": '_req_str({p}, "{p}")'},
        extra="'isAzure': False",
    )
    out = tool._method(module, ns, row)
    assert out.startswith("def _build_x(*, model: object = None, base_url: object = None)")
    assert '"""' not in out and "@staticmethod" not in out
    assert (
        "return _vectorizer('text2vec-x', {'model': _req_str(model, \"model\"), "
        "'baseURL': _url(base_url, \"base_url\"), 'isAzure': False})"
    ) in out
    # a module named by a parameter: the parameter is not a setting
    named = F("_build_y", "module: str, *, model", "", "", module="=module")
    assert "return _vectorizer(module, {'model': _str(model, \"model\")})" in tool._method(
        module, ns, named
    )
    with pytest.raises(SystemExit, match="no JSON key"):
        tool._method(
            Module("m.py", "", "", {"a": ("int", "1")}, [ns]), ns, F("z", "a", "", "", module="m")
        )
