"""The builders of the vectorizer modules whose settings are one JSON key per argument,
generated into ``weaviate_async/classes/_vectorizer_modules.py`` by ``tools/gen_factories.py``.

Each row is one builder: its arguments (keyword-only, as the namespaces of
``tools/factory_tables/vectorizers.py`` call them), the server module, and, through the
catalog, each argument's JSON key and check; the AWS and Google modules first check their
service or place together (``pre``, a hand-written helper). Modules with other rules across arguments
(huggingface, transformers, custom) keep their hand-written builders in
``weaviate_async/classes/_vectorizer_builders.py``.
"""

from __future__ import annotations

from factory_tables import F, Module, Namespace

DOC = """The builders of the vectorizer modules that send one setting per argument.

Each checks its arguments and returns the module with its settings under the server's JSON keys
(None values are dropped, so the server's defaults apply). The text modules also send
``vectorizeClassName`` and the source ``properties``.
"""

HEADER = """
from weaviate_async.classes._config_base import _VectorizerConfigCreate
from weaviate_async._validate import (
    bool_arg,
    choice_arg,
    int_arg,
    str_arg,
    str_list_arg,
    url_arg,
)
from weaviate_async.classes._vectorizer_builders import (
    _COHERE_TRUNCATIONS,
    _OPENAI_TYPES,
    _POOLING_STRATEGIES,
    _aws_place,
    _google_multi2vec_place,
    _huggingface_source,
    _transformers_urls,
    _google_project_endpoint,
    _req_bool,
    _req_str,
    _multimodal,
    _vcn,
    _vectorizer,
)
"""

_STR = 'str_arg({p}, "{p}")'
_URL = 'url_arg({p}, "{p}")'
_REQ = '_req_str({p}, "{p}")'

PARAMS: dict[str, tuple[str, ...]] = {
    "api_endpoint": ("object", "None", "apiEndpoint", _URL),
    "base_url": ("object", "None", "baseURL", _URL),
    "deployment_id": ("object", None, "deploymentId", _REQ),
    "dimensions": ("object", "None", "dimensions", 'int_arg({p}, "{p}", minimum=1)'),
    "endpoint": ("object", "None", "endpoint", _STR),
    "output_encoding": ("object", "None", "outputEncoding", _STR),
    "region": ("object", "None", "region", _STR),
    "truncation": ("object", "None", "truncation", 'bool_arg({p}, "{p}")'),
    "inference_url": ("object", "None", "inferenceUrl", _URL),
    "instruction": ("object", "None", "instruction", _STR),
    "method": ("object", None, "method", 'choice_arg({p}, "{p}", ("mean",))'),
    "model": ("object", "None", "model", _STR),
    "model_version": ("object", "None", "modelVersion", _STR),
    "reference_properties": (
        "object",
        None,
        "referenceProperties",
        'str_list_arg({p}, "{p}", required=True)',
    ),
    "resource_name": ("object", None, "resourceName", _REQ),
    "source_properties": ("object", "None", "properties", 'str_list_arg({p}, "{p}")'),
    "truncate": ("object", "None", "truncate", 'bool_arg({p}, "{p}")'),
    "type_": ("object", "None", "type", 'choice_arg({p}, "{p}", _OPENAI_TYPES)'),
    "vectorize_collection_name": ("object", "True", "vectorizeClassName", '_req_bool({p}, "{p}")'),
    "image_field": ("object", None, "imageFields", '[_req_str({p}, "{p}")]'),
    "pooling_strategy": (
        "object",
        "'masked_mean'",
        "poolingStrategy",
        'choice_arg({p}, "{p}", _POOLING_STRATEGIES)',
    ),
    # checked together in ``pre`` (a model source, a URL or a passage/query pair)
    "passage_model": ("object", "None", "passageModel", "{p}"),
    "query_model": ("object", "None", "queryModel", "{p}"),
    "endpoint_url": ("object", "None", "endpointURL", "{p}"),
    "passage_inference_url": ("object", "None", "passageInferenceUrl", "{p}"),
    "query_inference_url": ("object", "None", "queryInferenceUrl", "{p}"),
    # sent together under "options"
    "wait_for_model": ("object", "None", "", "-"),
    "use_gpu": ("object", "None", "", "-"),
    "use_cache": ("object", "None", "", "-"),
    # AWS: service, model and endpoint are checked together in ``pre``
    "service": ("object", "'bedrock'", "service", "{p}"),
    "target_model": ("object", "None", "targetModel", _STR),
    "target_variant": ("object", "None", "targetVariant", _STR),
    # Google: the place (project, location, endpoint) is checked in ``pre``; ``model_field``
    # names the model argument in errors (``model`` or ``model_id``, as the factory spells it)
    "project_id": ("object", "None", "projectId", "{p}"),
    "location": ("object", "None", "location", _STR),
    "ai_studio": ("bool", "False", "", "-"),
    "model_field": ("str", "'model'", "", "-"),
    "model_id": ("object", "None", "modelId", "str_arg({p}, model_field)"),
    "title_property": ("object", "None", "titleProperty", _STR),
    "task_type": ("object", "None", "taskType", _STR),
    "video_interval_seconds": (
        "object",
        "None",
        "videoIntervalSeconds",
        'int_arg({p}, "{p}", minimum=1)',
    ),
}

# multi-modal fields are handed on as given: _multimodal checks them (names, weights)
for _kind in ("audio", "depth", "image", "imu", "text", "thermal", "video"):
    PARAMS[f"{_kind}_fields"] = ("object", "None", f"{_kind}Fields", "{p}")

_TEXT = "vectorize_collection_name, source_properties"
_FIELDS = "image_fields, text_fields"
# the multi-modal modules do not send vectorize_collection_name: checked, not sent
_MULTI = {
    "pre": "_vcn(vectorize_collection_name)",
    "checks": {"vectorize_collection_name": "-"},
    "provider": "_multimodal",
}

NAMESPACES = [
    Namespace(
        "",
        "",
        returns="_VectorizerConfigCreate",
        wrap="{build}",
        wrapper_params=(),
        factories=[
            F("_build_none", "", "", "", module="none"),
            F(
                "_build_text2vec_aws",
                "*, model, region: object, endpoint, service, dimensions, target_model, "
                f"target_variant, {_TEXT}",
                "",
                "",
                module="text2vec-aws",
                pre="svc, model_, endpoint_ = _aws_place(\n"
                "    service, model, endpoint, (target_model, target_variant)\n)",
                checks={
                    "region": _REQ,
                    "model": "model_",
                    "endpoint": "endpoint_",
                    "service": "svc",
                },
            ),
            F(
                "_build_text2vec_huggingface",
                "*, model, passage_model, query_model, endpoint_url, wait_for_model, use_gpu, "
                f"use_cache, {_TEXT}",
                "",
                "",
                module="text2vec-huggingface",
                pre="model, passage_model, query_model, endpoint_url, options = _huggingface_source(\n"
                "    model, passage_model, query_model, endpoint_url, wait_for_model, use_gpu, use_cache\n)",
                checks={"model": "{p}"},
                extra="'options': options",
            ),
            F(
                "_build_text2vec_transformers",
                "*, pooling_strategy, dimensions, inference_url, passage_inference_url, "
                f"query_inference_url, {_TEXT}",
                "",
                "",
                module="text2vec-transformers",
                pre="inference_url, passage_inference_url, query_inference_url = _transformers_urls(\n"
                "    inference_url, passage_inference_url, query_inference_url\n)",
                checks={"inference_url": "{p}"},
            ),
            F(
                "_build_text2vec_google",
                "*, project_id, api_endpoint, model_id, model_field, title_property, task_type, "
                f"dimensions, location, ai_studio, {_TEXT}",
                "",
                "Vertex AI when ``ai_studio`` is False (project required), else Google AI Studio.",
                module="text2vec-google",
                pre="project_id, api_endpoint = _google_project_endpoint(\n"
                "    ai_studio, project_id, api_endpoint\n)",
                checks={"api_endpoint": "{p}"},
            ),
            F(
                "_build_multi2vec_google",
                "*, project_id, location, model_id, model_field, dimensions, video_interval_seconds, "
                "audio_fields, image_fields, text_fields, video_fields, ai_studio, "
                "vectorize_collection_name",
                "",
                "Vertex AI when ``ai_studio`` is False (project and location required), else AI Studio.",
                module="multi2vec-google",
                pre="project_id, location, endpoint = _google_multi2vec_place(ai_studio, project_id, location)\n"
                + _MULTI["pre"],
                checks={"vectorize_collection_name": "-", "location": "{p}"},
                extra="'apiEndpoint': endpoint",
                provider="_multimodal",
            ),
            F(
                "_build_multi2multivec_weaviate",
                "*, image_field, model, base_url",
                "",
                "",
                module="multi2multivec-weaviate",
            ),
            F(
                "_build_img2vec_neural",
                "image_fields: object",
                "",
                "",
                module="img2vec-neural",
                checks={"image_fields": 'str_list_arg({p}, "{p}", required=True)'},
            ),
            F(
                "_build_ref2vec_centroid",
                "reference_properties, method",
                "",
                "",
                module="ref2vec-centroid",
            ),
            F(
                "_build_text2vec_openai",
                f"*, model, model_version, type_, base_url, dimensions, endpoint, {_TEXT}",
                "",
                "",
                module="text2vec-openai",
                extra="'isAzure': False",
            ),
            F(
                "_build_text2vec_azure_openai",
                f"*, resource_name, deployment_id, base_url, dimensions, model, {_TEXT}",
                "",
                "",
                module="text2vec-openai",
                extra="'isAzure': True",
            ),
            F(
                "_build_text2vec_cohere",
                f"*, model, truncate, base_url, dimensions, {_TEXT}",
                "",
                "",
                module="text2vec-cohere",
                checks={"truncate": 'choice_arg({p}, "{p}", _COHERE_TRUNCATIONS)'},
            ),
            F(
                "_build_text_only",
                "module: str, vectorize_collection_name: object, source_properties: object",
                "",
                "Modules with no settings of their own (contextionary, gpt4all).",
                module="=module",
            ),
            F(
                "_build_text2vec_databricks",
                f"*, endpoint: object, instruction, {_TEXT}",
                "",
                "",
                module="text2vec-databricks",
                checks={"endpoint": _REQ},
            ),
            F(
                "_build_text2vec_digitalocean",
                f"*, model: object, base_url, {_TEXT}",
                "",
                "",
                module="text2vec-digitalocean",
                checks={"model": _REQ},
            ),
            F(
                "_build_simple_text",
                f"module: str, *, model, base_url, dimensions, {_TEXT}",
                "",
                "Modules whose settings are some of model, baseURL and dimensions.",
                module="=module",
            ),
            F(
                "_build_text2vec_model2vec",
                f"*, inference_url, {_TEXT}",
                "",
                "",
                module="text2vec-model2vec",
            ),
            F(
                "_build_text2vec_morph",
                f"*, model, base_url, endpoint, {_TEXT}",
                "",
                "",
                module="text2vec-morph",
            ),
            F(
                "_build_text2vec_nvidia",
                f"*, model, base_url, truncate, {_TEXT}",
                "",
                "",
                module="text2vec-nvidia",
            ),
            F(
                "_build_text2vec_ollama",
                f"*, api_endpoint, model, {_TEXT}",
                "",
                "",
                module="text2vec-ollama",
            ),
            F(
                "_build_text2vec_voyageai",
                f"*, model, base_url, truncate, dimensions, {_TEXT}",
                "",
                "",
                module="text2vec-voyageai",
            ),
            F(
                "_build_text2multivec_jinaai",
                f"*, model, dimensions, base_url, {_TEXT}",
                "",
                "",
                module="text2multivec-jinaai",
            ),
            F(
                "_build_multi2vec_aws",
                f"*, model, region, dimensions, {_FIELDS}",
                "",
                "",
                module="multi2vec-aws",
                provider="_multimodal",
            ),
            F(
                "_build_multi2vec_bind",
                "*, audio_fields, depth_fields, image_fields, imu_fields, text_fields, "
                "thermal_fields, video_fields, vectorize_collection_name",
                "",
                "",
                module="multi2vec-bind",
                **_MULTI,
            ),
            F(
                "_build_multi2vec_clip",
                f"*, inference_url, {_FIELDS}, vectorize_collection_name",
                "",
                "",
                module="multi2vec-clip",
                **_MULTI,
            ),
            F(
                "_build_multi2vec_cohere",
                f"*, model, base_url, dimensions, truncate, {_FIELDS}, vectorize_collection_name",
                "",
                "",
                module="multi2vec-cohere",
                **{
                    **_MULTI,
                    "checks": {
                        "vectorize_collection_name": "-",
                        "truncate": 'choice_arg({p}, "{p}", _COHERE_TRUNCATIONS)',
                    },
                },
            ),
            F(
                "_build_multi2vec_simple",
                f"module: str, *, model, base_url, dimensions, {_FIELDS}, vectorize_collection_name",
                "",
                "multi2vec-jinaai, multi2vec-twelvelabs, multi2multivec-jinaai: model, baseURL, fields.",
                module="=module",
                **_MULTI,
            ),
            F(
                "_build_multi2vec_nvidia",
                f"*, model, base_url, truncation, output_encoding, {_FIELDS}, "
                "vectorize_collection_name",
                "",
                "",
                module="multi2vec-nvidia",
                **_MULTI,
            ),
            F(
                "_build_multi2vec_voyageai",
                f"*, model, base_url, truncation, dimensions, output_encoding, {_FIELDS}, "
                "video_fields, vectorize_collection_name",
                "",
                "",
                module="multi2vec-voyageai",
                # the server reads the truncation switch of multi2vec-voyageai from "truncate"
                keys={"truncation": "truncate"},
                **_MULTI,
            ),
        ],
    ),
]

MODULE = Module(
    path="weaviate_async/classes/_vectorizer_modules.py",
    doc=DOC,
    header=HEADER,
    params=PARAMS,
    namespaces=NAMESPACES,
    provider="_vectorizer",
)
