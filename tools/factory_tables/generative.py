"""``Configure.Generative``, generated into ``weaviate_async/classes/config_generative.py`` by
``tools/gen_factories.py``.

Most factories name their server module and send one setting per argument: each argument's
JSON key and check are in the catalog (``PARAMS``), written once for every provider that takes
it. ``generative-aws`` and ``generative-google`` first check their service or place together
(``pre``, the hand-written helpers of ``weaviate_async/classes/_vectorizer_builders.py``); their
factories also list the module's settings they do not take (``_unset``), which read None.
"""

from __future__ import annotations

from factory_tables import F, Module, Namespace

DOC = """Generative module factories: ``Configure.Generative`` (and ``Reconfigure.Generative``).

Each factory names one ``generative-*`` module of the server and its collection-level settings
in the server's JSON keys. Arguments are checked when the factory is called (a bad one raises
:class:`~weaviate_async.exceptions.WeaviateInvalidInputError` naming it); options left as None
are not sent, so the module's defaults apply.

Examples:
    >>> Configure.Generative.openai(model="gpt-4o", temperature=0.2)
"""

HEADER = """
import warnings
from typing import Any, Literal

from weaviate_async.classes._config_base import _GenerativeProvider
from weaviate_async.classes._generative_builders import (
    META_REASONING_EFFORTS as META_REASONING_EFFORTS,
    MetaReasoningEffort as MetaReasoningEffort,
    _REASONING_EFFORTS,
    _VERBOSITIES,
)
from weaviate_async._validate import (
    bool_arg,
    choice_arg,
    float_arg,
    int_arg,
    mapping_arg,
    str_arg,
    str_list_arg,
    url_arg,
)
from weaviate_async.classes._vectorizer_builders import (
    _GOOGLE_AI_STUDIO_ENDPOINT,
    _aws_place,
    _google_project_endpoint,
    _req_str,
)

__all__ = ["META_REASONING_EFFORTS", "MetaReasoningEffort", "_Generative"]
"""

_STR = 'str_arg({p}, "{p}")'
_LIST = 'str_list_arg({p}, "{p}")'
_OPT_STR = "str | None"
_MAX_TOKENS = 'int_arg({p}, "{p}", minimum=1)'
_REQ = '_req_str({p}, "{p}")'


def _unset(*keys: str) -> str:
    """Settings of the module that a factory does not take: known, reading None."""
    return ", ".join(f"{key!r}: None" for key in keys)


PARAMS: dict[str, tuple[str, ...]] = {
    "api_endpoint": (_OPT_STR, "None", "apiEndpoint", 'url_arg({p}, "{p}")'),
    "api_version": (_OPT_STR, "None", "apiVersion", _STR),
    "avoid_commentary": ("bool | None", "None", "avoidCommentary", 'bool_arg({p}, "{p}")'),
    "base_url": (_OPT_STR, "None", "baseURL", 'url_arg({p}, "{p}")'),
    "deployment_id": ("str", None, "deploymentId", _REQ),
    "endpoint": ("str", None, "endpoint", 'url_arg(_req_str({p}, "{p}"), "{p}")'),
    "endpoint_id": (_OPT_STR, "None", "endpointId", _STR),
    "frequency_penalty": ("float | None", "None", "frequencyPenalty", 'float_arg({p}, "{p}")'),
    "k": ("int | None", "None", "k", 'int_arg({p}, "{p}", minimum=0)'),
    "knowledge": ("list[str] | None", "None", "knowledge", _LIST),
    "location": (_OPT_STR, "None", "location", _STR),
    "max_new_tokens": ("int | None", "None", "maxNewTokens", _MAX_TOKENS),
    # the server reads the output token limit of generative-google from "tokenLimit"
    "max_output_tokens": ("int | None", "None", "tokenLimit", _MAX_TOKENS),
    "max_tokens": ("int | None", "None", "maxTokens", _MAX_TOKENS),
    "model": (_OPT_STR, "None", "model", _STR),
    "model_id": (_OPT_STR, "None", "modelId", _STR),
    "presence_penalty": ("float | None", "None", "presencePenalty", 'float_arg({p}, "{p}")'),
    "project_id": ("str", None, "projectId", "{p}"),
    "reasoning_effort": (
        "MetaReasoningEffort | str | None",
        "None",
        "reasoningEffort",
        _STR,
    ),
    "region": (_OPT_STR, "None", "region", _STR),
    "resource_name": ("str", None, "resourceName", _REQ),
    "return_likelihoods": (_OPT_STR, "None", "returnLikelihoods", _STR),
    # checked with model and endpoint in ``pre``
    "service": ('Literal["bedrock", "sagemaker"] | str', '"bedrock"', "service", "{p}"),
    "stop": ("list[str] | None", "None", "stop", _LIST),
    "stop_sequences": ("list[str] | None", "None", "stopSequences", _LIST),
    "system_prompt": (_OPT_STR, "None", "systemPrompt", _STR),
    "target_model": (_OPT_STR, "None", "targetModel", _STR),
    "target_variant": (_OPT_STR, "None", "targetVariant", _STR),
    "temperature": ("float | None", "None", "temperature", 'float_arg({p}, "{p}", minimum=0)'),
    "top_k": ("int | None", "None", "topK", 'int_arg({p}, "{p}", minimum=0)'),
    "top_p": ("float | None", "None", "topP", 'float_arg({p}, "{p}", minimum=0, maximum=1)'),
    "verbosity": (
        'Literal["low", "medium", "high"] | str | None',
        "None",
        "verbosity",
        'choice_arg({p}, "{p}", _VERBOSITIES)',
    ),
}

_GOOGLE = "project_id, api_endpoint, max_output_tokens, model_id, temperature, top_k, top_p"

NAMESPACES = [
    Namespace(
        "_Generative",
        """Factories for the generative module of a collection (``Configure.Generative``).

Each returns the module and its settings for ``collections.create(generative_config=...)``
or ``collection.config.update(generative_config=...)``.""",
        returns="_GenerativeProvider",
        wrap="{build}",
        wrapper_params=(),
        factories=[
            F(
                "anthropic",
                "model, max_tokens, stop_sequences, temperature, top_k, top_p, base_url",
                "",
                "The ``generative-anthropic`` module (Claude models).",
                module="generative-anthropic",
            ),
            F(
                "anyscale",
                "model, temperature, base_url",
                "",
                "The ``generative-anyscale`` module.",
                module="generative-anyscale",
            ),
            F(
                "aws",
                'model, region: str = "", endpoint: str | None = None, '
                'service: Literal["bedrock", "sagemaker"] | str = "bedrock", max_tokens',
                "",
                """The ``generative-aws`` module: Bedrock ``model`` or SageMaker ``endpoint``.

Prefer :meth:`aws_bedrock` or :meth:`aws_sagemaker`. ``region`` is required.""",
                module="generative-aws",
                pre="svc, model_, endpoint_ = _aws_place(service, model, endpoint)",
                checks={
                    "model": "model_",
                    "region": _REQ,
                    "endpoint": "endpoint_",
                    "service": "svc",
                },
                extra=_unset(
                    "targetModel", "targetVariant", "temperature", "topK", "topP", "stopSequences"
                ),
            ),
            F(
                "aws_bedrock",
                "model: str, region: str, temperature, max_tokens, top_k, top_p, stop_sequences",
                "",
                "The ``generative-aws`` module with an AWS Bedrock model.",
                module="generative-aws",
                pre='model_ = _aws_place("bedrock", model, None)[1]',
                checks={"model": "model_", "region": _REQ},
                extra="'service': 'bedrock', " + _unset("endpoint", "targetModel", "targetVariant"),
            ),
            F(
                "aws_sagemaker",
                "region: str, endpoint: str, max_tokens, target_model, target_variant, "
                "temperature, top_k, top_p, stop_sequences",
                "",
                "The ``generative-aws`` module with an AWS SageMaker endpoint.",
                module="generative-aws",
                pre='endpoint_ = _aws_place("sagemaker", None, endpoint)[2]',
                checks={"region": _REQ, "endpoint": "endpoint_"},
                extra="'service': 'sagemaker', " + _unset("model"),
            ),
            F(
                "azure_openai",
                "resource_name, deployment_id, frequency_penalty, max_tokens, presence_penalty, "
                "temperature, top_p, base_url, api_version",
                "",
                "The ``generative-openai`` module with an Azure OpenAI deployment.",
                module="generative-openai",
            ),
            F(
                "cohere",
                "model, k, max_tokens, return_likelihoods, stop_sequences, temperature, base_url",
                "",
                """The ``generative-cohere`` module.

``return_likelihoods`` is stored as ``returnLikelihoods``; current Cohere models ignore it.""",
                module="generative-cohere",
            ),
            F(
                "contextualai",
                "model, max_new_tokens, temperature, top_p, system_prompt, avoid_commentary, "
                "knowledge",
                "",
                "The ``generative-contextualai`` module (grounded generation).",
                module="generative-contextualai",
            ),
            F(
                "custom",
                "module_name: str, module_config: dict[str, Any] | None = None",
                "_GenerativeProvider("
                'module=_req_str(module_name, "module_name"), '
                'settings=mapping_arg(module_config, "module_config"))',
                "Any generative module, given by its name and its settings (server JSON keys).",
            ),
            F(
                "databricks",
                "*, endpoint, max_tokens, temperature, top_k, top_p",
                "",
                "The ``generative-databricks`` module (a serving ``endpoint`` URL).",
                module="generative-databricks",
            ),
            F(
                "deepseek",
                "*, base_url, model, temperature, max_tokens, frequency_penalty, "
                "presence_penalty, top_p, stop",
                "",
                "The ``generative-deepseek`` module.",
                module="generative-deepseek",
            ),
            F(
                "digitalocean",
                "*, base_url, model, temperature, top_p, max_tokens, frequency_penalty, "
                "presence_penalty, stop",
                "",
                """The ``generative-digitalocean`` module (DigitalOcean Gradient serverless inference).

Weaviate v1.39.0 has no such module and refuses a collection that names it; the factory
is here for servers that have it, as in the official client.""",
                module="generative-digitalocean",
            ),
            F(
                "dummy",
                "",
                "",
                "The ``generative-dummy`` module (a test module that echoes; no settings).",
                module="generative-dummy",
            ),
            F(
                "friendliai",
                "*, base_url, model, temperature, max_tokens",
                "",
                "The ``generative-friendliai`` module.",
                module="generative-friendliai",
            ),
            F(
                "google",
                _GOOGLE,
                "",
                "The ``generative-google`` module with Vertex AI; prefer :meth:`google_vertex`.",
                module="generative-google",
                pre="project, endpoint = _google_project_endpoint(False, project_id, api_endpoint)",
                checks={"project_id": "project", "api_endpoint": "endpoint"},
                extra=_unset("region", "location", "endpointId"),
            ),
            F(
                "palm",
                _GOOGLE,
                f"_Generative.google({_GOOGLE})",
                "Older name of :meth:`google`.",
                pre="warnings.warn(\n"
                '    "generative.palm is deprecated: use generative.google", '
                "DeprecationWarning, stacklevel=2\n)",
            ),
            F(
                "google_vertex",
                "project_id, api_endpoint, region, max_output_tokens, model_id, endpoint_id, "
                "temperature, top_k, top_p, location",
                "",
                "The ``generative-google`` module with Google Vertex AI.",
                module="generative-google",
                pre="project, endpoint = _google_project_endpoint(False, project_id, api_endpoint)",
                checks={"project_id": "project", "api_endpoint": "endpoint"},
            ),
            F(
                "google_gemini",
                "max_output_tokens, model, temperature, top_k, top_p",
                "",
                "The ``generative-google`` module with the Gemini API (Google AI Studio).",
                module="generative-google",
                keys={"model": "modelId"},
                extra="'projectId': None, 'apiEndpoint': _GOOGLE_AI_STUDIO_ENDPOINT, "
                + _unset("region", "location", "endpointId"),
            ),
            F(
                "meta",
                "*, base_url, model, temperature, top_p, max_tokens, frequency_penalty, "
                "presence_penalty, reasoning_effort",
                "",
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
        another string is passed on as is, for models the server knows better.""",
                module="generative-meta",
            ),
            F(
                "mistral",
                "model, temperature, max_tokens, base_url",
                "",
                "The ``generative-mistral`` module.",
                module="generative-mistral",
            ),
            F(
                "nvidia",
                "*, base_url, model, temperature, max_tokens, top_p",
                "",
                "The ``generative-nvidia`` module.",
                module="generative-nvidia",
            ),
            F(
                "ollama",
                "*, api_endpoint, model",
                "",
                "The ``generative-ollama`` module (``api_endpoint`` as seen by the server).",
                module="generative-ollama",
            ),
            F(
                "openai",
                "model, frequency_penalty, max_tokens, presence_penalty, temperature, top_p, "
                "base_url, *, verbosity, "
                'reasoning_effort: Literal["minimal", "low", "medium", "high"] | str | None = None',
                "",
                "The ``generative-openai`` module (OpenAI or an OpenAI-compatible API).",
                module="generative-openai",
                checks={"reasoning_effort": 'choice_arg({p}, "{p}", _REASONING_EFFORTS)'},
            ),
            F(
                "xai",
                "*, base_url, model, temperature, max_tokens, top_p",
                "",
                "The ``generative-xai`` module (Grok models).",
                module="generative-xai",
            ),
        ],
    ),
]

MODULE = Module(
    path="weaviate_async/classes/config_generative.py",
    doc=DOC,
    header=HEADER,
    params=PARAMS,
    namespaces=NAMESPACES,
    provider="_GenerativeProvider._of",
)
