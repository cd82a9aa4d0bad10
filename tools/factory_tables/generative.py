"""``Configure.Generative``, generated into ``weaviate_async/classes/config_generative.py`` by
``tools/gen_factories.py``.

Most factories name their server module and send one setting per argument: each argument's
JSON key and check are in the catalog (``PARAMS``), written once for every provider that takes
it. ``generative-aws`` and ``generative-google`` go through the hand-written builders of
``weaviate_async/classes/_generative_builders.py``.
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
    _build_aws,
    _build_google,
    _max_tokens,
    _penalty,
    _provider,
    _temperature,
    _top_k,
    _top_p,
)
from weaviate_async._validate import (
    bool_arg,
    choice_arg,
    int_arg,
    mapping_arg,
    str_arg,
    str_list_arg,
    url_arg,
)
from weaviate_async.classes._vectorizer_builders import (
    _req_str,
)

__all__ = ["META_REASONING_EFFORTS", "MetaReasoningEffort", "_Generative"]
"""

_STR = 'str_arg({p}, "{p}")'
_LIST = 'str_list_arg({p}, "{p}")'
_OPT_STR = "str | None"

PARAMS: dict[str, tuple[str, ...]] = {
    "api_endpoint": (_OPT_STR, "None", "apiEndpoint", 'url_arg({p}, "{p}")'),
    "api_version": (_OPT_STR, "None", "apiVersion", _STR),
    "avoid_commentary": ("bool | None", "None", "avoidCommentary", 'bool_arg({p}, "{p}")'),
    "base_url": (_OPT_STR, "None", "baseURL", 'url_arg({p}, "{p}")'),
    "deployment_id": ("str", None, "deploymentId", '_req_str({p}, "{p}")'),
    "endpoint": ("str", None, "endpoint", 'url_arg(_req_str({p}, "{p}"), "{p}")'),
    "endpoint_id": (_OPT_STR, "None"),
    "frequency_penalty": ("float | None", "None", "frequencyPenalty", '_penalty({p}, "{p}")'),
    "k": ("int | None", "None", "k", 'int_arg({p}, "{p}", minimum=0)'),
    "knowledge": ("list[str] | None", "None", "knowledge", _LIST),
    "location": (_OPT_STR, "None"),
    "max_new_tokens": ("int | None", "None", "maxNewTokens", '_max_tokens({p}, "{p}")'),
    "max_output_tokens": ("int | None", "None"),
    "max_tokens": ("int | None", "None", "maxTokens", "_max_tokens({p})"),
    "model": (_OPT_STR, "None", "model", _STR),
    "model_id": (_OPT_STR, "None"),
    "presence_penalty": ("float | None", "None", "presencePenalty", '_penalty({p}, "{p}")'),
    "project_id": ("str", None),
    "reasoning_effort": (
        "MetaReasoningEffort | str | None",
        "None",
        "reasoningEffort",
        _STR,
    ),
    "region": (_OPT_STR, "None"),
    "resource_name": ("str", None, "resourceName", '_req_str({p}, "{p}")'),
    "return_likelihoods": (_OPT_STR, "None", "returnLikelihoods", _STR),
    "stop": ("list[str] | None", "None", "stop", _LIST),
    "stop_sequences": ("list[str] | None", "None", "stopSequences", _LIST),
    "system_prompt": (_OPT_STR, "None", "systemPrompt", _STR),
    "target_model": (_OPT_STR, "None"),
    "target_variant": (_OPT_STR, "None"),
    "temperature": ("float | None", "None", "temperature", "_temperature({p})"),
    "top_k": ("int | None", "None", "topK", "_top_k({p})"),
    "top_p": ("float | None", "None", "topP", "_top_p({p})"),
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
                "_build_aws(**)",
                """The ``generative-aws`` module: Bedrock ``model`` or SageMaker ``endpoint``.

Prefer :meth:`aws_bedrock` or :meth:`aws_sagemaker`. ``region`` is required.""",
            ),
            F(
                "aws_bedrock",
                "model: str, region: str, temperature, max_tokens, top_k, top_p, stop_sequences",
                '_build_aws(**, service="bedrock")',
                "The ``generative-aws`` module with an AWS Bedrock model.",
            ),
            F(
                "aws_sagemaker",
                "region: str, endpoint: str, max_tokens, target_model, target_variant, "
                "temperature, top_k, top_p, stop_sequences",
                '_build_aws(**, service="sagemaker")',
                "The ``generative-aws`` module with an AWS SageMaker endpoint.",
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
                "_build_google(**)",
                "The ``generative-google`` module with Vertex AI; prefer :meth:`google_vertex`.",
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
                "_build_google(**)",
                "The ``generative-google`` module with Google Vertex AI.",
            ),
            F(
                "google_gemini",
                "max_output_tokens, model, temperature, top_k, top_p",
                '_build_google(**, model_id=model, model_field="model", ai_studio=True)',
                "The ``generative-google`` module with the Gemini API (Google AI Studio).",
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
)
