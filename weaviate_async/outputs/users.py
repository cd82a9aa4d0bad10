"""The users ``client.users`` returns, at the official ``weaviate.outputs.users`` path.

Examples:
    >>> from weaviate_async.outputs.users import UserDB
    >>> users: list[UserDB] = await client.users.db.list_all()
"""

from __future__ import annotations

from weaviate_async.rbac.models import UserTypes
from weaviate_async.users.users import OwnUser, UserDB

__all__ = ["OwnUser", "UserDB", "UserTypes"]
