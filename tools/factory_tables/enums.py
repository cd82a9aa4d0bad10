"""The table ``tools/gen_enums.py`` writes ``str`` enum modules from.

An :class:`EnumModule` is a generated module (its path under ``weaviate_async/`` without
``.py`` and its docstring) holding :class:`StrEnum` rows: a class name, its docstring's summary
and its members, one ``NAME: description`` line each; a member's value is its name.
"""

from __future__ import annotations

from typing import NamedTuple


class StrEnum(NamedTuple):
    """One ``(str, Enum)`` class: see the module docstring."""

    name: str
    summary: str
    members: str


class EnumModule(NamedTuple):
    """A generated module of enums."""

    path: str
    doc: str
    enums: tuple[StrEnum, ...]


MODULES: tuple[EnumModule, ...] = (
    EnumModule(
        "classes/_tenant_enums",
        "The activity statuses of tenants (re-exported by :mod:`weaviate_async.classes._tenants`\n"
        "and, for users, :mod:`weaviate_async.classes.tenants`).",
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
    ),
)
