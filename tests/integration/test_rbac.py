"""Roles, users and groups against a real server with API keys, database users, OIDC (a local
issuer) and RBAC: what a role grants is what its holder can do, keys rotate and users are
switched off, OIDC users and groups get roles. Its blocking twin is generated
(``__sync_twin__``)."""

from __future__ import annotations

import datetime as dt
import inspect
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

import weaviate_async
from tests.conftest import SERVER_VERSION
from tests.oidc_issuer import OIDCIssuer
from weaviate_async.classes.config import Configure, DataType, Property
from weaviate_async.classes.rbac import Actions, Permissions, RoleScope
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.connect.auth import Auth, AuthCredentials
from weaviate_async.embedded import EmbeddedOptions, EmbeddedServer
from weaviate_async.exceptions import (
    AuthenticationFailedError,
    InsufficientPermissionsError,
    ObjectAlreadyExistsError,
    UnexpectedStatusCodeError,
    WeaviateInvalidInputError,
)
from weaviate_async.outputs.rbac import (
    DataPermissionOutput,
    GroupAssignment,
    UserAssignment,
)
from weaviate_async.outputs.users import UserTypes
from weaviate_async.rbac.models import GroupTypes, Role, RoleBase

__sync_twin__ = "tests/integration/test_rbac_sync_gen.py"

ADMIN_KEY = "rbac-admin-key-7f3e"
ADMIN_USER = "rbac-admin"
CLIENT_ID = "weaviate-rbac-test"
GROUP = "testers"


@pytest.fixture(scope="module")
def oidc_issuer() -> Iterator[OIDCIssuer]:
    """The OIDC issuer the server trusts; its tokens carry the groups claim ``[GROUP]``."""
    with OIDCIssuer(client_id=CLIENT_ID, token_lifetime=3600, groups=(GROUP,)) as issuer:
        yield issuer


@pytest.fixture(scope="module")
def rbac_server(oidc_issuer: OIDCIssuer) -> Iterator[EmbeddedServer]:
    """API keys (one root admin), database users, OIDC and RBAC on one server."""
    srv = EmbeddedServer(
        EmbeddedOptions(
            version=SERVER_VERSION,
            anonymous_access=False,
            api_keys={ADMIN_KEY: ADMIN_USER},
            admin_users=(ADMIN_USER,),
            additional_env_vars={
                "AUTHENTICATION_DB_USERS_ENABLED": "true",
                "AUTHENTICATION_OIDC_ENABLED": "true",
                "AUTHENTICATION_OIDC_ISSUER": oidc_issuer.url,
                "AUTHENTICATION_OIDC_CLIENT_ID": CLIENT_ID,
                "AUTHENTICATION_OIDC_USERNAME_CLAIM": "sub",
                "AUTHENTICATION_OIDC_GROUPS_CLAIM": "groups",
            },
        )
    ).start()
    yield srv
    srv.stop()


async def _connect(server: EmbeddedServer, creds: AuthCredentials) -> WeaviateAsyncClient:
    return await weaviate_async.connect_to_local(
        host=server.host, port=server.http_port, grpc_port=server.grpc_port, auth_credentials=creds
    )


async def _as_oidc(
    server: EmbeddedServer, issuer: OIDCIssuer, sub: str, *groups: str
) -> WeaviateAsyncClient:
    token = issuer.issue_access_token(sub, lifetime=3600, groups=list(groups))
    return await _connect(server, Auth.bearer_token(token, expires_in=3600))


@pytest.fixture
async def admin_client(rbac_server: EmbeddedServer) -> AsyncIterator[WeaviateAsyncClient]:
    """The root admin."""
    client = await _connect(rbac_server, Auth.api_key(ADMIN_KEY))
    try:
        yield client
    finally:
        await client.close()


def _name(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


async def _collection_with_one_object(client: WeaviateAsyncClient, name: str) -> None:
    collection = await client.collections.create(
        name,
        properties=[Property(name="title", data_type=DataType.TEXT)],
        vector_config=Configure.Vectors.self_provided(),
    )
    await collection.data.insert({"title": f"in {name}"})


async def test_role_lifecycle(admin_client: WeaviateAsyncClient) -> None:
    role = _name("lifecycle")
    coll = _name("Books")
    created = await admin_client.roles.create(
        role_name=role,
        permissions=[
            Permissions.collections(collection=coll, read_config=True),
            Permissions.data(collection=coll, read=True, create=True),
        ],
    )
    assert await admin_client.roles.exists(role)
    fetched = await admin_client.roles.get(role)
    assert fetched == created
    assert fetched is not None and fetched.data_permissions == [
        DataPermissionOutput(
            actions={Actions.Data.READ, Actions.Data.CREATE}, collection=coll, tenant="*"
        )
    ]
    everything = await admin_client.roles.list_all()
    assert everything[role] == created
    assert {"admin", "viewer", "root"} <= set(everything)
    with pytest.raises(ObjectAlreadyExistsError):
        await admin_client.roles.create(role_name=role, permissions=Permissions.cluster(read=True))

    await admin_client.roles.add_permissions(
        permissions=[Permissions.cluster(read=True), Permissions.Nodes.minimal(read=True)],
        role_name=role,
    )
    after_add = await admin_client.roles.get(role)
    assert after_add is not None
    assert [p.actions for p in after_add.cluster_permissions] == [{Actions.Cluster.READ}]
    assert after_add.nodes_permissions[0].verbosity == "minimal"

    await admin_client.roles.remove_permissions(
        permissions=Permissions.data(collection=coll, create=True), role_name=role
    )
    after_remove = await admin_client.roles.get(role)
    assert after_remove is not None
    assert [p.actions for p in after_remove.data_permissions] == [{Actions.Data.READ}]

    # removing every permission leaves the role in place, empty
    await admin_client.roles.remove_permissions(
        permissions=after_remove.permissions, role_name=role
    )
    emptied = await admin_client.roles.get(role)
    assert emptied is not None and emptied.permissions == []

    # a role may start without permissions, as a removal may leave it
    bare = _name("bare")
    assert (await admin_client.roles.create(role_name=bare, permissions=[])).permissions == []
    assert (await admin_client.roles.get(bare)) == Role(bare, *([[]] * 12))
    await admin_client.roles.delete(bare)

    await admin_client.roles.delete(role)
    assert not await admin_client.roles.exists(role)
    assert await admin_client.roles.get(role) is None
    await admin_client.roles.delete(role)  # deleting what is gone is no error
    with pytest.raises(UnexpectedStatusCodeError) as info:
        await admin_client.roles.add_permissions(
            permissions=Permissions.cluster(read=True), role_name=role
        )
    assert info.value.status == 404


async def test_a_read_role_lets_a_db_user_read_one_collection_only(
    admin_client: WeaviateAsyncClient, rbac_server: EmbeddedServer
) -> None:
    mine, other = _name("Mine"), _name("Other")
    await _collection_with_one_object(admin_client, mine)
    await _collection_with_one_object(admin_client, other)
    role, user = _name("reader"), _name("reader-user")
    await admin_client.roles.create(
        role_name=role,
        permissions=[
            Permissions.collections(collection=mine, read_config=True),
            Permissions.data(collection=mine, read=True),
        ],
    )
    key = await admin_client.users.db.create(user_id=user)
    await admin_client.users.db.assign_roles(user_id=user, role_names=role)

    reader = await _connect(rbac_server, Auth.api_key(key))
    try:
        me = await reader.users.get_my_user()
        assert me.user_id == user and list(me.roles) == [role]
        readable = reader.collections.use(mine)
        found = await readable.query.fetch_objects()
        assert [o.properties["title"] for o in found.objects] == [f"in {mine}"]
        assert (await readable.config.get()).name == mine

        with pytest.raises(InsufficientPermissionsError):
            await readable.data.insert({"title": "not allowed"})
        with pytest.raises(InsufficientPermissionsError):
            await reader.collections.use(other).query.fetch_objects()
        with pytest.raises(InsufficientPermissionsError):
            await reader.collections.use(other).config.get()
        # listings are filtered to what the user may read, single reads are refused
        assert await reader.roles.list_all() == {}
        assert await reader.users.db.list_all() == []
        with pytest.raises(InsufficientPermissionsError):
            await reader.roles.get("admin")
        with pytest.raises(InsufficientPermissionsError):
            await reader.users.db.create(user_id=_name("nope"))
    finally:
        await reader.close()
    # the insert was refused, not half-done
    assert len((await admin_client.collections.use(mine).query.fetch_objects()).objects) == 1


async def test_has_permissions(admin_client: WeaviateAsyncClient) -> None:
    role = _name("checked")
    await admin_client.roles.create(
        role_name=role,
        permissions=[
            Permissions.data(collection="Checked", read=True),
            Permissions.roles(role="*", read=True, scope=RoleScope.MATCH),
        ],
    )
    roles = admin_client.roles
    assert await roles.has_permissions(
        permissions=Permissions.data(collection="Checked", read=True), role=role
    )
    assert not await roles.has_permissions(
        permissions=Permissions.data(collection="Checked", create=True), role=role
    )
    # every action of every permission must be held
    assert not await roles.has_permissions(
        permissions=Permissions.data(collection="Checked", read=True, delete=True), role=role
    )
    assert not await roles.has_permissions(
        permissions=[Permissions.data(collection="Checked", read=True), Permissions.cluster(read=True)],
        role=role,
    )  # fmt: skip
    assert not await roles.has_permissions(
        permissions=Permissions.data(collection="Elsewhere", read=True), role=role
    )
    # permissions read back from a role are accepted as they are
    fetched = await roles.get(role)
    assert fetched is not None
    assert await roles.has_permissions(permissions=fetched.permissions, role=role)
    assert await roles.has_permissions(permissions=fetched.roles_permissions[0], role=role)
    assert not await roles.has_permissions(
        permissions=Permissions.data(collection="Checked", read=True), role=_name("missing")
    )
    with pytest.raises(WeaviateInvalidInputError):
        await roles.has_permissions(permissions=Permissions.data(collection="Checked"), role=role)


async def test_read_backups_is_sent_and_refused_by_servers_before_1_40(
    admin_client: WeaviateAsyncClient,
) -> None:
    role, coll = _name("backups"), _name("Archived")
    meta = await admin_client.get_meta()
    version = tuple(int(p) for p in str(meta["version"]).split("-")[0].split(".")[:3])
    wanted = Permissions.backup(collection=coll, read=True, manage=True)
    if version >= (1, 40, 0):
        created = await admin_client.roles.create(role_name=role, permissions=wanted)
        assert [p.actions for p in created.backups_permissions] == [
            {Actions.Backups.READ, Actions.Backups.MANAGE}
        ]
        assert await admin_client.roles.has_permissions(
            permissions=Permissions.backup(collection=coll, read=True), role=role
        )
        await admin_client.roles.delete(role)
        return
    # the server's own refusal surfaces, with its status and its text
    with pytest.raises(UnexpectedStatusCodeError) as refused:
        await admin_client.roles.create(role_name=role, permissions=wanted)
    assert refused.value.status == 422
    assert refused.value.server_message is not None
    assert "action" in refused.value.server_message
    assert "manage_backups" in refused.value.server_message  # what it does accept
    assert "read_backups" not in refused.value.server_message
    assert not await admin_client.roles.exists(role)
    # manage alone is what such a server knows
    created = await admin_client.roles.create(
        role_name=role, permissions=Permissions.backup(collection=coll, manage=True)
    )
    assert [p.actions for p in created.backups_permissions] == [{Actions.Backups.MANAGE}]
    await admin_client.roles.delete(role)


def _every_flag(builder: Any, name: str) -> Any:
    """``builder`` with every flag set and each resource named ``name``."""
    params = inspect.signature(builder).parameters.values()
    flags = {p.name: True for p in params if p.default is False}
    names = {p.name: name for p in params if p.default is not False and p.name != "scope"}
    # the server stores a roles permission without scope as MATCH: named, it reads back alike
    scope = {"scope": RoleScope.MATCH} if any(p.name == "scope" for p in params) else {}
    return builder(**names, **flags, **scope)


async def test_every_builder_with_every_flag_is_read_back_as_sent(
    admin_client: WeaviateAsyncClient,
) -> None:
    """The permission kinds are generated from a table: each builder, with all of its flags,
    makes a role the server stores and gives back as the client built it."""
    meta = await admin_client.get_meta()
    version = tuple(int(p) for p in str(meta["version"]).split("-")[0].split(".")[:3])
    builders = [
        getattr(ns, method)
        for ns in (Permissions, Permissions.Nodes, Permissions.Groups)
        for method in sorted(vars(ns))
        if not method.startswith("_") and not isinstance(getattr(ns, method), type)
    ]
    assert len(builders) == 13
    for builder in builders:
        permissions = _every_flag(builder, "Thing")
        if builder is Permissions.backup and version < (1, 40, 0):
            # read_backups is refused before 1.40 (see the test above)
            permissions = Permissions.backup(collection="Thing", manage=True)
        role = _name(f"every{builder.__name__}")
        created = await admin_client.roles.create(role_name=role, permissions=permissions)
        assert len(created.permissions) == 1, builder
        assert await admin_client.roles.get(role) == created, builder
        assert await admin_client.roles.has_permissions(permissions=permissions, role=role)
        await admin_client.roles.delete(role)


async def test_assignments_are_listed(admin_client: WeaviateAsyncClient) -> None:
    role, user = _name("assigned"), _name("holder")
    await admin_client.roles.create(role_name=role, permissions=Permissions.cluster(read=True))
    await admin_client.users.db.create(user_id=user)
    await admin_client.users.db.assign_roles(user_id=user, role_names=[role, "viewer"])

    assert await admin_client.roles.get_user_assignments(role) == [
        UserAssignment(user_id=user, user_type=UserTypes.DB_DYNAMIC)
    ]
    with pytest.warns(DeprecationWarning):
        assert await admin_client.roles.get_assigned_user_ids(role) == [user]
    names_only = await admin_client.users.db.get_assigned_roles(user_id=user)
    assert names_only == {role: RoleBase(role), "viewer": RoleBase("viewer")}
    full = await admin_client.users.db.get_assigned_roles(user_id=user, include_permissions=True)
    assert isinstance(full[role], Role) and full[role] == await admin_client.roles.get(role)
    assert sorted((await admin_client.users.db.get(user_id=user)).role_names) == sorted(
        [role, "viewer"]
    )

    await admin_client.users.db.revoke_roles(user_id=user, role_names=role)
    assert await admin_client.roles.get_user_assignments(role) == []
    assert list(await admin_client.users.db.get_assigned_roles(user_id=user)) == ["viewer"]
    with pytest.raises(UnexpectedStatusCodeError) as info:
        await admin_client.users.db.assign_roles(user_id=user, role_names=_name("no-such-role"))
    assert info.value.status == 404
    with pytest.raises(UnexpectedStatusCodeError) as info:
        await admin_client.users.db.assign_roles(user_id=_name("no-such-user"), role_names=role)
    assert info.value.status == 404


async def test_db_users(admin_client: WeaviateAsyncClient, rbac_server: EmbeddedServer) -> None:
    user = _name("db-user")
    before = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=5)
    key = await admin_client.users.db.create(user_id=user)
    got = await admin_client.users.db.get(user_id=user)
    assert got is not None
    assert (got.user_id, got.user_type, got.active, got.role_names) == (
        user,
        UserTypes.DB_DYNAMIC,
        True,
        [],
    )
    assert got.created_at is not None and got.created_at > before
    assert got.api_key_first_letters == key[:3]
    assert got.last_used_time is None

    used = await _connect(rbac_server, Auth.api_key(key))
    await used.close()
    seen = await admin_client.users.db.get(user_id=user, include_last_used_time=True)
    assert seen is not None and seen.last_used_time is not None and seen.last_used_time > before

    everyone = {u.user_id: u for u in await admin_client.users.db.list_all()}
    assert everyone[user].user_type is UserTypes.DB_DYNAMIC
    assert everyone[ADMIN_USER].user_type is UserTypes.DB_STATIC
    assert everyone[ADMIN_USER].created_at is None  # configured users have no creation time

    with pytest.raises(ObjectAlreadyExistsError):
        await admin_client.users.db.create(user_id=user)
    with pytest.raises(UnexpectedStatusCodeError) as info:
        await admin_client.users.db.rotate_key(user_id=ADMIN_USER)
    assert info.value.status == 422  # a static user's key is the server's configuration
    with pytest.raises(UnexpectedStatusCodeError) as info:
        await admin_client.users.db.activate(user_id=_name("ghost"))
    assert info.value.status == 404

    assert await admin_client.users.db.delete(user_id=user) is True
    assert await admin_client.users.db.delete(user_id=user) is False
    assert await admin_client.users.db.get(user_id=user) is None


async def test_rotate_key_invalidates_the_old_key(
    admin_client: WeaviateAsyncClient, rbac_server: EmbeddedServer
) -> None:
    user = _name("rotated")
    old = await admin_client.users.db.create(user_id=user)
    new = await admin_client.users.db.rotate_key(user_id=user)
    assert new != old
    with pytest.raises(AuthenticationFailedError):
        await _connect(rbac_server, Auth.api_key(old))
    client = await _connect(rbac_server, Auth.api_key(new))
    try:
        assert (await client.users.get_my_user()).user_id == user
    finally:
        await client.close()


async def test_deactivate_blocks_the_user(
    admin_client: WeaviateAsyncClient, rbac_server: EmbeddedServer
) -> None:
    user = _name("switched")
    key = await admin_client.users.db.create(user_id=user)
    client = await _connect(rbac_server, Auth.api_key(key))
    try:
        assert await admin_client.users.db.deactivate(user_id=user) is True
        assert await admin_client.users.db.deactivate(user_id=user) is False  # already
        assert (await admin_client.users.db.get(user_id=user)).active is False
        with pytest.raises(AuthenticationFailedError, match="deactivated"):
            await client.users.get_my_user()
        with pytest.raises(AuthenticationFailedError):
            await _connect(rbac_server, Auth.api_key(key))

        assert await admin_client.users.db.activate(user_id=user) is True
        assert await admin_client.users.db.activate(user_id=user) is False  # already
        assert (await client.users.get_my_user()).user_id == user

        # with revoke_key, activating is not enough: the key is void until rotated
        assert await admin_client.users.db.deactivate(user_id=user, revoke_key=True) is True
        assert await admin_client.users.db.activate(user_id=user) is True
        with pytest.raises(AuthenticationFailedError, match="revoked"):
            await client.users.get_my_user()
        fresh = await admin_client.users.db.rotate_key(user_id=user)
        again = await _connect(rbac_server, Auth.api_key(fresh))
        await again.close()
    finally:
        await client.close()


async def test_oidc_user_roles(
    admin_client: WeaviateAsyncClient, rbac_server: EmbeddedServer, oidc_issuer: OIDCIssuer
) -> None:
    coll, role, alice = _name("Oidc"), _name("oidc-reader"), _name("alice")
    await _collection_with_one_object(admin_client, coll)
    await admin_client.roles.create(
        role_name=role,
        permissions=[
            Permissions.collections(collection=coll, read_config=True),
            Permissions.data(collection=coll, read=True),
        ],
    )
    # a user who never logged in can be given roles
    await admin_client.users.oidc.assign_roles(user_id=alice, role_names=[role])
    assert await admin_client.users.oidc.get_assigned_roles(user_id=alice) == {role: RoleBase(role)}
    full = await admin_client.users.oidc.get_assigned_roles(user_id=alice, include_permissions=True)
    assert full[role].data_permissions[0].collection == coll
    assert UserAssignment(user_id=alice, user_type=UserTypes.OIDC) in (
        await admin_client.roles.get_user_assignments(role)
    )
    # the database user namespace does not see OIDC users
    with pytest.raises(UnexpectedStatusCodeError):
        await admin_client.users.db.assign_roles(user_id=alice, role_names=role)

    client = await _as_oidc(rbac_server, oidc_issuer, alice)
    try:
        me = await client.users.get_my_user()
        assert me.user_id == alice and list(me.roles) == [role] and me.groups == []
        found = await client.collections.use(coll).query.fetch_objects()
        assert len(found.objects) == 1
        await admin_client.users.oidc.revoke_roles(user_id=alice, role_names=role)
        assert await admin_client.users.oidc.get_assigned_roles(user_id=alice) == {}
        with pytest.raises(InsufficientPermissionsError):
            await client.collections.use(coll).query.fetch_objects()
    finally:
        await client.close()


async def test_oidc_group_roles(
    admin_client: WeaviateAsyncClient, rbac_server: EmbeddedServer, oidc_issuer: OIDCIssuer
) -> None:
    coll, role = _name("Grouped"), _name("group-reader")
    group, member = _name("group"), _name("carol")
    await _collection_with_one_object(admin_client, coll)
    await admin_client.roles.create(
        role_name=role,
        permissions=[
            Permissions.collections(collection=coll, read_config=True),
            Permissions.data(collection=coll, read=True),
        ],
    )
    await admin_client.groups.oidc.assign_roles(group_id=group, role_names=role)
    assert group in await admin_client.groups.oidc.get_known_group_names()
    assert await admin_client.groups.oidc.get_assigned_roles(group_id=group) == {
        role: RoleBase(role)
    }
    full = await admin_client.groups.oidc.get_assigned_roles(
        group_id=group, include_permissions=True
    )
    assert full[role] == await admin_client.roles.get(role)
    assert await admin_client.roles.get_group_assignments(role) == [
        GroupAssignment(group_id=group, group_type=GroupTypes.OIDC)
    ]

    # a member holds the group's roles through its token's groups claim, none of its own
    client = await _as_oidc(rbac_server, oidc_issuer, member, group)
    outsider = await _as_oidc(rbac_server, oidc_issuer, _name("dave"), _name("other-group"))
    try:
        assert (await client.users.get_my_user()).groups == [group]
        assert await admin_client.users.oidc.get_assigned_roles(user_id=member) == {}
        assert len((await client.collections.use(coll).query.fetch_objects()).objects) == 1
        with pytest.raises(InsufficientPermissionsError):
            await outsider.collections.use(coll).query.fetch_objects()

        await admin_client.groups.oidc.revoke_roles(group_id=group, role_names=[role])
        assert await admin_client.groups.oidc.get_assigned_roles(group_id=group) == {}
        assert await admin_client.roles.get_group_assignments(role) == []
        with pytest.raises(InsufficientPermissionsError):
            await client.collections.use(coll).query.fetch_objects()
    finally:
        await client.close()
        await outsider.close()


async def test_deprecated_calls_warn_and_work(admin_client: WeaviateAsyncClient) -> None:
    role, user = _name("old-style"), _name("old-user")
    await admin_client.roles.create(role_name=role, permissions=Permissions.cluster(read=True))
    await admin_client.users.db.create(user_id=user)
    with pytest.warns(DeprecationWarning):
        await admin_client.users.assign_roles(user_id=user, role_names=role)
    with pytest.warns(DeprecationWarning):
        assigned = await admin_client.users.get_assigned_roles(user)
    assert list(assigned) == [role] and isinstance(assigned[role], Role)
    with pytest.warns(DeprecationWarning):
        await admin_client.users.revoke_roles(user_id=user, role_names=[role])
    assert await admin_client.users.db.get_assigned_roles(user_id=user) == {}
    with pytest.warns(DeprecationWarning):
        current = await admin_client.roles.get_current_roles()
    assert [r.name for r in current] == ["root"]


async def test_bad_input_is_refused_before_sending(admin_client: WeaviateAsyncClient) -> None:
    role = _name("never")
    roles, db = admin_client.roles, admin_client.users.db
    cases: list[tuple[Any, str]] = [
        (lambda: roles.create(role_name="", permissions=[]), "role_name"),
        (lambda: roles.create(role_name=role, permissions="read"), "permissions"),
        (lambda: roles.add_permissions(permissions=[], role_name=role), "permissions"),
        (lambda: roles.get(None), "role_name"),
        (lambda: db.create(user_id=""), "user_id"),
        (lambda: db.assign_roles(user_id="x", role_names=[]), "role_names"),
        (lambda: db.get(user_id="x", include_last_used_time="yes"), "include_last_used_time"),
        (lambda: db.deactivate(user_id="x", revoke_key=None), "revoke_key"),
        (lambda: admin_client.groups.oidc.assign_roles(group_id="", role_names="r"), "group_id"),
    ]
    for call, field in cases:
        with pytest.raises(WeaviateInvalidInputError) as info:
            await call()
        assert info.value.field == field
    assert not await roles.exists(role)
