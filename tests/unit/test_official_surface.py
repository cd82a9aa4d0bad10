"""The configuration surface against the installed official client (``weaviate`` 4.24).

For every public name of the official modules below, the same name must exist in
``weaviate_async`` and ``weaviate_sync`` at the mirrored module path (the same object in both),
and every callable must take the same parameters: names, kinds and defaults, recursively through
the nested factories (``Configure.Vectors.text2vec_openai``, ``ReferenceProperty.MultiTarget``,
...). Enums must hold the same members and values, constants the same values.

What differs on purpose is listed in ``DEVIATIONS`` (path -> reason) and what is left out in
``LEFT_OUT``; a listed entry that no longer differs fails too, so the lists stay true.
"""

from __future__ import annotations

import dataclasses
import importlib

import pytest

from tests.unit import parity_helpers as h

#: official module -> our module (under weaviate_async and weaviate_sync)
MODULES = {
    "weaviate.classes.config": "classes.config",
    "weaviate.config": "config",
    "weaviate.util": "util",
    "weaviate.exceptions": "exceptions",
    "weaviate.outputs.config": "outputs.config",
    "weaviate.types": "types",
    "weaviate.connect.integrations": "connect.integrations",
    "weaviate.classes.init": "classes.init",
}
#: names the official client keeps in modules we do not mirror, and where ours are
MOVED = {
    "weaviate.collections.classes.types": (
        "types",
        ("WeaviateField", "WeaviateProperties", "PhoneNumberType"),
    ),
    "weaviate.collections.classes.grpc": ("types", ("NearVectorInputType",)),
}

_READ_MODEL = (
    "read model: keyword-only fields defaulting to the server's defaults, plus an `extra` dict "
    "that keeps the keys this client has no field for, so that to_dict() gives back the "
    "server's JSON (the official dataclass takes every field positionally, all required)"
)
_READ_MODELS = (
    "AsyncReplicationConfig",
    "BM25Config",
    "CollectionConfig",
    "CollectionConfigSimple",
    "InvertedIndexConfig",
    "MultiTenancyConfig",
    "PQConfig",
    "PQEncoderConfig",
    "PropertyConfig",
    "ReferencePropertyConfig",
    "ReplicationConfig",
    "ShardingConfig",
    "ShardStatus",
    "VectorIndexConfigFlat",
    "VectorIndexConfigHFresh",
    "VectorIndexConfigHNSW",
)

_BUILDER = (
    "a value built by the Configure / Reconfigure factories: its constructor takes the "
    "factories' snake_case arguments with defaults and checks them, naming the argument "
    "(official: a pydantic model whose camelCase fields are all required); the official "
    "camelCase attribute names (`cleanupIntervalSeconds`, `vectorIndexConfig` ...) read and "
    "write our fields, and the value is mutable like the official model"
)
_MODULE_PROVIDER = (
    "a module and its settings in the server's keys (`module`, `settings`), one class for "
    "every provider (official: an abstract model with only the enum field, and one model per "
    "provider); the official attribute names work: the enum field and each setting by its "
    "server key (`maxTokens`, `baseURL`), None when unset"
)
_ABSTRACT_INDEX = (
    "the abstract base of the index builders declares no fields here; each index builder "
    "declares its own (official: the pydantic base declares the shared ones)"
)
_BUILDERS = (
    "InvertedIndexConfigCreate",
    "InvertedIndexConfigUpdate",
    "MultiTenancyConfigCreate",
    "MultiTenancyConfigUpdate",
    "ObjectTTLConfigCreate",
    "ObjectTTLConfigUpdate",
    "ReplicationConfigCreate",
    "ReplicationConfigUpdate",
    "ShardingConfigCreate",
    "VectorConfigCreate",
    "VectorConfigUpdate",
    "VectorIndexConfigDynamicCreate",
    "VectorIndexConfigDynamicUpdate",
    "VectorIndexConfigFlatCreate",
    "VectorIndexConfigFlatUpdate",
    "VectorIndexConfigHFreshCreate",
    "VectorIndexConfigHFreshUpdate",
    "VectorIndexConfigHNSWCreate",
    "VectorIndexConfigHNSWUpdate",
    "VectorIndexConfigSkipCreate",
)

DEVIATIONS: dict[str, str] = {
    **{f"classes.config.{name}": _BUILDER for name in _BUILDERS},
    "classes.config.GenerativeProvider": _MODULE_PROVIDER,
    "classes.config.RerankerProvider": _MODULE_PROVIDER,
    "classes.config.VectorIndexConfigCreate": _ABSTRACT_INDEX,
    "classes.config.VectorIndexConfigUpdate": _ABSTRACT_INDEX,
    "classes.config.ReferencePropertyBase": (
        "the base of both reference builders is our ReferenceProperty, which MultiTarget "
        "extends, so it takes the target collection too (official: an abstract model taking "
        "only `name`)"
    ),
    **{f"outputs.config.{name}": _READ_MODEL for name in _READ_MODELS},
    "classes.config.TextAnalyzerConfig": _READ_MODEL,
    "types.PhoneNumberType": (
        "read model of a returned phone number: a PhoneNumber subclass whose parsed fields "
        "default to empty values (official: every field required)"
    ),
    "outputs.config.GenerativeConfig": (
        "read model: keyword-only, `model` defaults to an empty dict (official: positional, "
        "required)"
    ),
    "outputs.config.VectorizerConfig": (
        "read model: keyword-only, `model` defaults to an empty dict and "
        "`vectorize_collection_name` to False, the server's default (official: positional, "
        "required)"
    ),
    "outputs.config.RerankerConfig": (
        "read model: keyword-only, `reranker` first and `model` defaulting to an empty dict "
        "(official: positional `model, reranker`, both required)"
    ),
    "classes.config.StopwordsCreate": (
        "official declares preset, additions and removals without defaults, so each must be "
        "passed (its own tokenization example omits one and fails); ours defaults each to None, "
        "so every official call works"
    ),
    "classes.config.Configure.Vectorizer.multi2vec_voyageai": (
        "official requires `output_encoding` in this older form only (no default) and then "
        "drops it; ours defaults it to None and sends it, like the other forms"
    ),
    "classes.config.Configure.Vectorizer.multi2vec_google": (
        "ours also takes `dimensions` (keyword-only, default None), as the official "
        "Vectorizer.multi2vec_palm and the other forms do"
    ),
    "config.ConnectionConfig": (
        "ours adds keyword-only `grpc_channels` and `grpc_max_message_size` for the grpclib "
        "channel pool; the four official positional fields come first, in order"
    ),
    "config.AdditionalConfig": (
        "keyword-only like the official model, plus `tls` (TLSConfig) and `retry` "
        "(RetryConfig), which the official client configures differently or not at all, and "
        "`grpc_transport` (grpclib or grpcio); extensions for observability, which the "
        "official client leaves to outside instrumentations that patch its methods: "
        "`tracer_provider` and `meter_provider` (OpenTelemetry providers, the global ones by "
        "default), `event_hooks` (plain callables receiving one record per request and per "
        "attempt) and `slow_operation_threshold` (a WARNING log line above it); all optional, "
        "keyword-only, defaulting to off, so every official call works unchanged"
    ),
    "classes.init.AdditionalConfig": "see config.AdditionalConfig (the same class)",
    "util.MINIMUM_NO_WARNING_VERSION": (
        "the oldest server this client connects to (1.27.0); the official client's constant "
        "(1.16.0) is older than anything this client can talk to"
    ),
    "exceptions.ERROR_CODE_EXPLANATION": "the same status (413), our own wording of the hint",
}

LEFT_OUT: dict[str, str] = {
    "classes.config.ReferencePropertyBase.check_name": (
        "the official pydantic validator of `name`; ours checks the name when the value is "
        "built (WeaviateInvalidInputError naming `name`)"
    ),
    "config.Config": (
        "the v3 client's configuration (experimental gRPC flags of the v3 API); the v4 API, "
        "which this client follows, has no use for it"
    ),
    "util.docstring_deprecated": (
        "the official client's decorator for its own deprecations, not an API for users"
    ),
    "util.PYPI_PACKAGE_URL": "the official client's PyPI page, read by its own update check",
}

# ------------------------------------------------------------------------------------------
# Reading both surfaces
# ------------------------------------------------------------------------------------------


SURFACE = h.surface(MODULES, MOVED)


# ------------------------------------------------------------------------------------------
# Tests
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "name"),
    [pytest.param(m, n, id=f"{m}.{n}") for m, n in h.surface_names(MODULES, MOVED)],
)
def test_name_exists_in_both_packages(module: str, name: str) -> None:
    if f"{module}.{name}" in LEFT_OUT:
        return
    mine = h.get(importlib.import_module(f"weaviate_async.{module}"), name)
    twin = h.get(importlib.import_module(f"weaviate_sync.{module}"), name)
    assert mine is not h.ABSENT, f"weaviate_async.{module}.{name} is missing"
    assert twin is mine, f"weaviate_sync.{module}.{name} is not weaviate_async's object"


def test_surface_matches_the_official_client() -> None:
    problems = [
        f"{path}: {diff}"
        for path, official, ours in SURFACE
        if path not in DEVIATIONS
        and path not in LEFT_OUT
        and (diff := h.difference(official, ours)) is not None
    ]
    assert not problems, "\n".join(problems)


def test_listed_deviations_still_differ() -> None:
    paths = {path: (official, ours) for path, official, ours in SURFACE}
    for path in DEVIATIONS:
        assert path in paths, f"{path} is listed but not part of the official surface"
        official, ours = paths[path]
        assert ours is not h.ABSENT, f"{path}: missing, not a deviation"
        assert h.difference(official, ours) is not None, f"{path} no longer differs: unlist it"
    for path in LEFT_OUT:
        assert path in paths, f"{path} is listed but not part of the official surface"
        assert paths[path][1] is h.ABSENT, f"{path} exists now: unlist it"


def test_every_reason_is_a_real_sentence() -> None:
    for reason in [*DEVIATIONS.values(), *LEFT_OUT.values()]:
        assert h.is_real_reason(reason), reason


def test_the_surface_is_big_enough_to_mean_something() -> None:
    # the walk reaches the nested factories: a broken walker would compare nothing
    paths = {path for path, _, _ in SURFACE}
    assert "classes.config.Configure.Vectors.text2vec_openai" in paths
    assert "classes.config.Reconfigure.VectorIndex.Quantizer.rq" in paths
    assert "classes.config.ReferenceProperty.MultiTarget" in paths
    assert "classes.config.Configure.Generative.digitalocean" in paths
    assert len(paths) > 350


def test_every_official_outputs_module_and_name_resolves() -> None:
    """``from weaviate.outputs.X import Y`` moves over for every X and Y the official client
    exports; the data module's error records have the official fields."""

    import weaviate.outputs as official_outputs

    import weaviate_async.outputs as ours
    import weaviate_sync.outputs as ours_sync

    assert set(official_outputs.__all__) <= set(ours.__all__) == set(ours_sync.__all__)
    for area in official_outputs.__all__:
        official = importlib.import_module(f"weaviate.outputs.{area}")
        names = getattr(official, "__all__", None) or [
            n for n in vars(official) if not n.startswith("_")
        ]
        for package in ("weaviate_async", "weaviate_sync"):
            module = importlib.import_module(f"{package}.outputs.{area}")
            missing = [n for n in names if not hasattr(module, n)]
            assert missing == [], f"{package}.outputs.{area}"
    from weaviate.outputs import data as official_data

    from weaviate_async.outputs import data

    for name in ("Error", "RefError", "DeleteManyObject", "DeleteManyReturn"):
        assert [f.name for f in dataclasses.fields(getattr(data, name))] == [
            f.name for f in dataclasses.fields(getattr(official_data, name))
        ], name
