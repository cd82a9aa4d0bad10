"""Credentials: API keys, bearer tokens and the OIDC flows.

Examples:
    >>> from weaviate_async.auth import Auth
    >>> Auth.api_key("my-key")
    >>> Auth.client_credentials(client_secret="s3cret", scope="openid")
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import attrs

from weaviate_async._validate import invalid

__all__ = [
    "Auth",
    "AuthApiKey",
    "AuthBearerToken",
    "AuthClientCredentials",
    "AuthClientPassword",
    "AuthCredentials",
]


def _nonempty(field: str) -> Callable[[Any, Any, str], None]:
    def check(_: object, __: object, value: str) -> None:
        if not isinstance(value, str) or not value:
            # The value may be a credential: never echoed.
            raise invalid(field, "must be a non-empty string")

    return check


def _secret_repr(_: object) -> str:
    return "'***'"


class _Scoped:
    """The official ``scope_list`` of the OIDC flows that take a ``scope``."""

    __slots__ = ()
    scope: str | list[str] | None

    @property
    def scope_list(self) -> list[str]:
        """The scopes as a list (a string is split on spaces; none give an empty list)."""
        if self.scope is None:
            return []
        return self.scope.split(" ") if isinstance(self.scope, str) else list(self.scope)


@attrs.frozen(kw_only=True)
class _APIKey:
    """An API key, sent as ``Authorization: Bearer <key>``."""

    api_key: str = attrs.field(validator=_nonempty("api_key"), repr=_secret_repr)


@attrs.frozen(kw_only=True)
class _BearerToken:
    """An OIDC access token obtained elsewhere, optionally refreshable with a refresh token."""

    access_token: str = attrs.field(validator=_nonempty("access_token"), repr=_secret_repr)
    expires_in: int = 60
    refresh_token: str | None = attrs.field(default=None, repr=_secret_repr)

    def __attrs_post_init__(self) -> None:
        if isinstance(self.expires_in, (int, float)) and self.expires_in < 0:
            # as the official client: a warning, not an error (the token counts as expired)
            warnings.warn(
                f"the access token's expiration time is negative ({self.expires_in})",
                UserWarning,
                stacklevel=4,
            )


@attrs.frozen(kw_only=True)
class _ClientCredentials(_Scoped):
    """The OIDC client-credentials flow: the client secret is exchanged for tokens."""

    client_secret: str = attrs.field(validator=_nonempty("client_secret"), repr=_secret_repr)
    scope: str | list[str] | None = None


@attrs.frozen(kw_only=True)
class _ClientPassword(_Scoped):
    """The OIDC resource-owner password flow."""

    username: str = attrs.field(validator=_nonempty("username"))
    password: str = attrs.field(validator=_nonempty("password"), repr=_secret_repr)
    scope: str | list[str] | None = None


AuthCredentials = _APIKey | _BearerToken | _ClientCredentials | _ClientPassword
"""Any of the credential kinds :class:`Auth` builds."""
OidcAuth = _BearerToken | _ClientPassword | _ClientCredentials
"""The credentials that go through OIDC (all but an API key)."""
SCOPES = str | list[str]
"""OIDC scopes: one space-separated string or a list."""

AuthApiKey = _APIKey
AuthBearerToken = _BearerToken
AuthClientCredentials = _ClientCredentials
AuthClientPassword = _ClientPassword


class Auth:
    """Factories for credentials.

    Examples:
        >>> client = await weaviate_async.connect_to_local(auth_credentials=Auth.api_key("key"))
    """

    @staticmethod
    def api_key(api_key: str) -> _APIKey:
        """An API key."""
        return _APIKey(api_key=api_key)

    @staticmethod
    def bearer_token(
        access_token: str, expires_in: int = 60, refresh_token: str | None = None
    ) -> _BearerToken:
        """An access token (and optionally a refresh token to renew it before it expires)."""
        return _BearerToken(
            access_token=access_token, expires_in=expires_in, refresh_token=refresh_token
        )

    @staticmethod
    def client_credentials(
        client_secret: str, scope: str | list[str] | None = None
    ) -> _ClientCredentials:
        """The OIDC client-credentials flow."""
        return _ClientCredentials(client_secret=client_secret, scope=scope)

    @staticmethod
    def client_password(
        username: str, password: str, scope: str | list[str] | None = None
    ) -> _ClientPassword:
        """The OIDC resource-owner password flow."""
        return _ClientPassword(username=username, password=password, scope=scope)
