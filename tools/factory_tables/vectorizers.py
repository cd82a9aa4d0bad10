"""The vectorizer factories: ``Configure.Vectors``, ``Configure.MultiVectors``,
``Configure.NamedVectors`` and ``Configure.Vectorizer``, generated into
``weaviate_async/classes/config_vectorizers.py`` by ``tools/gen_factories.py``.

Each factory is one row: its official signature, its docstring and the builder of
``weaviate_async/classes/_vectorizer_builders.py`` it calls (which checks the arguments and
writes the server's JSON keys). A new option of a module is one edit in its builder and one
name in the signatures here that take it.
"""

from __future__ import annotations

from factory_tables import F, Module, Namespace

DOC = """Vectorizer module factories: ``Configure.Vectors``, ``Configure.MultiVectors``,
``Configure.NamedVectors`` and ``Configure.Vectorizer``.

Every factory checks its arguments when it is called and raises
:class:`~weaviate_async.exceptions.WeaviateInvalidInputError` naming the offending field. The
settings it produces use the server's JSON keys for the module (``moduleConfig[module]`` or
``vectorConfig[name].vectorizer[module]``); options left as None are not sent, so the server's
defaults apply.

The four namespaces share one builder per module (:mod:`._vectorizer_builders`):
``Configure.Vectors`` is the current form, ``Configure.NamedVectors`` and ``Configure.Vectorizer``
are the older spellings kept so that existing programs keep working.

Examples:
    >>> Configure.Vectors.text2vec_openai(name="body", source_properties=["body"])
"""

HEADER = """
from typing import TYPE_CHECKING, Any, Literal

from weaviate_async._validate import invalid
from weaviate_async.classes._vectorizer_builders import (
    AWSService as AWSService,
    CohereTruncation as CohereTruncation,
    Multi2VecField as Multi2VecField,
    OpenAIType as OpenAIType,
    PoolingStrategy as PoolingStrategy,
    _V,
    _VC,
    _VIC,
    _Fields,
    _legacy_clip_url,
    _multi,
    _named,
    _renamed_module,
    _single,
    _vector_name,
    _build_custom,
)

from weaviate_async.classes._vectorizer_modules import (
    _build_text2vec_huggingface,
    _build_text2vec_transformers,
    _build_text2vec_aws,
    _build_multi2multivec_weaviate,
    _build_multi2vec_google,
    _build_none,
    _build_text2vec_google,
    _build_multi2vec_aws,
    _build_multi2vec_bind,
    _build_multi2vec_clip,
    _build_multi2vec_cohere,
    _build_multi2vec_simple,
    _build_multi2vec_nvidia,
    _build_multi2vec_voyageai,
    _build_img2vec_neural,
    _build_ref2vec_centroid,
    _build_simple_text,
    _build_text2multivec_jinaai,
    _build_text2vec_azure_openai,
    _build_text2vec_cohere,
    _build_text2vec_databricks,
    _build_text2vec_digitalocean,
    _build_text2vec_model2vec,
    _build_text2vec_morph,
    _build_text2vec_nvidia,
    _build_text2vec_ollama,
    _build_text2vec_openai,
    _build_text2vec_voyageai,
    _build_text_only,
)

if TYPE_CHECKING:
    from weaviate_async.classes.config_index import (
        _MultiVectorConfigCreate,
        _MuveraConfigCreate,
        _QuantizerConfigCreate,
    )

__all__ = [
    "CohereTruncation",
    "Multi2VecField",
    "_MultiVectors",
    "_NamedVectors",
    "_Vectorizer",
    "_Vectors",
]
"""

PARAMS: dict[str, tuple[str, str | None]] = {
    "api_endpoint": ("str | None", "None"),
    "audio_fields": ("_Fields", "None"),
    "base_url": ("str | None", "None"),
    "deployment_id": ("str", None),
    "depth_fields": ("_Fields", "None"),
    "dimensions": ("int | None", "None"),
    "encoding": ("_MuveraConfigCreate | None", "None"),
    "endpoint": ("str | None", "None"),
    "endpoint_url": ("str | None", "None"),
    "image_field": ("str", None),
    "image_fields": ("_Fields", "None"),
    "imu_fields": ("_Fields", "None"),
    "inference_url": ("str | None", "None"),
    "instruction": ("str | None", "None"),
    "interference_url": ("str | None", "None"),
    "location": ("str", None),
    "method": ("Literal['mean']", "'mean'"),
    "model": ("str | None", "None"),
    "model_id": ("str | None", "None"),
    "model_version": ("str | None", "None"),
    "module_config": ("dict[str, Any] | None", "None"),
    "module_name": ("str", None),
    "multi_vector_config": ("_MultiVectorConfigCreate | None", "None"),
    "name": ("str | None", "None"),
    "output_encoding": ("str | None", "None"),
    "passage_inference_url": ("str | None", "None"),
    "passage_model": ("str | None", "None"),
    "pooling_strategy": ("PoolingStrategy", "'masked_mean'"),
    "project_id": ("str", None),
    "quantizer": ("_QuantizerConfigCreate | None", "None"),
    "query_inference_url": ("str | None", "None"),
    "query_model": ("str | None", "None"),
    "reference_properties": ("list[str]", None),
    "region": ("str", None),
    "resource_name": ("str", None),
    "service": ("AWSService | str", "'bedrock'"),
    "source_properties": ("list[str] | None", "None"),
    "target_model": ("str | None", "None"),
    "target_variant": ("str | None", "None"),
    "task_type": ("str | None", "None"),
    "text_fields": ("_Fields", "None"),
    "thermal_fields": ("_Fields", "None"),
    "title_property": ("str | None", "None"),
    "truncate": ("CohereTruncation | None", "None"),
    "truncation": ("bool | None", "None"),
    "type_": ("OpenAIType | None", "None"),
    "use_cache": ("bool | None", "None"),
    "use_gpu": ("bool | None", "None"),
    "vector_index_config": ("_VIC | None", "None"),
    "vectorize_collection_name": ("bool", "True"),
    "video_fields": ("_Fields", "None"),
    "video_interval_seconds": ("int | None", "None"),
    "wait_for_model": ("bool | None", "None"),
}

NAMESPACES = [
    Namespace(
        "_Vectors",
        """Factories for one vector of a collection (``Configure.Vectors``).

Each returns a vector configuration for ``collections.create(vector_config=...)``. ``name``
None gives the server's default vector name; ``vector_index_config`` None gives the server's
default index (hnsw), and ``quantizer`` is placed on that default index.""",
        returns="_V",
        wrap="_single(name, {build}, vector_index_config, quantizer)",
        wrapper_params=("name", "quantizer", "vector_index_config"),
        factories=[
            F(
                "self_provided",
                "*, name, quantizer, vector_index_config",
                "_build_none()",
                "A vector you provide yourself on insert (no vectorizer module).",
            ),
            F(
                "custom",
                "*, name, quantizer, module_name, module_config, source_properties, vector_index_config",
                "_build_custom(module_name, module_config, source_properties)",
                "A vector made by any module, given by its name and its settings (server JSON keys).",
            ),
            F(
                "img2vec_neural",
                "*, name, quantizer, image_fields: list[str], vector_index_config",
                "_build_img2vec_neural(image_fields)",
                "A vector from the ``img2vec-neural`` module over the given blob properties.",
            ),
            F(
                "ref2vec_centroid",
                "*, name, quantizer, method, reference_properties, vector_index_config",
                "_build_ref2vec_centroid(reference_properties, method)",
                "A vector from the ``ref2vec-centroid`` module: the centroid of referenced objects.",
            ),
            F(
                "multi2vec_aws",
                "*, name, quantizer, dimensions, image_fields, model, text_fields, region: str | None = None, vector_index_config",
                "_build_multi2vec_aws(**)",
                "A vector from the ``multi2vec-aws`` module (AWS Bedrock multi-modal models).",
            ),
            F(
                "multi2vec_aws_bedrock",
                "*, name, quantizer, dimensions, image_fields, model, text_fields, region: str | None = None, vector_index_config",
                "_Vectors.multi2vec_aws(**)",
                "A vector from the ``multi2vec-aws`` module with AWS Bedrock (same as multi2vec_aws).",
                raw=True,
            ),
            F(
                "multi2vec_bind",
                "*, name, quantizer, audio_fields, depth_fields, image_fields, imu_fields, text_fields, thermal_fields, video_fields, vector_index_config",
                "_build_multi2vec_bind(**)",
                "A vector from the ``multi2vec-bind`` module (ImageBind) over the given fields.",
            ),
            F(
                "multi2vec_clip",
                "*, name, quantizer, inference_url, image_fields, text_fields, vector_index_config",
                "_build_multi2vec_clip(**)",
                "A vector from the ``multi2vec-clip`` module over image and text fields.",
            ),
            F(
                "multi2vec_cohere",
                "*, name, quantizer, base_url, image_fields, model, dimensions, text_fields, truncate, vector_index_config, vectorize_collection_name",
                "_build_multi2vec_cohere(**)",
                "A vector from the ``multi2vec-cohere`` module.",
            ),
            F(
                "multi2vec_google",
                "*, name, quantizer, dimensions, audio_fields, image_fields, location, model, project_id, text_fields, video_fields, video_interval_seconds, vector_index_config",
                "_build_multi2vec_google(**, model_id=model)",
                "A vector from the ``multi2vec-google`` module with Vertex AI.",
            ),
            F(
                "multi2vec_google_gemini",
                "*, name, quantizer, dimensions, audio_fields, image_fields, model, text_fields, video_fields, video_interval_seconds, vector_index_config",
                "_build_multi2vec_google(**, model_id=model, ai_studio=True)",
                "A vector from the ``multi2vec-google`` module with Google AI Studio (Gemini API).",
            ),
            F(
                "multi2vec_jinaai",
                "*, name, quantizer, base_url, dimensions, image_fields, model, text_fields, vector_index_config",
                "_build_multi2vec_simple('multi2vec-jinaai', **)",
                "A vector from the ``multi2vec-jinaai`` module.",
            ),
            F(
                "multi2vec_nvidia",
                "*, name, quantizer, base_url, image_fields, model, text_fields, truncation, vector_index_config",
                "_build_multi2vec_nvidia(**)",
                "A vector from the ``multi2vec-nvidia`` module.",
            ),
            F(
                "multi2vec_twelvelabs",
                "*, name, quantizer, base_url, image_fields, model, text_fields, vector_index_config",
                "_build_multi2vec_simple('multi2vec-twelvelabs', **)",
                "A vector from the ``multi2vec-twelvelabs`` module.",
            ),
            F(
                "multi2vec_voyageai",
                "*, name, quantizer, base_url, image_fields, model, text_fields, video_fields, dimensions, truncation, vector_index_config",
                "_build_multi2vec_voyageai(**)",
                "A vector from the ``multi2vec-voyageai`` module.",
            ),
            F(
                "text2vec_aws",
                "*, name, quantizer, endpoint, model: str | None, region, service, source_properties, vector_index_config, vectorize_collection_name, dimensions",
                "_build_text2vec_aws(**)",
                """A vector from the ``text2vec-aws`` module (Bedrock ``model`` or SageMaker ``endpoint``).

``model`` must be given, as in the official client: the Bedrock model, or None with the
SageMaker service (which takes ``endpoint``).""",
            ),
            F(
                "text2vec_aws_bedrock",
                "*, name, model: str, region, quantizer, source_properties, vector_index_config, vectorize_collection_name, dimensions",
                "_build_text2vec_aws(**, service='bedrock')",
                "A vector from the ``text2vec-aws`` module with an AWS Bedrock model.",
            ),
            F(
                "text2vec_aws_sagemaker",
                "*, name, endpoint: str, region, target_model, target_variant, quantizer, source_properties, vector_index_config, vectorize_collection_name, dimensions",
                "_build_text2vec_aws(**, service='sagemaker')",
                "A vector from the ``text2vec-aws`` module with an AWS SageMaker endpoint.",
            ),
            F(
                "text2vec_azure_openai",
                "*, name, quantizer, base_url, deployment_id, dimensions, model, resource_name, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_azure_openai(**)",
                "A vector from the ``text2vec-openai`` module with an Azure OpenAI deployment.",
            ),
            F(
                "text2vec_cohere",
                "*, name, quantizer, base_url, model, dimensions, truncate, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_cohere(**)",
                "A vector from the ``text2vec-cohere`` module.",
            ),
            F(
                "text2vec_contextionary",
                "*, name, quantizer, source_properties, vector_index_config, vectorize_collection_name",
                '_build_text_only(\n                "text2vec-contextionary", vectorize_collection_name, source_properties\n            )',
                "A vector from the ``text2vec-contextionary`` module.",
            ),
            F(
                "text2vec_databricks",
                "*, name, quantizer, endpoint: str, instruction, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_databricks(**)",
                "A vector from the ``text2vec-databricks`` module (a serving ``endpoint`` URL).",
            ),
            F(
                "text2vec_digitalocean",
                "*, name, quantizer, base_url, model: str, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_digitalocean(**)",
                "A vector from the ``text2vec-digitalocean`` module (DigitalOcean Serverless Inference).",
            ),
            F(
                "text2vec_google",
                "*, name, quantizer, api_endpoint, dimensions, model, project_id, title_property, task_type, source_properties, vector_index_config, vectorize_collection_name, location: str | None = None",
                "_Vectors.text2vec_google_vertex(**)",
                "A vector from the ``text2vec-google`` module with Vertex AI (same as text2vec_google_vertex).",
                raw=True,
            ),
            F(
                "text2vec_google_vertex",
                "*, name, quantizer, api_endpoint, dimensions, model, project_id, title_property, task_type, source_properties, vector_index_config, vectorize_collection_name, location: str | None = None",
                "_build_text2vec_google(**, model_id=model)",
                "A vector from the ``text2vec-google`` module with Google Vertex AI.",
            ),
            F(
                "text2vec_google_aistudio",
                "*, name, quantizer, dimensions, model, title_property, task_type, source_properties, vector_index_config, vectorize_collection_name",
                "_Vectors.text2vec_google_gemini(**)",
                "A vector from the ``text2vec-google`` module with Google AI Studio (same as _gemini).",
                raw=True,
            ),
            F(
                "text2vec_google_gemini",
                "*, name, quantizer, dimensions, model, title_property, task_type, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_google(**, model_id=model, ai_studio=True)",
                "A vector from the ``text2vec-google`` module with the Gemini API (Google AI Studio).",
            ),
            F(
                "text2vec_gpt4all",
                "*, name, quantizer, source_properties, vector_index_config, vectorize_collection_name",
                '_build_text_only("text2vec-gpt4all", vectorize_collection_name, source_properties)',
                "A vector from the ``text2vec-gpt4all`` module.",
            ),
            F(
                "text2vec_huggingface",
                "*, name, quantizer, endpoint_url, model, passage_model, query_model, wait_for_model, use_gpu, use_cache, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_huggingface(**)",
                """A vector from the ``text2vec-huggingface`` module.

Give one of ``model``, ``passage_model`` with ``query_model``, or ``endpoint_url``.""",
            ),
            F(
                "text2vec_jinaai",
                "*, name, quantizer, base_url, dimensions, model, source_properties, vector_index_config, vectorize_collection_name",
                "_build_simple_text('text2vec-jinaai', **)",
                "A vector from the ``text2vec-jinaai`` module.",
            ),
            F(
                "text2vec_mistral",
                "*, name, quantizer, base_url, model, source_properties, vector_index_config, vectorize_collection_name",
                "_build_simple_text('text2vec-mistral', **)",
                "A vector from the ``text2vec-mistral`` module.",
            ),
            F(
                "text2vec_model2vec",
                "*, name, quantizer, source_properties, vector_index_config, inference_url, vectorize_collection_name",
                "_build_text2vec_model2vec(**)",
                "A vector from the ``text2vec-model2vec`` module.",
            ),
            F(
                "text2vec_morph",
                "*, name, quantizer, base_url, model, endpoint, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_morph(**)",
                "A vector from the ``text2vec-morph`` module.",
            ),
            F(
                "text2vec_nvidia",
                "*, name, quantizer, base_url, model, truncate: bool | None = None, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_nvidia(**)",
                "A vector from the ``text2vec-nvidia`` module.",
            ),
            F(
                "text2vec_ollama",
                "*, name, quantizer, api_endpoint, model, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_ollama(**)",
                "A vector from the ``text2vec-ollama`` module (``api_endpoint`` as seen by the server).",
            ),
            F(
                "text2vec_openai",
                "*, name, quantizer, base_url, dimensions, endpoint, model, model_version, type_, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_openai(**)",
                "A vector from the ``text2vec-openai`` module (OpenAI or an OpenAI-compatible API).",
            ),
            F(
                "text2vec_transformers",
                "*, name, dimensions, quantizer, inference_url, passage_inference_url, pooling_strategy, query_inference_url, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_transformers(**)",
                """A vector from the ``text2vec-transformers`` module.

Give ``inference_url``, or ``passage_inference_url`` with ``query_inference_url``, or
neither (the server's configured inference container).""",
            ),
            F(
                "text2vec_voyageai",
                "*, name, base_url, dimensions, model, quantizer, source_properties, truncate: bool | None = None, vector_index_config, vectorize_collection_name",
                "_build_text2vec_voyageai(**)",
                "A vector from the ``text2vec-voyageai`` module.",
            ),
            F(
                "text2vec_weaviate",
                "*, name, quantizer, base_url, dimensions, model, source_properties, vector_index_config, vectorize_collection_name",
                "_build_simple_text('text2vec-weaviate', **)",
                "A vector from the ``text2vec-weaviate`` module (Weaviate Embeddings).",
            ),
        ],
    ),
    Namespace(
        "_MultiVectors",
        """Factories for one multi-vector of a collection (``Configure.MultiVectors``).

Without ``vector_index_config`` the index is hnsw with multi-vector support enabled; with
one, ``multi_vector_config`` (or a default one) is set on it. ``encoding`` is a shortcut for
``multi_vector_config=multi_vector(encoding=...)``.""",
        returns="_V",
        wrap="_multi(name, {build}, vector_index_config, quantizer, multi_vector_config, encoding)",
        wrapper_params=(
            "name",
            "quantizer",
            "vector_index_config",
            "multi_vector_config",
            "encoding",
        ),
        factories=[
            F(
                "self_provided",
                "*, name, encoding, quantizer, multi_vector_config, vector_index_config",
                "_build_none()",
                "A multi-vector you provide yourself on insert.",
            ),
            F(
                "text2vec_jinaai",
                "*, name, encoding, quantizer, dimensions, model, source_properties, multi_vector_config, vector_index_config, vectorize_collection_name",
                "_build_text2multivec_jinaai(**)",
                "A multi-vector from the ``text2multivec-jinaai`` module (Jina ColBERT).",
            ),
            F(
                "multi2vec_jinaai",
                "*, name, encoding, quantizer, base_url, image_fields, model, text_fields, multi_vector_config, vector_index_config",
                "_build_multi2vec_simple('multi2multivec-jinaai', **)",
                """A multi-vector from the ``multi2multivec-jinaai`` module.

The module embeds one kind of input: give ``image_fields`` or ``text_fields``, not both.""",
                pre='if image_fields is not None and text_fields is not None:\n    raise invalid("text_fields", "give image_fields or text_fields, not both")',
            ),
            F(
                "multi2vec_weaviate",
                "*, image_field, name, encoding, quantizer, base_url, model, multi_vector_config, vector_index_config",
                "_build_multi2multivec_weaviate(**)",
                "A multi-vector from the ``multi2multivec-weaviate`` module over one image field.",
            ),
        ],
    ),
    Namespace(
        "_NamedVectors",
        """Older factories for named vectors (``Configure.NamedVectors``); prefer ``Configure.Vectors``.

Same modules and settings as ``Configure.Vectors``, with the name required and given first.""",
        returns="_V",
        wrap="_named(name, {build}, vector_index_config)",
        wrapper_params=("name", "vector_index_config"),
        factories=[
            F(
                "none",
                "name: str, *, vector_index_config",
                "_build_none()",
                "A named vector you provide yourself on insert.",
            ),
            F(
                "custom",
                "name: str, *, module_name, module_config, source_properties, vector_index_config",
                "_build_custom(module_name, module_config, source_properties)",
                "A named vector made by any module, given by its name and settings.",
            ),
            F(
                "img2vec_neural",
                "name: str, image_fields: list[str], *, vector_index_config",
                "_build_img2vec_neural(image_fields)",
                "A named vector from the ``img2vec-neural`` module.",
            ),
            F(
                "ref2vec_centroid",
                "name: str, reference_properties, *, method, vector_index_config",
                "_build_ref2vec_centroid(reference_properties, method)",
                "A named vector from the ``ref2vec-centroid`` module.",
            ),
            F(
                "multi2vec_bind",
                "name: str, *, audio_fields, depth_fields, image_fields, imu_fields, text_fields, thermal_fields, video_fields, vector_index_config, vectorize_collection_name",
                "_build_multi2vec_bind(**)",
                "A named vector from the ``multi2vec-bind`` module.",
            ),
            F(
                "multi2vec_clip",
                "name: str, *, inference_url, image_fields, text_fields, vector_index_config, vectorize_collection_name",
                "_build_multi2vec_clip(**)",
                "A named vector from the ``multi2vec-clip`` module.",
            ),
            F(
                "multi2vec_cohere",
                "name: str, *, base_url, image_fields, model, text_fields, truncate, vector_index_config, vectorize_collection_name",
                "_build_multi2vec_cohere(**)",
                "A named vector from the ``multi2vec-cohere`` module.",
            ),
            F(
                "multi2vec_google",
                "name: str, *, location, project_id, audio_fields, image_fields, text_fields, video_fields, dimensions, video_interval_seconds, model_id, vector_index_config, vectorize_collection_name",
                "_build_multi2vec_google(**, model_field='model_id')",
                "A named vector from the ``multi2vec-google`` module with Vertex AI.",
            ),
            F(
                "multi2vec_palm",
                "name: str, *, vector_index_config, vectorize_collection_name, location, project_id, image_fields, text_fields, video_fields, dimensions, video_interval_seconds, model_id",
                "_NamedVectors.multi2vec_google(name, **)",
                "Older name of :meth:`multi2vec_google`.",
                raw=True,
                pre='_renamed_module("multi2vec-palm", "multi2vec-google")',
            ),
            F(
                "multi2vec_jinaai",
                "name: str, *, base_url, model, dimensions, image_fields, text_fields, vector_index_config, vectorize_collection_name",
                "_build_multi2vec_simple('multi2vec-jinaai', **)",
                "A named vector from the ``multi2vec-jinaai`` module.",
            ),
            F(
                "multi2vec_nvidia",
                "name: str, *, base_url, model, truncation, output_encoding, image_fields, text_fields, vector_index_config, vectorize_collection_name",
                "_build_multi2vec_nvidia(**)",
                "A named vector from the ``multi2vec-nvidia`` module.",
            ),
            F(
                "multi2vec_voyageai",
                "name: str, *, base_url, model, truncation, output_encoding, image_fields, text_fields, vector_index_config, vectorize_collection_name",
                "_build_multi2vec_voyageai(**)",
                "A named vector from the ``multi2vec-voyageai`` module.",
            ),
            F(
                "text2colbert_jinaai",
                "name: str, *, dimensions, model, source_properties, vector_index_config, vectorize_collection_name",
                "_multi(\n            name,\n            _build_text2multivec_jinaai(\n                model=model,\n                dimensions=dimensions,\n                vectorize_collection_name=vectorize_collection_name,\n                source_properties=source_properties,\n            ),\n            vector_index_config,\n            None,\n            None,\n            None,\n        )",
                """A named multi-vector from the ``text2multivec-jinaai`` module (Jina ColBERT).

The index gets multi-vector support (hnsw with multi-vector when none is given).""",
                raw=True,
                pre="_vector_name(name, required=True)",
            ),
            F(
                "text2vec_aws",
                "name: str, region, *, endpoint, model, service, source_properties, vector_index_config, vectorize_collection_name, dimensions",
                "_build_text2vec_aws(**)",
                "A named vector from the ``text2vec-aws`` module.",
            ),
            F(
                "text2vec_azure_openai",
                "name: str, resource_name, deployment_id, *, base_url, dimensions, model, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_azure_openai(**)",
                "A named vector from the ``text2vec-openai`` module with Azure OpenAI.",
            ),
            F(
                "text2vec_cohere",
                "name: str, *, base_url, model, truncate, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_cohere(**)",
                "A named vector from the ``text2vec-cohere`` module.",
            ),
            F(
                "text2vec_contextionary",
                "name: str, *, source_properties, vector_index_config, vectorize_collection_name",
                '_build_text_only(\n                "text2vec-contextionary", vectorize_collection_name, source_properties\n            )',
                "A named vector from the ``text2vec-contextionary`` module.",
            ),
            F(
                "text2vec_databricks",
                "name: str, *, endpoint: str, instruction, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_databricks(**)",
                "A named vector from the ``text2vec-databricks`` module.",
            ),
            F(
                "text2vec_google",
                "name: str, project_id, *, api_endpoint, model_id, title_property, source_properties, vector_index_config, vectorize_collection_name, location: str | None = None",
                "_build_text2vec_google(**, model_field='model_id')",
                "A named vector from the ``text2vec-google`` module with Vertex AI.",
            ),
            F(
                "text2vec_palm",
                "name: str, project_id, *, source_properties, vector_index_config, vectorize_collection_name, api_endpoint, model_id, title_property",
                "_NamedVectors.text2vec_google(name, project_id, **)",
                "Older name of :meth:`text2vec_google`.",
                raw=True,
                pre='_renamed_module("text2vec-palm", "text2vec-google")',
            ),
            F(
                "text2vec_google_aistudio",
                "name: str, *, model_id, title_property, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_google(**, model_field='model_id', ai_studio=True)",
                "A named vector from the ``text2vec-google`` module with Google AI Studio.",
            ),
            F(
                "text2vec_gpt4all",
                "name: str, *, source_properties, vector_index_config, vectorize_collection_name",
                '_build_text_only("text2vec-gpt4all", vectorize_collection_name, source_properties)',
                "A named vector from the ``text2vec-gpt4all`` module.",
            ),
            F(
                "text2vec_huggingface",
                "name: str, *, model, passage_model, query_model, endpoint_url, wait_for_model, use_gpu, use_cache, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_huggingface(**)",
                "A named vector from the ``text2vec-huggingface`` module.",
            ),
            F(
                "text2vec_jinaai",
                "name: str, *, base_url, dimensions, model, source_properties, vector_index_config, vectorize_collection_name",
                "_build_simple_text('text2vec-jinaai', **)",
                "A named vector from the ``text2vec-jinaai`` module.",
            ),
            F(
                "text2vec_mistral",
                "name: str, *, base_url, model, source_properties, vector_index_config, vectorize_collection_name",
                "_build_simple_text('text2vec-mistral', **)",
                "A named vector from the ``text2vec-mistral`` module.",
            ),
            F(
                "text2vec_model2vec",
                "name: str, *, source_properties, vector_index_config, vectorize_collection_name, inference_url",
                "_build_text2vec_model2vec(**)",
                "A named vector from the ``text2vec-model2vec`` module.",
            ),
            F(
                "text2vec_nvidia",
                "name: str, *, model, base_url, truncate: bool | None = None, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_nvidia(**)",
                "A named vector from the ``text2vec-nvidia`` module.",
            ),
            F(
                "text2vec_ollama",
                "name: str, *, api_endpoint, model, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_ollama(**)",
                "A named vector from the ``text2vec-ollama`` module.",
            ),
            F(
                "text2vec_openai",
                "name: str, *, base_url, dimensions, endpoint, model, model_version, type_, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_openai(**)",
                "A named vector from the ``text2vec-openai`` module.",
            ),
            F(
                "text2vec_transformers",
                "name: str, *, dimensions, pooling_strategy, inference_url, passage_inference_url, query_inference_url, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_transformers(**)",
                "A named vector from the ``text2vec-transformers`` module.",
            ),
            F(
                "text2vec_voyageai",
                "name: str, *, model, base_url, truncate: bool | None = None, source_properties, vector_index_config, vectorize_collection_name",
                "_build_text2vec_voyageai(**)",
                "A named vector from the ``text2vec-voyageai`` module.",
            ),
            F(
                "text2vec_weaviate",
                "name: str, *, model, base_url, dimensions, source_properties, vector_index_config, vectorize_collection_name",
                "_build_simple_text('text2vec-weaviate', **)",
                "A named vector from the ``text2vec-weaviate`` module.",
            ),
        ],
    ),
    Namespace(
        "_Vectorizer",
        """Oldest factories: the collection-level vectorizer (``Configure.Vectorizer``).

They return only the module and its settings (``class.vectorizer`` and
``class.moduleConfig``); prefer ``Configure.Vectors``, which also sets the vector's name and
index.""",
        returns="_VC",
        wrap="{build}",
        wrapper_params=(),
        factories=[
            F("none", "", "_build_none()", "No vectorizer: vectors are provided on insert."),
            F(
                "custom",
                "module_name, module_config",
                "_build_custom(module_name, module_config)",
                "Any module, given by its name and its settings (server JSON keys).",
            ),
            F(
                "img2vec_neural",
                "image_fields: list[str]",
                "_build_img2vec_neural(image_fields)",
                "The ``img2vec-neural`` module over the given blob properties.",
            ),
            F(
                "ref2vec_centroid",
                "reference_properties, method",
                "_build_ref2vec_centroid(reference_properties, method)",
                "The ``ref2vec-centroid`` module.",
            ),
            F(
                "multi2vec_bind",
                "audio_fields, depth_fields, image_fields, imu_fields, text_fields, thermal_fields, video_fields, vectorize_collection_name",
                "_build_multi2vec_bind(**)",
                "The ``multi2vec-bind`` module.",
            ),
            F(
                "multi2vec_clip",
                "image_fields, text_fields, interference_url, inference_url, vectorize_collection_name",
                "_build_multi2vec_clip(**, inference_url=_legacy_clip_url(interference_url, inference_url))",
                "The ``multi2vec-clip`` module (``interference_url`` is an older spelling).",
            ),
            F(
                "multi2vec_cohere",
                "*, model, truncate, vectorize_collection_name, base_url, image_fields, text_fields",
                "_build_multi2vec_cohere(**)",
                "The ``multi2vec-cohere`` module.",
            ),
            F(
                "multi2vec_google",
                "*, location, project_id, image_fields, text_fields, video_fields, dimensions, model_id, video_interval_seconds, vectorize_collection_name",
                "_build_multi2vec_google(**, model_field='model_id')",
                "The ``multi2vec-google`` module with Vertex AI.",
            ),
            F(
                "multi2vec_palm",
                "*, location, project_id, image_fields, text_fields, video_fields, dimensions, model_id, video_interval_seconds, vectorize_collection_name",
                "_Vectorizer.multi2vec_google(**)",
                "Older name of :meth:`multi2vec_google`.",
                pre='_renamed_module("multi2vec-palm", "multi2vec-google")',
            ),
            F(
                "multi2vec_jinaai",
                "*, model, vectorize_collection_name, base_url, dimensions, image_fields, text_fields",
                "_build_multi2vec_simple('multi2vec-jinaai', **)",
                "The ``multi2vec-jinaai`` module.",
            ),
            F(
                "multi2vec_nvidia",
                "*, model, truncation, output_encoding, vectorize_collection_name, base_url, image_fields, text_fields",
                "_build_multi2vec_nvidia(**)",
                "The ``multi2vec-nvidia`` module.",
            ),
            F(
                "multi2vec_voyageai",
                "*, model, truncation, output_encoding, vectorize_collection_name, base_url, image_fields, text_fields",
                "_build_multi2vec_voyageai(**)",
                "The ``multi2vec-voyageai`` module.",
            ),
            F(
                "text2vec_aws",
                "model, region: str = '', endpoint, service, vectorize_collection_name, dimensions",
                "_build_text2vec_aws(**)",
                "The ``text2vec-aws`` module (``region`` is required).",
            ),
            F(
                "text2vec_azure_openai",
                "resource_name, deployment_id, vectorize_collection_name, base_url, dimensions, model",
                "_build_text2vec_azure_openai(**)",
                "The ``text2vec-openai`` module with Azure OpenAI.",
            ),
            F(
                "text2vec_cohere",
                "model, truncate, vectorize_collection_name, base_url",
                "_build_text2vec_cohere(**)",
                "The ``text2vec-cohere`` module.",
            ),
            F(
                "text2vec_contextionary",
                "vectorize_collection_name",
                '_build_text_only("text2vec-contextionary", vectorize_collection_name, None)',
                "The ``text2vec-contextionary`` module.",
            ),
            F(
                "text2vec_databricks",
                "*, endpoint: str, instruction, vectorize_collection_name",
                "_build_text2vec_databricks(**)",
                "The ``text2vec-databricks`` module.",
            ),
            F(
                "text2vec_google",
                "project_id, api_endpoint, model_id, title_property, vectorize_collection_name, location: str | None = None",
                "_build_text2vec_google(**, model_field='model_id')",
                "The ``text2vec-google`` module with Vertex AI.",
            ),
            F(
                "text2vec_palm",
                "project_id, api_endpoint, model_id, title_property, vectorize_collection_name",
                "_Vectorizer.text2vec_google(\n            project_id, api_endpoint, model_id, title_property, vectorize_collection_name\n        )",
                "Older name of :meth:`text2vec_google`.",
                pre='_renamed_module("text2vec-palm", "text2vec-google")',
            ),
            F(
                "text2vec_google_aistudio",
                "model_id, title_property, vectorize_collection_name",
                "_build_text2vec_google(**, model_field='model_id', ai_studio=True)",
                "The ``text2vec-google`` module with Google AI Studio.",
            ),
            F(
                "text2vec_gpt4all",
                "vectorize_collection_name",
                '_build_text_only("text2vec-gpt4all", vectorize_collection_name, None)',
                "The ``text2vec-gpt4all`` module.",
            ),
            F(
                "text2vec_huggingface",
                "model, passage_model, query_model, endpoint_url, wait_for_model, use_gpu, use_cache, vectorize_collection_name",
                "_build_text2vec_huggingface(**)",
                "The ``text2vec-huggingface`` module.",
            ),
            F(
                "text2vec_jinaai",
                "model, vectorize_collection_name, base_url, dimensions",
                "_build_simple_text('text2vec-jinaai', **)",
                "The ``text2vec-jinaai`` module.",
            ),
            F(
                "text2vec_mistral",
                "*, base_url, model, vectorize_collection_name",
                "_build_simple_text('text2vec-mistral', **)",
                "The ``text2vec-mistral`` module.",
            ),
            F(
                "text2vec_model2vec",
                "*, inference_url, vectorize_collection_name",
                "_build_text2vec_model2vec(**)",
                "The ``text2vec-model2vec`` module.",
            ),
            F(
                "text2vec_nvidia",
                "*, model, base_url, truncate: bool | None = None, vectorize_collection_name",
                "_build_text2vec_nvidia(**)",
                "The ``text2vec-nvidia`` module.",
            ),
            F(
                "text2vec_ollama",
                "*, api_endpoint, model, vectorize_collection_name",
                "_build_text2vec_ollama(**)",
                "The ``text2vec-ollama`` module.",
            ),
            F(
                "text2vec_openai",
                "model, model_version, type_, vectorize_collection_name, base_url, dimensions, endpoint",
                "_build_text2vec_openai(**)",
                "The ``text2vec-openai`` module.",
            ),
            F(
                "text2vec_transformers",
                "pooling_strategy, dimensions, vectorize_collection_name, inference_url, passage_inference_url, query_inference_url",
                "_build_text2vec_transformers(**)",
                "The ``text2vec-transformers`` module.",
            ),
            F(
                "text2vec_voyageai",
                "*, model, base_url, truncate: bool | None = None, vectorize_collection_name",
                "_build_text2vec_voyageai(**)",
                "The ``text2vec-voyageai`` module.",
            ),
            F(
                "text2vec_weaviate",
                "*, model, base_url, vectorize_collection_name, dimensions",
                "_build_simple_text('text2vec-weaviate', **)",
                "The ``text2vec-weaviate`` module.",
            ),
        ],
    ),
]

MODULE = Module(
    path="weaviate_async/classes/config_vectorizers.py",
    doc=DOC,
    header=HEADER,
    params=PARAMS,
    namespaces=NAMESPACES,
)
