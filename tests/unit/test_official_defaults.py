"""Every factory's defaults against the installed official client (``weaviate`` 4.24).

Each factory of ``Configure`` (vectorizers, generative, rerankers, vector indexes, quantizers and
the collection-level builders) is called in both clients with only its required arguments, and
the JSON each client would send must be the same: a default that differs changes that JSON (or
makes one side refuse the call). Empty objects are dropped before comparing: ``{}`` and a
missing key both leave the server's defaults. Differences on purpose are listed in
``DIFFERENT`` with the reason.

``test_official_surface.py`` compares the declared defaults (the signatures); this file compares
what the defaults do.
"""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Callable
from typing import Any

import pytest
from weaviate.classes.config import Configure as Official

from weaviate_async.classes.config import Configure as Ours

#: a realistic value for each required argument
REQUIRED = {
    "api_endpoint": "http://localhost:11434",
    "deployment_id": "d",
    "endpoint": "https://e.example.com",
    "image_field": "img",
    "image_fields": ["img"],
    "location": "us-central1",
    "model": "m",
    "module_config": {"a": 1},
    "module_name": "text2vec-openai",
    "name": "v",
    "project_id": "p",
    "property_name": "due",
    "reference_properties": ["ref"],
    "region": "us-east-1",
    "resource_name": "r",
    "time_to_live": 3600,
}

_GOOGLE = (
    "module name: ours sends the name Weaviate registers today ({ours}); the official client "
    "sends the older name ({official}), which the server maps to the same module"
)
_REFUSED = (
    "the server refuses the bedrock service without a model ('model has to be defined'); ours "
    "refuses it before sending, naming `model`, where the official client sends it"
)

DIFFERENT: dict[str, str] = {
    **{
        f"{ns}.{name}": _GOOGLE.format(ours="multi2vec-google", official="multi2vec-palm")
        for ns, name in [
            ("Vectors", "multi2vec_google"),
            ("Vectors", "multi2vec_google_gemini"),
            ("NamedVectors", "multi2vec_google"),
            ("NamedVectors", "multi2vec_palm"),
            ("Vectorizer", "multi2vec_google"),
            ("Vectorizer", "multi2vec_palm"),
        ]
    },
    **{
        f"{ns}.{name}": _GOOGLE.format(ours="text2vec-google", official="text2vec-palm")
        for ns, name in [
            ("Vectors", "text2vec_google"),
            ("Vectors", "text2vec_google_aistudio"),
            ("Vectors", "text2vec_google_gemini"),
            ("Vectors", "text2vec_google_vertex"),
            ("NamedVectors", "text2vec_google"),
            ("NamedVectors", "text2vec_google_aistudio"),
            ("NamedVectors", "text2vec_palm"),
            ("Vectorizer", "text2vec_google"),
            ("Vectorizer", "text2vec_google_aistudio"),
            ("Vectorizer", "text2vec_palm"),
        ]
    },
    **{
        f"Generative.{name}": _GOOGLE.format(ours="generative-google", official="generative-palm")
        for name in ("google", "google_vertex", "palm")
    },
    "Generative.google_gemini": (
        "ours sends generative-google with the Gemini API endpoint; the official client sends "
        "generative-palm with an empty projectId, which the server reads as Vertex AI"
    ),
    **{
        f"{ns}.text2colbert_jinaai": _GOOGLE.format(
            ours="text2multivec-jinaai", official="text2colbert-jinaai"
        )
        for ns in ("NamedVectors",)
    },
    "MultiVectors.text2vec_jinaai": _GOOGLE.format(
        ours="text2multivec-jinaai", official="text2colbert-jinaai"
    ),
    "NamedVectors.text2vec_aws": _REFUSED,
    "Generative.aws": _REFUSED,
    "sharding": (
        "the official client sends the server's fixed sharding defaults (key _id, strategy "
        "hash, function murmur3); ours leaves them to the server, which stores the same"
    ),
}

_NAMESPACES = ("Vectors", "MultiVectors", "NamedVectors", "Vectorizer", "Generative", "Reranker")


def _required(fn: Callable[..., Any]) -> dict[str, Any]:
    return {
        p.name: REQUIRED.get(p.name, "x")
        for p in inspect.signature(fn).parameters.values()
        if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    }


def _prune(value: Any) -> Any:
    """``value`` without empty objects (they leave the server's defaults, as a missing key)."""
    if isinstance(value, dict):
        pruned = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v != {}}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return getattr(value, "value", value)


def _official_json(built: Any) -> Any:
    """The module and settings (factories), or the JSON (index and collection builders)."""
    out = built._to_dict()
    if isinstance(out.get("vectorizer"), dict):  # a vector config: its vectorizer part
        ((module, settings),) = out["vectorizer"].items()
        return module, _prune(settings)
    for kind in ("vectorizer", "generative", "reranker"):
        module = getattr(built, kind, None)
        if module is not None:
            return str(getattr(module, "value", module)), _prune(out)
    return _prune(out)


def _our_json(built: Any) -> Any:
    vectorizer = getattr(built, "vectorizer", None)
    if vectorizer is not None and hasattr(vectorizer, "module"):
        return vectorizer.module, _prune(vectorizer.to_json())
    if hasattr(built, "module"):
        return built.module, _prune(built.to_json())
    return _prune(built.to_json())


def _factories() -> list[tuple[str, Callable[..., Any], Callable[..., Any]]]:
    out = []
    for ns in _NAMESPACES:
        official, ours = getattr(Official, ns), getattr(Ours, ns)
        for name in sorted(n for n in vars(official) if not n.startswith("_")):
            out.append((f"{ns}.{name}", getattr(official, name), getattr(ours, name)))
    for name in ("hnsw", "flat", "dynamic", "hfresh", "none"):
        out.append(
            (
                f"VectorIndex.{name}",
                getattr(Official.VectorIndex, name),
                getattr(Ours.VectorIndex, name),
            )
        )
    for name in ("inverted_index", "multi_tenancy", "replication", "sharding", "text_analyzer"):
        out.append((name, getattr(Official, name), getattr(Ours, name)))
    for name in ("delete_by_creation_time", "delete_by_update_time", "delete_by_date_property"):
        out.append(
            (f"ObjectTTL.{name}", getattr(Official.ObjectTTL, name), getattr(Ours.ObjectTTL, name))
        )
    return out


def _call(fn: Callable[..., Any], kwargs: dict[str, Any]) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return fn(**kwargs)


def _outcome(fn: Callable[..., Any], render: Callable[[Any], Any]) -> Any:
    try:
        return render(_call(fn, _required(fn)))
    except Exception:  # the call refused: compare that it refused
        return "refused"


@pytest.mark.parametrize(
    ("path", "official", "ours"), [pytest.param(*case, id=case[0]) for case in _factories()]
)
def test_defaults_send_what_the_official_client_sends(
    path: str, official: Callable[..., Any], ours: Callable[..., Any]
) -> None:
    theirs = _outcome(official, _official_json)
    mine = _outcome(ours, _our_json)
    if path in DIFFERENT:
        assert theirs != mine, f"{path} now sends what the official client sends: unlist it"
    else:
        assert mine == theirs


@pytest.mark.parametrize("quantizer", ["pq", "bq", "sq", "rq", "none"])
@pytest.mark.parametrize("index", ["hnsw", "flat", "dynamic"])
def test_quantizer_defaults_in_an_index(index: str, quantizer: str) -> None:
    def build(configure: Any) -> Any:
        q = getattr(configure.VectorIndex.Quantizer, quantizer)()
        if index == "dynamic":
            return configure.VectorIndex.dynamic(hnsw=configure.VectorIndex.hnsw(quantizer=q))
        return getattr(configure.VectorIndex, index)(quantizer=q)

    theirs = _outcome(lambda: build(Official), lambda b: _prune(b._to_dict()))
    mine = _outcome(lambda: build(Ours), lambda b: _prune(b.to_json()))
    if index == "flat" and quantizer in ("pq", "sq"):
        # The server refuses PQ and SQ on a flat index ("... is not currently supported for flat
        # indices"); ours refuses before sending, the official client sends it.
        assert mine == "refused" and theirs != "refused"
    else:
        assert mine == theirs


def test_every_official_factory_is_compared() -> None:
    compared = {path for path, _, _ in _factories()}
    for ns in _NAMESPACES:
        for name in vars(getattr(Official, ns)):
            if not name.startswith("_"):
                assert f"{ns}.{name}" in compared
    assert set(DIFFERENT) <= compared
