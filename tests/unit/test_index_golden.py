"""Every vector index and quantizer builder, pinned against a recorded golden file.

The factories of ``Configure.VectorIndex`` and ``Reconfigure.VectorIndex`` (with their
``Quantizer``, ``MultiVector`` and ``Encoding`` namespaces) and ``Reconfigure.Vectors.update``
are generated from a table (``tools/gen_index.py``). This test pins their signatures and
docstrings, and what each builds when called with no arguments, with each argument on its own
(a valid value, and values the checks refuse) and with every argument: the builder's type,
``repr``, fields, official attribute names, JSON (``to_json()`` or ``changes()``), the merge of
an update into several current index objects, and the errors and warnings. The classes' fields
(their order, defaults and JSON keys) are pinned too. Run this file with ``GOLDEN_WRITE=1`` to
re-record after a deliberate change.
"""

from __future__ import annotations

import inspect
import json
import os
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

import weaviate_async.classes.config_index as index_module
from weaviate_async.classes._json_keys import json_aliases, json_keys
from weaviate_async.classes.config import Configure, Reconfigure

GOLDEN = Path(__file__).parent / "data" / "index_golden.json"

C = Configure.VectorIndex
R = Reconfigure.VectorIndex


def _candidates(name: str, update: bool) -> list[Any]:
    """Values to try for argument ``name``: a valid one first, then some the checks judge."""
    q = R.Quantizer if update else C.Quantizer
    stages: dict[str, list[Any]] = {
        "quantizer": [
            q.pq(segments=2),
            q.bq(rescore_limit=3),
            q.sq(training_limit=4),
            q.rq(bits=1),
            q.rq(bits=8),
            q.rq(bits=4),
            "bad",
            (C if update else R).Quantizer.bq(),
        ],
        "hnsw": [
            (R if update else C).hnsw(ef=5),
            (C if update else R).hnsw(ef=5),
            "bad",
        ],
        "flat": [(R if update else C).flat(vector_cache_max_objects=6), "bad"],
        "multi_vector": [
            C.MultiVector.multi_vector(aggregation="maxSim"),
            C.MultiVector.multi_vector(encoding=C.MultiVector.Encoding.muvera(ksim=2)),
            "bad",
        ],
        "encoding": [C.MultiVector.Encoding.muvera(ksim=2), "bad"],
        "vector_index_config": [R.hnsw(ef=3), R.flat(), C.hnsw(), "bad"],
        "name": ["vec", "", 5],
    }
    if name in stages:
        return stages[name]
    enums = {
        "distance_metric": ["dot", index_module.VectorDistances.L2_SQUARED, "cosine", "bogus"],
        "filter_strategy": ["acorn", index_module.VectorFilterStrategy.SWEEPING, "bogus"],
        "encoder_distribution": ["normal", "bogus"],
        "encoder_type": ["tile", index_module.PQEncoderType.KMEANS, "bogus"],
        "aggregation": ["maxSim", "bogus"],
        "bits": [1, 4, 8, 2, "8", True],
    }
    if name in enums:
        return enums[name]
    if name in {"bit_compression", "cache", "centering", "enabled"}:
        return [True, False, 1, "yes"]
    return [7, -1, 0, -2, 1, 4, 8, 10, 11, 1024, 2047, 2048, 65537, "7", True, 2.5]


def _fields(obj: Any) -> Any:
    if not attrs.has(type(obj)):
        return repr(obj)
    return {f.name: _fields(getattr(obj, f.name)) for f in attrs.fields(type(obj))}


def _official(obj: Any) -> dict[str, Any]:
    """The values read through the official attribute names."""
    out: dict[str, Any] = {}
    for official in sorted(json_aliases(type(obj))):
        out[official] = repr(getattr(obj, official, "(absent)"))
    for name in ("distance", "multivector", "quantizer", "skip", "enabled"):
        if hasattr(obj, name):
            out[name] = repr(getattr(obj, name))
    return out


def _currents() -> dict[str, dict[str, Any]]:
    """Current ``vectorIndexConfig`` objects an update is merged into."""
    q = C.Quantizer
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {
            "empty": {},
            "hnsw": C.hnsw(ef=10, max_connections=8).to_json(),
            "hnsw+bq": C.hnsw(ef=10, quantizer=q.bq(rescore_limit=2)).to_json(),
            "hnsw+pq": C.hnsw(quantizer=q.pq(segments=2, encoder_type="kmeans")).to_json(),
            "hnsw+sq": C.hnsw(quantizer=q.sq(training_limit=3)).to_json(),
            "hnsw+rq": C.hnsw(quantizer=q.rq(bits=1, rescore_limit=2)).to_json(),
            "hnsw+pq off": {"pq": {"enabled": False, "segments": 3}, "ef": 4},
            "flat+bq": C.flat(quantizer=q.bq(rescore_limit=2)).to_json(),
            "dynamic": C.dynamic(
                threshold=10,
                hnsw=C.hnsw(ef=9, quantizer=q.bq()),
                flat=C.flat(quantizer=q.bq(cache=True)),
            ).to_json(),
            "dynamic+bq": {"threshold": 3, "bq": {"enabled": True}, "hnsw": None},
            "hfresh": C.hfresh(search_probe=4).to_json(),
        }


def _describe(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"type": type(obj).__name__, "repr": repr(obj), "fields": _fields(obj)}
    out["official"] = _official(obj)
    for method in ("index_type", "quantizer_name", "encoding_name"):
        if hasattr(obj, method):
            out[method] = getattr(obj, method)()
    if hasattr(type(obj), "vector_index_type"):
        out["vector_index_type"] = repr(obj.vector_index_type())
    if hasattr(obj, "to_json"):
        out["json"] = obj.to_json()
    if hasattr(obj, "changes"):
        out["changes"] = obj.changes()
    if hasattr(obj, "quantizer_update"):
        out["quantizer_update"] = repr(obj.quantizer_update())
    if hasattr(obj, "merge_with_existing"):
        merged: dict[str, Any] = {}
        for label, current in _currents().items():
            copy = json.loads(json.dumps(current))
            try:
                result = obj.merge_with_existing(copy)
            except Exception as exc:
                merged[label] = f"{type(exc).__name__}: {exc}"
                continue
            merged[label] = {"returned": result, "current after": copy}
        out["merged"] = merged
    return out


def _outcome(thunk: Callable[[], Any]) -> Any:
    try:
        return thunk()
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


def _call(fn: Callable[..., Any], kwargs: dict[str, Any]) -> dict[str, Any]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            built = fn(**kwargs)
        except Exception as exc:
            result: dict[str, Any] = {"error": f"{type(exc).__name__}: {exc}"}
        else:
            result = _describe(built)
    result["warnings"] = [f"{w.category.__name__}: {w.message}" for w in caught]
    return result


def _factories(ns: Any, prefix: str) -> list[tuple[str, Callable[..., Any]]]:
    found: list[tuple[str, Callable[..., Any]]] = []
    for attr in sorted(vars(ns)):
        if attr.startswith("_"):
            continue
        value = getattr(ns, attr)
        if inspect.isclass(value):
            found.extend(_factories(value, f"{prefix}{attr}."))
        elif callable(value):
            found.append((f"{prefix}{attr}", value))
    return found


def _cases() -> dict[str, Any]:
    cases: dict[str, Any] = {}
    roots = [
        ("Configure.VectorIndex.", C, False),
        ("Reconfigure.VectorIndex.", R, True),
        ("Reconfigure.Vectors.", Reconfigure.Vectors, True),
    ]
    for prefix, ns, update in roots:
        for name, fn in _factories(ns, prefix):
            sig = inspect.signature(fn)
            cases[f"{name} signature"] = str(sig)
            cases[f"{name} doc"] = inspect.cleandoc(fn.__doc__ or "")
            values = {p: _candidates(p, update) for p in sig.parameters}
            required = {
                p: values[p][0]
                for p, v in sig.parameters.items()
                if v.default is inspect.Parameter.empty
            }
            cases[f"{name}()"] = _call(fn, required)
            for p, param in sig.parameters.items():
                if param.default is inspect.Parameter.empty:
                    continue
                for i, value in enumerate(values[p]):
                    cases[f"{name}({p}) #{i} {value!r}"] = _call(fn, {**required, p: value})
            if sig.parameters:
                every = {p: values[p][0] for p in sig.parameters}
                cases[f"{name}(all)"] = _call(fn, every)
    return cases


def _classes() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in sorted(index_module.__all__):
        cls = getattr(index_module, name)
        if not attrs.has(cls):
            continue
        out[name] = {
            "fields": [
                [f.name, repr(f.default), f.kw_only, f.init, f.eq] for f in attrs.fields(cls)
            ],
            "keys": [[a, k if isinstance(k, str) else k.__name__] for a, k in json_keys(cls)],
            "aliases": json_aliases(cls),
        }
    return out


def _dump() -> str:
    data = {"classes": _classes(), "cases": _cases()}
    return json.dumps(data, indent=1, sort_keys=True, default=repr, ensure_ascii=False) + "\n"


def test_every_index_builder_builds_what_was_recorded() -> None:
    text = _dump()
    if os.environ.get("GOLDEN_WRITE"):
        GOLDEN.write_text(text)
    expected = GOLDEN.read_text()
    if text != expected:
        got, want = json.loads(text), json.loads(expected)
        diff = [
            f"{part}: {k}"
            for part in ("classes", "cases")
            for k in sorted(set(got[part]) | set(want[part]))
            if got[part].get(k) != want[part].get(k)
        ]
        assert not diff, f"{len(diff)} case(s) changed, first: {diff[:8]}"
        assert text == expected
