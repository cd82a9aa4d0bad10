"""How the tenant models check their fields (``classes/_tenants.py``, generated from a table,
uses these): a status given under a deprecated name becomes its successor with a warning, and a
name is any str."""

from __future__ import annotations

import warnings
from enum import Enum
from typing import Any, TypeVar

from weaviate_async._validate import attrs_check, check_str, to_enum

__all__: list[str] = []

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


# Any str, "" too, as the official models take it: the server refuses a name it does not
# allow (creating one answers 422; a call for "" reads as a call without a tenant).
_name_field = attrs_check(check_str, "name", required=True)
