"""The table ``tools/gen_enums.py`` writes modules of ``str`` enums (and the models built on
them) from.

An :class:`EnumModule` is a generated module: its path under ``weaviate_async/`` without
``.py``, its docstring, its imports (source lines, written as they are), its :class:`StrEnum`
rows and its :class:`StatusModel` rows.

* A :class:`StrEnum` is a class name, its docstring's summary and its members, one
  ``NAME: description`` line each; a member's value is its name.
* A :class:`StatusModel` is a frozen, keyword-only attrs class of a ``name`` (checked by
  ``_name_field``) and an ``activity_status`` of one enum, converted by ``_status`` (deprecated
  names become their successors): its class name, its docstring, the enum, the default member
  and the name of the converter written for it.
"""

from __future__ import annotations

from typing import NamedTuple


class StrEnum(NamedTuple):
    """One ``(str, Enum)`` class: see the module docstring."""

    name: str
    summary: str
    members: str


class StatusModel(NamedTuple):
    """One attrs model of a name and an activity status: see the module docstring."""

    name: str
    doc: str
    enum: str
    default: str
    converter: str


class EnumModule(NamedTuple):
    """A generated module of enums and the models that use them."""

    path: str
    doc: str
    imports: str
    enums: tuple[StrEnum, ...]
    models: tuple[StatusModel, ...] = ()


MODULES: tuple[EnumModule, ...] = (
    EnumModule(
        "classes/_tenants",
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
""",
        "from typing import Any\n\nimport attrs\n\n"
        "from weaviate_async.classes._tenant_status import _name_field, _status\n",
        (
            StrEnum(
                "TenantActivityStatus",
                "The activity status of a tenant, as the server reports it.",
                """
ACTIVE: loaded and usable.
INACTIVE: stored on the node's disk, not loaded: reads and writes are refused.
OFFLOADED: moved to cloud storage by an offload module (``offload-s3``).
OFFLOADING: being moved to cloud storage (read-only: set by the server).
ONLOADING: being brought back from cloud storage (read-only: set by the server).
HOT: deprecated name of ``ACTIVE``.
COLD: deprecated name of ``INACTIVE``.
FROZEN: deprecated name of ``OFFLOADED``.
""",
            ),
            StrEnum(
                "TenantCreateActivityStatus",
                "The statuses a tenant can be created with.",
                """
ACTIVE: loaded and usable (the default).
INACTIVE: created on disk, not loaded.
HOT: deprecated name of ``ACTIVE``.
COLD: deprecated name of ``INACTIVE``.
""",
            ),
            StrEnum(
                "TenantUpdateActivityStatus",
                "The statuses a tenant can be set to.",
                """
ACTIVE: load it.
INACTIVE: unload it, keeping its files on the node.
OFFLOADED: move its files to cloud storage (needs an offload module on the server).
HOT: deprecated name of ``ACTIVE``.
COLD: deprecated name of ``INACTIVE``.
FROZEN: deprecated name of ``OFFLOADED``.
""",
            ),
        ),
        (
            StatusModel(
                "Tenant",
                """A tenant: its name and activity status. ``tenants.get()`` returns these, and they can be
passed wherever a tenant name is expected.

Attributes:
    name: the tenant's name (letters, digits, ``_`` and ``-``, at most 64 characters).
    activity_status: its status; ``ACTIVE`` by default.

Examples:
    >>> Tenant(name="tenantA", activity_status=TenantActivityStatus.INACTIVE)
""",
                "TenantActivityStatus",
                "ACTIVE",
                "_any_status",
            ),
            StatusModel(
                "TenantCreate",
                """A tenant to create, with the status it starts in (``ACTIVE`` or ``INACTIVE``).

Attributes:
    name: the tenant's name.
    activity_status: ``ACTIVE`` (default) or ``INACTIVE``.
""",
                "TenantCreateActivityStatus",
                "ACTIVE",
                "_create_status",
            ),
            StatusModel(
                "TenantUpdate",
                """A tenant and the status to set it to (``ACTIVE``, ``INACTIVE`` or ``OFFLOADED``).

Attributes:
    name: the tenant's name.
    activity_status: the new status; ``ACTIVE`` by default.
""",
                "TenantUpdateActivityStatus",
                "ACTIVE",
                "_update_status",
            ),
        ),
    ),
)
