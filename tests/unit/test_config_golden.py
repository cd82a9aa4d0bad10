"""The JSON of collection configuration, create, update and read, checked byte for byte.

Every builder of ``Configure`` (inverted index, multi-tenancy, replication, sharding, object
TTL, vector indexes, quantizers, multi-vectors) is called with no arguments, with each argument
on its own and with every argument; ``collection_create_json`` turns it into the body of
``POST /v1/schema``. Every ``Reconfigure`` builder is merged the same way by
``collection_update_json`` into a current class JSON. Each create body is then parsed by the
read models and written back by ``to_dict()``, together with the parsed model's ``repr``. The
text of all of it, keys in the order they are sent, is compared with a recorded file, so that a
change in how the models keep their JSON keys cannot change the wire form unnoticed. Run this
file with ``GOLDEN_WRITE=1`` to re-record after a deliberate change.
"""

from __future__ import annotations

import copy
import inspect
import json
import os
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from weaviate_async.classes.config import Configure, Reconfigure
from weaviate_async.classes.config_collection import (
    collection_create_json,
    collection_update_json,
)
from weaviate_async.classes.config_properties import (
    DataType,
    Property,
    ReferenceProperty,
    Tokenization,
)
from weaviate_async.wire.config import (
    collection_config_from_json,
    collection_config_simple_from_json,
)

from .test_config_builders import SERVER_CLASS

GOLDEN = Path(__file__).parent / "data" / "config_golden.json"

_NAMED = {
    "distance_metric": "dot",
    "filter_strategy": "acorn",
    "encoder_distribution": "normal",
    "encoder_type": "tile",
    "stopwords_preset": "none",
    "stopword_preset": "en",
    "deletion_strategy": "TimeBasedResolution",
    "aggregation": "maxSim",
    "property_name": "when",
    "time_to_live": 3600,
    "ttl_offset": 60,
    "bits": 8,
    "stopword_presets": {"mine": ["foo", "bar"]},
    "bm25_b": 0.5,
    "bm25_k1": 1.5,
    "ascii_fold_ignore": ["é", "ü"],
}


def _objects(update: bool) -> dict[str, Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _built_objects(update)


def _built_objects(update: bool) -> dict[str, Any]:
    ns = Reconfigure if update else Configure
    quantizer: Any = ns.VectorIndex.Quantizer.bq(rescore_limit=9)
    out: dict[str, Any] = {"quantizer": quantizer}
    if update:
        out["hnsw"] = Reconfigure.VectorIndex.hnsw(ef=33)
        out["flat"] = Reconfigure.VectorIndex.flat(vector_cache_max_objects=44)
        out["async_config"] = Reconfigure.Replication.async_config(frequency=5)
    else:
        out["hnsw"] = Configure.VectorIndex.hnsw(ef=33)
        out["flat"] = Configure.VectorIndex.flat(vector_cache_max_objects=44)
        out["async_config"] = Configure.Replication.async_config(frequency=5)
        out["multi_vector"] = Configure.VectorIndex.MultiVector.multi_vector(
            encoding=Configure.VectorIndex.MultiVector.Encoding.muvera(ksim=3),
            aggregation="maxSim",
        )
        out["encoding"] = Configure.VectorIndex.MultiVector.Encoding.muvera(ksim=3)
    return out


def _value(name: str, param: inspect.Parameter, update: bool, fn: str) -> Any:
    if fn.startswith("VectorIndex.hfresh"):
        if name == "quantizer":
            return (Reconfigure if update else Configure).VectorIndex.Quantizer.rq(bits=1)
        if name == "distance_metric":
            return "cosine"
        if name == "max_posting_size_kb":
            return 16
    objects = _objects(update)
    if name in objects:
        return objects[name]
    if name in _NAMED:
        return _NAMED[name]
    ann = str(param.annotation)
    if ann.startswith("bool"):
        return not param.default if isinstance(param.default, bool) else True
    if ann.startswith("int"):
        return 7
    if ann.startswith("float"):
        return 0.25
    if ann.startswith("list[str]"):
        return [f"{name}_a", f"{name}_b"]
    raise AssertionError(f"no value for {fn}({name}: {ann})")


def _builders(ns: Any, prefix: str) -> list[tuple[str, Callable[..., Any]]]:
    found: list[tuple[str, Callable[..., Any]]] = []
    for attr in sorted(vars(ns)):
        if attr.startswith("_"):
            continue
        value = getattr(ns, attr)
        if inspect.isclass(value):
            found.extend(_builders(value, f"{prefix}{attr}."))
        elif callable(value):
            found.append((f"{prefix}{attr}", value))
    return found


_SKIP = {"Vectors", "MultiVectors", "NamedVectors", "Vectorizer", "Generative", "Reranker"}


def _calls(ns: Any, update: bool) -> list[tuple[str, Callable[..., Any], dict[str, Any]]]:
    calls: list[tuple[str, Callable[..., Any], dict[str, Any]]] = []
    for attr in sorted(vars(ns)):
        if attr.startswith("_") or attr in _SKIP:
            continue
        value = getattr(ns, attr)
        found = _builders(value, f"{attr}.") if inspect.isclass(value) else [(attr, value)]
        for name, fn in found:
            params = inspect.signature(fn).parameters
            every = {p: _value(p, params[p], update, name) for p in params}
            required = {
                p: every[p] for p, v in params.items() if v.default is inspect.Parameter.empty
            }
            calls.append((f"{name}()", fn, required))
            for p in params:
                if p not in required:
                    calls.append((f"{name}({p})", fn, {**required, p: every[p]}))
            if len(params) > 1:
                calls.append((f"{name}(all)", fn, every))
    return calls


def _run(fn: Callable[..., Any], kwargs: dict[str, Any]) -> Any:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            built = fn(**kwargs)
        except Exception as exc:
            return {"error": f"{type(exc).__name__}: {exc}"}
    return {"built": built, "warnings": [str(w.message) for w in caught]}


_CREATE_SLOT = {
    "inverted_index": "inverted_index_config",
    "multi_tenancy": "multi_tenancy_config",
    "replication": "replication_config",
    "sharding": "sharding_config",
    "ObjectTTL": "object_ttl_config",
    "VectorIndex": "vector_index_config",
}


def _slot(name: str, table: dict[str, str]) -> str | None:
    head = name.split(".")[0].split("(")[0]
    return table.get(head)


def _outcome(thunk: Callable[[], Any]) -> Any:
    try:
        return thunk()
    except Exception as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}


def _create_cases() -> dict[str, Any]:
    cases: dict[str, Any] = {}
    for name, fn, kwargs in _calls(Configure, update=False):
        ran = _run(fn, kwargs)
        if "error" in ran:
            cases[name] = ran
            continue
        built = ran["built"]
        slot = _slot(name, _CREATE_SLOT)
        if slot is None or name.startswith("VectorIndex.Quantizer") or ".MultiVector." in name:
            index = Configure.VectorIndex.hnsw
            if name.startswith("VectorIndex.Quantizer"):
                built = index(quantizer=built)
            elif ".Encoding." in name:
                built = index(
                    multi_vector=Configure.VectorIndex.MultiVector.multi_vector(encoding=built)
                )
            elif ".MultiVector." in name:
                built = index(multi_vector=built)
            elif name.startswith("Replication."):
                built = Configure.replication(factor=1, async_config=built)
                slot = "replication_config"
            else:
                cases[name] = {"repr": repr(built), **ran, "built": None}
                continue
            slot = slot or "vector_index_config"
        extra: dict[str, Any] = {}
        if slot == "object_ttl_config":
            extra["properties"] = [Property(name="when", data_type=DataType.DATE)]
        body = _outcome(
            lambda b=built, s=slot, e=extra: collection_create_json("Golden", **{s: b}, **e)
        )
        cases[name] = {"body": body, "warnings": ran["warnings"]}
    return cases


_UPDATE_SLOT = {
    "inverted_index": "inverted_index_config",
    "multi_tenancy": "multi_tenancy_config",
    "replication": "replication_config",
    "ObjectTTL": "object_ttl_config",
}


def _current(kind: str, quantizer: str | None = "bq") -> dict[str, Any]:
    """A class JSON with one vector on a ``kind`` index carrying some options."""
    q = Configure.VectorIndex.Quantizer
    quantizers: dict[str | None, Any] = {
        None: None,
        "bq": q.bq(rescore_limit=2),
        "pq": q.pq(segments=2, encoder_type="kmeans"),
        "sq": q.sq(training_limit=3),
        "rq": q.rq(bits=1, rescore_limit=2),
    }
    index = {
        "hnsw": lambda: Configure.VectorIndex.hnsw(ef=10, quantizer=quantizers[quantizer]),
        "flat": lambda: Configure.VectorIndex.flat(
            quantizer=Configure.VectorIndex.Quantizer.bq(rescore_limit=2)
        ),
        "dynamic": lambda: Configure.VectorIndex.dynamic(threshold=10),
        "hfresh": lambda: Configure.VectorIndex.hfresh(search_probe=4),
    }[kind]()
    current = copy.deepcopy(SERVER_CLASS)
    current["vectorConfig"] = {
        "default": {
            "vectorizer": {"none": {}},
            "vectorIndexType": index.index_type(),
            "vectorIndexConfig": index.to_json(),
        }
    }
    return current


def _update_cases() -> dict[str, Any]:
    cases: dict[str, Any] = {}
    for name, fn, kwargs in _calls(Reconfigure, update=True):
        ran = _run(fn, kwargs)
        if "error" in ran:
            cases[name] = ran
            continue
        built = ran["built"]
        slot = _slot(name, _UPDATE_SLOT)
        if slot is not None:
            body = _outcome(lambda b=built, s=slot: collection_update_json(SERVER_CLASS, **{s: b}))
            cases[name] = {"body": body, "warnings": ran["warnings"]}
            continue
        if name.startswith("Replication."):
            r = Reconfigure.replication(async_config=built)
            body = _outcome(lambda r=r: collection_update_json(SERVER_CLASS, replication_config=r))
            cases[name] = {"body": body, "warnings": ran["warnings"]}
            continue
        if name.startswith("VectorIndex."):
            if name.startswith("VectorIndex.Quantizer."):
                own = name.split(".")[2].split("(")[0]
                built = Reconfigure.VectorIndex.hnsw(quantizer=built)
                currents = {"hnsw": _current("hnsw", None), "hnsw " + own: _current("hnsw", own)}
            else:
                kind = name.split(".")[1].split("(")[0]
                currents = {kind: _current(kind)}
            bodies = {}
            for label, current in currents.items():
                vc = Reconfigure.Vectors.update(vector_index_config=built)
                bodies[label] = _outcome(
                    lambda c=current, v=vc: collection_update_json(c, vector_config=v)[
                        "vectorConfig"
                    ]
                )
            cases[name] = {"bodies": bodies, "warnings": ran["warnings"]}
            continue
        cases[name] = {"repr": repr(built), "warnings": ran["warnings"]}
    return cases


def _read_cases(creates: dict[str, Any]) -> dict[str, Any]:
    inputs: dict[str, Any] = {"SERVER_CLASS": SERVER_CLASS}
    for kind in ("hnsw", "flat", "dynamic", "hfresh"):
        inputs[f"current_{kind}"] = _current(kind)
    for name, case in creates.items():
        body = case.get("body")
        if isinstance(body, dict) and "class" in body:
            inputs[f"create {name}"] = body
    cases: dict[str, Any] = {}
    for name, body in inputs.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            full = collection_config_from_json(body)
            simple = collection_config_simple_from_json(body)
        cases[name] = {
            "to_dict": full.to_dict(),
            "repr": repr(full),
            "simple": repr(simple),
        }
    return cases


def _property_cases() -> dict[str, Any]:
    """Collections with every kind of property, with and without vectorizers."""
    analyzer = Configure.text_analyzer(
        ascii_fold=True, ascii_fold_ignore=["é"], stopword_preset="en"
    )
    properties = [
        Property(
            name="title",
            data_type=DataType.TEXT,
            description="d",
            index_filterable=True,
            index_searchable=False,
            tokenization=Tokenization.WORD,
            text_analyzer=analyzer,
            skip_vectorization=True,
            vectorize_property_name=False,
        ),
        Property(name="plain", data_type=DataType.TEXT),
        Property(
            name="tags",
            data_type=DataType.TEXT_ARRAY,
            text_analyzer=Configure.text_analyzer(stopword_preset="none"),
        ),
        Property(
            name="count", data_type=DataType.INT, index_range_filters=True, index_filterable=False
        ),
        Property(
            name="obj",
            data_type=DataType.OBJECT,
            description="o",
            nested_properties=[
                Property(
                    name="a",
                    data_type=DataType.TEXT,
                    tokenization=Tokenization.FIELD,
                    index_searchable=True,
                ),
                Property(
                    name="inner",
                    data_type=DataType.OBJECT_ARRAY,
                    nested_properties=[
                        Property(name="x", data_type=DataType.NUMBER, index_range_filters=True)
                    ],
                ),
            ],
        ),
    ]
    references = [
        ReferenceProperty(name="one", target_collection="Other", description="r"),
        ReferenceProperty.MultiTarget(name="many", target_collections=["A", "B"]),
    ]
    vectors = [
        Configure.Vectors.text2vec_openai(name="a"),
        Configure.Vectors.text2vec_cohere(name="b"),
    ]
    cases: dict[str, Any] = {}
    for label, kwargs in {
        "no vectorizer": {},
        "named vectorizers": {"vector_config": vectors},
        "legacy vectorizer": {"vectorizer_config": Configure.Vectorizer.text2vec_openai()},
    }.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            body = collection_create_json(
                "Props", properties=properties, references=references, **kwargs
            )
            parsed = collection_config_from_json(body)
        cases[label] = {"body": body, "to_dict": parsed.to_dict(), "repr": repr(parsed)}
    return cases


def _text() -> str:
    creates = _create_cases()
    golden = {
        "create": creates,
        "update": _update_cases(),
        "read": _read_cases(creates),
        "properties": _property_cases(),
    }
    return json.dumps(golden, indent=1, default=repr) + "\n"


def test_config_json_matches_golden() -> None:
    text = _text()
    if os.environ.get("GOLDEN_WRITE"):
        GOLDEN.write_text(text)
    assert text == GOLDEN.read_text()
