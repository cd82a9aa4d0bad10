"""The logic under :mod:`weaviate_async.connect.integrations` (whose provider factories are
generated from a table): the settings as headers, and ``client.integrations``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from weaviate_async._validate import attrs_check, check_int, check_str, invalid
from weaviate_async.connect._auth import secret_repr
from weaviate_async.connect._secrets import is_secret_header


def merge_headers(current: Mapping[str, str], new: Mapping[str, str]) -> dict[str, str]:
    """``current`` with ``new`` added; a header of ``new`` replaces one of ``current`` whose name
    differs only in case (HTTP header names are case-insensitive)."""
    replaced = {name.lower() for name in new}
    out = {name: value for name, value in current.items() if name.lower() not in replaced}
    out.update(new)
    return out


def header_field(
    name: str, check: Any = check_str, *, required: bool = False, **bounds: Any
) -> Any:
    """A field sent as header ``name`` (None is not sent)."""
    if check is check_str:
        bounds.setdefault("allow_empty", False)
    return attrs.field(
        default=attrs.NOTHING if required else None,
        validator=attrs_check(check, required=required, **bounds),
        metadata={"header": name},
        # An API key (or secret, or token) shows as '***' in repr.
        repr=secret_repr if is_secret_header(name) else True,
    )


def rate_field(name: str) -> Any:
    """A rate limit sent as header ``name``: a positive int (None is not sent)."""
    return header_field(name, check_int, minimum=1)


@attrs.frozen(kw_only=True)
class _IntegrationConfig:
    """Base of the integration settings: each field is one header."""

    def _to_header(self) -> dict[str, str]:
        """The headers to send, values as strings; unset options are left out."""
        return {
            field.metadata["header"]: str(getattr(self, field.name))
            for field in attrs.fields(type(self))
            if getattr(self, field.name) is not None
        }


class _Integrations:
    """Configure model provider integrations (``client.integrations``).

    Plain method, no I/O: the headers apply to the requests that follow, on the client's
    connection (and on the connection an embedded client opens later).
    """

    def __init__(self, set_headers: Callable[[Mapping[str, str]], None]) -> None:
        self._set_headers = set_headers

    def configure(
        self, integrations_config: _IntegrationConfig | Sequence[_IntegrationConfig]
    ) -> None:
        """Send these providers' settings (API keys, base URLs, rate limits) with every later
        REST and gRPC request; a header set before (by name, any case) is replaced.

        Args:
            integrations_config: one ``Integrations.<provider>(...)`` or a list of them.

        Raises:
            WeaviateInvalidInputError: an entry is not built with ``Integrations``.

        Examples:
            >>> client.integrations.configure(
            ...     [Integrations.openai(api_key="sk-..."), Integrations.jinaai(api_key="...")]
            ... )
        """
        configs = (
            [integrations_config]
            if isinstance(integrations_config, _IntegrationConfig)
            else integrations_config
        )
        if isinstance(configs, (str, bytes)) or not isinstance(configs, Sequence):
            raise invalid(
                "integrations_config", "must be built with Integrations.<provider>(...)", configs
            )
        headers: dict[str, str] = {}
        for index, config in enumerate(configs):
            if not isinstance(config, _IntegrationConfig):
                raise invalid(
                    f"integrations_config[{index}]",
                    "must be built with Integrations.<provider>(...)",
                    config,
                )
            headers.update(config._to_header())
        self._set_headers(headers)
