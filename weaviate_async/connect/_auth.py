"""The logic under :mod:`weaviate_async.connect.auth` (whose credential classes and ``Auth``
factories are generated from a table): the checks and ``repr`` of secrets, and what two kinds
of credentials add to their fields."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

from weaviate_async._validate import invalid


def nonempty(field: str) -> Callable[[Any, Any, str], None]:
    """An attrs validator refusing anything but a non-empty string, without echoing it."""

    def check(_: object, __: object, value: str) -> None:
        if not isinstance(value, str) or not value:
            # The value may be a credential: never echoed.
            raise invalid(field, "must be a non-empty string")

    return check


def secret_repr(_: object) -> str:
    """The ``repr`` of a secret field."""
    return "'***'"


class Scoped:
    """The official ``scope_list`` of the OIDC flows that take a ``scope``."""

    __slots__ = ()
    scope: str | list[str] | None

    @property
    def scope_list(self) -> list[str]:
        """The scopes as a list (a string is split on spaces; none give an empty list)."""
        if self.scope is None:
            return []
        return self.scope.split(" ") if isinstance(self.scope, str) else list(self.scope)


class Expiring:
    """A token given with its lifetime: a negative one warns."""

    __slots__ = ()
    expires_in: int

    def __attrs_post_init__(self) -> None:
        if isinstance(self.expires_in, (int, float)) and self.expires_in < 0:
            # as the official client: a warning, not an error (the token counts as expired)
            warnings.warn(
                f"the access token's expiration time is negative ({self.expires_in})",
                UserWarning,
                stacklevel=4,
            )
