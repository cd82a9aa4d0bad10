"""The users that ``client.users`` returns, at the official ``weaviate.users.users`` path.

Programs import them from :mod:`weaviate_async.users.users`, which documents them; they are
defined here, below ``wire/`` and the namespaces that both use them.
"""

# ruff: noqa: UP006, UP035

from __future__ import annotations

from datetime import datetime
from typing import Dict, Final, List, Literal

import attrs

from weaviate_async.models.rbac import Role, UserTypes

__all__ = [
    "USER_TYPE",
    "USER_TYPE_DB",
    "USER_TYPE_OIDC",
    "OwnUser",
    "UserBase",
    "UserDB",
    "UserOIDC",
]

#: The ``userType`` of a database user in role assignments.
USER_TYPE_DB: Final = "db"
#: The ``userType`` of an OIDC user in role assignments.
USER_TYPE_OIDC: Final = "oidc"
#: The user types of role assignments.
USER_TYPE = Literal["db", "oidc"]


@attrs.define
class OwnUser:
    """The user the client is authenticated as (``users.get_my_user()``).

    Attributes:
        user_id: the user's name.
        roles: its roles with their permissions, by name.
        groups: its OIDC groups (empty for other users).
    """

    user_id: str
    roles: Dict[str, Role]
    groups: List[str]


@attrs.define
class UserBase:
    """A user and the names of its roles."""

    user_id: str
    role_names: List[str]
    user_type: UserTypes


@attrs.define
class UserDB(UserBase):
    """A database user (``users.db.get`` / ``users.db.list_all``).

    Attributes:
        active: whether its API key is accepted (``deactivate`` turns it off).
        created_at: when it was created (None for users configured in the server's
            environment, which have no creation time).
        last_used_time: when its key was last used (None when never, or not asked for).
        api_key_first_letters: the first letters of its API key, to tell keys apart.
    """

    active: bool
    created_at: datetime | None = None
    last_used_time: datetime | None = None
    api_key_first_letters: str | None = None


@attrs.define
class UserOIDC(UserBase):
    """An OIDC user."""

    user_type: UserTypes = UserTypes.OIDC
