"""Tenant requests and replies (pure): the REST bodies of create / update / remove, the
``TenantsGet`` request, and tenants read back from REST JSON or the gRPC reply.

Input is checked here, before anything is sent: a wrong type or a status that cannot be set
raises :class:`WeaviateInvalidInputError` naming the argument (``tenants[3]`` ...).

The server reports statuses under their current names or the older ones (``HOT``, ``COLD``,
``FROZEN``, ``FREEZING``, ``UNFREEZING``; v1.39 still answers REST reads with ``HOT`` and
``COLD``); both read as the current :class:`TenantActivityStatus` members, without a warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from weaviate_async._validate import invalid, invalid_type
from weaviate_async.classes._tenants import (
    Tenant,
    TenantActivityStatus,
    TenantCreate,
    TenantCreateActivityStatus,
    TenantUpdate,
    TenantUpdateActivityStatus,
)
from weaviate_async.exceptions import ResponseCannotBeDecodedError
from weaviate_async.proto.weaviate.v1 import tenants_pb2
from weaviate_async.wire.unencodable import utf8_arguments

__all__ = [
    "UPDATE_BATCH_SIZE",
    "create_body",
    "names_of",
    "one_name",
    "status_updates",
    "tenant_from_json",
    "tenants_from_reply",
    "tenants_get_request",
    "update_bodies",
]

#: Tenants per update request, as the official client sends them.
UPDATE_BATCH_SIZE = 100

_S = TenantActivityStatus
#: Every status name the server may report, old or new, and what it means today.
_FROM_SERVER: dict[str, TenantActivityStatus] = {
    "ACTIVE": _S.ACTIVE,
    "HOT": _S.ACTIVE,
    "INACTIVE": _S.INACTIVE,
    "COLD": _S.INACTIVE,
    "OFFLOADED": _S.OFFLOADED,
    "FROZEN": _S.OFFLOADED,
    "OFFLOADING": _S.OFFLOADING,
    "FREEZING": _S.OFFLOADING,
    "ONLOADING": _S.ONLOADING,
    "UNFREEZING": _S.ONLOADING,
}
# The gRPC enum has a member for every name the server may report (TENANT_ACTIVITY_STATUS_HOT...).
_FROM_PB: dict[int, TenantActivityStatus] = {
    tenants_pb2.TenantActivityStatus.Value(f"TENANT_ACTIVITY_STATUS_{name}"): status
    for name, status in _FROM_SERVER.items()
}
_CREATABLE = {_S.ACTIVE: "ACTIVE", _S.INACTIVE: "INACTIVE"}
_SETTABLE = {_S.ACTIVE: "ACTIVE", _S.INACTIVE: "INACTIVE", _S.OFFLOADED: "OFFLOADED"}


def _many(value: Any, single: tuple[type, ...], field: str, what: str) -> list[Any]:
    """``value`` as a list: one item of a ``single`` type, or a sequence of them."""
    if isinstance(value, single):
        return [value]
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise invalid(field, f"must be {what}, or a list of them", value)
    items = list(value)
    for i, item in enumerate(items):
        if not isinstance(item, single):
            raise invalid(f"{field}[{i}]", f"must be {what}", item)
    return items


def _name(item: str | Tenant | TenantCreate | TenantUpdate, field: str) -> str:
    # Any name is the server's to judge (an empty one too: it answers 422), as the official
    # client sends it.
    return item if isinstance(item, str) else item.name


def one_name(tenant: Any, field: str = "tenant") -> str:
    """The name of one tenant given as a name or a ``Tenant``, for a path.

    Raises:
        InvalidArgumentTypeError: an empty name, whose path would be the list of every tenant
            (a TypeError, as the official client fails on that list).
    """
    if not isinstance(tenant, (str, Tenant)):
        raise invalid(field, "must be a tenant name or a Tenant", tenant)
    name = _name(tenant, field)
    if not name:
        raise invalid_type(
            field, "a tenant name must not be empty (its path is the list's)", tenant
        )
    return name


def names_of(tenants: Any, field: str = "tenants") -> list[str]:
    """The names of one tenant or a list of them, each a name or a ``Tenant``."""
    items = _many(tenants, (str, Tenant), field, "a tenant name or a Tenant")
    many = not isinstance(tenants, (str, Tenant))
    return [_name(t, f"{field}[{i}]" if many else field) for i, t in enumerate(items)]


def _bodies(
    tenants: Any, kinds: tuple[type, ...], what: str, allowed: dict[Any, str], refusal: str
) -> list[dict[str, str]]:
    """One ``{name, activityStatus}`` per tenant: a ``Tenant``'s status must be ``allowed``, a
    name is ``ACTIVE``, any other item sends its own status."""
    items = _many(tenants, kinds, "tenants", what)
    many = not isinstance(tenants, kinds)
    body = []
    for i, item in enumerate(items):
        field = f"tenants[{i}]" if many else "tenants"
        if isinstance(item, Tenant):
            status = allowed.get(item.activity_status)
            if status is None:
                raise invalid(f"{field}.activity_status", refusal, item.activity_status.value)
        elif isinstance(item, str):
            status = TenantCreateActivityStatus.ACTIVE.value
        else:
            status = item.activity_status.value
        body.append({"name": _name(item, field), "activityStatus": status})
    return body


def create_body(tenants: Any) -> list[dict[str, str]]:
    """The body of ``POST /schema/{class}/tenants``: one ``{name, activityStatus}`` per tenant.

    Raises:
        WeaviateInvalidInputError: an item is not a name, Tenant or TenantCreate, or a Tenant's
            status is not ``ACTIVE`` or ``INACTIVE``.
    """
    return _bodies(
        tenants,
        (str, Tenant, TenantCreate),
        "a name, Tenant or TenantCreate",
        _CREATABLE,
        "a tenant can be created ACTIVE or INACTIVE only",
    )


def update_bodies(tenants: Any, size: int = UPDATE_BATCH_SIZE) -> list[list[dict[str, str]]]:
    """The bodies of ``PUT /schema/{class}/tenants``, at most ``size`` tenants each.

    Raises:
        WeaviateInvalidInputError: an item is not a Tenant or TenantUpdate, or a Tenant's
            status is a transition the server sets itself (``OFFLOADING``, ``ONLOADING``).
    """
    flat = _bodies(
        tenants,
        (Tenant, TenantUpdate),
        "a Tenant or TenantUpdate",
        _SETTABLE,
        "a tenant can be set to ACTIVE, INACTIVE or OFFLOADED only; the other statuses are "
        "reported by the server",
    )
    return [flat[i : i + size] for i in range(0, len(flat), size)]


def status_updates(tenants: Any, status: TenantUpdateActivityStatus) -> list[TenantUpdate]:
    """One ``TenantUpdate`` to ``status`` per tenant named (names or ``Tenant`` objects)."""
    return [
        TenantUpdate(name=name, activity_status=status)
        for name in names_of(tenants, field="tenant")
    ]


@utf8_arguments
def tenants_get_request(
    collection: str, names: Sequence[str] | None = None
) -> tenants_pb2.TenantsGetRequest:
    """A ``TenantsGet`` request for every tenant of ``collection``, or only ``names``."""
    if names is None:
        return tenants_pb2.TenantsGetRequest(collection=collection)
    return tenants_pb2.TenantsGetRequest(
        collection=collection, names=tenants_pb2.TenantNames(values=list(names))
    )


def tenants_from_reply(reply: tenants_pb2.TenantsGetReply) -> dict[str, Tenant]:
    """The tenants of a ``TenantsGet`` reply, by name."""
    out: dict[str, Tenant] = {}
    for t in reply.tenants:
        status = _FROM_PB.get(t.activity_status)
        if status is None:
            raise ResponseCannotBeDecodedError._with(
                f"tenant {t.name!r} has an activity status this client does not know "
                f"({t.activity_status})",
                operation="tenants.get",
            )
        out[t.name] = Tenant(name=t.name, activity_status=status)
    return out


def tenant_from_json(data: Any) -> Tenant:
    """A tenant from the server's JSON ``{"name": ..., "activityStatus": ...}``."""
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        raise ResponseCannotBeDecodedError._with(
            f"expected a tenant object, got {data!r}", operation="tenants.get"
        )
    raw = data.get("activityStatus") or "ACTIVE"
    status = _FROM_SERVER.get(raw)
    if status is None:
        raise ResponseCannotBeDecodedError._with(
            f"tenant {data['name']!r} has an activity status this client does not know ({raw})",
            operation="tenants.get",
        )
    return Tenant(name=data["name"], activity_status=status)
