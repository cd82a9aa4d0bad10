"""Permission builders, their wire form and the parsing of roles and users (pure functions).

The wire form of every builder is compared with the official client's (4.24) for the same
arguments; replies are the server's own shapes (recorded from weaviate-server 1.39)."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from typing import Any

import pytest

from weaviate_async.classes.rbac import Actions, Permissions, RoleScope
from weaviate_async.exceptions import ResponseCannotBeDecodedError, WeaviateInvalidInputError
from weaviate_async.outputs.rbac import (
    DataPermissionOutput,
    NodesPermissionOutput,
    RolesPermissionOutput,
    TenantsPermissionOutput,
)
from weaviate_async.rbac.models import GroupTypes, Role, RoleBase, UserTypes
from weaviate_async.wire import rbac as wire

# (builder path, keyword arguments): every builder, with one and several resources.
CASES: list[tuple[str, dict[str, Any]]] = [
    ("data", {"collection": "Article", "read": True}),
    ("data", {"collection": ["article", "Author"], "tenant": ["t1", "t2"], "create": True,
              "read": True, "update": True, "delete": True}),
    ("collections", {"collection": "Article", "create_collection": True, "read_config": True,
                     "update_config": True, "delete_collection": True}),
    ("tenants", {"collection": "Article", "read": True, "update": True}),
    ("tenants", {"collection": ["A", "B"], "tenant": "t*", "create": True, "delete": True}),
    ("replicate", {"collection": "Article", "shard": ["s1", "s2"], "create": True, "read": True}),
    ("roles", {"role": "*", "read": True, "scope": RoleScope.MATCH}),
    ("roles", {"role": ["a", "b"], "create": True, "update": True, "delete": True}),
    ("users", {"user": ["bob", "carol"], "read": True, "assign_and_revoke": True,
               "create": True, "update": True, "delete": True}),
    ("backup", {"collection": ["A", "b"], "manage": True}),
    ("backup", {"collection": "Article", "read": True}),
    ("backup", {"collection": ["A", "B"], "read": True, "manage": True}),
    ("mcp", {"create": True, "read": True, "update": True}),
    ("cluster", {"read": True}),
    ("alias", {"alias": ["Al1", "Al2"], "collection": "Article", "read": True, "create": True}),
    ("Nodes.minimal", {"read": True}),
    ("Nodes.verbose", {"collection": ["A", "B"], "read": True}),
    ("Groups.oidc", {"group": ["g1", "g2"], "read": True, "assign_and_revoke": True}),
]  # fmt: skip


def _builder(root: Any, path: str) -> Any:
    for part in path.split("."):
        root = getattr(root, part)
    return root


def _canonical(items: list[Any]) -> list[str]:
    return sorted(json.dumps(i, sort_keys=True, default=str) for i in items)


def _official_wire(path: str, kwargs: dict[str, Any]) -> list[Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from weaviate.classes.rbac import Permissions as TheirPermissions
        from weaviate.classes.rbac import RoleScope as TheirScope
    args = dict(kwargs)
    if isinstance(args.get("scope"), RoleScope):
        args["scope"] = TheirScope(args["scope"].value)
    perms = _builder(TheirPermissions, path)(**args)
    out = []
    for p in perms:
        for item in p._to_weaviate():
            item = dict(item)
            item["action"] = getattr(item["action"], "value", item["action"])
            out.append(item)
    return out


@pytest.mark.parametrize(("path", "kwargs"), CASES, ids=[c[0] for c in CASES])
def test_wire_form_is_the_official_clients(path: str, kwargs: dict[str, Any]) -> None:
    ours = wire.permissions_json(_builder(Permissions, path)(**kwargs))
    # (ours also capitalizes the collection of an alias permission, which the official
    # client sends as given: the cases use capitalized names there)
    theirs = _official_wire(path, kwargs)
    assert _canonical(ours) == _canonical(theirs)
    assert ours, "a builder with flags set gives permissions"


def test_collection_and_alias_names_are_capitalized_tenants_are_not() -> None:
    out = wire.permissions_json(
        [
            Permissions.data(collection="article", tenant="tenantA", read=True),
            Permissions.alias(alias="short", collection="article", read=True),
        ]
    )
    assert out == [
        {"action": "read_data", "data": {"collection": "Article", "tenant": "tenantA"}},
        {"action": "read_aliases", "aliases": {"alias": "Short", "collection": "Article"}},
    ]


def test_resources_multiply_and_no_flag_gives_nothing() -> None:
    perms = Permissions.data(collection=["A", "B"], tenant=["x", "y", "z"], read=True)
    assert len(perms) == 6
    assert Permissions.data(collection="A") == []
    assert Permissions.cluster() == [] and Permissions.mcp() == []
    assert Permissions.Nodes.minimal() == [] and Permissions.Groups.oidc(group="g") == []


def test_empty_resource_names_pass_as_in_the_official_client() -> None:
    # Programs build such permissions at import time; the server reads "" as "*".
    assert [p.alias for p in Permissions.alias(alias="", collection="*", read=True)] == [""]
    assert len(Permissions.data(collection=["A", ""], read=True)) == 2


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: Permissions.data(collection=3, read=True), "collection"),
        (lambda: Permissions.data(collection="A", tenant=[1], read=True), "tenant"),
        (lambda: Permissions.data(collection="A", read="yes"), "read"),
        (lambda: Permissions.collections(collection="A", read_config=1), "read_config"),
        (lambda: Permissions.roles(role="r", read=True, scope="everything"), "scope"),
        (lambda: Permissions.users(user=None, read=True), "user"),
        (lambda: Permissions.Nodes.verbose(collection=b"A", read=True), "collection"),
        (lambda: Permissions.backup(collection="A", manage=None), "manage"),
        (lambda: Permissions.backup(collection="A", read="yes"), "read"),
        (lambda: DataPermissionOutput(actions={"fly"}, collection="A", tenant="*"), "actions"),
        (lambda: DataPermissionOutput(actions="read_data", collection="A", tenant="*"), "actions"),
        (
            lambda: NodesPermissionOutput(actions=set(), verbosity="all", collection="*"),
            "verbosity",
        ),
    ],
)
def test_bad_builder_input_names_the_field(call: Any, field: str) -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        call()
    assert info.value.field == field


def test_actions_given_as_strings_become_members() -> None:
    perm = DataPermissionOutput(
        actions={"read_data", Actions.Data.CREATE}, collection="A", tenant="*"
    )
    assert perm.actions == {Actions.Data.READ, Actions.Data.CREATE}
    assert (
        RolesPermissionOutput(actions={"read_roles"}, role="*", scope="all").scope is RoleScope.ALL
    )


@pytest.mark.parametrize(
    "value",
    [[], [[]], "read_data", 3, [Permissions.data(collection="A", read=True), "x"], [[1]]],
    ids=["empty", "empty-nested", "str", "int", "mixed", "nested-int"],
)
def test_permissions_argument_is_checked(value: Any) -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        wire.permissions_json(value)
    assert info.value.field == "permissions"


def test_permissions_nest_one_level_and_mix() -> None:
    single = Permissions.cluster(read=True)[0]
    nested = [Permissions.data(collection="A", read=True), single]
    assert wire.permissions_json(single) == [{"action": "read_cluster"}]
    assert wire.permissions_json(nested) == [
        {"action": "read_data", "data": {"collection": "A", "tenant": "*"}},
        {"action": "read_cluster"},
    ]
    assert wire.permissions_json([], allow_empty=True) == []


# A role as weaviate-server 1.39 returns it (``GET /authz/roles/{id}``), trimmed.
SERVER_ROLE = {
    "name": "mixed",
    "permissions": [
        {"action": "read_data", "data": {"collection": "A", "object": "*", "tenant": "*"}},
        {"action": "create_data", "data": {"collection": "A", "object": "*", "tenant": "*"}},
        {"action": "read_data", "data": {"collection": "A", "object": "*", "tenant": "t1"}},
        {"action": "read_tenants", "tenants": {"collection": "A"}},
        {"action": "read_roles", "roles": {"role": "*", "scope": "all"}},
        {"action": "manage_namespaces", "namespaces": {"namespace": "*"}},
        {"action": "read_nodes", "nodes": {"collection": "*"}},
        {"action": "read_cluster"},
        {"action": "read_groups", "groups": {"group": "g", "groupType": "oidc"}},
    ],
}


def test_a_role_joins_the_actions_of_one_resource() -> None:
    with pytest.warns(UserWarning, match="manage_namespaces"):
        role = wire.role_from_json(SERVER_ROLE)
    assert role.name == "mixed"
    assert role.data_permissions == [
        DataPermissionOutput(actions={Actions.Data.READ, Actions.Data.CREATE}, collection="A", tenant="*"),
        DataPermissionOutput(actions={Actions.Data.READ}, collection="A", tenant="t1"),
    ]  # fmt: skip
    assert role.tenants_permissions == [
        TenantsPermissionOutput(actions={Actions.Tenants.READ}, collection="A", tenant="*")
    ]
    assert role.roles_permissions[0].scope is RoleScope.ALL
    assert role.nodes_permissions[0].verbosity == "minimal"  # the server's default
    assert role.groups_permissions[0].group_type == GroupTypes.OIDC.value
    assert len(role.permissions) == 7  # the unknown kind left out


def test_a_role_read_back_is_sent_again_unchanged() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        role = wire.role_from_json(SERVER_ROLE)
    sent = wire.permissions_json(role.permissions)
    known = [
        {k: v for k, v in p.items()} for p in SERVER_ROLE["permissions"] if p["action"] != "manage_namespaces"
    ]  # fmt: skip
    for item in known:
        if "data" in item:
            item["data"] = {k: v for k, v in item["data"].items() if k != "object"}
        if "tenants" in item:
            item["tenants"] = {"collection": "A", "tenant": "*"}
        if "nodes" in item:
            item["nodes"] = {"collection": "*", "verbosity": "minimal"}
    assert _canonical(sent) == _canonical(known)


def test_a_role_with_read_backups_from_a_newer_server_is_read() -> None:
    """``read_backups`` is new in server 1.40 (1.39 refuses it); a role holding it parses."""
    role = wire.role_from_json(
        {
            "name": "backups",
            "permissions": [
                {"action": "read_backups", "backups": {"collection": "Article"}},
                {"action": "manage_backups", "backups": {"collection": "Article"}},
            ],
        }
    )
    assert [p.actions for p in role.backups_permissions] == [
        {Actions.Backups.READ, Actions.Backups.MANAGE}
    ]
    assert role.backups_permissions[0].collection == "Article"
    sent = wire.permissions_json(Permissions.backup(collection="article", read=True))
    assert sent == [{"action": "read_backups", "backups": {"collection": "Article"}}]


def test_role_names_only_and_with_permissions() -> None:
    reply = [{"name": "r1", "permissions": None}]
    assert wire.roles_by_name(reply, include_permissions=False) == {"r1": RoleBase("r1")}
    full = wire.roles_by_name([{"name": "r1", "permissions": []}])
    assert isinstance(full["r1"], Role) and full["r1"].permissions == []


def test_users_and_times() -> None:
    user = wire.db_user_from_json(
        {
            "active": True,
            "apiKeyFirstLetters": "ckN",
            "createdAt": "2026-11-26T05:38:47.889Z",
            "dbUserType": "db_user",
            "lastUsedAt": "0001-01-01T00:00:00.000Z",
            "roles": [],
            "userId": "bob",
        }
    )
    assert user.user_type is UserTypes.DB_DYNAMIC
    assert user.created_at == dt.datetime(2026, 11, 26, 5, 38, 47, 889000, tzinfo=dt.timezone.utc)
    assert user.last_used_time is None  # Go's zero time: never
    static = wire.db_user_from_json(
        {"active": True, "createdAt": "0001-01-01T00:00:00.000Z", "dbUserType": "db_env_user",
         "roles": ["root"], "userId": "admin"}
    )  # fmt: skip
    assert static.created_at is None and static.api_key_first_letters is None
    me = wire.own_user_from_json({"groups": None, "roles": [], "username": "admin"})
    assert me.user_id == "admin" and me.groups == [] and me.roles == {}


@pytest.mark.parametrize(
    ("parse", "reply"),
    [
        (wire.role_from_json, {"permissions": []}),
        (wire.roles_by_name, {"name": "x"}),
        (wire.db_user_from_json, {"userId": "bob"}),
        (wire.user_assignments_from_json, [{"userId": "bob", "userType": "robot"}]),
        (wire.strings_from_json, None),
        (wire.api_key_from_json, {}),
    ],
)
def test_replies_of_another_shape_are_decoding_errors(parse: Any, reply: Any) -> None:
    with pytest.raises(ResponseCannotBeDecodedError):
        parse(reply)


@pytest.mark.parametrize("value", ["", None, 3, b"r"])
def test_names_are_checked(value: Any) -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        wire.role_name(value)
    assert info.value.field == "role_name"


@pytest.mark.parametrize("value", [[], "", [""], [3], None, b"x"])
def test_role_names_are_checked(value: Any) -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        wire.role_names_json(value)
    assert info.value.field == "role_names"


def test_paths_quote_names() -> None:
    assert wire.user_path("a/b c") == "/authz/users/a%2Fb%20c"
    assert wire.role_path("r?x", "/users") == "/authz/roles/r%3Fx/users"
