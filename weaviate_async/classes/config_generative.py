"""Generative module factories: ``Configure.Generative`` (and ``Reconfigure.Generative``).

Each factory names one ``generative-*`` module of the server and its collection-level settings
in the server's JSON keys. Arguments are checked when the factory is called (a bad one raises
:class:`~weaviate_async.exceptions.WeaviateInvalidInputError` naming it); options left as None
are not sent, so the module's defaults apply.

Examples:
    >>> Configure.Generative.openai(model="gpt-4o", temperature=0.2)
"""

from __future__ import annotations

import warnings
from typing import Any, Literal

from weaviate_async._validate import (
    invalid,
)
from weaviate_async.classes._config_base import _GenerativeProvider
from weaviate_async.classes._vectorizer_builders import (
    _bool,
    _choice,
    _float,
    _google_project_endpoint,
    _int,
    _module_config,
    _req_str,
    _str,
    _str_list,
    _url,
)

__all__ = ["META_REASONING_EFFORTS", "MetaReasoningEffort", "_Generative"]

_REASONING_EFFORTS = ("minimal", "low", "medium", "high")
#: The reasoning efforts of the ``generative-meta`` module (collection and query time).
MetaReasoningEffort = Literal["none", "minimal", "low", "medium", "high", "xhigh"]
META_REASONING_EFFORTS: tuple[str, ...] = ("none", "minimal", "low", "medium", "high", "xhigh")
_VERBOSITIES = ("low", "medium", "high")


def _provider(module: str, settings: dict[str, Any]) -> _GenerativeProvider:
    return _GenerativeProvider(
        module=module,
        settings={k: v for k, v in settings.items() if v is not None},
        known=frozenset(settings),
    )


def _temperature(value: object) -> float | None:
    return _float(value, "temperature", minimum=0)


def _top_p(value: object) -> float | None:
    return _float(value, "top_p", minimum=0, maximum=1)


def _top_k(value: object) -> int | None:
    return _int(value, "top_k", minimum=0)


def _max_tokens(value: object, field: str = "max_tokens") -> int | None:
    return _int(value, field, minimum=1)


def _penalty(value: object, field: str) -> float | None:
    return _float(value, field)


def _build_aws(
    *,
    service: object,
    region: object,
    model: object = None,
    endpoint: object = None,
    target_model: object = None,
    target_variant: object = None,
    temperature: object = None,
    max_tokens: object = None,
    top_k: object = None,
    top_p: object = None,
    stop_sequences: object = None,
) -> _GenerativeProvider:
    svc = _choice(service, "service", ("bedrock", "sagemaker"))
    if svc is None:
        raise invalid("service", "is required: 'bedrock' or 'sagemaker'")
    model_ = _str(model, "model")
    endpoint_ = _str(endpoint, "endpoint")
    if svc == "bedrock":
        if model_ is None:
            raise invalid("model", "is required with the bedrock service")
        if endpoint_ is not None:
            raise invalid("endpoint", "applies to the sagemaker service only")
    elif endpoint_ is None:
        raise invalid("endpoint", "is required with the sagemaker service")
    return _provider(
        "generative-aws",
        {
            "region": _req_str(region, "region"),
            "service": svc,
            "model": model_,
            "endpoint": endpoint_,
            "targetModel": _str(target_model, "target_model"),
            "targetVariant": _str(target_variant, "target_variant"),
            "temperature": _temperature(temperature),
            "maxTokens": _max_tokens(max_tokens),
            "topK": _top_k(top_k),
            "topP": _top_p(top_p),
            "stopSequences": _str_list(stop_sequences, "stop_sequences"),
        },
    )


def _build_google(
    *,
    project_id: object = None,
    api_endpoint: object = None,
    region: object = None,
    location: object = None,
    endpoint_id: object = None,
    model_id: object = None,
    model_field: str = "model_id",
    max_output_tokens: object = None,
    temperature: object = None,
    top_k: object = None,
    top_p: object = None,
    ai_studio: bool = False,
) -> _GenerativeProvider:
    """Vertex AI (project required) or, with ``ai_studio``, the Gemini API."""
    project, endpoint = _google_project_endpoint(ai_studio, project_id, api_endpoint)
    # The server reads the output token limit of generative-google from "tokenLimit".
    return _provider(
        "generative-google",
        {
            "projectId": project,
            "apiEndpoint": endpoint,
            "region": _str(region, "region"),
            "location": _str(location, "location"),
            "endpointId": _str(endpoint_id, "endpoint_id"),
            "modelId": _str(model_id, model_field),
            "tokenLimit": _max_tokens(max_output_tokens, "max_output_tokens"),
            "temperature": _temperature(temperature),
            "topK": _top_k(top_k),
            "topP": _top_p(top_p),
        },
    )


def _build_openai_like(
    module: str,
    *,
    model: object = None,
    base_url: object = None,
    temperature: object = None,
    max_tokens: object = None,
    top_p: object = None,
    **extra: Any,
) -> _GenerativeProvider:
    """Modules whose settings are some of model, baseURL, temperature, maxTokens, topP."""
    return _provider(
        module,
        {
            "model": _str(model, "model"),
            "baseURL": _url(base_url, "base_url"),
            "temperature": _temperature(temperature),
            "maxTokens": _max_tokens(max_tokens),
            "topP": _top_p(top_p),
            **extra,
        },
    )


class _Generative:
    """Factories for the generative module of a collection (``Configure.Generative``).

    Each returns the module and its settings for ``collections.create(generative_config=...)``
    or ``collection.config.update(generative_config=...)``.
    """

    @staticmethod
    def anthropic(
        model: str | None = None,
        max_tokens: int | None = None,
        stop_sequences: list[str] | None = None,
        temperature: float | None = None,
        top_k: int | None = None,
        top_p: float | None = None,
        base_url: str | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-anthropic`` module (Claude models)."""
        return _build_openai_like(
            "generative-anthropic",
            model=model,
            base_url=base_url,
            temperature=temperature,
            max_tokens=max_tokens,
            top_p=top_p,
            topK=_top_k(top_k),
            stopSequences=_str_list(stop_sequences, "stop_sequences"),
        )

    @staticmethod
    def anyscale(
        model: str | None = None,
        temperature: float | None = None,
        base_url: str | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-anyscale`` module."""
        return _build_openai_like(
            "generative-anyscale", model=model, base_url=base_url, temperature=temperature
        )

    @staticmethod
    def aws(
        model: str | None = None,
        region: str = "",
        endpoint: str | None = None,
        service: Literal["bedrock", "sagemaker"] | str = "bedrock",
        max_tokens: int | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-aws`` module: Bedrock ``model`` or SageMaker ``endpoint``.

        Prefer :meth:`aws_bedrock` or :meth:`aws_sagemaker`. ``region`` is required.
        """
        return _build_aws(
            service=service, region=region, model=model, endpoint=endpoint, max_tokens=max_tokens
        )

    @staticmethod
    def aws_bedrock(
        model: str,
        region: str,
        temperature: float | None = None,
        max_tokens: int | None = None,
        top_k: int | None = None,
        top_p: float | None = None,
        stop_sequences: list[str] | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-aws`` module with an AWS Bedrock model."""
        return _build_aws(
            service="bedrock",
            region=region,
            model=model,
            temperature=temperature,
            max_tokens=max_tokens,
            top_k=top_k,
            top_p=top_p,
            stop_sequences=stop_sequences,
        )

    @staticmethod
    def aws_sagemaker(
        region: str,
        endpoint: str,
        max_tokens: int | None = None,
        target_model: str | None = None,
        target_variant: str | None = None,
        temperature: float | None = None,
        top_k: int | None = None,
        top_p: float | None = None,
        stop_sequences: list[str] | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-aws`` module with an AWS SageMaker endpoint."""
        return _build_aws(
            service="sagemaker",
            region=region,
            endpoint=endpoint,
            target_model=target_model,
            target_variant=target_variant,
            temperature=temperature,
            max_tokens=max_tokens,
            top_k=top_k,
            top_p=top_p,
            stop_sequences=stop_sequences,
        )

    @staticmethod
    def azure_openai(
        resource_name: str,
        deployment_id: str,
        frequency_penalty: float | None = None,
        max_tokens: int | None = None,
        presence_penalty: float | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
        base_url: str | None = None,
        api_version: str | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-openai`` module with an Azure OpenAI deployment."""
        return _build_openai_like(
            "generative-openai",
            base_url=base_url,
            temperature=temperature,
            max_tokens=max_tokens,
            top_p=top_p,
            resourceName=_req_str(resource_name, "resource_name"),
            deploymentId=_req_str(deployment_id, "deployment_id"),
            apiVersion=_str(api_version, "api_version"),
            frequencyPenalty=_penalty(frequency_penalty, "frequency_penalty"),
            presencePenalty=_penalty(presence_penalty, "presence_penalty"),
        )

    @staticmethod
    def cohere(
        model: str | None = None,
        k: int | None = None,
        max_tokens: int | None = None,
        return_likelihoods: str | None = None,
        stop_sequences: list[str] | None = None,
        temperature: float | None = None,
        base_url: str | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-cohere`` module.

        ``return_likelihoods`` is stored as ``returnLikelihoods``; current Cohere models ignore it.
        """
        return _build_openai_like(
            "generative-cohere",
            model=model,
            base_url=base_url,
            temperature=temperature,
            max_tokens=max_tokens,
            k=_int(k, "k", minimum=0),
            stopSequences=_str_list(stop_sequences, "stop_sequences"),
            returnLikelihoods=_str(return_likelihoods, "return_likelihoods"),
        )

    @staticmethod
    def contextualai(
        model: str | None = None,
        max_new_tokens: int | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
        system_prompt: str | None = None,
        avoid_commentary: bool | None = None,
        knowledge: list[str] | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-contextualai`` module (grounded generation)."""
        return _build_openai_like(
            "generative-contextualai",
            model=model,
            temperature=temperature,
            top_p=top_p,
            maxNewTokens=_max_tokens(max_new_tokens, "max_new_tokens"),
            systemPrompt=_str(system_prompt, "system_prompt"),
            avoidCommentary=_bool(avoid_commentary, "avoid_commentary"),
            knowledge=_str_list(knowledge, "knowledge"),
        )

    @staticmethod
    def custom(
        module_name: str, module_config: dict[str, Any] | None = None
    ) -> _GenerativeProvider:
        """Any generative module, given by its name and its settings (server JSON keys)."""
        return _GenerativeProvider(
            module=_req_str(module_name, "module_name"),
            settings=_module_config(module_config, "module_config"),
        )

    @staticmethod
    def databricks(
        *,
        endpoint: str,
        max_tokens: int | None = None,
        temperature: float | None = None,
        top_k: int | None = None,
        top_p: float | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-databricks`` module (a serving ``endpoint`` URL)."""
        return _build_openai_like(
            "generative-databricks",
            temperature=temperature,
            max_tokens=max_tokens,
            top_p=top_p,
            endpoint=_url(_req_str(endpoint, "endpoint"), "endpoint"),
            topK=_top_k(top_k),
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
    ) -> _GenerativeProvider:
        """The ``generative-deepseek`` module."""
        return _build_openai_like(
            "generative-deepseek",
            model=model,
            base_url=base_url,
            temperature=temperature,
            max_tokens=max_tokens,
            top_p=top_p,
            frequencyPenalty=_penalty(frequency_penalty, "frequency_penalty"),
            presencePenalty=_penalty(presence_penalty, "presence_penalty"),
            stop=_str_list(stop, "stop"),
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
    ) -> _GenerativeProvider:
        """The ``generative-digitalocean`` module (DigitalOcean Gradient serverless inference).

        Weaviate v1.39.0 has no such module and refuses a collection that names it; the factory
        is here for servers that have it, as in the official client.
        """
        return _build_openai_like(
            "generative-digitalocean",
            model=model,
            base_url=base_url,
            temperature=temperature,
            max_tokens=max_tokens,
            top_p=top_p,
            frequencyPenalty=_penalty(frequency_penalty, "frequency_penalty"),
            presencePenalty=_penalty(presence_penalty, "presence_penalty"),
            stop=_str_list(stop, "stop"),
        )

    @staticmethod
    def dummy() -> _GenerativeProvider:
        """The ``generative-dummy`` module (a test module that echoes; no settings)."""
        return _provider("generative-dummy", {})

    @staticmethod
    def friendliai(
        *,
        base_url: str | None = None,
        model: str | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-friendliai`` module."""
        return _build_openai_like(
            "generative-friendliai",
            model=model,
            base_url=base_url,
            temperature=temperature,
            max_tokens=max_tokens,
        )

    @staticmethod
    def google(
        project_id: str,
        api_endpoint: str | None = None,
        max_output_tokens: int | None = None,
        model_id: str | None = None,
        temperature: float | None = None,
        top_k: int | None = None,
        top_p: float | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-google`` module with Vertex AI; prefer :meth:`google_vertex`."""
        return _build_google(
            project_id=project_id,
            api_endpoint=api_endpoint,
            model_id=model_id,
            max_output_tokens=max_output_tokens,
            temperature=temperature,
            top_k=top_k,
            top_p=top_p,
        )

    @staticmethod
    def palm(
        project_id: str,
        api_endpoint: str | None = None,
        max_output_tokens: int | None = None,
        model_id: str | None = None,
        temperature: float | None = None,
        top_k: int | None = None,
        top_p: float | None = None,
    ) -> _GenerativeProvider:
        """Older name of :meth:`google`."""
        warnings.warn(
            "generative.palm is deprecated: use generative.google", DeprecationWarning, stacklevel=2
        )
        return _Generative.google(
            project_id, api_endpoint, max_output_tokens, model_id, temperature, top_k, top_p
        )

    @staticmethod
    def google_vertex(
        project_id: str,
        api_endpoint: str | None = None,
        region: str | None = None,
        max_output_tokens: int | None = None,
        model_id: str | None = None,
        endpoint_id: str | None = None,
        temperature: float | None = None,
        top_k: int | None = None,
        top_p: float | None = None,
        location: str | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-google`` module with Google Vertex AI."""
        return _build_google(
            project_id=project_id,
            api_endpoint=api_endpoint,
            region=region,
            location=location,
            endpoint_id=endpoint_id,
            model_id=model_id,
            max_output_tokens=max_output_tokens,
            temperature=temperature,
            top_k=top_k,
            top_p=top_p,
        )

    @staticmethod
    def google_gemini(
        max_output_tokens: int | None = None,
        model: str | None = None,
        temperature: float | None = None,
        top_k: int | None = None,
        top_p: float | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-google`` module with the Gemini API (Google AI Studio)."""
        return _build_google(
            model_id=model,
            model_field="model",
            max_output_tokens=max_output_tokens,
            temperature=temperature,
            top_k=top_k,
            top_p=top_p,
            ai_studio=True,
        )

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
        reasoning_effort: MetaReasoningEffort | str | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-meta`` module (Meta's Llama API).

        Args:
            base_url: the API's address as the server sees it.
            model: the model; None uses the module's default.
            temperature: sampling temperature (>= 0).
            top_p: nucleus sampling mass in [0, 1].
            max_tokens: longest answer, in tokens (>= 1).
            frequency_penalty: penalty for repeated tokens.
            presence_penalty: penalty for tokens already present.
            reasoning_effort: ``none``, ``minimal``, ``low``, ``medium``, ``high`` or ``xhigh``;
                another string is passed on as is, for models the server knows better.
        """
        return _build_openai_like(
            "generative-meta",
            model=model,
            base_url=base_url,
            temperature=temperature,
            max_tokens=max_tokens,
            top_p=top_p,
            frequencyPenalty=_penalty(frequency_penalty, "frequency_penalty"),
            presencePenalty=_penalty(presence_penalty, "presence_penalty"),
            reasoningEffort=_str(reasoning_effort, "reasoning_effort"),
        )

    @staticmethod
    def mistral(
        model: str | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
        base_url: str | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-mistral`` module."""
        return _build_openai_like(
            "generative-mistral",
            model=model,
            base_url=base_url,
            temperature=temperature,
            max_tokens=max_tokens,
        )

    @staticmethod
    def nvidia(
        *,
        base_url: str | None = None,
        model: str | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
        top_p: float | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-nvidia`` module."""
        return _build_openai_like(
            "generative-nvidia",
            model=model,
            base_url=base_url,
            temperature=temperature,
            max_tokens=max_tokens,
            top_p=top_p,
        )

    @staticmethod
    def ollama(*, api_endpoint: str | None = None, model: str | None = None) -> _GenerativeProvider:
        """The ``generative-ollama`` module (``api_endpoint`` as seen by the server)."""
        return _provider(
            "generative-ollama",
            {"apiEndpoint": _url(api_endpoint, "api_endpoint"), "model": _str(model, "model")},
        )

    @staticmethod
    def openai(
        model: str | None = None,
        frequency_penalty: float | None = None,
        max_tokens: int | None = None,
        presence_penalty: float | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
        base_url: str | None = None,
        *,
        verbosity: Literal["low", "medium", "high"] | str | None = None,
        reasoning_effort: Literal["minimal", "low", "medium", "high"] | str | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-openai`` module (OpenAI or an OpenAI-compatible API)."""
        return _build_openai_like(
            "generative-openai",
            model=model,
            base_url=base_url,
            temperature=temperature,
            max_tokens=max_tokens,
            top_p=top_p,
            frequencyPenalty=_penalty(frequency_penalty, "frequency_penalty"),
            presencePenalty=_penalty(presence_penalty, "presence_penalty"),
            verbosity=_choice(verbosity, "verbosity", _VERBOSITIES),
            reasoningEffort=_choice(reasoning_effort, "reasoning_effort", _REASONING_EFFORTS),
        )

    @staticmethod
    def xai(
        *,
        base_url: str | None = None,
        model: str | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
        top_p: float | None = None,
    ) -> _GenerativeProvider:
        """The ``generative-xai`` module (Grok models)."""
        return _build_openai_like(
            "generative-xai",
            model=model,
            base_url=base_url,
            temperature=temperature,
            max_tokens=max_tokens,
            top_p=top_p,
        )
