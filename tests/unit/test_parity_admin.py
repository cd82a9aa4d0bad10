"""Signature parity with the official client (4.24) of ``collection.tenants``, ``client.alias``,
``client.export``, ``client.tokenization``, ``client.debug``, ``collection.exists`` /
``collection.shards``, and of the models these take and return, at the official module paths.

Every public method of the official namespace classes (async and sync) exists on ours (async
and its generated twin) with the same parameter names, kinds and defaults; every public name of
the official model modules exists at the mirrored path in both packages, compared as
``test_official_surface`` compares the configuration surface. What differs on purpose is listed
with its reason; a listed entry that no longer differs fails, so the lists stay true.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import warnings
from typing import Any

import pytest

from tests.unit import parity_helpers as h

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # a dependency of the official client warns on import
    import weaviate  # noqa: F401

#: official namespace class (async, sync) -> ours (async, sync)
NAMESPACES = {
    "tenants": (
        ("weaviate.collections.tenants.async_", "_TenantsAsync"),
        ("weaviate.collections.tenants.sync", "_Tenants"),
        ("collections.tenants", "_TenantsAsync", "_Tenants"),
    ),
    "alias": (
        ("weaviate.aliases.async_", "_AliasAsync"),
        ("weaviate.aliases.sync", "_Alias"),
        ("aliases.namespace", "_AliasAsync", "_Alias"),
    ),
    "export": (
        ("weaviate.export.async_", "_ExportAsync"),
        ("weaviate.export.sync", "_Export"),
        ("export.namespace", "_ExportAsync", "_Export"),
    ),
    "tokenization": (
        ("weaviate.tokenization.async_", "_TokenizationAsync"),
        ("weaviate.tokenization.sync", "_Tokenization"),
        ("tokenization.namespace", "_TokenizationAsync", "_Tokenization"),
    ),
    "debug": (
        ("weaviate.debug.async_", "_DebugAsync"),
        ("weaviate.debug.sync", "_Debug"),
        ("debug.namespace", "_DebugAsync", "_Debug"),
    ),
}

#: official model module -> ours (under weaviate_async and weaviate_sync)
MODULES = {
    "weaviate.classes.tenants": "classes.tenants",
    "weaviate.outputs.tenants": "outputs.tenants",
    "weaviate.classes.export": "classes.export",
    "weaviate.outputs.export": "outputs.export",
    "weaviate.export.export": "export.export",
    "weaviate.classes.tokenization": "classes.tokenization",
    "weaviate.outputs.tokenization": "outputs.tokenization",
    "weaviate.tokenization.models": "tokenization.models",
    "weaviate.classes.debug": "classes.debug",
    "weaviate.debug.types": "debug.types",
    "weaviate.aliases.alias": "aliases.alias",
}
#: names the official client keeps in modules we do not mirror, and where ours are
MOVED = {
    "weaviate.collections.tenants.types": (
        "types",
        ("TenantInputType", "TenantCreateInputType", "TenantUpdateInputType", "TenantOutputType"),
    ),
    "weaviate.collections.tenants": (
        "collections.tenants",
        ("TenantCreateInputType", "TenantOutputType", "TenantUpdateInputType"),
    ),
    "weaviate.collections.classes.cluster": ("collections.shards", ("Shard",)),
    "weaviate.export": ("export", ("ExportStorage",)),
    "weaviate.tokenization": ("tokenization", ("TokenizeResult",)),
}

_PYDANTIC_TENANT = (
    "the official pydantic model's signature also shows its internal server-side field "
    "`activityStatus` (filled from `activity_status`); ours takes `name` and `activity_status` "
    "only, keyword-only as the official ones"
)
_PYDANTIC_ALIASES = (
    "the official pydantic model's signature names the server's JSON keys (`id`, `startedAt`, "
    "`classes`, ...) that it also accepts; ours takes the attribute names (`export_id`, "
    "`started_at`, `collections`, ...), which the official model accepts too"
)

DEVIATIONS: dict[str, str] = {
    **{f"{m}.Tenant": _PYDANTIC_TENANT for m in ("classes.tenants", "outputs.tenants")},
    "outputs.tenants.TenantOutputType": _PYDANTIC_TENANT,
    "types.TenantOutputType": _PYDANTIC_TENANT,
    "collections.tenants.TenantOutputType": _PYDANTIC_TENANT,
    "classes.tenants.TenantCreate": _PYDANTIC_TENANT,
    "classes.tenants.TenantUpdate": _PYDANTIC_TENANT,
    **{
        f"{m}.{name}": _PYDANTIC_ALIASES
        for m in ("outputs.export", "export.export")
        for name in ("ExportCreateReturn", "ExportStatusReturn", "ShardProgress")
    },
    **{
        f"{m}.DebugRESTObject": (
            "the official pydantic model's signature names the JSON keys `class`-less "
            "`creationTimeUnix`, `lastUpdateTimeUnix` and `id`; ours takes the attribute "
            "names `creation_time`, `last_update_time` and `uuid`"
        )
        for m in ("classes.debug", "debug.types")
    },
    "classes.tokenization.StopwordsCreate": (
        "official declares preset, additions and removals without defaults (see "
        "classes.config.StopwordsCreate in test_official_surface); ours defaults each to None"
    ),
    "classes.tokenization.StopwordsConfig": (
        "read model: keyword-only fields defaulting to the server's defaults, plus an `extra` "
        "dict (see outputs.config in test_official_surface)"
    ),
}
LEFT_OUT: dict[str, str] = {}

#: Parameters of ours that the official method does not have: (namespace, method, parameter).
EXTRA_PARAMETERS: dict[tuple[str, str, str], str] = {}


def _official_class(module: str, name: str) -> type:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cls: type = getattr(importlib.import_module(module), name)
    return cls


def _cases() -> list[Any]:
    out = []
    for ns, (theirs_async, theirs_sync, (ours_module, ours_async, ours_sync)) in NAMESPACES.items():
        out.append(
            pytest.param(
                ns, theirs_async, ("weaviate_async." + ours_module, ours_async), id=f"{ns}-async"
            )
        )
        out.append(
            pytest.param(
                ns, theirs_sync, ("weaviate_sync." + ours_module, ours_sync), id=f"{ns}-sync"
            )
        )
    return out


@pytest.mark.parametrize(("ns", "theirs", "ours"), _cases())
def test_namespace_methods_have_the_official_parameters(
    ns: str, theirs: tuple[str, str], ours: tuple[str, str]
) -> None:
    official = h.public_callables(_official_class(*theirs))
    mine = h.public_callables(getattr(importlib.import_module(ours[0]), ours[1]))
    assert official, f"{ns}: the official class has no public method"
    for name, fn in sorted(official.items()):
        assert name in mine, f"{ns}.{name} is missing"
        have = [p for p in h.shape(mine[name]) if (ns, name, p[0]) not in EXTRA_PARAMETERS]
        assert have == h.shape(fn), f"{ns}.{name}"
    assert set(mine) == set(official), f"{ns}: methods of ours alone"


@pytest.mark.parametrize(("ns", "theirs", "ours"), _cases())
def test_async_ones_are_coroutines_and_sync_ones_are_not(
    ns: str, theirs: tuple[str, str], ours: tuple[str, str]
) -> None:
    coroutine = ours[0].startswith("weaviate_async")
    for name, fn in h.public_callables(getattr(importlib.import_module(ours[0]), ours[1])).items():
        assert inspect.iscoroutinefunction(fn) is coroutine, f"{ns}.{name}"


@pytest.mark.parametrize("method", ["exists", "shards"])
def test_collection_methods(method: str) -> None:
    from weaviate_async.collections.collection import CollectionAsync
    from weaviate_sync.collections.collection import Collection

    theirs_async = _official_class("weaviate.collections.collection.async_", "CollectionAsync")
    theirs_sync = _official_class("weaviate.collections.collection.sync", "Collection")
    assert h.shape(getattr(CollectionAsync, method)) == h.shape(getattr(theirs_async, method))
    assert h.shape(getattr(Collection, method)) == h.shape(getattr(theirs_sync, method))
    assert inspect.iscoroutinefunction(getattr(CollectionAsync, method))


def test_client_and_collection_namespaces() -> None:
    from weaviate_async.client import WeaviateAsyncClient
    from weaviate_async.collections.collection import CollectionAsync
    from weaviate_sync.client import WeaviateClient
    from weaviate_sync.collections.collection import Collection

    for client_cls in (WeaviateAsyncClient, WeaviateClient):
        for name in ("alias", "export", "tokenization", "debug"):
            member = inspect.getattr_static(client_cls, name)
            assert isinstance(member, property | functools.cached_property), name
    for cls in (CollectionAsync, Collection):
        assert isinstance(inspect.getattr_static(cls, "tenants"), property)


# ------------------------------------------------------------------------------- the models


SURFACE = h.surface(MODULES, MOVED)


@pytest.mark.parametrize(
    ("module", "name"),
    [pytest.param(m, n, id=f"{m}.{n}") for m, n in h.surface_names(MODULES, MOVED)],
)
def test_model_name_exists_in_both_packages(module: str, name: str) -> None:
    mine = h.get(importlib.import_module(f"weaviate_async.{module}"), name)
    twin = h.get(importlib.import_module(f"weaviate_sync.{module}"), name)
    assert mine is not h.ABSENT, f"weaviate_async.{module}.{name} is missing"
    assert twin is mine, f"weaviate_sync.{module}.{name} is not weaviate_async's object"


def test_models_match_the_official_client() -> None:
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


def test_the_surface_reaches_every_module() -> None:
    paths = {path for path, _, _ in SURFACE}
    for expected in (
        "classes.tenants.TenantActivityStatus",
        "outputs.export.ExportStatusReturn",
        "classes.tokenization.Tokenization",
        "aliases.alias.AliasReturn",
        "types.TenantUpdateInputType",
        "collections.shards.Shard",
    ):
        assert expected in paths
