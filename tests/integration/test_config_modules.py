"""Every module factory against the real server: create a collection, read its config back.

For each factory of ``Configure.Vectors``, ``Configure.MultiVectors``,
``Configure.NamedVectors``, ``Configure.Vectorizer``, ``Configure.Generative`` and
``Configure.Reranker``, a collection is created with ``client.collections.create`` and
``GET /v1/schema/{name}`` must hold the module under the expected name with every setting we
sent, unchanged. Factories of modules that need an inference container (not started in tests)
are sent too, and the server must refuse them because the module is not enabled, which shows the
JSON reached the module lookup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import server_at_least
from tests.modules_list import ENABLED_MODULES_FOR_TESTS
from weaviate_async.classes._config_base import (
    _GenerativeProvider,
    _RerankerProvider,
    _VectorConfigCreate,
    _VectorizerConfigCreate,
)
from weaviate_async.classes.config import DataType, Property, ReferenceProperty
from weaviate_async.classes.config_generative import _Generative as G
from weaviate_async.classes.config_rerankers import _Reranker as R
from weaviate_async.classes.config_vectorizers import Multi2VecField as F
from weaviate_async.classes.config_vectorizers import _MultiVectors as M
from weaviate_async.classes.config_vectorizers import _NamedVectors as N
from weaviate_async.classes.config_vectorizers import _Vectorizer as Z
from weaviate_async.classes.config_vectorizers import _Vectors as V
from weaviate_async.embedded import DEFAULT_VERSION
from weaviate_async.exceptions import UnexpectedStatusCodeError

Built = _VectorConfigCreate | _VectorizerConfigCreate | _GenerativeProvider | _RerankerProvider

URL = "https://api.example.com"
# Weaviate v1.39.0 reads numbers of these modules' class settings as integers (a JSON number
# with a fraction falls back to an invalid value), so fractional temperature, top_p and penalties of
# generative-openai, -databricks, -deepseek and -google are refused at collection creation.
# Their cases use whole numbers; the other modules keep fractions.
DBX = "https://example.cloud.databricks.com/serving-endpoints/e/invocations"
TXT = ["title"]
IMG = ["image"]

# (test id, factory call). Values are realistic so that the modules' own validation passes.
CASES: list[tuple[str, Callable[[], Built]]] = [
    # ---- Configure.Vectors -------------------------------------------------------------
    ("Vectors.self_provided", lambda: V.self_provided(name="v")),
    (
        "Vectors.custom",
        lambda: V.custom(
            name="v",
            module_name="text2vec-openai",
            module_config={"model": "text-embedding-3-large"},
            source_properties=TXT,
        ),
    ),
    ("Vectors.custom_bigram", lambda: V.custom(module_name="text2vec-bigram")),
    ("Vectors.img2vec_neural", lambda: V.img2vec_neural(name="v", image_fields=IMG)),
    ("Vectors.ref2vec_centroid", lambda: V.ref2vec_centroid(reference_properties=["ref"])),
    (
        "Vectors.multi2vec_aws",
        lambda: V.multi2vec_aws(
            model="amazon.titan-embed-image-v1",
            region="us-east-1",
            dimensions=256,
            image_fields=IMG,
            text_fields=TXT,
        ),
    ),
    (
        "Vectors.multi2vec_aws_bedrock",
        lambda: V.multi2vec_aws_bedrock(
            model="amazon.titan-embed-image-v1", region="us-east-1", image_fields=IMG
        ),
    ),
    ("Vectors.multi2vec_bind", lambda: V.multi2vec_bind(image_fields=IMG, audio_fields=["audio"])),
    ("Vectors.multi2vec_clip", lambda: V.multi2vec_clip(image_fields=IMG, text_fields=TXT)),
    (
        "Vectors.multi2vec_cohere",
        lambda: V.multi2vec_cohere(
            model="embed-v4.0",
            base_url=URL,
            truncate="END",
            dimensions=256,
            image_fields=[F(name="image", weight=0.75)],
            text_fields=[F(name="title", weight=0.25)],
            vectorize_collection_name=False,
        ),
    ),
    (
        "Vectors.multi2vec_google",
        lambda: V.multi2vec_google(
            project_id="proj",
            location="us-central1",
            model="multimodalembedding@001",
            dimensions=1408,
            video_interval_seconds=15,
            image_fields=IMG,
            text_fields=TXT,
            video_fields=["video"],
        ),
    ),
    (
        "Vectors.multi2vec_google_gemini",
        lambda: V.multi2vec_google_gemini(
            model="gemini-embedding-001", image_fields=IMG, text_fields=TXT
        ),
    ),
    (
        "Vectors.multi2vec_jinaai",
        lambda: V.multi2vec_jinaai(
            model="jina-clip-v2", base_url=URL, dimensions=512, image_fields=IMG, text_fields=TXT
        ),
    ),
    (
        "Vectors.multi2vec_nvidia",
        lambda: V.multi2vec_nvidia(
            model="nvidia/nvclip", base_url=URL, truncation=True, image_fields=IMG
        ),
    ),
    (
        "Vectors.multi2vec_twelvelabs",
        lambda: V.multi2vec_twelvelabs(
            model="Marengo-retrieval-2.7", base_url=URL, image_fields=IMG, text_fields=TXT
        ),
    ),
    (
        "Vectors.multi2vec_voyageai",
        lambda: V.multi2vec_voyageai(
            model="voyage-multimodal-3",
            base_url=URL,
            truncation=False,
            image_fields=IMG,
            text_fields=TXT,
            video_fields=["video"],
        ),
    ),
    (
        "Vectors.text2vec_aws",
        lambda: V.text2vec_aws(
            model="amazon.titan-embed-text-v2:0",
            region="us-east-1",
            dimensions=256,
            source_properties=TXT,
            vectorize_collection_name=False,
        ),
    ),
    (
        "Vectors.text2vec_aws_bedrock",
        lambda: V.text2vec_aws_bedrock(model="cohere.embed-english-v3", region="eu-west-1"),
    ),
    (
        "Vectors.text2vec_aws_sagemaker",
        lambda: V.text2vec_aws_sagemaker(
            endpoint="my-endpoint",
            region="us-east-1",
            target_model="tm",
            target_variant="tv",
        ),
    ),
    (
        "Vectors.text2vec_azure_openai",
        lambda: V.text2vec_azure_openai(
            resource_name="res",
            deployment_id="dep",
            base_url="https://res.openai.azure.com",
            model="text-embedding-3-small",
            dimensions=512,
        ),
    ),
    (
        "Vectors.text2vec_cohere",
        lambda: V.text2vec_cohere(
            model="embed-v4.0", truncate="START", base_url=URL, dimensions=256
        ),
    ),
    ("Vectors.text2vec_contextionary", lambda: V.text2vec_contextionary()),
    (
        "Vectors.text2vec_databricks",
        lambda: V.text2vec_databricks(endpoint=DBX, instruction="Represent the document"),
    ),
    (
        "Vectors.text2vec_digitalocean",
        lambda: V.text2vec_digitalocean(model="gte-large-en-v1.5", base_url=URL),
    ),
    (
        "Vectors.text2vec_google",
        lambda: V.text2vec_google(
            project_id="proj",
            model="text-embedding-005",
            api_endpoint="us-central1-aiplatform.googleapis.com",
            title_property="title",
            task_type="RETRIEVAL_QUERY",
            dimensions=256,
            location="us-central1",
        ),
    ),
    (
        "Vectors.text2vec_google_vertex",
        lambda: V.text2vec_google_vertex(project_id="proj", model="text-embedding-005"),
    ),
    (
        "Vectors.text2vec_google_aistudio",
        lambda: V.text2vec_google_aistudio(model="gemini-embedding-001", title_property="title"),
    ),
    (
        "Vectors.text2vec_google_gemini",
        lambda: V.text2vec_google_gemini(model="gemini-embedding-001", dimensions=768),
    ),
    ("Vectors.text2vec_gpt4all", lambda: V.text2vec_gpt4all()),
    (
        "Vectors.text2vec_huggingface",
        lambda: V.text2vec_huggingface(
            model="sentence-transformers/all-MiniLM-L6-v2",
            wait_for_model=True,
            use_gpu=False,
            use_cache=True,
        ),
    ),
    (
        "Vectors.text2vec_jinaai",
        lambda: V.text2vec_jinaai(model="jina-embeddings-v3", base_url=URL, dimensions=256),
    ),
    ("Vectors.text2vec_mistral", lambda: V.text2vec_mistral(model="mistral-embed", base_url=URL)),
    ("Vectors.text2vec_model2vec", lambda: V.text2vec_model2vec()),
    (
        "Vectors.text2vec_morph",
        lambda: V.text2vec_morph(model="morph-embedding-v2", base_url=URL, endpoint="/embed"),
    ),
    (
        "Vectors.text2vec_nvidia",
        lambda: V.text2vec_nvidia(model="nvidia/nv-embed-v1", base_url=URL, truncate=True),
    ),
    (
        "Vectors.text2vec_ollama",
        lambda: V.text2vec_ollama(api_endpoint="http://localhost:11434", model="nomic-embed-text"),
    ),
    (
        "Vectors.text2vec_openai",
        lambda: V.text2vec_openai(
            name="v",
            model="text-embedding-3-small",
            dimensions=512,
            base_url="https://api.openai.com",
            source_properties=TXT,
            vectorize_collection_name=False,
        ),
    ),
    (
        "Vectors.text2vec_openai_legacy_model",
        lambda: V.text2vec_openai(model="ada", model_version="002", type_="text"),
    ),
    ("Vectors.text2vec_transformers", lambda: V.text2vec_transformers()),
    (
        "Vectors.text2vec_voyageai",
        lambda: V.text2vec_voyageai(
            model="voyage-3.5", base_url=URL, truncate=True, dimensions=256
        ),
    ),
    (
        "Vectors.text2vec_weaviate",
        lambda: V.text2vec_weaviate(
            model="Snowflake/snowflake-arctic-embed-l-v2.0", base_url=URL, dimensions=256
        ),
    ),
    # ---- Configure.MultiVectors --------------------------------------------------------
    ("MultiVectors.self_provided", lambda: M.self_provided(name="mv")),
    (
        "MultiVectors.text2vec_jinaai",
        lambda: M.text2vec_jinaai(name="mv", model="jina-colbert-v2", dimensions=128),
    ),
    (
        "MultiVectors.multi2vec_jinaai",
        lambda: M.multi2vec_jinaai(model="jina-embeddings-v4", base_url=URL, image_fields=IMG),
    ),
    (
        "MultiVectors.multi2vec_weaviate",
        lambda: M.multi2vec_weaviate(image_field="image", model="ModernVBERT/colmodernvbert"),
    ),
    # ---- Configure.NamedVectors --------------------------------------------------------
    ("NamedVectors.none", lambda: N.none("v")),
    (
        "NamedVectors.custom",
        lambda: N.custom("v", module_name="text2vec-bigram", source_properties=TXT),
    ),
    ("NamedVectors.img2vec_neural", lambda: N.img2vec_neural("v", IMG)),
    ("NamedVectors.ref2vec_centroid", lambda: N.ref2vec_centroid("v", ["ref"])),
    ("NamedVectors.multi2vec_bind", lambda: N.multi2vec_bind("v", imu_fields=["imu"])),
    ("NamedVectors.multi2vec_clip", lambda: N.multi2vec_clip("v", image_fields=IMG)),
    (
        "NamedVectors.multi2vec_cohere",
        lambda: N.multi2vec_cohere("v", model="embed-v4.0", image_fields=IMG, text_fields=TXT),
    ),
    (
        "NamedVectors.multi2vec_google",
        lambda: N.multi2vec_google(
            "v", location="us-central1", project_id="p", model_id="m", image_fields=IMG
        ),
    ),
    (
        "NamedVectors.multi2vec_palm",
        lambda: N.multi2vec_palm("v", location="us-central1", project_id="p", text_fields=TXT),
    ),
    ("NamedVectors.multi2vec_jinaai", lambda: N.multi2vec_jinaai("v", image_fields=IMG)),
    (
        "NamedVectors.multi2vec_nvidia",
        lambda: N.multi2vec_nvidia("v", output_encoding="float", image_fields=IMG),
    ),
    (
        "NamedVectors.multi2vec_voyageai",
        lambda: N.multi2vec_voyageai("v", truncation=True, image_fields=IMG),
    ),
    (
        "NamedVectors.text2colbert_jinaai",
        lambda: N.text2colbert_jinaai("mv", model="jina-colbert-v2"),
    ),
    (
        "NamedVectors.text2vec_aws",
        lambda: N.text2vec_aws("v", "us-east-1", model="amazon.titan-embed-text-v1"),
    ),
    (
        "NamedVectors.text2vec_azure_openai",
        lambda: N.text2vec_azure_openai("v", "res", "dep"),
    ),
    ("NamedVectors.text2vec_cohere", lambda: N.text2vec_cohere("v", model="embed-v4.0")),
    ("NamedVectors.text2vec_contextionary", lambda: N.text2vec_contextionary("v")),
    ("NamedVectors.text2vec_databricks", lambda: N.text2vec_databricks("v", endpoint=DBX)),
    (
        "NamedVectors.text2vec_google",
        lambda: N.text2vec_google("v", "proj", model_id="text-embedding-005"),
    ),
    ("NamedVectors.text2vec_palm", lambda: N.text2vec_palm("v", "proj")),
    (
        "NamedVectors.text2vec_google_aistudio",
        lambda: N.text2vec_google_aistudio("v", model_id="gemini-embedding-001"),
    ),
    ("NamedVectors.text2vec_gpt4all", lambda: N.text2vec_gpt4all("v")),
    (
        "NamedVectors.text2vec_huggingface",
        lambda: N.text2vec_huggingface("v", model="sentence-transformers/all-MiniLM-L6-v2"),
    ),
    ("NamedVectors.text2vec_jinaai", lambda: N.text2vec_jinaai("v", model="jina-embeddings-v3")),
    ("NamedVectors.text2vec_mistral", lambda: N.text2vec_mistral("v", model="mistral-embed")),
    ("NamedVectors.text2vec_model2vec", lambda: N.text2vec_model2vec("v")),
    ("NamedVectors.text2vec_nvidia", lambda: N.text2vec_nvidia("v", truncate=False)),
    ("NamedVectors.text2vec_ollama", lambda: N.text2vec_ollama("v", model="nomic-embed-text")),
    (
        "NamedVectors.text2vec_openai",
        lambda: N.text2vec_openai("v", model="text-embedding-3-large", dimensions=1024),
    ),
    ("NamedVectors.text2vec_transformers", lambda: N.text2vec_transformers("v")),
    ("NamedVectors.text2vec_voyageai", lambda: N.text2vec_voyageai("v", model="voyage-3.5")),
    (
        "NamedVectors.text2vec_weaviate",
        lambda: N.text2vec_weaviate("v", model="Snowflake/snowflake-arctic-embed-m-v1.5"),
    ),
    # ---- Configure.Vectorizer (collection-level, legacy) -------------------------------
    ("Vectorizer.none", lambda: Z.none()),
    ("Vectorizer.custom", lambda: Z.custom("text2vec-bigram")),
    ("Vectorizer.img2vec_neural", lambda: Z.img2vec_neural(IMG)),
    ("Vectorizer.ref2vec_centroid", lambda: Z.ref2vec_centroid(["ref"])),
    ("Vectorizer.multi2vec_bind", lambda: Z.multi2vec_bind(image_fields=IMG)),
    ("Vectorizer.multi2vec_clip", lambda: Z.multi2vec_clip(IMG, interference_url=URL)),
    ("Vectorizer.multi2vec_cohere", lambda: Z.multi2vec_cohere(image_fields=IMG)),
    (
        "Vectorizer.multi2vec_google",
        lambda: Z.multi2vec_google(location="us-central1", project_id="p", image_fields=IMG),
    ),
    (
        "Vectorizer.multi2vec_palm",
        lambda: Z.multi2vec_palm(location="us-central1", project_id="p", image_fields=IMG),
    ),
    ("Vectorizer.multi2vec_jinaai", lambda: Z.multi2vec_jinaai(image_fields=IMG)),
    ("Vectorizer.multi2vec_nvidia", lambda: Z.multi2vec_nvidia(image_fields=IMG)),
    ("Vectorizer.multi2vec_voyageai", lambda: Z.multi2vec_voyageai(image_fields=IMG)),
    (
        "Vectorizer.text2vec_aws",
        lambda: Z.text2vec_aws(model="amazon.titan-embed-text-v1", region="us-east-1"),
    ),
    ("Vectorizer.text2vec_azure_openai", lambda: Z.text2vec_azure_openai("res", "dep")),
    ("Vectorizer.text2vec_cohere", lambda: Z.text2vec_cohere("embed-v4.0", "END")),
    ("Vectorizer.text2vec_contextionary", lambda: Z.text2vec_contextionary()),
    ("Vectorizer.text2vec_databricks", lambda: Z.text2vec_databricks(endpoint=DBX)),
    ("Vectorizer.text2vec_google", lambda: Z.text2vec_google("proj")),
    ("Vectorizer.text2vec_palm", lambda: Z.text2vec_palm("proj", model_id="text-embedding-005")),
    ("Vectorizer.text2vec_google_aistudio", lambda: Z.text2vec_google_aistudio()),
    ("Vectorizer.text2vec_gpt4all", lambda: Z.text2vec_gpt4all()),
    ("Vectorizer.text2vec_huggingface", lambda: Z.text2vec_huggingface(endpoint_url=URL)),
    ("Vectorizer.text2vec_jinaai", lambda: Z.text2vec_jinaai("jina-embeddings-v3")),
    ("Vectorizer.text2vec_mistral", lambda: Z.text2vec_mistral(model="mistral-embed")),
    ("Vectorizer.text2vec_model2vec", lambda: Z.text2vec_model2vec()),
    ("Vectorizer.text2vec_nvidia", lambda: Z.text2vec_nvidia(model="nvidia/nv-embed-v1")),
    ("Vectorizer.text2vec_ollama", lambda: Z.text2vec_ollama(model="nomic-embed-text")),
    ("Vectorizer.text2vec_openai", lambda: Z.text2vec_openai("text-embedding-3-small")),
    ("Vectorizer.text2vec_transformers", lambda: Z.text2vec_transformers("cls")),
    ("Vectorizer.text2vec_voyageai", lambda: Z.text2vec_voyageai(model="voyage-3.5")),
    ("Vectorizer.text2vec_weaviate", lambda: Z.text2vec_weaviate(dimensions=256)),
    # ---- Configure.Generative ----------------------------------------------------------
    (
        "Generative.anthropic",
        lambda: G.anthropic(
            model="claude-3-5-sonnet-latest",
            max_tokens=512,
            stop_sequences=["\n\n"],
            temperature=0.5,
            top_k=5,
            top_p=0.9,
            base_url=URL,
        ),
    ),
    (
        "Generative.anyscale",
        lambda: G.anyscale(model="meta-llama/Llama-2-70b-chat-hf", temperature=0.3, base_url=URL),
    ),
    (
        "Generative.aws",
        lambda: G.aws(model="anthropic.claude-v2", region="us-east-1", max_tokens=300),
    ),
    (
        "Generative.aws_bedrock",
        lambda: G.aws_bedrock(
            model="anthropic.claude-v2",
            region="us-east-1",
            temperature=0.2,
            max_tokens=300,
            top_k=10,
            top_p=0.8,
            stop_sequences=["END"],
        ),
    ),
    (
        "Generative.aws_sagemaker",
        lambda: G.aws_sagemaker(
            region="us-east-1",
            endpoint="my-endpoint",
            target_model="tm",
            target_variant="tv",
            max_tokens=100,
        ),
    ),
    (
        "Generative.azure_openai",
        lambda: G.azure_openai(
            resource_name="res",
            deployment_id="dep",
            frequency_penalty=0,
            presence_penalty=1,
            max_tokens=100,
            temperature=1,
            top_p=1,
            base_url="https://res.openai.azure.com",
            api_version="2024-02-01",
        ),
    ),
    (
        "Generative.cohere",
        lambda: G.cohere(
            model="command-r-plus",
            k=5,
            max_tokens=200,
            return_likelihoods="NONE",
            stop_sequences=["x"],
            temperature=0.3,
            base_url=URL,
        ),
    ),
    (
        "Generative.contextualai",
        lambda: G.contextualai(
            model="v2",
            max_new_tokens=256,
            temperature=0.1,
            top_p=0.9,
            system_prompt="Be brief.",
            avoid_commentary=True,
            knowledge=["fact one", "fact two"],
        ),
    ),
    ("Generative.custom", lambda: G.custom("generative-openai", {"model": "gpt-4o-mini"})),
    (
        "Generative.databricks",
        lambda: G.databricks(endpoint=DBX, max_tokens=100, temperature=0, top_k=3, top_p=1),
    ),
    (
        "Generative.deepseek",
        lambda: G.deepseek(
            base_url=URL,
            model="deepseek-chat",
            temperature=1,
            max_tokens=200,
            frequency_penalty=1,
            presence_penalty=0,
            top_p=1,
            stop=["STOP"],
        ),
    ),
    (
        "Generative.digitalocean",
        lambda: G.digitalocean(
            base_url=URL,
            model="llama3.3-70b-instruct",
            temperature=0.5,
            top_p=0.9,
            max_tokens=100,
            frequency_penalty=0.5,
            presence_penalty=0.5,
            stop=["STOP"],
        ),
    ),
    ("Generative.dummy", lambda: G.dummy()),
    (
        "Generative.friendliai",
        lambda: G.friendliai(
            base_url=URL, model="meta-llama-3.1-8b-instruct", temperature=0.5, max_tokens=100
        ),
    ),
    (
        "Generative.google",
        lambda: G.google(
            project_id="proj",
            api_endpoint="us-central1-aiplatform.googleapis.com",
            max_output_tokens=500,
            model_id="gemini-1.5-pro",
            temperature=1,
            top_k=10,
            top_p=1,
        ),
    ),
    ("Generative.palm", lambda: G.palm("proj", model_id="gemini-1.5-flash")),
    (
        "Generative.google_vertex",
        lambda: G.google_vertex(
            project_id="proj",
            region="us-central1",
            location="us-central1",
            endpoint_id="123",
            model_id="gemini-1.5-pro",
        ),
    ),
    (
        "Generative.google_gemini",
        lambda: G.google_gemini(model="gemini-2.0-flash", max_output_tokens=1000, top_k=5),
    ),
    (
        "Generative.meta",
        lambda: G.meta(
            base_url=URL,
            model="Llama-4-Maverick-17B-128E-Instruct-FP8",
            temperature=0.4,
            top_p=0.8,
            max_tokens=200,
            frequency_penalty=0.5,
            presence_penalty=0.25,
            reasoning_effort="minimal",
        ),
    ),
    (
        "Generative.mistral",
        lambda: G.mistral(
            model="mistral-large-latest", temperature=0.3, max_tokens=100, base_url=URL
        ),
    ),
    (
        "Generative.nvidia",
        lambda: G.nvidia(
            base_url=URL, model="meta/llama3-70b-instruct", temperature=0.3, max_tokens=100
        ),
    ),
    (
        "Generative.ollama",
        lambda: G.ollama(api_endpoint="http://localhost:11434", model="llama3"),
    ),
    (
        "Generative.openai",
        lambda: G.openai(
            model="gpt-4o",
            frequency_penalty=0,
            max_tokens=256,
            presence_penalty=1,
            temperature=0,
            top_p=1,
            base_url="https://api.openai.com",
        ),
    ),
    (
        "Generative.openai_reasoning",
        lambda: G.openai(model="gpt-5", verbosity="low", reasoning_effort="minimal"),
    ),
    (
        "Generative.xai",
        lambda: G.xai(base_url=URL, model="grok-2", temperature=0.5, max_tokens=100, top_p=0.9),
    ),
    # ---- Configure.Reranker ------------------------------------------------------------
    ("Reranker.cohere", lambda: R.cohere(model="rerank-v3.5", base_url=URL)),
    (
        "Reranker.contextualai",
        lambda: R.contextualai(model="ctxl-rerank-v2", instruction="recent first", top_n=5),
    ),
    ("Reranker.custom", lambda: R.custom("reranker-cohere", {"model": "rerank-v3.5"})),
    ("Reranker.dummy", lambda: R.dummy()),
    ("Reranker.jinaai", lambda: R.jinaai(model="jina-reranker-v2-base-multilingual")),
    ("Reranker.nvidia", lambda: R.nvidia(model="nvidia/rerank-qa-mistral-4b", base_url=URL)),
    ("Reranker.transformers", lambda: R.transformers()),
    ("Reranker.voyageai", lambda: R.voyageai(model="rerank-2")),
]


def _properties() -> list[Property]:
    props = [Property(name="title", data_type=DataType.TEXT)]
    for blob in ("image", "audio", "video", "imu", "thermal", "depth"):
        props.append(Property(name=blob, data_type=DataType.BLOB))
    return props


async def create(client: Any, name: str, built: Built) -> None:
    """Create the collection through ``client.collections.create`` with ``built`` in place."""
    kwargs: dict[str, Any] = {
        "properties": _properties(),
        "references": [ReferenceProperty(name="ref", target_collection=name)],
    }
    if isinstance(built, _VectorConfigCreate):
        kwargs["vector_config"] = built
    elif isinstance(built, _VectorizerConfigCreate):
        kwargs["vectorizer_config"] = built
    else:
        kwargs["vector_config"] = V.self_provided()
        if isinstance(built, _GenerativeProvider):
            kwargs["generative_config"] = built
        else:
            kwargs["reranker_config"] = built
    await client.collections.create(name, **kwargs)


def module_of(built: Built) -> tuple[str, dict[str, Any]]:
    """The module name and the settings that were sent."""
    if isinstance(built, _VectorConfigCreate):
        return built.vectorizer.module, built.vectorizer.to_json()
    return built.module, built.to_json()


def read_back(schema: dict[str, Any], built: Built) -> dict[str, Any]:
    """The module's settings as the server returns them."""
    module, _ = module_of(built)
    if isinstance(built, _VectorConfigCreate):
        vectorizer = schema["vectorConfig"][built.name or "default"]["vectorizer"]
        assert list(vectorizer) == [module]
        out: dict[str, Any] = vectorizer[module]
        return out
    if isinstance(built, _VectorizerConfigCreate):
        assert schema["vectorizer"] == module
        if module == "none":
            return {}
    config: dict[str, Any] = schema["moduleConfig"][module]
    return config


def assert_same(sent: dict[str, Any], got: dict[str, Any]) -> None:
    """Every setting sent comes back unchanged (the server may add its defaults)."""
    for key, value in sent.items():
        assert key in got, f"{key} missing from {got}"
        if isinstance(value, dict):
            assert_same(value, got[key])
        else:
            assert got[key] == value, f"{key}: sent {value!r}, read back {got[key]!r}"


def _enabled(module: str) -> bool:
    return module == "none" or module in ENABLED_MODULES_FOR_TESTS


#: Cases an older server refuses although it has the module: (case, first version taking it,
#: the refusal). 1.35.2's multi2vec-google has no Gemini form (it wants a Vertex project).
_NEWER_FORMS = {
    # seen refused on 1.35.2, taken by 1.37.0 (1.36 not tried)
    "Vectors.multi2vec_google_gemini": ("1.37.0", "projectId setting needs to be present"),
}


@pytest.mark.parametrize(("name", "factory"), CASES, ids=[c[0] for c in CASES])
async def test_factory_round_trips_through_the_server(
    client: Any, collection_name: str, name: str, factory: Callable[[], Built]
) -> None:
    built = factory()
    module, sent = module_of(built)
    conn = client._connection
    if name in _NEWER_FORMS and not server_at_least(_NEWER_FORMS[name][0]):
        with pytest.raises(UnexpectedStatusCodeError, match=_NEWER_FORMS[name][1]):
            await create(client, collection_name, built)
        return
    served = module == "none" or module in (await client.get_meta()).get("modules", {})
    if _enabled(module) and not served:
        # a module newer than an older server under test (1.35.2 has no multi2vec-google-gemini,
        # multi2vec-twelvelabs, text2vec-digitalocean, generative-deepseek); the pinned server
        # has every module asked for
        assert not server_at_least(DEFAULT_VERSION), f"{module} was enabled but is not served"
    if not (_enabled(module) and served):
        with pytest.raises(UnexpectedStatusCodeError) as info:
            await create(client, collection_name, built)
        assert module in str(info.value)
        return
    await create(client, collection_name, built)
    schema = await conn.rest("GET", f"/schema/{collection_name}", operation="test")
    assert_same(sent, read_back(schema, built))
    if isinstance(built, _VectorConfigCreate) and built.vector_index_config is not None:
        entry = schema["vectorConfig"][built.name or "default"]
        assert entry["vectorIndexType"] == built.vector_index_config.index_type()
        if "multivector" in built.vector_index_config.to_json():
            assert entry["vectorIndexConfig"]["multivector"]["enabled"] is True


def test_every_factory_has_a_case() -> None:
    names = {case[0] for case in CASES}
    for ns_name, ns in (
        ("Vectors", V),
        ("MultiVectors", M),
        ("NamedVectors", N),
        ("Vectorizer", Z),
        ("Generative", G),
        ("Reranker", R),
    ):
        for attr in dir(ns):
            if not attr.startswith("_"):
                assert f"{ns_name}.{attr}" in names, f"no server case for {ns_name}.{attr}"
