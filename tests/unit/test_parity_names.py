"""Every public name at every official module path exists in both of our packages.

A program written for the official client fails at import when one name is missing, so this
walks every module of the installed official client (``pkgutil.walk_packages`` over
``weaviate``) and sorts each into one of two kinds:

* a *public path*: a module programs import from. Each name of it (:func:`module_names`: the
  public entries of its ``__all__`` when it has one, else the public names its own source
  defines: classes, functions, constants, type aliases and type variables; re-exported imports
  of a module without ``__all__`` are not counted) must exist at the same path in
  ``weaviate_async`` and ``weaviate_sync``, as the same object in both unless one is the twin
  of the other (``WeaviateClient`` / ``WeaviateAsyncClient``, ``Collection`` /
  ``CollectionAsync``, ...);
* an *internal path* (``INTERNAL_MODULES``, matched by prefix, with the reason): the official
  client's own implementation (its transport, its executor/async/sync split of each namespace,
  its per-search-kind modules, the v3 GraphQL builders ...), which programs do not import.

Private modules and names (leading underscore) and ``weaviate.proto`` are skipped. A name that
cannot sensibly exist on our side is listed in ``DEVIATIONS`` (``module.name`` -> reason); an
entry that no longer deviates fails, so the list stays true.
"""

from __future__ import annotations

import importlib
import inspect

import pytest

from tests.unit import parity_helpers as h

WALKED = h.walk_official(skip=("weaviate.agents", "weaviate.conftest"))

#: official module path prefix -> why programs do not import from it
INTERNAL_MODULES: dict[str, str] = {
    "weaviate.agents": (
        "a front for the separate weaviate-agents package, which is not installed; importing "
        "it raises the official client's own 'not installed' error"
    ),
    "weaviate.conftest": "the official client's own pytest configuration, not part of its API",
    "weaviate.client_executor": (
        "the official client's shared executor base of its sync and async clients; ours is one "
        "async client with a generated blocking twin"
    ),
    "weaviate.connect.v4": (
        "the official transport (httpx and grpcio sessions, its connection classes); ours is "
        "aiohttp and grpclib/grpcio behind weaviate_async.connect.connection"
    ),
    "weaviate.connect.base": (
        "the official transport's parameter plumbing (its ProtocolParams/ConnectionParams are "
        "re-exported from weaviate.connect and exist there on our side)"
    ),
    "weaviate.connect.authentication": (
        "the official OIDC flow on authlib/httpx sessions; ours is weaviate_async.connect.oidc"
    ),
    "weaviate.connect.executor": "the official executor plumbing of sync and async calls",
    "weaviate.gql": (
        "the v3 client's GraphQL query builders, which the v4 API does not expose to programs"
    ),
    "weaviate.error_msgs": "message texts of the v3 client's deprecation warnings",
    "weaviate.retry": "the official client's internal retry decorator for its gRPC calls",
    "weaviate.validator": "the official client's internal argument validator",
    "weaviate.str_enum": (
        "the official enum base class with its metaclass; our enums are plain str enums with "
        "the same members and values (compared in test_official_surface)"
    ),
    "weaviate.integrations": "an empty module of the official client",
    "weaviate.warnings": (
        "the official client's private _Warnings class only (no public name); our warnings "
        "are raised from where they happen, with the official texts"
    ),
    "weaviate.collections.orm": "an empty module of the official client",
    "weaviate.collections.classes.orm": "an empty module of the official client",
    "weaviate.collections.classes.config_base": (
        "the private base classes of the official configuration models (no public name)"
    ),
    "weaviate.collections.queries": (
        "one official module per search kind (executor, async and sync variants); ours are the "
        "generated collection.query / collection.generate namespaces"
    ),
    "weaviate.collections.aggregations": (
        "one official module per aggregation kind (executor, async and sync variants); ours is "
        "the collection.aggregate namespace"
    ),
    "weaviate.collections.grpc": (
        "the official gRPC request builders; ours are the pure functions of weaviate_async.wire"
    ),
    "weaviate.collections.batch.base": "the official batch engine's internals",
    "weaviate.collections.batch.batch_wrapper": "the official batch engine's internals",
    "weaviate.collections.batch.grpc_batch": "the official batch engine's gRPC request code",
    "weaviate.collections.batch.grpc_batch_delete": "the official delete_many request code",
    "weaviate.collections.batch.rest": "the official batch engine's REST request code",
    "weaviate.collections.filters": "the official filter-to-gRPC translation",
}
_SPLIT = (
    "the official split of a namespace into an executor and its async and sync wrappers; ours "
    "is one async namespace class with a generated blocking twin, at the package path"
)
for _area in (
    "aliases",
    "backup",
    "cluster",
    "cluster.replicate",
    "collections.backups",
    "collections.collection",
    "collections.collections",
    "collections.config",
    "collections.data",
    "collections.tenants",
    "collections.batch",
    "debug",
    "export",
    "groups",
    "rbac",
    "tokenization",
    "users",
):
    for _part in ("async_", "sync", "executor", "base"):
        if f"weaviate.{_area}.{_part}" in WALKED:
            INTERNAL_MODULES[f"weaviate.{_area}.{_part}"] = _SPLIT
INTERNAL_MODULES["weaviate.collections.tenants.types"] = (
    "the official tenants package's type aliases; ours are at weaviate.types and "
    "weaviate.outputs.tenants (collections.tenants is a module on our side, not a package)"
)

_IMPLEMENTATION = (
    "an implementation detail of the official client (its transport or its executor "
    "plumbing), which programs do not use and our client has no equivalent of"
)

#: ``module.name`` -> why that name does not exist on our side
DEVIATIONS: dict[str, str] = {
    "weaviate.config.Config": (
        "the v3 client's configuration (experimental gRPC flags of the v3 API); the v4 API, "
        "which this client follows, has no use for it"
    ),
    "weaviate.connect.ConnectionV4": _IMPLEMENTATION + " (the official httpx/grpcio connection)",
    "weaviate.embedded.EmbeddedV3": (
        "the v3 client's embedded server class; ours is EmbeddedServer (also named EmbeddedV4)"
    ),
    "weaviate.embedded.EmbeddedDB": "the v3 alias of EmbeddedV3, see weaviate.embedded.EmbeddedV3",
    "weaviate.util.PYPI_PACKAGE_URL": "the official client's PyPI page, read by its update check",
    "weaviate.util.docstring_deprecated": (
        "the official client's decorator for its own deprecations, not an API for users"
    ),
    "weaviate.collections.classes.grpc.Generate": (
        "the official client's internal carrier of generate arguments (built by "
        "collection.generate from single_prompt/grouped_task); programs pass those arguments"
    ),
}


def _is_internal(path: str) -> str | None:
    for prefix, reason in INTERNAL_MODULES.items():
        if path == prefix or path.startswith(prefix + "."):
            return reason
    return None


PUBLIC_MODULES = ["weaviate"] + [m for m in WALKED if _is_internal(m) is None]


#: names that official modules without ``__all__`` import from elsewhere and that programs
#: import from them all the same (a model next to the models that use it)
REEXPORTS: dict[str, tuple[str, ...]] = {
    "weaviate.collections.classes.internal": ("GroupBy", "MetadataQuery", "QueryNested", "Rerank"),
    "weaviate.collections.classes.filters": ("GeoCoordinate",),
    "weaviate.collections.classes.aggregate": ("GeoCoordinate",),
    "weaviate.collections.classes.grpc": ("FilterReturn",),
    "weaviate.collections.classes.generative": ("GenerativeSearches",),
    "weaviate.collections.iterator": ("Object",),
}


def _rows() -> list[tuple[str, str]]:
    rows = [(m, n) for m in PUBLIC_MODULES for n in h.module_names(h.official_module(m))]
    for module, names in REEXPORTS.items():
        official = h.official_module(module)
        assert not hasattr(official, "__all__"), module
        rows += [(module, n) for n in names if h.get(official, n) is not h.ABSENT]
    return rows


ROWS = _rows()


def _twins(mine: object, twin: object) -> bool:
    """``twin`` is the generated blocking twin of ``mine`` (a class named without "Async", or a
    function of the same name, defined in ``weaviate_sync``)."""
    if not str(getattr(twin, "__module__", "")).startswith("weaviate_sync"):
        return False
    a, b = getattr(mine, "__name__", ""), getattr(twin, "__name__", "")
    return bool(a) and a.replace("Async", "") == b.replace("Async", "")


@pytest.mark.parametrize(("module", "name"), [pytest.param(m, n, id=f"{m}.{n}") for m, n in ROWS])
def test_name_exists_in_both_packages(module: str, name: str) -> None:
    if f"{module}.{name}" in DEVIATIONS:
        return
    found = {}
    for package in h.PACKAGES:
        mod = h.ours(module, package)
        assert mod is not None, f"{h.ours_path(module, package)} does not exist"
        value = h.get(mod, name)
        assert value is not h.ABSENT, f"{h.ours_path(module, package)}.{name} is missing"
        found[package] = value
    mine, twin = found["weaviate_async"], found["weaviate_sync"]
    assert (
        twin is mine or _twins(mine, twin) or (inspect.ismodule(mine) and inspect.ismodule(twin))
    ), f"{module}.{name}: weaviate_sync's object is neither weaviate_async's nor its twin"


def test_listed_deviations_are_still_missing() -> None:
    rows = {f"{m}.{n}": m for m, n in ROWS}
    for path in DEVIATIONS:
        assert path in rows, f"{path} is listed but is no official public name"
        name = path.rpartition(".")[2]
        present = [
            package
            for package in h.PACKAGES
            if (mod := h.ours(rows[path], package)) is not None and h.get(mod, name) is not h.ABSENT
        ]
        assert present != list(h.PACKAGES), f"{path} exists now: unlist it"


def test_internal_modules_are_official_modules() -> None:
    for prefix in INTERNAL_MODULES:
        assert any(m == prefix or m.startswith(prefix + ".") for m in WALKED) or prefix in (
            "weaviate.agents",
            "weaviate.conftest",
        ), f"{prefix} is listed as internal but the official client has no such module"


def test_every_reason_is_a_real_sentence() -> None:
    for reason in [*DEVIATIONS.values(), *INTERNAL_MODULES.values()]:
        assert h.is_real_reason(reason), reason


def test_the_walk_reaches_the_modules_programs_import_from() -> None:
    for path in (
        "weaviate",
        "weaviate.classes.config",
        "weaviate.classes.query",
        "weaviate.outputs.query",
        "weaviate.collections.classes.filters",
        "weaviate.collections.classes.internal",
        "weaviate.collections.batch.client",
        "weaviate.embedded",
        "weaviate.auth",
    ):
        assert path in PUBLIC_MODULES, path
    assert len(ROWS) > 800


def test_our_public_modules_import_cheaply() -> None:
    """Every module path added for parity imports without the transport: programs that only
    import a type for an annotation do not pay for aiohttp or grpclib."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import weaviate_sync, weaviate_async\n"
        "import weaviate_sync.collections.classes.filters\n"
        "assert 'aiohttp' not in sys.modules, 'aiohttp'\n"
        "assert 'grpclib' not in sys.modules, 'grpclib'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    importlib.import_module("weaviate_async")


#: ``module.name`` -> why our constant's value differs from the official one
VALUE_DEVIATIONS: dict[str, str] = {
    "weaviate.embedded.DEFAULT_BINARY_PATH": (
        "where this client keeps provisioned server binaries (its cache_dir(), one folder per "
        "version), which is not the official client's download folder"
    ),
    "weaviate.embedded.WEAVIATE_VERSION": (
        "the server version our embedded server runs by default (DEFAULT_VERSION, the version "
        "this client is tested against), not the official client's newer default"
    ),
    "weaviate.util.MINIMUM_NO_WARNING_VERSION": (
        "the oldest server this client connects to (1.27.0); the official client's constant "
        "(1.16.0) is older than anything this client can talk to"
    ),
}


def _constants() -> list[tuple[str, str, object]]:
    out = []
    for module, name in ROWS:
        value = h.get(h.official_module(module), name)
        if type(value) in (int, float, str, bytes, bool, tuple, frozenset):
            out.append((module, name, value))
    return out


CONSTANTS = _constants()


def test_constants_have_the_official_values() -> None:
    problems = []
    for module, name, value in CONSTANTS:
        path = f"{module}.{name}"
        if path in DEVIATIONS or path in VALUE_DEVIATIONS:
            continue
        mine = h.get(h.ours(module, "weaviate_async"), name)
        if mine != value:
            problems.append(f"{path}: {value!r} != {mine!r}")
    assert not problems, "\n".join(problems)


def test_listed_value_deviations_still_differ() -> None:
    constants = {f"{m}.{n}": (m, n, v) for m, n, v in CONSTANTS}
    for path in VALUE_DEVIATIONS:
        assert path in constants, f"{path} is listed but is no official constant"
        module, name, value = constants[path]
        assert h.get(h.ours(module, "weaviate_async"), name) != value, f"{path}: unlist it"
    assert len(CONSTANTS) > 10
