"""Signature parity of roles, users and groups with the official client (4.24).

Two parts:

* the modules of models and builders (``weaviate.classes.rbac``, ``weaviate.outputs.rbac``,
  ``weaviate.outputs.users``, ``weaviate.rbac.models``, ``weaviate.users.users``): every public
  name exists at the mirrored path in ``weaviate_async`` and ``weaviate_sync`` (the same object),
  with the same parameters (names, kinds, defaults; through ``Permissions.Nodes`` and the other
  nested builders), enums with the same members;
* the namespaces (``client.roles``, ``client.users`` with ``.db`` / ``.oidc``, ``client.groups``
  with ``.oidc``), async and the generated sync twins: every public method of the official
  class exists with the same parameters, and nothing else is public.

Deviations are listed with their reasons; a listed entry that no longer differs fails.
"""

from __future__ import annotations

import importlib
import inspect
import warnings
from typing import Any

import pytest

from tests.unit import parity_helpers as h

#: official module -> our module (under weaviate_async and weaviate_sync)
MODULES = {
    "weaviate.classes.rbac": "classes.rbac",
    "weaviate.outputs.rbac": "outputs.rbac",
    "weaviate.outputs.users": "outputs.users",
    "weaviate.rbac.models": "rbac.models",
    "weaviate.users.users": "users.users",
}

#: path -> why ours differs from the official object.
DEVIATIONS: dict[str, str] = {}
#: path -> why the official name is not here.
LEFT_OUT: dict[str, str] = {}

#: (official class, ours in weaviate_async, ours in weaviate_sync); each pair is compared.
NAMESPACES = [
    ("weaviate.rbac.async_._RolesAsync", "weaviate_async.rbac.roles._RolesAsync"),
    ("weaviate.rbac.sync._Roles", "weaviate_sync.rbac.roles._Roles"),
    ("weaviate.users.async_._UsersAsync", "weaviate_async.users.namespace._UsersAsync"),
    ("weaviate.users.sync._Users", "weaviate_sync.users.namespace._Users"),
    ("weaviate.users.async_._UsersDBAsync", "weaviate_async.users.namespace._UsersDBAsync"),
    ("weaviate.users.sync._UsersDB", "weaviate_sync.users.namespace._UsersDB"),
    ("weaviate.users.async_._UsersOIDCAsync", "weaviate_async.users.namespace._UsersOIDCAsync"),
    ("weaviate.users.sync._UsersOIDC", "weaviate_sync.users.namespace._UsersOIDC"),
    ("weaviate.groups.async_._GroupsAsync", "weaviate_async.groups.namespace._GroupsAsync"),
    ("weaviate.groups.sync._Groups", "weaviate_sync.groups.namespace._Groups"),
    (
        "weaviate.groups.async_._GroupsOIDCAsync",
        "weaviate_async.groups.namespace._GroupsOIDCAsync",
    ),
    ("weaviate.groups.sync._GroupsOIDC", "weaviate_sync.groups.namespace._GroupsOIDC"),
]
#: Sub-namespaces the official classes set in ``__init__`` (not visible on the class), and
#: ours as properties: (namespace module path, attribute, class of ours it returns).
SUB_NAMESPACES = [
    ("weaviate_async.users.namespace._UsersAsync", "db", "_UsersDBAsync"),
    ("weaviate_async.users.namespace._UsersAsync", "oidc", "_UsersOIDCAsync"),
    ("weaviate_async.groups.namespace._GroupsAsync", "oidc", "_GroupsOIDCAsync"),
    ("weaviate_sync.users.namespace._Users", "db", "_UsersDB"),
    ("weaviate_sync.users.namespace._Users", "oidc", "_UsersOIDC"),
    ("weaviate_sync.groups.namespace._Groups", "oidc", "_GroupsOIDC"),
]
#: (namespace, method) -> why the parameters differ.
METHOD_DEVIATIONS: dict[tuple[str, str], str] = {}


def _load(dotted: str) -> Any:
    module, _, name = dotted.rpartition(".")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a dependency of the official client warns on import
        return getattr(importlib.import_module(module), name)


SURFACE = h.surface(MODULES)


@pytest.mark.parametrize(
    ("module", "name"), [pytest.param(m, n, id=f"{m}.{n}") for m, n in h.surface_names(MODULES)]
)
def test_name_exists_in_both_packages(module: str, name: str) -> None:
    if f"{module}.{name}" in LEFT_OUT:
        return
    mine = h.get(importlib.import_module(f"weaviate_async.{module}"), name)
    twin = h.get(importlib.import_module(f"weaviate_sync.{module}"), name)
    assert mine is not h.ABSENT, f"weaviate_async.{module}.{name} is missing"
    assert twin is mine, f"weaviate_sync.{module}.{name} is not weaviate_async's object"


def test_models_and_builders_match_the_official_client() -> None:
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
        assert path in paths and paths[path][1] is not h.ABSENT, path
        assert h.difference(*paths[path]) is not None, f"{path} no longer differs: unlist it"
    for path in LEFT_OUT:
        assert path in paths and paths[path][1] is h.ABSENT, f"{path} exists now: unlist it"


def test_the_surface_reaches_the_nested_builders() -> None:
    paths = {path for path, _, _ in SURFACE}
    assert "classes.rbac.Permissions.Nodes.verbose" in paths
    assert "classes.rbac.Permissions.Groups.oidc" in paths
    assert "rbac.models.Actions.Replicate" in paths
    assert "rbac.models.Role" in paths and "users.users.UserDB" in paths
    assert len(paths) > 90


@pytest.mark.parametrize(("official_path", "ours_path"), NAMESPACES, ids=[n[1] for n in NAMESPACES])
def test_namespace_methods_match(official_path: str, ours_path: str) -> None:
    official, ours = h.public_callables(_load(official_path)), h.public_callables(_load(ours_path))
    short = ours_path.rpartition(".")[2]
    assert set(ours) == set(official), f"{short}: {set(ours) ^ set(official)}"
    for name, fn in official.items():
        if (short, name) in METHOD_DEVIATIONS:
            assert h.shape(ours[name]) != h.shape(fn), f"{short}.{name} no longer differs"
            continue
        assert h.shape(ours[name]) == h.shape(fn), f"{short}.{name}"
    # client.groups holds only its .oidc sub-namespace (compared below)
    assert official or short in ("_GroupsAsync", "_Groups"), "nothing compared"


@pytest.mark.parametrize(("path", "attribute", "returns"), SUB_NAMESPACES)
def test_sub_namespaces_are_properties(path: str, attribute: str, returns: str) -> None:
    member = inspect.getattr_static(_load(path), attribute)
    assert isinstance(member, property)
    assert returns in str(inspect.signature(member.fget).return_annotation)


@pytest.mark.parametrize("package", ["weaviate_async", "weaviate_sync"])
def test_client_has_the_namespaces(package: str) -> None:
    client_cls = _load(
        f"{package}.client.{'WeaviateAsyncClient' if package == 'weaviate_async' else 'WeaviateClient'}"
    )
    for name in ("roles", "users", "groups"):
        assert name in dir(client_cls), name


def test_every_reason_is_a_real_sentence() -> None:
    for reason in [*DEVIATIONS.values(), *LEFT_OUT.values(), *METHOD_DEVIATIONS.values()]:
        assert h.is_real_reason(reason), reason
