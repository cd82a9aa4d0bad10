"""Pure tests of the search arguments (weaviate_async.classes.search / boost / generative), the
request builder and the reply parser (weaviate_async.wire.search / generative), and of the
version gates of the search namespaces (before anything is sent)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import struct
import uuid as uuid_lib
from pathlib import Path
from typing import Annotated, Any, TypedDict

import numpy as np
import pytest

from weaviate_async.classes.boost import Boost
from weaviate_async.classes.generative import GenerativeConfig, GenerativeParameters
from weaviate_async.classes.internal import (
    CrossReference,
    CrossReferenceAnnotation,
    GenerativeObject,
    GenerativeReturn,
    GroupByReturn,
    MetadataReturn,
    Nested,
    Object,
    QueryReturn,
)
from weaviate_async.classes.query import (
    BM25Operator,
    Diversity,
    Filter,
    GroupBy,
    HybridFusion,
    HybridVector,
    MetadataQuery,
    Move,
    NearMediaType,
    NearVector,
    QueryNested,
    QueryReference,
    Rerank,
    Sort,
    TargetVectors,
)
from weaviate_async.collections.generate import _GenerateCollectionAsync
from weaviate_async.collections.query import _QueryCollectionAsync
from weaviate_async.connect.connection import Connection
from weaviate_async.connect.params import ConnectionParams
from weaviate_async.exceptions import WeaviateInvalidInputError, WeaviateUnsupportedFeatureError
from weaviate_async.models.scope import CollectionScope
from weaviate_async.proto.weaviate.v1 import (
    base_pb2,
    base_search_pb2,
    generative_pb2,
    properties_pb2,
    search_get_pb2,
)
from weaviate_async.wire import generative as gen
from weaviate_async.wire import search
from weaviate_async.wire.values import pack_multi_vector

SCOPE = CollectionScope.of("Coll", "t", "ONE")
UTC = dt.timezone.utc
_B = search_get_pb2.Boost


def _raises(field: str, call: Any) -> None:
    with pytest.raises(WeaviateInvalidInputError) as info:
        call()
    assert info.value.field == field, info.value


# ---------------------------------------------------------------------------------- arguments


def test_argument_classes_are_checked_when_built() -> None:
    _raises("creation_time", lambda: MetadataQuery(creation_time="yes"))  # type: ignore[arg-type]
    _raises("objects_per_group", lambda: GroupBy(prop="a", objects_per_group=0, number_of_groups=1))
    _raises("prop", lambda: GroupBy(prop="", objects_per_group=1, number_of_groups=1))
    _raises("prop", lambda: Rerank(prop=""))
    _raises("objects", lambda: Move(force=0.5))
    _raises("objects", lambda: Move(force=0.5, objects=["not-a-uuid"]))
    _raises("name", lambda: Sort.by_property(""))
    _raises("ascending", lambda: Sort.by_id(ascending="no"))  # type: ignore[arg-type]
    _raises("weights", lambda: TargetVectors.manual_weights({}))
    _raises("weights['a']", lambda: TargetVectors.relative_score({"a": "x"}))  # type: ignore[dict-item]
    _raises("target_vectors", lambda: TargetVectors.sum([]))
    _raises("minimum_match", lambda: BM25Operator.or_(minimum_match=0))
    _raises("balance", lambda: Diversity.mmr(limit=3, balance=1.5))
    _raises("limit", lambda: Diversity.mmr(limit=0))
    _raises("vectors", lambda: NearVector.list_of_vectors())
    _raises("vectors", lambda: NearVector.list_of_vectors([1.0], [[1.0]]))
    _raises("properties", lambda: QueryNested(name="a", properties=[3]))  # type: ignore[list-item]
    _raises("name", lambda: QueryNested(name="", properties="x"))
    _raises("include_vector", lambda: QueryReference(link_on="a", include_vector=3))  # type: ignore[arg-type]
    _raises("return_metadata", lambda: QueryReference(link_on="a", return_metadata=["nope"]))  # type: ignore[list-item]
    _raises("query", lambda: HybridVector.near_text(3))  # type: ignore[arg-type]
    _raises("distance", lambda: HybridVector.near_vector([1.0], distance="far"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Sort()
    with pytest.raises(TypeError):
        BM25Operator()
    with pytest.raises(TypeError):
        Boost()


def test_values_are_immutable_and_sort_chains_are_new_values() -> None:
    first = Sort.by_property("a")
    second = first.by_id(ascending=False)
    assert len(first.sorts) == 1 and len(second.sorts) == 2
    assert [(s.prop, s.ascending) for s in second.sorts] == [("a", True), ("_id", False)]
    q = MetadataQuery.full()
    with pytest.raises(AttributeError):
        q.distance = False  # type: ignore[misc]
    assert not q.query_profile and MetadataQuery.full_with_profile().query_profile
    nested = QueryNested(name="m", properties=["a", QueryNested(name="i", properties="d")])
    assert isinstance(nested.properties, tuple)
    assert QueryReference(link_on="a", include_vector=["v"]).include_vector == ("v",)
    assert Move(0.5, objects=uuid_lib.UUID(int=1)).objects == (str(uuid_lib.UUID(int=1)),)
    assert NearVector.list_of_vectors([[1.0, 2.0]]).dimensionality == "2D"
    hash(QueryReference(link_on="a"))  # usable in sets, as the official ones


def test_boost_factories() -> None:
    b = Boost.time_decay(
        "when",
        origin=dt.datetime(2024, 1, 1, tzinfo=UTC),
        scale=dt.timedelta(days=7),
        offset=dt.timedelta(hours=36),
        curve=Boost.Curve.GAUSSIAN,
        decay=0.25,
        weight=0.4,
        depth=50,
    )
    t = b.conditions[0].time_decay
    assert t is not None and (t.scale, t.offset, t.origin) == (
        "7d",
        "36h",
        "2024-01-01T00:00:00.000000+00:00",
    )
    assert Boost.time_decay("when", scale="90s").conditions[0].time_decay.origin == "now"  # type: ignore[union-attr]
    # a naive origin is taken as UTC, silently, as the official client takes it
    naive = Boost.time_decay("when", origin=dt.datetime(2024, 1, 1), scale="1d")
    assert naive.conditions[0].time_decay.origin == "2024-01-01T00:00:00.000000+00:00"  # type: ignore[union-attr]
    _raises("decay", lambda: Boost.numeric_decay("n", origin=1, scale=1, decay=0.0))
    _raises("scale", lambda: Boost.numeric_decay("n", origin=1, scale=0))
    _raises("filter", lambda: Boost.filter("x"))  # type: ignore[arg-type]
    _raises("modifier", lambda: Boost.numeric_property("n", modifier="cube"))  # type: ignore[arg-type]
    blended = Boost.blend(
        [
            Boost.numeric_property("n", weight=-0.5),
            Boost.filter(Filter.by_id().equal(uuid_lib.UUID(int=1))),
        ],
        weight=0.3,
    )
    assert [c.weight for c in blended.conditions] == [-0.5, None]
    _raises("boosts[0].depth", lambda: Boost.blend([Boost.numeric_property("n", depth=3)]))
    _raises("boosts", lambda: Boost.blend([]))
    many = [Boost.numeric_property(f"p{i}") for i in range(21)]
    _raises("boosts", lambda: Boost.blend(many))


def test_boost_encoding() -> None:
    boost = Boost.blend(
        [
            Boost.filter(Filter.by_property("n").equal(3), weight=2.0),
            Boost.time_decay("when", scale="1d", curve=Boost.Curve.LINEAR, decay=0.5),
            Boost.numeric_decay("n", origin=7, scale=2, offset=1, curve=Boost.Curve.EXPONENTIAL),
            Boost.numeric_property("views", modifier=Boost.Modifier.LOG1P),
        ],
        weight=0.5,
        depth=40,
    )
    pb = search.boost_pb(boost)
    assert pb is not None and pb.weight == 0.5 and pb.depth == 40
    f, t, n, v = pb.conditions
    assert f.weight == 2.0 and f.filter.operator == base_pb2.Filters.OPERATOR_EQUAL
    assert t.time_decay.curve == _B.DECAY_CURVE_LINEAR and t.time_decay.decay_value == 0.5
    assert (n.numeric_decay.origin, n.numeric_decay.scale, n.numeric_decay.offset) == (7, 2, 1)
    assert n.numeric_decay.curve == _B.DECAY_CURVE_EXPONENTIAL
    assert v.property_value.modifier == _B.PROPERTY_VALUE_MODIFIER_LOG1P
    assert not t.HasField("weight")
    _raises("boost.weight", lambda: search.boost_pb(Boost.numeric_property("v", weight=2.0)))


# ---------------------------------------------------------------------------------- generative


def test_every_generative_provider_maps_to_its_message() -> None:
    providers = {
        "anthropic": GenerativeConfig.anthropic(model="m", top_k=3, stop_sequences=["x"]),
        "anyscale": GenerativeConfig.anyscale(base_url="https://a.example/"),
        "aws": GenerativeConfig.aws_bedrock(model="m", region="eu", stop_sequences=["s"]),
        "cohere": GenerativeConfig.cohere(k=3, p=0.5),
        "contextualai": GenerativeConfig.contextualai(knowledge=["k"], avoid_commentary=True),
        "databricks": GenerativeConfig.databricks(endpoint="https://d.example", log_probs=True),
        "deepseek": GenerativeConfig.deepseek(stop=["s"]),
        "dummy": GenerativeConfig.dummy(),
        "friendliai": GenerativeConfig.friendliai(n=2),
        "google": GenerativeConfig.google_vertex(project_id="p", location="global"),
        "meta": GenerativeConfig.meta(reasoning_effort="none"),
        "mistral": GenerativeConfig.mistral(temperature=0.2),
        "nvidia": GenerativeConfig.nvidia(max_tokens=10),
        "ollama": GenerativeConfig.ollama(api_endpoint="http://host:11434"),
        "openai": GenerativeConfig.openai(verbosity="low", reasoning_effort="high", stop=["."]),
        "xai": GenerativeConfig.xai(top_p=0.5),
    }
    for kind, provider in providers.items():
        pb = gen.provider_pb(provider, return_metadata=True)
        assert pb.WhichOneof("kind") == kind and pb.return_metadata
    openai = gen.provider_pb(providers["openai"]).openai
    assert openai.verbosity == generative_pb2.GenerativeOpenAI.VERBOSITY_LOW
    assert openai.reasoning_effort == generative_pb2.GenerativeOpenAI.REASONING_EFFORT_HIGH
    assert list(openai.stop.values) == ["."] and openai.is_azure is False
    assert gen.provider_pb(GenerativeConfig.azure_openai(resource_name="r")).openai.is_azure
    assert gen.provider_pb(providers["anyscale"]).anyscale.base_url == "https://a.example"
    google = gen.provider_pb(GenerativeConfig.google_gemini()).google
    assert google.api_endpoint == "generativelanguage.googleapis.com"
    vertex = gen.provider_pb(GenerativeConfig.google_vertex(api_endpoint="https://x.y/")).google
    assert vertex.api_endpoint == "x.y"
    assert gen.provider_pb(providers["aws"]).aws.service == "bedrock"
    assert gen.provider_pb(GenerativeConfig.aws_sagemaker()).aws.service == "sagemaker"
    assert gen.provider_pb(GenerativeConfig.digitalocean(model="m")).digitalocean.model == "m"
    _raises("top_k", lambda: gen.provider_pb(GenerativeConfig.aws_bedrock(top_k=3)))
    _raises("images", lambda: gen.provider_pb(providers["mistral"], images=["AAAA"]))
    _raises("base_url", lambda: GenerativeConfig.anthropic(base_url="not a url"))
    _raises("temperature", lambda: GenerativeConfig.openai(temperature="hot"))  # type: ignore[arg-type]
    _raises("verbosity", lambda: GenerativeConfig.openai(verbosity="loud"))
    _raises("endpoint", lambda: GenerativeConfig.databricks(endpoint=None))  # type: ignore[arg-type]


def test_meta_provider_encodes_as_the_official_client_does() -> None:
    from weaviate.collections.classes.generative import (
        GenerativeConfig as OfficialConfig,
    )
    from weaviate.collections.classes.generative import (
        _GenerativeConfigRuntimeOptions,
    )

    kwargs: dict[str, Any] = {
        "base_url": "https://llama.example/api",
        "model": "Llama-4-Maverick",
        "temperature": 0.3,
        "top_p": 0.9,
        "max_tokens": 64,
        "frequency_penalty": 0.1,
        "presence_penalty": 0.2,
    }
    for effort in ("none", "minimal", "low", "medium", "high", "xhigh"):
        ours = gen.provider_pb(
            GenerativeConfig.meta(**kwargs, reasoning_effort=effort),
            return_metadata=True,
            images=["AAAA"],
            image_properties=["img"],
        )
        theirs = OfficialConfig.meta(**kwargs, reasoning_effort=effort)._to_grpc(
            _GenerativeConfigRuntimeOptions(
                return_metadata=True, images=["AAAA"], image_properties=["img"]
            )
        )
        assert ours.SerializeToString(deterministic=True) == theirs.SerializeToString(
            deterministic=True
        ), effort
    bare = gen.provider_pb(GenerativeConfig.meta())
    assert bare.WhichOneof("kind") == "meta" and not bare.meta.HasField("reasoning_effort")
    _raises("reasoning_effort", lambda: GenerativeConfig.meta(reasoning_effort="extreme"))
    _raises("max_tokens", lambda: GenerativeConfig.meta(max_tokens="many"))  # type: ignore[arg-type]


def test_generative_search_message() -> None:
    single = GenerativeParameters.single_prompt(
        "Say {title}", image_properties=["img"], images="AAAA", metadata=True, debug=True
    )
    grouped = GenerativeParameters.grouped_task("Sum", non_blob_properties=["title"])
    out = gen.generative_pb(
        single_prompt=single,
        grouped_task=grouped,
        grouped_properties=None,
        generative_provider=GenerativeConfig.openai(model="m"),
        single_images=["AAAA"],
    )
    assert out.single.prompt == "Say {title}" and out.single.debug
    q = out.single.queries[0]
    assert q.return_metadata and list(q.openai.images.values) == ["AAAA"]
    assert list(q.openai.image_properties.values) == ["img"]
    assert out.grouped.task == "Sum" and list(out.grouped.properties.values) == ["title"]
    assert not out.grouped.queries[0].return_metadata
    plain = gen.generative_pb(
        single_prompt="p", grouped_task="t", grouped_properties=["a"], generative_provider=None
    )
    assert plain.single.prompt == "p" and not plain.single.queries
    assert list(plain.grouped.properties.values) == ["a"]
    legacy = gen.generative_pb(
        single_prompt="p",
        grouped_task="t",
        grouped_properties=["a"],
        generative_provider=None,
        version=(1, 27, 5),
    )
    assert legacy.single_response_prompt == "p" and list(legacy.grouped_properties) == ["a"]
    assert not legacy.HasField("single")
    with pytest.raises(WeaviateUnsupportedFeatureError):
        gen.generative_pb(
            single_prompt="p",
            grouped_task=None,
            grouped_properties=None,
            generative_provider=GenerativeConfig.dummy(),
            version=(1, 27, 5),
        )
    no = {"grouped_properties": None, "generative_provider": None}
    _raises("single_prompt", lambda: gen.generative_pb(single_prompt=None, grouped_task=None, **no))
    _raises(
        "single_prompt",
        lambda: gen.generative_pb(
            single_prompt=GenerativeParameters.single_prompt("p", metadata=True),
            grouped_task=None,
            **no,
        ),
    )
    _raises(
        "grouped_properties",
        lambda: gen.generative_pb(
            single_prompt="p",
            grouped_task=None,
            grouped_properties=["a"],
            generative_provider=None,
        ),
    )
    _raises(
        "grouped_properties",
        lambda: gen.generative_pb(
            single_prompt=None,
            grouped_task=grouped,
            grouped_properties=["a"],
            generative_provider=None,
        ),
    )


def test_generative_parameters_keep_images_for_reading_later(tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(b"png")
    one = GenerativeParameters.single_prompt("p", images=path)
    assert one.images == (path,)
    many = GenerativeParameters.grouped_task("t", images=[str(path), "AAAA"])
    assert many.images == (str(path), "AAAA")
    _raises("images", lambda: GenerativeParameters.single_prompt("p", images=[3]))  # type: ignore[list-item]
    _raises("prompt", lambda: GenerativeParameters.single_prompt(None))  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------- requests


def test_search_request_shared_arguments() -> None:
    req, shape = search.search_request(
        SCOPE,
        limit=5,
        offset=2,
        auto_limit=1,
        filters=Filter.by_property("n").greater_than(3),
        group_by=GroupBy(prop="cat", objects_per_group=2, number_of_groups=4),
        rerank=Rerank(prop="body", query="q"),
        include_vector=["a", "b"],
        return_metadata=["distance", "score"],
        return_properties=[
            "title",
            "title",
            QueryNested(
                name="meta", properties=["author", QueryNested(name="inner", properties="deep")]
            ),
        ],
        return_references=QueryReference(link_on="author", return_properties=["name"]),
        near_vector=search.near_vector_pb([1.0, 2.0]),
    )
    assert req.collection == "Coll" and req.tenant == "t"
    assert req.consistency_level == base_pb2.CONSISTENCY_LEVEL_ONE
    assert (req.limit, req.offset, req.autocut) == (5, 2, 1)
    assert req.uses_127_api and req.filters.operator == base_pb2.Filters.OPERATOR_GREATER_THAN
    assert (req.group_by.path, req.group_by.objects_per_group) == (["cat"], 2)
    assert (req.rerank.property, req.rerank.query) == ("body", "q")
    md = req.metadata
    assert md.uuid and md.distance and md.score and not md.certainty and not md.vector
    assert list(md.vectors) == ["a", "b"]
    assert list(req.properties.non_ref_properties) == ["title"]
    nested = req.properties.object_properties[0]
    assert nested.prop_name == "meta" and list(nested.primitive_properties) == ["author"]
    assert nested.object_properties[0].prop_name == "inner"
    ref = req.properties.ref_properties[0]
    assert ref.reference_property == "author"
    assert list(ref.properties.non_ref_properties) == ["name"] and ref.metadata.uuid
    assert shape == search.ReplyShape(
        metadata=True, properties=True, references=True, vectors=True, group_by=True
    )


def test_search_request_defaults_and_what_is_decoded() -> None:
    req, shape = search.search_request(CollectionScope.of("C"))
    assert not req.HasField("properties") and not req.HasField("consistency_level")
    assert req.limit == 0 and req.after == "" and not req.sort_by
    assert req.metadata == search_get_pb2.MetadataRequest(uuid=True)
    assert shape == search.ReplyShape()
    full = search.metadata_pb(MetadataQuery.full_with_profile(), True)
    assert full.vector and full.creation_time_unix and full.query_profile and full.explain_score
    assert search.properties_pb(False) == search_get_pb2.PropertiesRequest()
    assert search.properties_pb(True) is None
    only_refs = search.properties_pb(None, [QueryReference(link_on="r")])
    assert only_refs is not None and only_refs.return_all_nonref_properties
    _, none = search.search_request(CollectionScope.of("C"), return_properties=[])
    assert not none.properties
    _, rerank = search.search_request(CollectionScope.of("C"), rerank=Rerank(prop="p"))
    assert rerank.metadata  # the rerank score is metadata
    sorted_req, _ = search.search_request(
        CollectionScope.of("C"), sort=Sort.by_property("a", ascending=False).by_creation_time()
    )
    assert [(s.path, s.ascending) for s in sorted_req.sort_by] == [
        (["a"], False),
        (["_creationTimeUnix"], True),
    ]


class _Meta(TypedDict):
    author: str
    pages: int


class _Author(TypedDict):
    name: str


class _Doc(TypedDict):
    title: str
    meta: Nested[_Meta]


def test_typed_dict_data_models_name_the_returned_fields() -> None:
    assert search.properties_of_model(_Doc) == (
        "title",
        QueryNested(name="meta", properties=["author", "pages"]),
    )

    class Refs(TypedDict):
        author: CrossReference[_Author, None]
        multi: Any

    class Annotated2(TypedDict):
        author: Annotated[
            CrossReference[_Author, None],
            CrossReferenceAnnotation(include_vector=True, target_collection="Authors"),
        ]

    with pytest.raises(WeaviateInvalidInputError):
        search.references_of_model(Refs)
    (ref,) = search.references_of_model(Annotated2)
    assert ref.link_on == "author" and ref.include_vector is True
    assert ref.target_collection == "Authors" and ref.return_properties == ("name",)  # type: ignore[attr-defined]
    req, shape = search.search_request(
        CollectionScope.of("C"), properties_model=_Doc, references_model=Annotated2
    )
    assert list(req.properties.non_ref_properties) == ["title"]
    assert req.properties.ref_properties[0].target_collection == "Authors"
    assert shape.references
    # a query's own names win over the handle's data model
    own, _ = search.search_request(
        CollectionScope.of("C"), return_properties=["x"], properties_model=_Doc
    )
    assert list(own.properties.non_ref_properties) == ["x"]


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: search.near_vector_pb([1.0], certainty=1.5), "certainty"),
        (lambda: search.near_vector_pb([1.0], certainty=2), "certainty"),
        (lambda: search.near_vector_pb([1.0], distance="x"), "distance"),
        (lambda: search.near_vector_pb([1.0], target_vector=3), "target_vector"),
        (lambda: search.near_vector_pb({"a": [1.0]}, target_vector=["b"]), "near_vector"),
        (
            lambda: search.near_vector_pb({"a": [1.0], "b": [1.0]}, target_vector=["a"]),
            "target_vector",
        ),
        (lambda: search.near_vector_pb(None), "near_vector"),
        (lambda: search.near_vector_pb(NearVector.list_of_vectors([1.0])), "near_vector"),
        (lambda: search.near_vector_pb([[1.0]], version=(1, 28, 0)), "near_vector"),
        (lambda: search.near_object_pb("nope"), "near_object"),
        (lambda: search.near_text_pb([]), "query"),
        (lambda: search.near_text_pb("q", move_to="x"), "move_to"),
        (lambda: search.near_media_pb("AAAA", "smell"), "media_type"),
        (lambda: search.near_media_pb("", NearMediaType.IMAGE), "media"),
        (lambda: search.hybrid_pb("q", alpha=1.5), "alpha"),
        (lambda: search.hybrid_pb("q", fusion_type="x"), "fusion_type"),
        (lambda: search.hybrid_pb("q", vector=["x"]), "vector[0]"),
        (lambda: search.hybrid_pb(3), "query"),
        (lambda: search.bm25_pb("q", operator="and"), "operator"),
        (lambda: search.bm25_pb("q", query_properties=[3]), "query_properties"),
        (
            lambda: search.targets_pb(TargetVectors.manual_weights({"a": 1.0}), order=["a", "b"]),
            "target_vector",
        ),
        (lambda: search.search_request(SCOPE, limit=-1), "limit"),
        (lambda: search.search_request(SCOPE, limit=True), "limit"),
        (lambda: search.search_request(SCOPE, after="x"), "after"),
        (lambda: search.search_request(SCOPE, return_metadata=["nope"]), "return_metadata"),
        (lambda: search.search_request(SCOPE, return_properties=[3]), "return_properties"),
        (lambda: search.search_request(SCOPE, return_references="a"), "return_references"),
        (lambda: search.search_request(SCOPE, include_vector=5), "include_vector"),
        (lambda: search.search_request(SCOPE, filters="x"), "filters"),
        (lambda: search.search_request(SCOPE, sort="x"), "sort"),
        (lambda: search.search_request(SCOPE, group_by="x"), "group_by"),
        (lambda: search.search_request(SCOPE, rerank="x"), "rerank"),
        (lambda: search.search_request(SCOPE, boost="x"), "boost"),
        (lambda: search.selection_pb("x"), "diversity_selection"),
        (lambda: search.ids_filter_pb("abc"), "ids"),
        (lambda: search.ids_filter_pb(["abc"]), "ids[0]"),
        (
            lambda: search.search_request(
                SCOPE, after=uuid_lib.UUID(int=1), bm25_search=search.bm25_pb("q")
            ),
            "after",
        ),
    ],
)
def test_invalid_input_names_the_field(call: Any, field: str) -> None:
    _raises(field, call)


def test_vector_operators() -> None:
    nv = search.near_vector_pb(np.array([1.0, 2.0]), distance=0.5, target_vector="a")
    assert nv.distance == 0.5 and not nv.HasField("certainty")
    assert nv.vectors[0].vector_bytes == struct.pack("<2f", 1.0, 2.0)
    assert list(nv.targets.target_vectors) == ["a"]
    multi = search.near_vector_pb([[1.0, 2.0], [3.0, 4.0]])
    assert multi.vectors[0].type == base_pb2.Vectors.VECTOR_TYPE_MULTI_FP32
    legacy = search.near_vector_pb([1.0, 2.0], version=(1, 28, 3))
    assert legacy.vector_bytes == struct.pack("<2f", 1.0, 2.0) and not legacy.vectors

    named = search.near_vector_pb(
        {"b": [1.0], "a": [[1.0, 2.0]], "c": NearVector.list_of_vectors([1.0], [2.0])},
        target_vector=TargetVectors.manual_weights({"a": 2.0, "b": [0.5], "c": [1.0, 3.0]}),
        diversity_selection=Diversity.mmr(limit=2, balance=0.5),
    )
    assert [v.name for v in named.vector_for_targets] == ["b", "a", "c"]
    assert named.vector_for_targets[1].vectors[0].type == base_pb2.Vectors.VECTOR_TYPE_MULTI_FP32
    c = named.vector_for_targets[2].vectors[0]
    assert (
        c.type == base_pb2.Vectors.VECTOR_TYPE_MULTI_FP32
        and c.vector_bytes == pack_multi_vector([[1.0], [2.0]])
    )
    t = named.targets
    assert t.combination == base_search_pb2.COMBINATION_METHOD_TYPE_MANUAL
    assert list(t.target_vectors) == ["b", "a", "c", "c"]  # the order of the vectors
    assert [(w.target, w.weight) for w in t.weights_for_targets] == [
        ("b", 0.5),
        ("a", 2.0),
        ("c", 1.0),
        ("c", 3.0),
    ]
    assert named.selection.mmr.limit == 2 and named.selection.mmr.balance == 0.5
    two_d = search.near_vector_pb({"m": NearVector.list_of_vectors([[1.0]], [[2.0], [3.0]])})
    assert len(two_d.vector_for_targets[0].vectors) == 2
    keys_only = search.near_vector_pb({"x": [1.0], "y": [2.0]})
    assert list(keys_only.targets.target_vectors) == ["x", "y"]
    for join, method in (
        (TargetVectors.sum(["a"]), base_search_pb2.COMBINATION_METHOD_TYPE_SUM),
        (TargetVectors.average(["a"]), base_search_pb2.COMBINATION_METHOD_TYPE_AVERAGE),
        (TargetVectors.minimum(["a"]), base_search_pb2.COMBINATION_METHOD_TYPE_MIN),
        (
            TargetVectors.relative_score({"a": 1.0}),
            base_search_pb2.COMBINATION_METHOD_TYPE_RELATIVE_SCORE,
        ),
    ):
        assert search.targets_pb(join).combination == method  # type: ignore[union-attr]

    no = search.near_object_pb(uuid_lib.UUID(int=1), certainty=0.7, target_vector=["a", "b"])
    assert no.id == str(uuid_lib.UUID(int=1)) and no.certainty == pytest.approx(0.7)
    text = search.near_text_pb(
        ["a", "b"],
        move_to=Move(0.5, concepts="up", objects=[uuid_lib.UUID(int=2)]),
        move_away=Move(force=0.25, concepts=["down"]),
    )
    assert list(text.query) == ["a", "b"]
    assert (text.move_to.force, list(text.move_to.concepts)) == (0.5, ["up"])
    assert list(text.move_to.uuids) == [str(uuid_lib.UUID(int=2))]
    assert list(text.move_away.concepts) == ["down"] and not text.move_away.uuids
    for kind in NearMediaType:
        field, message = search.near_media_pb("AAAA", kind, distance=0.3)
        assert field == f"near_{kind.value}" and getattr(message, kind.value) == "AAAA"
        assert message.distance == pytest.approx(0.3)


def test_keyword_and_hybrid_operators() -> None:
    assert search.bm25_pb(None) is None
    b = search.bm25_pb("q", ["title^2"], BM25Operator.or_(minimum_match=2))
    assert b is not None and list(b.properties) == ["title^2"]
    assert b.search_operator.operator == base_search_pb2.SearchOperatorOptions.OPERATOR_OR
    assert b.search_operator.minimum_or_tokens_match == 2
    cross = search.bm25_pb("q", operator=BM25Operator.and_cross())
    assert (
        cross.search_operator.operator == base_search_pb2.SearchOperatorOptions.OPERATOR_AND_CROSS
    )  # type: ignore[union-attr]

    hy = search.hybrid_pb(
        "q",
        alpha=0.25,
        vector=[1.0],
        fusion_type=HybridFusion.RANKED,
        max_vector_distance=0.4,
        bm25_operator=BM25Operator.and_(),
        target_vector="v",
    )
    assert hy is not None and hy.use_alpha_param and hy.alpha_param == 0.25
    assert hy.fusion_type == base_search_pb2.Hybrid.FUSION_TYPE_RANKED
    assert hy.vector_distance == pytest.approx(0.4)
    assert hy.vectors[0].vector_bytes == struct.pack("<f", 1.0)
    assert list(hy.targets.target_vectors) == ["v"]
    assert hy.bm25_search_operator.operator == base_search_pb2.SearchOperatorOptions.OPERATOR_AND
    default = search.hybrid_pb("q")
    assert default is not None and not default.HasField("alpha_param")
    assert search.hybrid_pb(None) is None  # neither keywords nor vector: a plain fetch
    vector_only = search.hybrid_pb(None, vector=[1.0])
    assert vector_only is not None and vector_only.alpha_param == 1.0
    old = search.hybrid_pb("q", version=(1, 30, 0))
    assert old is not None and not old.use_alpha_param and old.alpha == pytest.approx(0.7)
    old_alpha = search.hybrid_pb("q", alpha=0.1, version=(1, 30, 0))
    assert old_alpha is not None and old_alpha.alpha == pytest.approx(0.1)

    sub_text = search.hybrid_pb(
        "q",
        vector=HybridVector.near_text(["a", "b"], certainty=0.5, move_to=Move(1.0, concepts="c")),
    )
    assert sub_text is not None and list(sub_text.near_text.query) == ["a", "b"]
    assert sub_text.near_text.certainty == 0.5 and sub_text.near_text.move_to.force == 1.0
    sub_vec = search.hybrid_pb(
        None,
        vector=HybridVector.near_vector({"a": [1.0], "b": [2.0]}, distance=0.2),
        target_vector=TargetVectors.average(["a", "b"]),
    )
    assert sub_vec is not None and sub_vec.near_vector.distance == pytest.approx(0.2)
    assert not sub_vec.near_vector.HasField("targets")  # a sub-search's targets stay unset
    assert sub_vec.targets.combination == base_search_pb2.COMBINATION_METHOD_TYPE_AVERAGE
    assert [v.name for v in sub_vec.near_vector.vector_for_targets] == ["a", "b"]
    mapping = search.hybrid_pb("q", vector={"a": [1.0]})
    assert mapping is not None and list(mapping.targets.target_vectors) == ["a"]

    ids = search.ids_filter_pb(
        [uuid_lib.UUID(int=1), str(uuid_lib.UUID(int=1)), uuid_lib.UUID(int=2)]
    )
    assert ids is not None and ids.operator == base_pb2.Filters.OPERATOR_CONTAINS_ANY
    assert list(ids.value_text_array.values) == [
        str(uuid_lib.UUID(int=1)),
        str(uuid_lib.UUID(int=2)),
    ]
    assert search.ids_filter_pb([]) is None
    one = search.ids_filter_pb([uuid_lib.UUID(int=3)])
    assert one is not None and one.operator == base_pb2.Filters.OPERATOR_EQUAL


# ---------------------------------------------------------------------------------- replies


def _value(**kw: Any) -> properties_pb2.Value:
    return properties_pb2.Value(**kw)


def _result(
    i: int, *, refs: list[search_get_pb2.RefPropertiesResult] | None = None, **md: Any
) -> search_get_pb2.SearchResult:
    u = uuid_lib.UUID(int=i)
    return search_get_pb2.SearchResult(
        metadata=search_get_pb2.MetadataResult(id=str(u), id_as_bytes=u.bytes, **md),
        properties=search_get_pb2.PropertiesResult(
            non_ref_props=properties_pb2.Properties(fields={"n": _value(int_value=i)}),
            ref_props=refs or [],
            ref_props_requested=refs is not None,
        ),
    )


def _two_vectors() -> dict[str, Any]:
    """Metadata fields of a result with a single vector [1, 2] and a multi-vector "m"."""
    return {
        "vector_bytes": struct.pack("<2f", 1.0, 2.0),
        "vectors": [
            base_pb2.Vectors(
                name="m",
                vector_bytes=pack_multi_vector([[1.0], [2.0]]),
                type=base_pb2.Vectors.VECTOR_TYPE_MULTI_FP32,
            )
        ],
    }


def test_parse_reply_decodes_what_was_asked() -> None:
    reply = search_get_pb2.SearchReply(
        results=[
            _result(
                1,
                distance=0.25,
                distance_present=True,
                creation_time_unix=1_700_000_000_123,
                creation_time_unix_present=True,
                last_update_time_unix=1_700_000_000_123_000_000,  # nanoseconds
                last_update_time_unix_present=True,
                is_consistent=True,
                is_consistent_present=True,
                **_two_vectors(),
            ),
            _result(
                2, score=1.5, score_present=True, explain_score="x", explain_score_present=True
            ),
        ]
    )
    every = search.ReplyShape(metadata=True, vectors=True)
    res = search.parse_reply(reply, every, "Coll")
    assert isinstance(res, QueryReturn) and res.query_profile is None
    a, b = res.objects
    assert a.uuid == uuid_lib.UUID(int=1) and a.collection == "Coll" and a.properties == {"n": 1}
    assert a.metadata.distance == 0.25 and a.metadata.score is None
    assert a.metadata.creation_time == dt.datetime(2023, 11, 14, 22, 13, 20, 123000, tzinfo=UTC)
    assert a.metadata.last_update_time == a.metadata.creation_time
    assert a.metadata.is_consistent is True
    assert a.vector == {"default": [1.0, 2.0], "m": [[1.0], [2.0]]}
    assert b.metadata.score == 1.5 and b.metadata.explain_score == "x" and b.vector == {}
    assert str(a.uuid) == "00000000-0000-0000-0000-000000000001" and hash(a.uuid) == hash(
        uuid_lib.UUID(int=1)
    )

    lean = search.parse_reply(reply, search.ReplyShape(), "Coll")
    assert lean.objects[0].metadata == MetadataReturn() and lean.objects[0].vector == {}
    assert lean.objects[0].metadata is not lean.objects[1].metadata  # mutable: never shared
    assert lean.objects[0].references is None
    bare = search.parse_reply(reply, search.ReplyShape(properties=False), "Coll")
    assert bare.objects[0].properties == {}

    single = search.parse_reply(reply, search.ReplyShape(single=True), "Coll")
    assert single is not None and single.metadata.creation_time.year == 2023
    assert single.metadata.is_consistent is True
    assert (
        search.parse_reply(search_get_pb2.SearchReply(), search.ReplyShape(single=True), "C")
        is None
    )


def test_vectors_are_plain_lists_through_every_door() -> None:
    import copy
    import pickle

    reply = search_get_pb2.SearchReply(
        results=[
            _result(
                1,
                **_two_vectors(),
            )
        ]
    )
    expected = {"default": [1.0, 2.0], "m": [[1.0], [2.0]]}

    def fresh() -> Any:
        return search.parse_reply(reply, search.ReplyShape(vectors=True), "C").objects[0]

    obj = fresh()
    # Integrations convert results with obj.__dict__ / vars() and pop the vector out of it.
    assert obj.__dict__["vector"] == expected and type(obj.__dict__["vector"]) is dict
    assert vars(fresh())["vector"] == expected
    assert type(vars(fresh())["vector"]["default"]) is list
    assert dict(fresh().__dict__)["vector"].pop("default") == [1.0, 2.0]
    assert obj.vector == expected and obj.vector is obj.vector
    assert copy.copy(fresh()).__dict__["vector"] == expected
    # Every generic way of reading a dataclass sees the decoded vectors.
    assert dataclasses.asdict(fresh())["vector"] == expected
    assert dataclasses.astuple(fresh())[4] == expected
    assert fresh() == obj and "[1.0, 2.0]" in repr(fresh())
    assert pickle.loads(pickle.dumps(fresh())).vector == expected
    assert copy.deepcopy(fresh()).vector == expected
    assert dataclasses.replace(fresh(), collection="D").vector == expected
    # Set by hand, as a caller building results does.
    obj.vector = {"x": [3.0]}
    assert obj.vector == {"x": [3.0]}
    built = Object(uuid_lib.UUID(int=2), MetadataReturn(), {}, None, {"v": [1.0]}, "C")
    assert built.vector == {"v": [1.0]} and dataclasses.asdict(built)["vector"] == {"v": [1.0]}
    assert [f.name for f in dataclasses.fields(Object)][4] == "vector"


def test_parse_references_groups_and_profile() -> None:
    inner = search_get_pb2.PropertiesResult(
        target_collection="Author",
        metadata=search_get_pb2.MetadataResult(
            id_as_bytes=uuid_lib.UUID(int=9).bytes, distance=0.5, distance_present=True
        ),
        non_ref_props=properties_pb2.Properties(fields={"name": _value(text_value="Ann")}),
        ref_props_requested=True,
    )
    ref = search_get_pb2.RefPropertiesResult(prop_name="author", properties=[inner])
    reply = search_get_pb2.SearchReply(
        results=[_result(1, refs=[ref]), _result(2, refs=[])],
        query_profile=search_get_pb2.QueryProfile(
            shards=[
                search_get_pb2.QueryProfile.ShardProfile(
                    name="s1",
                    node="n1",
                    searches={
                        "vector": search_get_pb2.QueryProfile.SearchProfile(details={"took": "1ms"})
                    },
                )
            ]
        ),
    )
    res = search.parse_reply(reply, search.ReplyShape(references=True), "Coll")
    author = res.objects[0].references["author"].objects[0]
    assert author.uuid == uuid_lib.UUID(int=9) and author.properties == {"name": "Ann"}
    assert author.collection == "Author" and author.metadata.distance == 0.5
    assert author.references == {}
    assert res.objects[1].references == {}
    assert res.query_profile.shards[0].searches["vector"].details == {"took": "1ms"}

    grouped = search_get_pb2.SearchReply(
        group_by_results=[
            search_get_pb2.GroupByResult(
                name="g1",
                min_distance=0.1,
                max_distance=0.2,
                number_of_objects=2,
                objects=[
                    _result(3, distance=0.1, distance_present=True),
                    _result(4, distance=0.2, distance_present=True),
                ],
                rerank=search_get_pb2.RerankReply(score=3.0),
                generative=generative_pb2.GenerativeReply(result="group text"),
            ),
            search_get_pb2.GroupByResult(name="g2", objects=[_result(5)]),
        ],
        generative_grouped_result="all text",
    )
    g = search.parse_reply(grouped, search.ReplyShape(metadata=True, group_by=True), "C")
    assert isinstance(g, GroupByReturn) and list(g.groups) == ["g1", "g2"]
    g1 = g.groups["g1"]
    assert g1.rerank_score == 3.0 and g1.number_of_objects == 2
    assert g1.min_distance == pytest.approx(0.1)
    assert [o.metadata.distance for o in g1.objects] == pytest.approx([0.1, 0.2])
    assert [o.belongs_to_group for o in g.objects] == ["g1", "g1", "g2"]
    assert g.groups["g2"].rerank_score is None
    gen_g = search.parse_reply(grouped, search.ReplyShape(group_by=True, generative=True), "C")
    assert gen_g.groups["g1"].generated == "group text" and gen_g.generated == "all text"
    assert gen_g.groups["g2"].generated is None
    assert gen_g.groups["g1"].objects[0].metadata.distance is None  # not asked for


def test_parse_generative_reply() -> None:
    result = _result(1)
    result.generative.values.append(
        generative_pb2.GenerativeReply(
            result="one",
            debug=generative_pb2.GenerativeDebug(full_prompt="the prompt"),
            metadata=generative_pb2.GenerativeMetadata(
                openai=generative_pb2.GenerativeOpenAIMetadata(
                    usage=generative_pb2.GenerativeOpenAIMetadata.Usage(total_tokens=7)
                )
            ),
        )
    )
    reply = search_get_pb2.SearchReply(
        results=[result, _result(2)],
        generative_grouped_results=generative_pb2.GenerativeResult(
            values=[generative_pb2.GenerativeReply(result="all")]
        ),
    )
    res = search.parse_reply(reply, search.ReplyShape(generative=True), "C")
    assert isinstance(res, GenerativeReturn)
    first, second = res.objects
    assert isinstance(first, GenerativeObject)
    assert first.generated == "one" and first.generative is not None
    assert first.generative.text == "one" and first.generative.debug.full_prompt == "the prompt"  # type: ignore[union-attr]
    assert first.generative.metadata.usage.total_tokens == 7  # type: ignore[union-attr]
    assert second.generative is None and second.generated is None
    assert res.generated == "all" and res.generative is not None and res.generative.text == "all"
    assert res.generative.metadata is None
    assert {f.name for f in dataclasses.fields(first)} == {
        "uuid",
        "metadata",
        "properties",
        "references",
        "vector",
        "collection",
    }
    legacy = search_get_pb2.SearchReply(
        results=[_result(3, generative="old", generative_present=True)],
        generative_grouped_result="old all",
    )
    old = search.parse_reply(legacy, search.ReplyShape(generative=True), "C")
    assert old.objects[0].generated == "old" and old.generated == "old all"


# ---------------------------------------------------------------------------------- gates


def _connection(version: tuple[int, int, int]) -> Connection:
    conn = Connection(
        ConnectionParams.from_url("http://127.0.0.1:1", grpc_port=1), skip_init_checks=True
    )
    conn.server_version = version
    return conn


async def test_version_gates_refuse_before_sending() -> None:
    scope = CollectionScope.of("C")
    old = _QueryCollectionAsync(_connection((1, 36, 0)), scope)  # type: ignore[var-annotated]
    cases = [
        (lambda: old.near_vector([1.0], boost=Boost.numeric_property("n")), "boost"),
        (lambda: old.near_vector([1.0], diversity_selection=Diversity.mmr(limit=1)), "MMR"),
        (lambda: old.fetch_objects(return_metadata=["query_profile"]), "query profiling"),
        (lambda: old.bm25("q", operator=BM25Operator.and_cross()), "and_cross"),
        (lambda: old.hybrid("q", bm25_operator=BM25Operator.and_cross()), "and_cross"),
    ]
    for call, feature in cases:
        with pytest.raises(WeaviateUnsupportedFeatureError) as info:
            await call()
        assert feature in str(info.value) and "1.36.0" in str(info.value)
    for version, ok in (
        ((1, 37, 14), False),
        ((1, 37, 15), True),
        ((1, 38, 7), False),
        ((1, 38, 8), True),
    ):
        ns = _QueryCollectionAsync(_connection(version), scope)  # type: ignore[var-annotated]
        if ok:
            ns._check_versions(
                boost=None,
                diversity_selection=None,
                return_metadata=None,
                bm25_operator=BM25Operator.and_cross(),
            )
        else:
            with pytest.raises(WeaviateUnsupportedFeatureError):
                ns._check_versions(
                    boost=None,
                    diversity_selection=None,
                    return_metadata=None,
                    bm25_operator=BM25Operator.and_cross(),
                )
    legacy_gen = _GenerateCollectionAsync(_connection((1, 27, 3)), scope)  # type: ignore[var-annotated]
    with pytest.raises(WeaviateUnsupportedFeatureError):
        await legacy_gen.fetch_objects(
            single_prompt="p", generative_provider=GenerativeConfig.dummy()
        )


async def test_media_is_read_in_a_worker_thread(tmp_path: Path) -> None:
    ns = _QueryCollectionAsync(_connection((1, 39, 0)), CollectionScope.of("C"))  # type: ignore[var-annotated]
    path = tmp_path / "x.bin"
    path.write_bytes(b"\x00\x01\x02")
    assert await ns._blob(path, "media") == "AAEC"
    assert await ns._blob(str(path), "media") == "AAEC"
    with path.open("rb") as f:
        assert await ns._blob(f, "media") == "AAEC"
    assert await ns._blob(io.BufferedReader(io.BytesIO(b"\x00\x01\x02")), "media") == "AAEC"  # type: ignore[arg-type]
    long_text = "QUJD" * 5000  # base64, longer than any path
    assert await ns._blob(long_text, "media") == long_text
    _raises("media", lambda: ns._blob(3, "media").send(None))  # type: ignore[arg-type]


class _Target(TypedDict):
    name: str


class _OneArgRefs(TypedDict):
    author: CrossReference[_Target]


class _NoKeys(TypedDict):
    pass


@dataclasses.dataclass
class _NotATypedDict:
    title: str


def test_data_models_as_the_official_client_reads_them() -> None:
    import typing_extensions

    from weaviate_async._validate import check_data_model, is_typeddict
    from weaviate_async.exceptions import InvalidDataModelError

    class Ext(typing_extensions.TypedDict):
        title: str

    assert is_typeddict(_Target) and is_typeddict(Ext) and not is_typeddict(dict)
    for good in (None, _Target, Ext, dict[str, Any]):
        check_data_model(good, "properties")
    for bad in (dict, _NotATypedDict, int):
        with pytest.raises(InvalidDataModelError):
            check_data_model(bad, "references")
    # One argument names the target's properties (the official type variable defaults).
    (ref,) = search.references_of_model(_OneArgRefs)
    assert ref.link_on == "author" and list(ref.return_properties or ()) == ["name"]
    assert ref.return_references is None
    assert search.properties_of_model(_NoKeys) == ()
    assert search.properties_of_model(Ext) == ("title",)
    with pytest.raises(WeaviateInvalidInputError, match="return_properties"):
        search.properties_of_model(_NotATypedDict)
