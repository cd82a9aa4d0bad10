"""Generative search at query time: the provider to use (``GenerativeConfig``) and the prompts
(``GenerativeParameters``).

``GenerativeConfig.<provider>(...)`` overrides the collection's generative module for one call
(``generative_provider=``); every option left None falls back to the collection's configuration
or the module's default. ``GenerativeParameters.single_prompt`` / ``grouped_task`` carry a
prompt with images, image properties, provider metadata and debug output.

Examples:
    >>> from weaviate_async.classes.generate import GenerativeConfig, GenerativeParameters
    >>> res = await collection.generate.near_text(
    ...     "cats",
    ...     single_prompt=GenerativeParameters.single_prompt("Describe {title}", debug=True),
    ...     grouped_task="Summarize these",
    ...     generative_provider=GenerativeConfig.openai(model="gpt-4o-mini", temperature=0.2),
    ... )
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import attrs

from weaviate_async._validate import (
    attrs_check,
    check_bool,
    check_float,
    check_int,
    check_str,
    check_str_list,
    choice_arg,
    invalid,
    url_arg,
)
from weaviate_async.types import BLOB_INPUT

__all__ = [
    "GenerativeConfig",
    "GenerativeConfigRuntime",
    "GenerativeParameters",
    "GroupedTask",
    "SinglePrompt",
]

# Option names by value kind; every other option is text. The names are the fields of the
# provider's gRPC message (weaviate.v1.Generative<Provider>).
_FLOATS = frozenset({"temperature", "top_p", "p", "frequency_penalty", "presence_penalty"})
_INTS = frozenset({"max_tokens", "top_k", "k", "n", "top_log_probs", "max_new_tokens"})
_BOOLS = frozenset({"log_probs", "avoid_commentary", "is_azure"})
_LISTS = frozenset({"stop", "stop_sequences", "knowledge"})
_URLS = frozenset({"base_url", "endpoint", "api_endpoint"})
#: Providers whose gRPC message takes images and image properties.
MULTIMODAL = frozenset({"anthropic", "aws", "cohere", "google", "meta", "ollama", "openai", "xai"})

_OPENAI_VERBOSITY = ("low", "medium", "high")
_OPENAI_REASONING = ("minimal", "low", "medium", "high")
_META_REASONING = ("none", "minimal", "low", "medium", "high", "xhigh")


def _url(value: Any, field: str) -> str:
    # Surrounding blanks and a trailing slash are dropped: the module appends its own path.
    text = url_arg(value.strip() if isinstance(value, str) else value, field)
    assert text is not None
    return text.rstrip("/")


def _option(name: str, value: Any) -> Any:
    if name in _URLS:
        return _url(value, name)
    if name in _FLOATS:
        check_float(value, name)
        return float(value)
    if name in _INTS:
        check_int(value, name, minimum=0)
        return value
    if name in _BOOLS:
        check_bool(value, name)
        return value
    if name in _LISTS:
        check_str_list(value, name)
        return tuple(value)
    check_str(value, name)
    return value


@attrs.frozen(kw_only=True)
class _GenerativeConfigRuntime:
    """A generative provider for one call (made by :class:`GenerativeConfig`).

    Attributes:
        generative: the provider (its ``generative-<name>`` module).
        options: the options set, by name (unset ones are left to the collection / module).
    """

    generative: str
    options: Mapping[str, Any] = attrs.field(factory=lambda: MappingProxyType({}))

    @property
    def multimodal(self) -> bool:
        """Whether the provider takes images and image properties in the prompt."""
        return self.generative in MULTIMODAL

    def _with(self, **options: Any) -> _GenerativeConfigRuntime:
        merged = dict(self.options)
        merged.update({name: value for name, value in options.items() if value is not None})
        return _GenerativeConfigRuntime(
            generative=self.generative, options=MappingProxyType(merged)
        )


#: A generative provider for one call, as ``GenerativeConfig`` builds it.
GenerativeConfigRuntime = _GenerativeConfigRuntime


def _provider(generative: str, **options: Any) -> _GenerativeConfigRuntime:
    checked = {name: _option(name, value) for name, value in options.items() if value is not None}
    return _GenerativeConfigRuntime(generative=generative, options=MappingProxyType(checked))


def _google_endpoint(value: str | None) -> str | None:
    """Google's ``api_endpoint`` is a host name: the scheme of a URL is dropped."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise invalid("api_endpoint", "must be a host name or an http(s) URL", value)
    text = value.strip().rstrip("/")
    if "://" in text:
        text = _url(text, "api_endpoint").split("://", 1)[1]
    return text


class GenerativeConfig:
    """A generative provider for one generative search (``generative_provider=``).

    Each factory takes the options of its module; None leaves an option to the collection's
    configuration or the module's default. Options are checked when the provider is built.

    Examples:
        >>> GenerativeConfig.anthropic(model="claude-3-5-haiku-latest", max_tokens=500)
    """

    @staticmethod
    def anthropic(
        *,
        base_url: str | None = None,
        model: str | None = None,
        max_tokens: int | None = None,
        stop_sequences: list[str] | None = None,
        temperature: float | None = None,
        top_k: int | None = None,
        top_p: float | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-anthropic."""
        return _provider(
            "anthropic",
            base_url=base_url,
            model=model,
            max_tokens=max_tokens,
            stop_sequences=stop_sequences,
            temperature=temperature,
            top_k=top_k,
            top_p=top_p,
        )

    @staticmethod
    def anyscale(
        *,
        base_url: str | None = None,
        model: str | None = None,
        temperature: float | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-anyscale."""
        return _provider("anyscale", base_url=base_url, model=model, temperature=temperature)

    @staticmethod
    def aws(
        *,
        endpoint: str | None = None,
        max_tokens: int | None = None,
        model: str | None = None,
        region: str | None = None,
        service: Literal["bedrock", "sagemaker"] | str | None = None,
        target_model: str | None = None,
        target_variant: str | None = None,
        temperature: float | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-aws (older form; prefer :meth:`aws_bedrock` / :meth:`aws_sagemaker`)."""
        return _provider(
            "aws",
            endpoint=endpoint,
            max_tokens=max_tokens,
            model=model,
            region=region,
            service=service,
            target_model=target_model,
            target_variant=target_variant,
            temperature=temperature,
        )

    @staticmethod
    def aws_bedrock(
        *,
        endpoint: str | None = None,
        max_tokens: int | None = None,
        model: str | None = None,
        region: str | None = None,
        temperature: float | None = None,
        top_k: int | None = None,
        top_p: float | None = None,
        stop_sequences: list[str] | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-aws on Bedrock.

        ``top_k`` and ``top_p`` have no field in the server's gRPC API (v1.39): giving one
        raises WeaviateUnsupportedFeatureError when the query is built, rather than being
        dropped.
        """
        return _provider(
            "aws",
            service="bedrock",
            endpoint=endpoint,
            max_tokens=max_tokens,
            model=model,
            region=region,
            temperature=temperature,
            top_k=top_k,
            top_p=top_p,
            stop_sequences=stop_sequences,
        )

    @staticmethod
    def aws_sagemaker(
        *,
        endpoint: str | None = None,
        max_tokens: int | None = None,
        region: str | None = None,
        target_model: str | None = None,
        target_variant: str | None = None,
        temperature: float | None = None,
        top_k: int | None = None,
        top_p: float | None = None,
        stop_sequences: list[str] | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-aws on SageMaker (``top_k`` / ``top_p``: see :meth:`aws_bedrock`)."""
        return _provider(
            "aws",
            service="sagemaker",
            endpoint=endpoint,
            max_tokens=max_tokens,
            region=region,
            target_model=target_model,
            target_variant=target_variant,
            temperature=temperature,
            top_k=top_k,
            top_p=top_p,
            stop_sequences=stop_sequences,
        )

    @staticmethod
    def cohere(
        *,
        base_url: str | None = None,
        frequency_penalty: float | None = None,
        k: int | None = None,
        max_tokens: int | None = None,
        model: str | None = None,
        p: float | None = None,
        presence_penalty: float | None = None,
        stop_sequences: list[str] | None = None,
        temperature: float | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-cohere."""
        return _provider(
            "cohere",
            base_url=base_url,
            frequency_penalty=frequency_penalty,
            k=k,
            max_tokens=max_tokens,
            model=model,
            p=p,
            presence_penalty=presence_penalty,
            stop_sequences=stop_sequences,
            temperature=temperature,
        )

    @staticmethod
    def contextualai(
        *,
        model: str | None = None,
        max_new_tokens: int | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
        system_prompt: str | None = None,
        avoid_commentary: bool | None = None,
        knowledge: list[str] | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-contextualai (``knowledge`` replaces the retrieved objects' text)."""
        return _provider(
            "contextualai",
            model=model,
            max_new_tokens=max_new_tokens,
            temperature=temperature,
            top_p=top_p,
            system_prompt=system_prompt,
            avoid_commentary=avoid_commentary,
            knowledge=knowledge,
        )

    @staticmethod
    def databricks(
        *,
        endpoint: str,
        frequency_penalty: float | None = None,
        log_probs: bool | None = None,
        max_tokens: int | None = None,
        model: str | None = None,
        n: int | None = None,
        presence_penalty: float | None = None,
        stop: list[str] | None = None,
        temperature: float | None = None,
        top_log_probs: int | None = None,
        top_p: float | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-databricks (``endpoint`` required)."""
        if endpoint is None:
            raise invalid("endpoint", "is required", endpoint)
        return _provider(
            "databricks",
            endpoint=endpoint,
            frequency_penalty=frequency_penalty,
            log_probs=log_probs,
            max_tokens=max_tokens,
            model=model,
            n=n,
            presence_penalty=presence_penalty,
            stop=stop,
            temperature=temperature,
            top_log_probs=top_log_probs,
            top_p=top_p,
        )

    @staticmethod
    def deepseek(
        *,
        base_url: str | None = None,
        model: str | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
        frequency_penalty: float | None = None,
        presence_penalty: float | None = None,
        top_p: float | None = None,
        stop: list[str] | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-deepseek."""
        return _provider(
            "deepseek",
            base_url=base_url,
            model=model,
            temperature=temperature,
            max_tokens=max_tokens,
            frequency_penalty=frequency_penalty,
            presence_penalty=presence_penalty,
            top_p=top_p,
            stop=stop,
        )

    @staticmethod
    def digitalocean(
        *,
        base_url: str | None = None,
        model: str | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
        max_tokens: int | None = None,
        frequency_penalty: float | None = None,
        presence_penalty: float | None = None,
        stop: list[str] | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-digitalocean (DigitalOcean's serverless inference)."""
        return _provider(
            "digitalocean",
            base_url=base_url,
            model=model,
            temperature=temperature,
            top_p=top_p,
            max_tokens=max_tokens,
            frequency_penalty=frequency_penalty,
            presence_penalty=presence_penalty,
            stop=stop,
        )

    @staticmethod
    def dummy() -> _GenerativeConfigRuntime:
        """generative-dummy: an offline module that echoes the prompt (for tests)."""
        return _provider("dummy")

    @staticmethod
    def friendliai(
        *,
        base_url: str | None = None,
        max_tokens: int | None = None,
        model: str | None = None,
        n: int | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-friendliai."""
        return _provider(
            "friendliai",
            base_url=base_url,
            max_tokens=max_tokens,
            model=model,
            n=n,
            temperature=temperature,
            top_p=top_p,
        )

    @staticmethod
    def google(
        *,
        api_endpoint: str | None = None,
        endpoint_id: str | None = None,
        frequency_penalty: float | None = None,
        max_tokens: int | None = None,
        model: str | None = None,
        presence_penalty: float | None = None,
        project_id: str | None = None,
        region: str | None = None,
        stop_sequences: list[str] | None = None,
        temperature: float | None = None,
        top_k: int | None = None,
        top_p: float | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-google (older form; prefer :meth:`google_vertex` /
        :meth:`google_gemini`)."""
        return _provider(
            "google",
            api_endpoint=None,
            endpoint_id=endpoint_id,
            frequency_penalty=frequency_penalty,
            max_tokens=max_tokens,
            model=model,
            presence_penalty=presence_penalty,
            project_id=project_id,
            region=region,
            stop_sequences=stop_sequences,
            temperature=temperature,
            top_k=top_k,
            top_p=top_p,
        )._with(api_endpoint=_google_endpoint(api_endpoint))

    @staticmethod
    def google_gemini(
        *,
        frequency_penalty: float | None = None,
        max_tokens: int | None = None,
        model: str | None = None,
        presence_penalty: float | None = None,
        temperature: float | None = None,
        top_k: int | None = None,
        top_p: float | None = None,
        stop_sequences: list[str] | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-google on the Gemini API (generativelanguage.googleapis.com)."""
        return _provider(
            "google",
            frequency_penalty=frequency_penalty,
            max_tokens=max_tokens,
            model=model,
            presence_penalty=presence_penalty,
            temperature=temperature,
            top_k=top_k,
            top_p=top_p,
            stop_sequences=stop_sequences,
        )._with(api_endpoint="generativelanguage.googleapis.com")

    @staticmethod
    def google_vertex(
        *,
        api_endpoint: str | None = None,
        project_id: str | None = None,
        endpoint_id: str | None = None,
        region: str | None = None,
        frequency_penalty: float | None = None,
        max_tokens: int | None = None,
        model: str | None = None,
        presence_penalty: float | None = None,
        temperature: float | None = None,
        top_k: int | None = None,
        top_p: float | None = None,
        stop_sequences: list[str] | None = None,
        location: str | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-google on Vertex AI (``region`` picks the host, ``location`` the
        ``locations/<location>`` path segment)."""
        return _provider(
            "google",
            project_id=project_id,
            endpoint_id=endpoint_id,
            region=region,
            frequency_penalty=frequency_penalty,
            max_tokens=max_tokens,
            model=model,
            presence_penalty=presence_penalty,
            temperature=temperature,
            top_k=top_k,
            top_p=top_p,
            stop_sequences=stop_sequences,
            location=location,
        )._with(api_endpoint=_google_endpoint(api_endpoint))

    @staticmethod
    def meta(
        *,
        base_url: str | None = None,
        model: str | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
        max_tokens: int | None = None,
        frequency_penalty: float | None = None,
        presence_penalty: float | None = None,
        reasoning_effort: (
            Literal["none", "minimal", "low", "medium", "high", "xhigh"] | str | None
        ) = None,
    ) -> _GenerativeConfigRuntime:
        """generative-meta (Meta's Llama API); takes images and image properties."""
        return _provider(
            "meta",
            base_url=base_url,
            model=model,
            temperature=temperature,
            top_p=top_p,
            max_tokens=max_tokens,
            frequency_penalty=frequency_penalty,
            presence_penalty=presence_penalty,
            reasoning_effort=choice_arg(reasoning_effort, "reasoning_effort", _META_REASONING),
        )

    @staticmethod
    def mistral(
        *,
        base_url: str | None = None,
        max_tokens: int | None = None,
        model: str | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-mistral."""
        return _provider(
            "mistral",
            base_url=base_url,
            max_tokens=max_tokens,
            model=model,
            temperature=temperature,
            top_p=top_p,
        )

    @staticmethod
    def nvidia(
        *,
        base_url: str | None = None,
        max_tokens: int | None = None,
        model: str | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-nvidia."""
        return _provider(
            "nvidia",
            base_url=base_url,
            max_tokens=max_tokens,
            model=model,
            temperature=temperature,
            top_p=top_p,
        )

    @staticmethod
    def ollama(
        *,
        api_endpoint: str | None = None,
        model: str | None = None,
        temperature: float | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-ollama (``api_endpoint`` as the server reaches it, e.g.
        ``http://host.docker.internal:11434`` from a container)."""
        return _provider("ollama", api_endpoint=api_endpoint, model=model, temperature=temperature)

    @staticmethod
    def openai(
        *,
        api_version: str | None = None,
        base_url: str | None = None,
        deployment_id: str | None = None,
        frequency_penalty: float | None = None,
        max_tokens: int | None = None,
        model: str | None = None,
        n: int | None = None,
        presence_penalty: float | None = None,
        reasoning_effort: Literal["minimal", "low", "medium", "high"] | str | None = None,
        resource_name: str | None = None,
        stop: list[str] | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
        verbosity: Literal["low", "medium", "high"] | str | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-openai."""
        return _provider(
            "openai",
            api_version=api_version,
            base_url=base_url,
            deployment_id=deployment_id,
            frequency_penalty=frequency_penalty,
            max_tokens=max_tokens,
            model=model,
            n=n,
            presence_penalty=presence_penalty,
            reasoning_effort=choice_arg(reasoning_effort, "reasoning_effort", _OPENAI_REASONING),
            resource_name=resource_name,
            stop=stop,
            temperature=temperature,
            top_p=top_p,
            verbosity=choice_arg(verbosity, "verbosity", _OPENAI_VERBOSITY),
            is_azure=False,
        )

    @staticmethod
    def azure_openai(
        *,
        api_version: str | None = None,
        base_url: str | None = None,
        deployment_id: str | None = None,
        frequency_penalty: float | None = None,
        max_tokens: int | None = None,
        model: str | None = None,
        n: int | None = None,
        presence_penalty: float | None = None,
        resource_name: str | None = None,
        stop: list[str] | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-openai on Azure OpenAI."""
        return _provider(
            "openai",
            api_version=api_version,
            base_url=base_url,
            deployment_id=deployment_id,
            frequency_penalty=frequency_penalty,
            max_tokens=max_tokens,
            model=model,
            n=n,
            presence_penalty=presence_penalty,
            resource_name=resource_name,
            stop=stop,
            temperature=temperature,
            top_p=top_p,
            is_azure=True,
        )

    @staticmethod
    def xai(
        *,
        base_url: str | None = None,
        max_tokens: int | None = None,
        model: str | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
    ) -> _GenerativeConfigRuntime:
        """generative-xai."""
        return _provider(
            "xai",
            base_url=base_url,
            max_tokens=max_tokens,
            model=model,
            temperature=temperature,
            top_p=top_p,
        )


# --------------------------------------------------------------------------------- prompts


def _images(value: Any) -> tuple[BLOB_INPUT, ...] | None:
    """Images as given (base64 text, paths or binary files); read when the query is sent, in
    a worker thread, so building the parameters does no I/O."""
    if value is None:
        return None
    if isinstance(value, (str, Path, io.BufferedReader)):
        return (value,)
    if isinstance(value, Iterable):
        items = tuple(value)
        for item in items:
            if not isinstance(item, (str, Path, io.BufferedReader)):
                raise invalid(
                    "images", "must be base64 text, paths or files opened in binary mode", item
                )
        return items
    raise invalid("images", "must be an image or a list of images", value)


def _str_list(value: Any, field: str) -> tuple[str, ...] | None:
    check_str_list(value, field)
    return None if value is None else tuple(value)


def _image_properties(value: Any) -> tuple[str, ...] | None:
    return _str_list(value, "image_properties")


def _non_blob_properties(value: Any) -> tuple[str, ...] | None:
    return _str_list(value, "non_blob_properties")


_prompt = attrs_check(check_str, required=True)


@attrs.frozen(kw_only=True)
class _SinglePrompt:
    """A prompt run once per result object (``single_prompt=``); ``{property}`` placeholders
    are filled from each object.

    Attributes:
        prompt: the prompt.
        image_properties: blob properties sent as images with each prompt.
        images: images sent with each prompt.
        metadata: ask the provider for usage metadata (``GenerativeSingle.metadata``).
        debug: return the full prompt as sent (``GenerativeSingle.debug``).
    """

    prompt: str = attrs.field(validator=_prompt)
    image_properties: tuple[str, ...] | None = attrs.field(
        default=None, converter=_image_properties
    )
    images: tuple[BLOB_INPUT, ...] | None = attrs.field(default=None, converter=_images)
    metadata: bool = attrs.field(default=False, validator=attrs_check(check_bool, required=True))
    debug: bool = attrs.field(default=False, validator=attrs_check(check_bool, required=True))


@attrs.frozen(kw_only=True)
class _GroupedTask:
    """A task run once over all the results (``grouped_task=``).

    Attributes:
        prompt: the task.
        non_blob_properties: the properties whose values are given to the task (None: all).
        image_properties: blob properties sent as images.
        images: images sent with the task.
        metadata: ask the provider for usage metadata (``GenerativeGrouped.metadata``).
    """

    prompt: str = attrs.field(validator=_prompt)
    non_blob_properties: tuple[str, ...] | None = attrs.field(
        default=None, converter=_non_blob_properties
    )
    image_properties: tuple[str, ...] | None = attrs.field(
        default=None, converter=_image_properties
    )
    images: tuple[BLOB_INPUT, ...] | None = attrs.field(default=None, converter=_images)
    metadata: bool = attrs.field(default=False, validator=attrs_check(check_bool, required=True))


#: A single prompt with options, as ``GenerativeParameters.single_prompt`` builds it.
SinglePrompt = _SinglePrompt
#: A grouped task with options, as ``GenerativeParameters.grouped_task`` builds it.
GroupedTask = _GroupedTask


class GenerativeParameters:
    """Prompts with options for generative searches (``single_prompt=`` / ``grouped_task=``)."""

    @staticmethod
    def grouped_task(
        prompt: str,
        *,
        non_blob_properties: list[str] | None = None,
        image_properties: list[str] | None = None,
        images: BLOB_INPUT | Iterable[BLOB_INPUT] | None = None,
        metadata: bool = False,
    ) -> _GroupedTask:
        """A task run once over all results.

        Args:
            prompt: the task.
            non_blob_properties: the properties given to the task (None: all).
            image_properties: blob properties of the results sent as images.
            images: images sent with the task: base64 text, paths or binary files.
            metadata: return the provider's usage metadata.
        """
        return _GroupedTask(
            prompt=prompt,
            non_blob_properties=non_blob_properties,
            image_properties=image_properties,
            images=images,
            metadata=metadata,
        )

    @staticmethod
    def single_prompt(
        prompt: str,
        *,
        image_properties: list[str] | None = None,
        images: BLOB_INPUT | Iterable[BLOB_INPUT] | None = None,
        metadata: bool = False,
        debug: bool = False,
    ) -> _SinglePrompt:
        """A prompt run once per result; ``{property}`` placeholders take each object's
        values.

        Args:
            prompt: the prompt.
            image_properties: blob properties of each object sent as images.
            images: images sent with every prompt: base64 text, paths or binary files.
            metadata: return the provider's usage metadata.
            debug: return the full prompt as sent.
        """
        return _SinglePrompt(
            prompt=prompt,
            image_properties=image_properties,
            images=images,
            metadata=metadata,
            debug=debug,
        )
