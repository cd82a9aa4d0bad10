"""Every provider factory's JSON, checked against a recorded golden file.

The factories of ``Configure.Vectors``, ``Configure.MultiVectors``, ``Configure.NamedVectors``,
``Configure.Vectorizer``, ``Configure.Generative`` and ``Configure.Reranker`` are generated from
tables (``tools/gen_factories.py``); this test
pins what they send (and the errors and warnings they give) so that a change of the table or
of the generator cannot change the wire form unnoticed. Each factory is called with only its
required arguments, once more with each optional argument set on its own, and once with every
argument set. Run this file with ``GOLDEN_WRITE=1`` to re-record after a deliberate change.
"""

from __future__ import annotations

import inspect
import json
import os
import warnings
from pathlib import Path
from typing import Any

import pytest

from weaviate_async.classes.config import Configure
from weaviate_async.classes.config_generative import _Generative
from weaviate_async.classes.config_rerankers import _Reranker
from weaviate_async.classes.config_vectorizers import (
    Multi2VecField,
    _MultiVectors,
    _NamedVectors,
    _Vectorizer,
    _Vectors,
)
from weaviate_async.classes.generative import GenerativeConfig

DATA = Path(__file__).parent / "data"
NAMESPACES = {
    "Vectors": _Vectors,
    "MultiVectors": _MultiVectors,
    "NamedVectors": _NamedVectors,
    "Vectorizer": _Vectorizer,
}
PROVIDERS = {"Generative": _Generative, "Reranker": _Reranker}
RUNTIME = {"GenerativeConfig": GenerativeConfig}


def _value(fn: str, param: inspect.Parameter) -> Any:
    """A valid-looking value for ``param``, chosen from its annotation and name."""
    ann = str(param.annotation)
    name = param.name
    if name == "quantizer":
        return Configure.VectorIndex.Quantizer.pq()
    if name == "vector_index_config":
        return Configure.VectorIndex.hnsw(ef=17)
    if name == "multi_vector_config":
        return Configure.VectorIndex.MultiVector.multi_vector(aggregation="maxSim")
    if name == "encoding":
        return Configure.VectorIndex.MultiVector.Encoding.muvera()
    if name == "name":
        return "vec_one"
    if name.endswith("_fields") and "_Fields" in ann:
        return [Multi2VecField(name="f1", weight=0.25), Multi2VecField(name="f2", weight=0.75)]
    if "Literal" in ann or ann in {
        "CohereTruncation | None",
        "PoolingStrategy",
        "AWSService",
        "OpenAIType | None",
    }:
        return "__literal__"
    if ann.startswith("bool"):
        return not param.default if isinstance(param.default, bool) else True
    if ann.startswith("int"):
        return 7
    if ann.startswith("float"):
        return 0.5
    if ann.startswith("list[str]") or name.endswith("_fields") or name.endswith("properties"):
        return [f"{name}_a", f"{name}_b"]
    if ann.startswith("dict"):
        return {"someKey": "some value"}
    if "url" in name or "endpoint" in name:
        return f"https://example.com/{name}"
    return f"{name}-value"


_LITERALS: dict[str, Any] = {
    "truncate": "END",
    "pooling_strategy": "cls",
    "service": "sagemaker",
    "type_": "code",
    "method": "mean",
    "verbosity": "low",
    "reasoning_effort": "low",
}


def _call(fn: Any, kwargs: dict[str, Any]) -> Any:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            out = fn(**kwargs)
        except Exception as e:  # the error is part of what is pinned
            result: Any = {"error": type(e).__name__, "message": str(e)}
        else:
            if type(out).__name__ == "_GenerativeConfigRuntime":  # a query-time provider
                result = {"generative": out.generative, "options": dict(out.options)}
                result["warnings"] = [f"{w.category.__name__}: {w.message}" for w in caught]
                return result
            result = {"json": out.to_json()}
            if hasattr(out, "name"):
                result["name"] = out.name
            if hasattr(out, "vectorizer"):
                result["module"] = out.vectorizer.module
            else:
                result["module"] = out.module
                result["known"] = sorted(out.known)
    result["warnings"] = [f"{w.category.__name__}: {w.message}" for w in caught]
    return result


def _cases(namespaces: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for ns_name, ns in namespaces.items():
        for fn_name in sorted(vars(ns)):
            if fn_name.startswith("_"):
                continue
            fn = getattr(ns, fn_name)
            sig = inspect.signature(fn)
            values = {}
            for p in sig.parameters.values():
                v = _value(fn_name, p)
                values[p.name] = _LITERALS.get(p.name, "END") if v == "__literal__" else v
            required = {
                k: v
                for k, v in values.items()
                if sig.parameters[k].default is inspect.Parameter.empty
            }
            key = f"{ns_name}.{fn_name}"
            out[f"{key}/required"] = _call(fn, required)
            for k, v in values.items():
                if k not in required:
                    out[f"{key}/{k}"] = _call(fn, {**required, k: v})
            out[f"{key}/all"] = _call(fn, values)
    return out


def _dump(cases: dict[str, Any]) -> str:
    return json.dumps(cases, indent=1, sort_keys=True, default=repr) + "\n"


@pytest.mark.parametrize(
    ("family", "namespaces"),
    [("vectorizer", NAMESPACES), ("provider", PROVIDERS), ("runtime", RUNTIME)],
)
def test_every_factory_sends_the_recorded_json(family: str, namespaces: dict[str, Any]) -> None:
    GOLDEN = DATA / f"{family}_golden.json"
    text = _dump(_cases(namespaces))
    if os.environ.get("GOLDEN_WRITE"):
        GOLDEN.write_text(text)
    expected = GOLDEN.read_text()
    if text != expected:
        got, want = json.loads(text), json.loads(expected)
        diff = sorted(k for k in set(got) | set(want) if got.get(k) != want.get(k))
        pytest.fail(f"{len(diff)} factory call(s) changed, first: {diff[:5]}")
