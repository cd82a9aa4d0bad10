"""Model provider integrations: the headers that carry a provider's API key and settings.

The server's modules read a provider's API key, base URL and rate limits from request headers
(``X-Openai-Api-Key``, ``X-Cohere-Baseurl``, ...). ``Integrations.<provider>(...)`` builds them,
and ``client.integrations.configure(...)`` adds them to every later request of the client, REST
and gRPC alike, as integration packages such as langchain-weaviate do after connecting.

Examples:
    >>> from weaviate_async.classes.config import Integrations
    >>> client.integrations.configure(
    ...     [Integrations.openai(api_key="sk-..."), Integrations.cohere(api_key="...")]
    ... )
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from weaviate_async._validate import attrs_check, check_int, check_str, invalid

__all__ = ["Integrations", "merge_headers"]


def merge_headers(current: Mapping[str, str], new: Mapping[str, str]) -> dict[str, str]:
    """``current`` with ``new`` added; a header of ``new`` replaces one of ``current`` whose name
    differs only in case (HTTP header names are case-insensitive)."""
    replaced = {name.lower() for name in new}
    out = {name: value for name, value in current.items() if name.lower() not in replaced}
    out.update(new)
    return out


def _header(name: str, check: Any = check_str, *, required: bool = False, **bounds: Any) -> Any:
    """A field sent as header ``name`` (None is not sent)."""
    if check is check_str:
        bounds.setdefault("allow_empty", False)
    return attrs.field(
        default=attrs.NOTHING if required else None,
        validator=attrs_check(check, required=required, **bounds),
        metadata={"header": name},
    )


def _rate(name: str) -> Any:
    return _header(name, check_int, minimum=1)


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


@attrs.frozen(kw_only=True)
class _IntegrationConfigCohere(_IntegrationConfig):
    api_key: str = _header("X-Cohere-Api-Key", required=True)
    requests_per_minute_embeddings: int | None = _rate("X-Cohere-Ratelimit-RequestPM-Embedding")
    base_url: str | None = _header("X-Cohere-Baseurl")


@attrs.frozen(kw_only=True)
class _IntegrationConfigHuggingface(_IntegrationConfig):
    api_key: str = _header("X-Huggingface-Api-Key", required=True)
    requests_per_minute_embeddings: int | None = _rate(
        "X-Huggingface-Ratelimit-RequestPM-Embedding"
    )
    base_url: str | None = _header("X-Huggingface-Baseurl")


@attrs.frozen(kw_only=True)
class _IntegrationConfigOpenAi(_IntegrationConfig):
    api_key: str = _header("X-Openai-Api-Key", required=True)
    organization: str | None = _header("X-Openai-Organization")
    requests_per_minute_embeddings: int | None = _rate("X-Openai-Ratelimit-RequestPM-Embedding")
    tokens_per_minute_embeddings: int | None = _rate("X-Openai-Ratelimit-TokenPM-Embedding")
    base_url: str | None = _header("X-Openai-Baseurl")


@attrs.frozen(kw_only=True)
class _IntegrationConfigVoyage(_IntegrationConfig):
    api_key: str = _header("X-Voyageai-Api-Key", required=True)
    requests_per_minute_embeddings: int | None = _rate("X-Voyageai-Ratelimit-RequestPM-Embedding")
    tokens_per_minute_embeddings: int | None = _rate("X-Voyageai-Ratelimit-TokenPM-Embedding")
    base_url: str | None = _header("X-Voyageai-Baseurl")


@attrs.frozen(kw_only=True)
class _IntegrationConfigJina(_IntegrationConfig):
    api_key: str = _header("X-Jinaai-Api-Key", required=True)
    requests_per_minute_embeddings: int | None = _rate("X-Jinaai-Ratelimit-RequestPM-Embedding")
    base_url: str | None = _header("X-Jinaai-Baseurl")


@attrs.frozen(kw_only=True)
class _IntegrationConfigMistral(_IntegrationConfig):
    api_key: str = _header("X-Mistral-Api-Key", required=True)
    request_per_minute_embeddings: int | None = _rate("X-Mistral-Ratelimit-RequestPM-Embedding")
    tokens_per_minute_embeddings: int | None = _rate("X-Mistral-Ratelimit-TokenPM-Embedding")


class Integrations:
    """Builders of the headers for one model provider each, for
    ``client.integrations.configure(...)``.

    Each checks its arguments (a bad one raises ``WeaviateInvalidInputError`` naming it); options
    left as None are not sent, so the server's or the collection's settings apply.
    """

    @staticmethod
    def cohere(
        *,
        api_key: str,
        base_url: str | None = None,
        requests_per_minute_embeddings: int | None = None,
    ) -> _IntegrationConfig:
        """Cohere: API key, base URL and embedding requests per minute."""
        return _IntegrationConfigCohere(
            api_key=api_key,
            base_url=base_url,
            requests_per_minute_embeddings=requests_per_minute_embeddings,
        )

    @staticmethod
    def huggingface(
        *,
        api_key: str,
        requests_per_minute_embeddings: int | None = None,
        base_url: str | None = None,
    ) -> _IntegrationConfig:
        """Hugging Face: API key, embedding requests per minute and base URL."""
        return _IntegrationConfigHuggingface(
            api_key=api_key,
            requests_per_minute_embeddings=requests_per_minute_embeddings,
            base_url=base_url,
        )

    @staticmethod
    def openai(
        *,
        api_key: str,
        requests_per_minute_embeddings: int | None = None,
        tokens_per_minute_embeddings: int | None = None,
        organization: str | None = None,
        base_url: str | None = None,
    ) -> _IntegrationConfig:
        """OpenAI: API key, embedding rate limits, organization and base URL.

        Examples:
            >>> Integrations.openai(api_key="sk-...", organization="org-...")
        """
        return _IntegrationConfigOpenAi(
            api_key=api_key,
            requests_per_minute_embeddings=requests_per_minute_embeddings,
            tokens_per_minute_embeddings=tokens_per_minute_embeddings,
            organization=organization,
            base_url=base_url,
        )

    @staticmethod
    def voyageai(
        *,
        api_key: str,
        requests_per_minute_embeddings: int | None = None,
        tokens_per_minute_embeddings: int | None = None,
        base_url: str | None = None,
    ) -> _IntegrationConfig:
        """Voyage AI: API key, embedding rate limits and base URL."""
        return _IntegrationConfigVoyage(
            api_key=api_key,
            requests_per_minute_embeddings=requests_per_minute_embeddings,
            tokens_per_minute_embeddings=tokens_per_minute_embeddings,
            base_url=base_url,
        )

    @staticmethod
    def jinaai(
        *,
        api_key: str,
        requests_per_minute_embeddings: int | None = None,
        base_url: str | None = None,
    ) -> _IntegrationConfig:
        """Jina AI: API key, embedding requests per minute and base URL."""
        return _IntegrationConfigJina(
            api_key=api_key,
            requests_per_minute_embeddings=requests_per_minute_embeddings,
            base_url=base_url,
        )

    @staticmethod
    def mistral(
        *,
        api_key: str,
        request_per_minute_embeddings: int | None = None,
        tokens_per_minute_embeddings: int | None = None,
    ) -> _IntegrationConfig:
        """Mistral: API key and embedding rate limits (``request_per_minute_embeddings`` is
        spelled as in the official client)."""
        return _IntegrationConfigMistral(
            api_key=api_key,
            request_per_minute_embeddings=request_per_minute_embeddings,
            tokens_per_minute_embeddings=tokens_per_minute_embeddings,
        )


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
