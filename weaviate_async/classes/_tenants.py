"""Tenants of a multi-tenant collection and their activity statuses (the models; users import
them from :mod:`weaviate_async.classes.tenants`, the official path).

A tenant is ``ACTIVE`` (loaded, queryable), ``INACTIVE`` (on local disk, not loaded) or
``OFFLOADED`` (moved to cloud storage by an offload module); ``OFFLOADING`` and ``ONLOADING`` are
the transitions the server reports while it moves a tenant's files. The older names ``HOT``,
``COLD`` and ``FROZEN`` are accepted as input and become ``ACTIVE``, ``INACTIVE`` and
``OFFLOADED`` (with a ``DeprecationWarning``), as in the official client.

Examples:
    >>> from weaviate_async.classes.tenants import Tenant, TenantActivityStatus
    >>> await collection.tenants.create([
    ...     "tenantA",
    ...     Tenant(name="tenantB", activity_status=TenantActivityStatus.INACTIVE),
    ... ])
"""

from __future__ import annotations

import warnings
from enum import Enum
from typing import Any, TypeVar

import attrs

from weaviate_async._validate import attrs_check, check_str, to_enum

# The enums are generated from a table (tools/gen_enums.py) and re-exported here.
from weaviate_async.classes._tenant_enums import (
    TenantActivityStatus,
    TenantCreateActivityStatus,
    TenantUpdateActivityStatus,
)

__all__ = [
    "Tenant",
    "TenantActivityStatus",
    "TenantCreate",
    "TenantCreateActivityStatus",
    "TenantUpdate",
    "TenantUpdateActivityStatus",
]


#: Deprecated status names and the names that replace them.
_RENAMED = {"HOT": "ACTIVE", "COLD": "INACTIVE", "FROZEN": "OFFLOADED"}

_S = TypeVar("_S", bound=Enum)


def _status(enum: type[_S], value: Any) -> _S:
    """``value`` (a member of any of the three enums, or its text) as a member of ``enum``,
    deprecated names replaced by their successors with a warning."""
    if isinstance(value, Enum):
        value = value.value
    member = to_enum(enum, value, "activity_status")
    renamed = _RENAMED.get(member.value)
    if renamed is None:
        return member
    warnings.warn(
        f"The tenant status {member.value} is deprecated: use {renamed} instead",
        DeprecationWarning,
        stacklevel=4,
    )
    return enum(renamed)


def _any_status(value: Any) -> TenantActivityStatus:
    return _status(TenantActivityStatus, value)


def _create_status(value: Any) -> TenantCreateActivityStatus:
    return _status(TenantCreateActivityStatus, value)


def _update_status(value: Any) -> TenantUpdateActivityStatus:
    return _status(TenantUpdateActivityStatus, value)


# Any str, "" too, as the official models take it: the server refuses a name it does not
# allow (creating one answers 422; a call for "" reads as a call without a tenant).
_name_field = attrs_check(check_str, "name", required=True)


@attrs.frozen(kw_only=True)
class Tenant:
    """A tenant: its name and activity status. ``tenants.get()`` returns these, and they can be
    passed wherever a tenant name is expected.

    Attributes:
        name: the tenant's name (letters, digits, ``_`` and ``-``, at most 64 characters).
        activity_status: its status; ``ACTIVE`` by default.

    Examples:
        >>> Tenant(name="tenantA", activity_status=TenantActivityStatus.INACTIVE)
    """

    name: str = attrs.field(validator=_name_field)
    activity_status: TenantActivityStatus = attrs.field(
        default=TenantActivityStatus.ACTIVE, converter=_any_status
    )


@attrs.frozen(kw_only=True)
class TenantCreate:
    """A tenant to create, with the status it starts in (``ACTIVE`` or ``INACTIVE``).

    Attributes:
        name: the tenant's name.
        activity_status: ``ACTIVE`` (default) or ``INACTIVE``.
    """

    name: str = attrs.field(validator=_name_field)
    activity_status: TenantCreateActivityStatus = attrs.field(
        default=TenantCreateActivityStatus.ACTIVE, converter=_create_status
    )


@attrs.frozen(kw_only=True)
class TenantUpdate:
    """A tenant and the status to set it to (``ACTIVE``, ``INACTIVE`` or ``OFFLOADED``).

    Attributes:
        name: the tenant's name.
        activity_status: the new status; ``ACTIVE`` by default.
    """

    name: str = attrs.field(validator=_name_field)
    activity_status: TenantUpdateActivityStatus = attrs.field(
        default=TenantUpdateActivityStatus.ACTIVE, converter=_update_status
    )
