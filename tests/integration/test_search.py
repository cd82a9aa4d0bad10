"""Search (collection.query) and generative search (collection.generate) against the real
server, over the typed dataset of tests/search_data.py. Every argument has a test that would
fail if it were ignored (a filter excludes known objects, a sort's order is checked, groups are
counted, metadata is present and plausible, references resolve, the generative-dummy module's
text comes back). The blocking twin is generated (``__sync_twin__``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid as uuid_lib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypedDict

import pytest

from tests.conftest import and_cross_supported, server_at_least
from tests.search_data import (
    BASE_TIME,
    N_ITEMS,
    Dataset,
    cosine_distance,
    create_dataset,
    drop_dataset,
)
from weaviate_async.classes.data import GeoCoordinate
from weaviate_async.classes.generate import GenerativeConfig, GenerativeParameters
from weaviate_async.classes.generics import CrossReference, Nested
from weaviate_async.classes.query import (
    BM25Operator,
    Boost,
    Diversity,
    Filter,
    GroupBy,
    HybridFusion,
    HybridVector,
    MetadataQuery,
    Move,
    NearMediaType,
    NearVector,
    QueryReference,
    Rerank,
    Sort,
    TargetVectors,
)
from weaviate_async.client import WeaviateAsyncClient
from weaviate_async.embedded import EmbeddedServer
from weaviate_async.exceptions import (
    WeaviateInvalidInputError,
    WeaviateQueryError,
    WeaviateUnsupportedFeatureError,
)
from weaviate_async.outputs.query import (
    GenerativeGroupByReturn,
    GenerativeReturn,
    GroupByReturn,
    MetadataReturn,
    Object,
    QueryReturn,
)

__sync_twin__ = "tests/integration/test_search_sync_gen.py"


@pytest.fixture(scope="module")
def data(server: EmbeddedServer) -> Iterator[Dataset]:
    ds = create_dataset(server, uuid_lib.uuid4().hex[:8])
    yield ds
    drop_dataset(server, ds)


def _items(client: WeaviateAsyncClient, data: Dataset) -> Any:
    return client.collections.use(data.items_name)


def _by_count(data: Dataset) -> list[Any]:
    return sorted(data.items, key=lambda i: i.props["count"])


# ----------------------------------------------------------------------------- results


async def test_results_read_like_integration_packages_do(
    client: WeaviateAsyncClient, data: Dataset
) -> None:
    res = await _items(client, data).query.near_vector(
        data.items[0].own, target_vector="own", limit=3, return_metadata=MetadataQuery.full()
    )
    assert isinstance(res, QueryReturn)
    obj = res.objects[0]
    assert isinstance(obj, Object)
    # langchain-weaviate: every non-None metadata field by name, from __dict__
    meta = {k: v for k, v in obj.metadata.__dict__.items() if v is not None}
    assert set(obj.metadata.__dict__) == {f.name for f in dataclasses.fields(MetadataReturn)}
    assert "distance" in meta and "creation_time" in meta and "last_update_time" in meta
    assert meta["distance"] == pytest.approx(0.0, abs=1e-5)
    as_dict = dataclasses.asdict(obj)
    assert set(as_dict) == {"uuid", "metadata", "properties", "references", "vector", "collection"}
    assert as_dict["metadata"]["distance"] == obj.metadata.distance
    assert as_dict["properties"]["title"] == data.items[0].props["title"]
    assert [f.name for f in dataclasses.fields(res)] == ["objects", "query_profile"]
    assert dataclasses.is_dataclass(obj) and dataclasses.is_dataclass(obj.metadata)
    # results are plain, mutable values as in the official client
    obj.properties["extra"] = 1
    assert obj.properties["extra"] == 1


async def test_every_property_type_comes_back_typed(
    client: WeaviateAsyncClient, data: Dataset
) -> None:
    item = data.items[5]
    names = [*item.props, "image"]
    nested = server_at_least("1.37.0")  # seen: 1.35.2 fails, 1.37.0 takes it
    if not nested:
        # seen on 1.35.2: an object property named without its nested properties fails there
        with pytest.raises(WeaviateQueryError, match="creating primitive value for meta"):
            await _items(client, data).query.fetch_object_by_id(item.uuid, return_properties=names)
        names = [n for n in names if n not in ("meta", "parts")]
    obj = await _items(client, data).query.fetch_object_by_id(item.uuid, return_properties=names)
    assert obj is not None and obj.uuid == item.uuid and obj.collection == data.items_name
    props = obj.properties
    for name in ("title", "body", "label", "count", "ok", "tags", "ranks", "flags", "image"):
        assert props[name] == item.props[name], name
    assert props["price"] == pytest.approx(item.props["price"])
    assert props["scores"] == item.props["scores"]
    assert props["when"] == item.props["when"] and props["when"].tzinfo is not None
    assert props["days"] == item.props["days"]
    assert props["ref_id"] == item.props["ref_id"] and isinstance(props["ref_id"], uuid_lib.UUID)
    assert props["ids"] == item.props["ids"]
    place = item.props["place"]
    assert props["place"] == GeoCoordinate(latitude=place["latitude"], longitude=place["longitude"])
    assert props["phone"].number == item.props["phone"]["input"]
    assert props["phone"].country_code == 49 and props["phone"].valid is True
    if nested:
        assert props["meta"] == item.props["meta"]
        assert props["parts"] == item.props["parts"]
    assert obj.metadata.creation_time.tzinfo is not None
    assert obj.metadata.last_update_time >= obj.metadata.creation_time
    # blobs are not returned unless named
    default = await _items(client, data).query.fetch_object_by_id(item.uuid)
    assert (
        default is not None and "image" not in default.properties and "title" in default.properties
    )


async def test_vectors_only_when_asked(client: WeaviateAsyncClient, data: Dataset) -> None:
    q = _items(client, data).query
    item = data.items[2]
    plain = await q.fetch_object_by_id(item.uuid)
    assert plain is not None and plain.vector == {}
    some = await q.fetch_object_by_id(item.uuid, include_vector=["own", "colbert"])
    assert some is not None and set(some.vector) == {"own", "colbert"}
    assert some.vector["own"] == pytest.approx(item.own, abs=1e-6)
    assert len(some.vector["colbert"]) == 2
    assert some.vector["colbert"][1] == pytest.approx(item.colbert[1], abs=1e-6)
    every = await q.fetch_objects(
        filters=Filter.by_id().equal(item.uuid), include_vector=True, limit=1
    )
    assert set(every.objects[0].vector) == {"bi", "oa", "own", "colbert"}


# ----------------------------------------------------------------------------- fetch


async def test_fetch_objects_filters_sort_paging(
    client: WeaviateAsyncClient, data: Dataset
) -> None:
    q = _items(client, data).query
    ordered = _by_count(data)
    res = await q.fetch_objects(sort=Sort.by_property("count"), limit=5, offset=3)
    assert [o.properties["count"] for o in res.objects] == [i.props["count"] for i in ordered[3:8]]
    desc = await q.fetch_objects(sort=Sort.by_property("count", ascending=False), limit=4)
    assert [o.uuid for o in desc.objects] == [i.uuid for i in ordered[::-1][:4]]
    # chained: by ok (False first), then by count descending
    chained = await q.fetch_objects(
        sort=Sort.by_property("ok").by_property("count", ascending=False), limit=N_ITEMS
    )
    expected = sorted(data.items, key=lambda i: (i.props["ok"], -i.props["count"]))
    assert [o.uuid for o in chained.objects] == [i.uuid for i in expected]
    by_id = await q.fetch_objects(sort=Sort.by_id(ascending=False), limit=3)
    assert [o.uuid for o in by_id.objects] == sorted((i.uuid for i in data.items), key=str)[::-1][
        :3
    ]
    by_time = await q.fetch_objects(sort=Sort.by_creation_time(), limit=N_ITEMS)
    assert len(by_time.objects) == N_ITEMS
    by_update = await q.fetch_objects(sort=Sort.by_update_time(ascending=False), limit=2)
    assert len(by_update.objects) == 2

    cheap = await q.fetch_objects(filters=Filter.by_property("price").less_than(3.0), limit=100)
    expected_ids = {
        i.uuid for i in data.items if i.props.get("price") is not None and i.props["price"] < 3.0
    }
    assert {o.uuid for o in cheap.objects} == expected_ids and 0 < len(expected_ids) < N_ITEMS


async def test_fetch_objects_cursor_after(client: WeaviateAsyncClient, data: Dataset) -> None:
    q = _items(client, data).query
    ids = sorted((i.uuid for i in data.items), key=str)
    page = await q.fetch_objects(after=ids[9], limit=5)
    assert [o.uuid for o in page.objects] == ids[10:15]
    seen: list[uuid_lib.UUID] = []
    after = None
    while True:
        chunk = await q.fetch_objects(after=after, limit=10, return_properties=[])
        if not chunk.objects:
            break
        assert all(o.properties == {} for o in chunk.objects)
        seen += [o.uuid for o in chunk.objects]
        after = chunk.objects[-1].uuid
    assert seen == ids


async def test_fetch_objects_by_ids(client: WeaviateAsyncClient, data: Dataset) -> None:
    q = _items(client, data).query
    wanted = [i.uuid for i in data.items[:30]]
    res = await q.fetch_objects_by_ids(wanted)  # more than the server's default limit
    assert sorted(o.uuid for o in res.objects) == sorted(wanted)
    sorted_res = await q.fetch_objects_by_ids(
        [str(u) for u in wanted[:6]], sort=Sort.by_property("count", ascending=False)
    )
    counts = [o.properties["count"] for o in sorted_res.objects]
    assert counts == sorted(counts, reverse=True) and len(counts) == 6
    assert (await q.fetch_objects_by_ids([])).objects == []
    limited = await q.fetch_objects_by_ids(wanted, limit=4)
    assert len(limited.objects) == 4
    missing = await q.fetch_objects_by_ids([uuid_lib.uuid4(), wanted[0]])
    assert [o.uuid for o in missing.objects] == [wanted[0]]


async def test_fetch_object_by_id_missing_and_references(
    client: WeaviateAsyncClient, data: Dataset
) -> None:
    q = _items(client, data).query
    assert await q.fetch_object_by_id(uuid_lib.uuid4()) is None
    item = next(i for i in data.items if i.author is not None and i.related is not None)
    obj = await q.fetch_object_by_id(
        item.uuid,
        return_properties=["title"],
        return_references=[
            QueryReference(link_on="author", return_properties=["name"]),
            QueryReference.MultiTarget(
                link_on="related",
                target_collection=data.items_name,
                return_properties=["count"],
                return_metadata=["creation_time"],
            ),
        ],
    )
    assert obj is not None and obj.properties == {"title": item.props["title"]}
    assert obj.references is not None
    author = obj.references["author"].objects
    assert [a.uuid for a in author] == [item.author]
    assert author[0].properties == {"name": data.authors[item.author]}
    assert author[0].collection == data.authors_name
    related = obj.references["related"].objects
    assert related[0].uuid == item.related
    assert related[0].properties == {"count": data.item(item.related).props["count"]}
    assert related[0].metadata.creation_time is not None


async def test_nested_references_and_their_vectors(
    client: WeaviateAsyncClient, data: Dataset
) -> None:
    q = _items(client, data).query
    item = next(
        i for i in data.items if i.related is not None and data.item(i.related).author is not None
    )
    related = data.item(item.related)  # type: ignore[arg-type]
    res = await q.fetch_objects(
        filters=Filter.by_id().equal(item.uuid),
        return_properties=[],
        return_references=QueryReference.MultiTarget(
            link_on="related",
            target_collection=data.items_name,
            return_properties=["title"],
            include_vector=["own"],
            return_references=QueryReference(link_on="author", return_properties=["name"]),
        ),
    )
    (obj,) = res.objects
    assert obj.properties == {}
    (rel,) = obj.references["related"].objects
    assert rel.uuid == related.uuid and rel.properties == {"title": related.props["title"]}
    assert rel.vector["own"] == pytest.approx(related.own, abs=1e-6)
    assert rel.references["author"].objects[0].properties == {
        "name": data.authors[related.author]  # type: ignore[index]
    }
    # without references asked for, none are decoded
    plain = await q.fetch_objects(filters=Filter.by_id().equal(item.uuid))
    assert plain.objects[0].references is None


class _MetaModel(TypedDict):
    author: str


class _ItemModel(TypedDict):
    title: str
    count: int
    meta: Nested[_MetaModel]


class _AuthorModel(TypedDict):
    name: str


class _LabelModel(TypedDict):
    label: str


class _ItemRefs(TypedDict):
    author: CrossReference[_AuthorModel, None]


async def test_typed_data_models_choose_what_returns(
    client: WeaviateAsyncClient, data: Dataset
) -> None:
    item = next(i for i in data.items if i.author is not None)
    typed = client.collections.use(
        data.items_name, data_model_properties=_ItemModel, data_model_references=_ItemRefs
    )
    res = await typed.query.fetch_objects(filters=Filter.by_id().equal(item.uuid))
    (obj,) = res.objects
    assert obj.properties == {
        "title": item.props["title"],
        "count": item.props["count"],
        "meta": {"author": item.props["meta"]["author"]},
    }
    assert obj.references["author"].objects[0].properties == {"name": data.authors[item.author]}  # type: ignore[index]
    own = await _items(client, data).query.fetch_object_by_id(
        item.uuid, return_properties=_LabelModel
    )
    assert own is not None and own.properties == {"label": item.props["label"]}
    with pytest.raises(WeaviateQueryError):  # Items has no "name": the server says so
        await _items(client, data).query.fetch_object_by_id(
            item.uuid, return_properties=_AuthorModel
        )
    picked = await _items(client, data).query.near_vector(
        item.own, target_vector="own", limit=1, return_properties=_ItemModel
    )
    assert set(picked.objects[0].properties) == {"title", "count", "meta"}


# ----------------------------------------------------------------------------- filters


async def test_filters_exclude_known_objects(client: WeaviateAsyncClient, data: Dataset) -> None:
    q = _items(client, data).query

    async def ids(f: Any) -> set[uuid_lib.UUID]:
        return {o.uuid for o in (await q.fetch_objects(filters=f, limit=200)).objects}

    def where(pred: Any) -> set[uuid_lib.UUID]:
        return {i.uuid for i in data.items if pred(i.props)}

    assert await ids(Filter.by_property("label").equal("red")) == where(
        lambda p: p["label"] == "red"
    )
    assert await ids(Filter.by_property("label").like("r*")) == where(
        lambda p: p["label"].startswith("r")
    )
    assert await ids(Filter.by_property("tags").contains_all(["apple", "banana"])) == where(
        lambda p: {"apple", "banana"} <= set(p["tags"])
    )
    assert await ids(Filter.by_property("price").is_none(True)) == where(lambda p: "price" not in p)
    assert await ids(Filter.by_property("tags", length=True).equal(3)) == where(
        lambda p: len(p["tags"]) == 3
    )
    noon = BASE_TIME + dt.timedelta(hours=100)
    assert await ids(Filter.by_property("when").greater_or_equal(noon)) == where(
        lambda p: p["when"] >= noon
    )
    assert await ids(
        Filter.by_property("place").within_geo_range(
            GeoCoordinate(latitude=52.5, longitude=13.25), distance=1000.0
        )
    ) == where(lambda p: p["place"]["latitude"] == 52.5)
    assert await ids(
        Filter.by_property("ok").equal(True) & ~Filter.by_property("count").less_than(20)
    ) == where(lambda p: p["ok"] and not p["count"] < 20)
    assert await ids(Filter.by_ref("author").by_property("name").equal("author 2")) == {
        i.uuid for i in data.items if i.author is not None and data.authors[i.author] == "author 2"
    }
    assert await ids(Filter.by_ref_count("related").greater_or_equal(1)) == {
        i.uuid for i in data.items if i.related is not None
    }
    assert await ids(
        Filter.by_ref_multi_target("related", data.items_name).by_property("count").less_than(10)
    ) == {
        i.uuid
        for i in data.items
        if i.related is not None and data.item(i.related).props["count"] < 10
    }
    assert await ids(Filter.by_creation_time().greater_than(BASE_TIME)) == {
        i.uuid for i in data.items
    }


# ----------------------------------------------------------------------------- vector searches


async def test_near_vector_distance_certainty_limit(
    client: WeaviateAsyncClient, data: Dataset
) -> None:
    q = _items(client, data).query
    probe = data.items[7].own
    ranked = sorted(data.items, key=lambda i: cosine_distance(probe, i.own))
    res = await q.near_vector(
        probe, target_vector="own", limit=5, return_metadata=MetadataQuery(distance=True)
    )
    assert [o.uuid for o in res.objects] == [i.uuid for i in ranked[:5]]
    for o, i in zip(res.objects, ranked, strict=False):
        assert o.metadata.distance == pytest.approx(cosine_distance(probe, i.own), abs=1e-5)
        assert o.metadata.certainty is None and o.metadata.score is None
    # a distance threshold between the 6th and 7th nearest keeps exactly six
    dists = [cosine_distance(probe, i.own) for i in ranked]
    cut = (dists[5] + dists[6]) / 2
    within = await q.near_vector(probe, target_vector="own", distance=cut, limit=100)
    assert len(within.objects) == 6
    sure = await q.near_vector(
        probe, target_vector="own", certainty=1 - cut / 2, limit=100, return_metadata=["certainty"]
    )
    assert len(sure.objects) == 6 and all(o.metadata.certainty >= 1 - cut / 2 for o in sure.objects)
    filtered = await q.near_vector(
        probe, target_vector="own", limit=5, filters=Filter.by_id().not_equal(ranked[0].uuid)
    )
    assert [o.uuid for o in filtered.objects] == [i.uuid for i in ranked[1:6]]
    page = await q.near_vector(probe, target_vector="own", limit=3, offset=2)
    assert [o.uuid for o in page.objects] == [i.uuid for i in ranked[2:5]]
    auto = await q.near_vector(probe, target_vector="own", auto_limit=1, limit=40)
    assert 1 <= len(auto.objects) < 40


async def test_near_vector_named_targets_and_multivectors(
    client: WeaviateAsyncClient, data: Dataset
) -> None:
    q = _items(client, data).query
    a, b = data.items[3], data.items[4]
    res = await q.near_vector(
        {"own": a.own, "colbert": b.colbert},
        target_vector=TargetVectors.manual_weights({"own": 1.0, "colbert": 0.0}),
        limit=1,
    )
    assert res.objects[0].uuid == a.uuid
    flipped = await q.near_vector(
        {"own": a.own, "colbert": b.colbert},
        target_vector=TargetVectors.manual_weights({"own": 0.0, "colbert": 1.0}),
        limit=1,
    )
    assert flipped.objects[0].uuid == b.uuid
    for join in (
        TargetVectors.sum(["own", "colbert"]),
        TargetVectors.average(["own", "colbert"]),
        TargetVectors.minimum(["own", "colbert"]),
        TargetVectors.relative_score({"own": 0.5, "colbert": 0.5}),
    ):
        both = await q.near_vector(
            {"own": a.own, "colbert": a.colbert}, target_vector=join, limit=1
        )
        assert both.objects[0].uuid == a.uuid, join
    multi = await q.near_vector(b.colbert, target_vector="colbert", limit=1)
    assert multi.objects[0].uuid == b.uuid
    several = await q.near_vector(
        {"own": NearVector.list_of_vectors(a.own, b.own)},
        target_vector=TargetVectors.sum(["own"]),
        limit=2,
    )
    assert {o.uuid for o in several.objects} == {a.uuid, b.uuid}
    with pytest.raises(WeaviateQueryError):  # no such named vector on the server
        await q.near_vector(a.own, target_vector="nope", limit=1)


async def test_near_object_and_near_text(client: WeaviateAsyncClient, data: Dataset) -> None:
    q = _items(client, data).query
    item = data.items[11]
    res = await q.near_object(item.uuid, target_vector="own", limit=2, return_metadata=["distance"])
    assert res.objects[0].uuid == item.uuid
    assert res.objects[0].metadata.distance == pytest.approx(0.0, abs=1e-5)
    words = client.collections.use(data.words_name).query
    for uid, title in data.words.items():
        text = await words.near_text(
            title, target_vector="bi", limit=2, return_metadata=["distance"]
        )
        assert text.objects[0].uuid == uid and text.objects[0].properties["title"] == title
        assert text.objects[0].metadata.distance == pytest.approx(0.0, abs=1e-5)
    title = next(iter(data.words.values()))
    plain = await words.near_text(title, target_vector="bi", limit=6, return_metadata=["distance"])
    moved = await words.near_text(
        title,
        target_vector="bi",
        limit=6,
        move_away=Move(force=1.0, concepts=[title]),
        move_to=Move(force=1.0, concepts="zzz qqq"),
        return_metadata=["distance"],
    )
    # text2vec-bigram ignores movements (it embeds the query text only), so the offline
    # server can only show that they are accepted; their encoding is a unit test.
    assert moved.objects and plain.objects
    other = list(data.words)[3]
    towards = await words.near_text(
        "xyz", target_vector="bi", limit=1, move_to=Move(force=1.0, objects=[other])
    )
    assert len(towards.objects) == 1
    close = await words.near_text(title, target_vector="bi", distance=0.001, limit=6)
    assert [o.properties["title"] for o in close.objects] == [title]
    both = await words.near_text([title, "zzz"], target_vector="bi", certainty=0.999, limit=6)
    assert both.objects == []
    grouped = await words.near_text(
        title,
        target_vector="bi",
        limit=6,
        group_by=GroupBy(prop="title", objects_per_group=1, number_of_groups=2),
    )
    assert len(grouped.groups) == 2 and title in grouped.groups


async def test_near_media_reaches_the_module(
    client: WeaviateAsyncClient, data: Dataset, tmp_path: Path, server: EmbeddedServer
) -> None:
    from tests.batch_helpers import _rest

    # No offline multi2vec module exists in server 1.39: multi2vec-cohere (API-based, no key
    # here) answers with the error of its vectorizer, which shows the media reached it.
    name = data.items_name + "Media"
    _rest(
        server,
        "/schema",
        "POST",
        {
            "class": name,
            "properties": [{"name": "picture", "dataType": ["blob"]}],
            "vectorConfig": {
                "img": {
                    "vectorizer": {"multi2vec-cohere": {"imageFields": ["picture"]}},
                    "vectorIndexType": "flat",
                }
            },
        },
    )
    try:
        q = client.collections.use(name).query
        png = tmp_path / "pic.png"
        png.write_bytes(b"\x89PNG\r\n\x1a\nfake")
        for media in (str(png), png, "iVBORw0KGgo="):
            with pytest.raises(WeaviateQueryError) as info:
                await q.near_image(media, limit=1)
            assert "cohere" in str(info.value).lower() or "api key" in str(info.value).lower()
        with png.open("rb") as f, pytest.raises(WeaviateQueryError):
            await q.near_image(f, limit=1)
        for kind in NearMediaType:
            with pytest.raises(WeaviateQueryError) as info:
                await q.near_media("AAAA", kind, limit=1)
            assert (
                kind.value.lower() in str(info.value).lower() or "cohere" in str(info.value).lower()
            ), str(info.value)
        with pytest.raises(WeaviateInvalidInputError):
            await q.near_media("AAAA", "smell", limit=1)  # type: ignore[arg-type]
    finally:
        _rest(server, f"/schema/{name}", "DELETE")


# ----------------------------------------------------------------------------- keyword, hybrid


async def test_bm25_properties_operator_and_scores(
    client: WeaviateAsyncClient, data: Dataset
) -> None:
    q = _items(client, data).query
    special = {i.uuid for i in data.items if "special" in i.props["body"]}
    res = await q.bm25("special", return_metadata=MetadataQuery(score=True, explain_score=True))
    assert {o.uuid for o in res.objects} == special
    assert all(o.metadata.score > 0 and o.metadata.explain_score for o in res.objects)
    assert (await q.bm25("special", query_properties=["title"])).objects == []
    assert {o.uuid for o in (await q.bm25("special", query_properties=["body^2"])).objects} == (
        special
    )
    both = await q.bm25("apple banana", query_properties=["title"], operator=BM25Operator.and_())
    assert {o.uuid for o in both.objects} == {
        i.uuid for i in data.items if {"apple", "banana"} <= set(i.props["title"].split())
    }
    either = await q.bm25(
        "apple banana", query_properties=["title"], operator=BM25Operator.or_(minimum_match=1)
    )
    assert {o.uuid for o in either.objects} == {
        i.uuid for i in data.items if {"apple", "banana"} & set(i.props["title"].split())
    }
    if and_cross_supported():
        cross = await q.bm25(
            "apple special", query_properties=["title", "body"], operator=BM25Operator.and_cross()
        )
        assert {o.uuid for o in cross.objects} == {
            i.uuid
            for i in data.items
            if "apple" in (i.props["title"] + " " + i.props["body"]).split()
            and "special" in i.props["body"].split()
        }
    else:
        with pytest.raises(WeaviateUnsupportedFeatureError, match="and_cross"):
            await q.bm25("apple special", operator=BM25Operator.and_cross())
    filtered = await q.bm25("story", filters=Filter.by_property("count").less_than(5), limit=100)
    assert {o.uuid for o in filtered.objects} == {
        i.uuid for i in data.items if i.props["count"] < 5
    }
    everything = await q.bm25(None, limit=7)
    assert len(everything.objects) == 7


async def test_hybrid_alpha_vector_and_fusion(client: WeaviateAsyncClient, data: Dataset) -> None:
    q = _items(client, data).query
    item = data.items[9]
    keyword = await q.hybrid("special", alpha=0.0, target_vector="own", vector=item.own, limit=3)
    assert "special" in keyword.objects[0].properties["body"]
    vector = await q.hybrid("special", alpha=1.0, target_vector="own", vector=item.own, limit=1)
    assert vector.objects[0].uuid == item.uuid
    only_vector = await q.hybrid(None, target_vector="own", vector=item.own, limit=1)
    assert only_vector.objects[0].uuid == item.uuid
    sub = await q.hybrid(
        None,
        target_vector="own",
        vector=HybridVector.near_vector(item.own, distance=0.0001),
        limit=10,
    )
    assert [o.uuid for o in sub.objects] == [item.uuid]
    words = client.collections.use(data.words_name).query
    uid, title = list(data.words.items())[2]
    text = await words.hybrid(
        "zzz", alpha=1.0, target_vector="bi", vector=HybridVector.near_text(title), limit=1
    )
    assert text.objects[0].uuid == uid
    embedded = await words.hybrid(title, alpha=1.0, target_vector="bi", limit=1)
    assert embedded.objects[0].uuid == uid
    ranked = await q.hybrid(
        "special story",
        alpha=0.5,
        target_vector="own",
        vector=item.own,
        fusion_type=HybridFusion.RANKED,
        limit=3,
        return_metadata=["score"],
    )
    relative = await q.hybrid(
        "special story",
        alpha=0.5,
        target_vector="own",
        vector=item.own,
        fusion_type=HybridFusion.RELATIVE_SCORE,
        limit=3,
        return_metadata=["score"],
    )
    assert ranked.objects[0].metadata.score != pytest.approx(relative.objects[0].metadata.score)
    near_only = await q.hybrid(
        "story",
        alpha=0.5,
        target_vector="own",
        vector=item.own,
        max_vector_distance=0.0001,
        limit=50,
    )
    bm25_hits = await q.bm25("story", limit=50)
    assert len(near_only.objects) <= len(bm25_hits.objects)
    anded = await q.hybrid(
        "apple banana",
        alpha=0.0,
        query_properties=["title"],
        bm25_operator=BM25Operator.and_(),
        target_vector="own",
        vector=item.own,
        limit=50,
    )
    titles = [set(o.properties["title"].split()) for o in anded.objects]
    assert titles and all({"apple", "banana"} <= t for t in titles)
    named = await q.hybrid(
        None,
        vector={"own": item.own, "colbert": item.colbert},
        target_vector=TargetVectors.average(["own", "colbert"]),
        limit=1,
    )
    assert named.objects[0].uuid == item.uuid


# ----------------------------------------------------------------------------- group, rerank


async def test_group_by(client: WeaviateAsyncClient, data: Dataset) -> None:
    q = _items(client, data).query
    res = await q.near_vector(
        data.items[0].own,
        target_vector="own",
        limit=40,
        group_by=GroupBy(prop="label", objects_per_group=2, number_of_groups=3),
        return_metadata=["distance"],
    )
    assert isinstance(res, GroupByReturn)
    assert len(res.groups) == 3
    for name, group in res.groups.items():
        assert group.name == name and 1 <= len(group.objects) <= 2
        assert group.number_of_objects == len(group.objects)
        assert all(o.belongs_to_group == name for o in group.objects)
        assert all(o.properties["label"] == name for o in group.objects)
        assert group.min_distance <= group.max_distance
        assert all(o.metadata.distance is not None for o in group.objects)
    assert len(res.objects) == sum(len(g.objects) for g in res.groups.values())
    assert dataclasses.asdict(res)["groups"][next(iter(res.groups))]["name"]


async def test_rerank(client: WeaviateAsyncClient, data: Dataset) -> None:
    q = _items(client, data).query
    res = await q.bm25("story", limit=10, rerank=Rerank(prop="body", query="story"))
    # reranker-dummy scores a document by its length
    scores = [o.metadata.rerank_score for o in res.objects]
    assert scores == [float(len(o.properties["body"])) for o in res.objects]
    assert scores == sorted(scores, reverse=True)
    plain = await q.bm25("story", limit=10)
    assert all(o.metadata.rerank_score is None for o in plain.objects)


# ----------------------------------------------------------------------------- boost, mmr


@pytest.mark.min_server("1.38.0")
async def test_boost_promotes_without_removing(client: WeaviateAsyncClient, data: Dataset) -> None:
    q = _items(client, data).query
    probe = data.items[0].own
    plain = await q.near_vector(probe, target_vector="own", limit=10)
    last = plain.objects[-1]
    # server 1.39: a by_id filter in a boost matches every candidate; a property filter works
    boosted = await q.near_vector(
        probe,
        target_vector="own",
        limit=10,
        boost=Boost.filter(
            Filter.by_property("count").equal(last.properties["count"]), weight=0.5, depth=20
        ),
    )
    assert boosted.objects[0].uuid == last.uuid
    assert {o.uuid for o in boosted.objects} == {o.uuid for o in plain.objects}
    by_count = await q.near_vector(
        probe,
        target_vector="own",
        limit=5,
        boost=Boost.numeric_property("count", weight=1.0, depth=N_ITEMS),
    )
    assert by_count.objects[0].properties["count"] == N_ITEMS - 1
    recent = await q.near_vector(
        probe,
        target_vector="own",
        limit=3,
        boost=Boost.time_decay(
            "when",
            origin=BASE_TIME + dt.timedelta(hours=5 * 30),
            scale=dt.timedelta(hours=5),
            weight=1.0,
            depth=N_ITEMS,
        ),
    )
    assert recent.objects[0].uuid == data.items[30].uuid
    near_price = await q.bm25(
        "story",
        limit=3,
        boost=Boost.blend(
            [Boost.numeric_decay("count", origin=7, scale=1.0, weight=1.0)],
            weight=1.0,
            depth=N_ITEMS,
        ),
    )
    assert near_price.objects[0].properties["count"] == 7


@pytest.mark.min_server("1.37.0")
async def test_diversity_selection(client: WeaviateAsyncClient, data: Dataset) -> None:
    q = _items(client, data).query
    probe = data.items[1].own
    picked = await q.near_vector(
        probe,
        target_vector="own",
        limit=20,
        diversity_selection=Diversity.mmr(limit=4, balance=0.0),
    )
    assert len(picked.objects) == 4
    top = await q.near_vector(probe, target_vector="own", limit=4)
    assert [o.uuid for o in picked.objects] != [o.uuid for o in top.objects]


@pytest.mark.min_server("1.36.9")
async def test_query_profile(client: WeaviateAsyncClient, data: Dataset) -> None:
    q = _items(client, data).query
    res = await q.near_vector(
        data.items[0].own,
        target_vector="own",
        limit=2,
        return_metadata=MetadataQuery.full_with_profile(),
    )
    assert res.query_profile is not None and res.query_profile.shards
    shard = res.query_profile.shards[0]
    assert shard.node and shard.searches and all(s.details for s in shard.searches.values())
    assert (
        await q.near_vector(data.items[0].own, target_vector="own", limit=2)
    ).query_profile is None


# ----------------------------------------------------------------------------- tenants


async def test_tenant_and_consistency_scope(client: WeaviateAsyncClient, data: Dataset) -> None:
    col = client.collections.use(data.tenanted_name)
    for tenant, ids in data.tenants.items():
        res = await col.with_tenant(tenant).query.fetch_objects(limit=10)
        assert sorted(o.uuid for o in res.objects) == sorted(ids)
        near = (
            await col.with_tenant(tenant)
            .with_consistency_level("ALL")
            .query.near_vector([1.0, 0.0], limit=10)
        )
        assert {o.uuid for o in near.objects} == set(ids)
        gen = await col.with_tenant(tenant).generate.fetch_objects(
            single_prompt="Say {title}", limit=1
        )
        assert tenant + " object" in (gen.objects[0].generative.text or "")
    with pytest.raises(WeaviateQueryError):
        await col.query.fetch_objects(limit=1)  # a multi-tenant collection needs a tenant


# ----------------------------------------------------------------------------- generate


async def test_generate_single_and_grouped(client: WeaviateAsyncClient, data: Dataset) -> None:
    g = _items(client, data).generate
    res = await g.fetch_objects(
        single_prompt="Describe {title}",
        grouped_task="Summarize all",
        grouped_properties=["label"],
        filters=Filter.by_property("count").less_than(2),
        limit=2,
    )
    assert isinstance(res, GenerativeReturn)
    first = next(o for o in res.objects if o.properties["count"] == 0)
    obj = res.objects[0]
    assert {o.properties["count"] for o in res.objects} == {0, 1}
    assert first.generative is not None
    assert obj.generative is not None and obj.generative.text is not None
    assert "Describe " + obj.properties["title"] in obj.generative.text
    assert obj.generated == obj.generative.text
    assert res.generative is not None and res.generative.text is not None
    assert "Summarize all" in res.generative.text
    assert '"label"' in res.generative.text and '"title"' not in res.generative.text
    assert res.generated == res.generative.text
    assert {f.name for f in dataclasses.fields(obj)} >= {"uuid", "properties"}


async def test_generate_parameters_and_provider(client: WeaviateAsyncClient, data: Dataset) -> None:
    g = _items(client, data).generate
    res = await g.near_vector(
        data.items[3].own,
        target_vector="own",
        limit=2,
        single_prompt=GenerativeParameters.single_prompt("Tell me {label}", debug=True),
        grouped_task=GenerativeParameters.grouped_task("Count", non_blob_properties=["count"]),
        generative_provider=GenerativeConfig.dummy(),
    )
    assert "Tell me " + data.items[3].props["label"] in (res.objects[0].generative.text or "")
    assert res.generative is not None and '"count"' in (res.generative.text or "")
    assert '"title"' not in (res.generative.text or "")
    # A runtime provider travels with the request: generative-openai (no key here) answers.
    with pytest.raises(WeaviateQueryError) as info:
        await g.bm25(
            "story",
            limit=1,
            single_prompt="x",
            generative_provider=GenerativeConfig.openai(model="gpt-4o-mini", temperature=0.1),
        )
    assert "openai" in str(info.value).lower() or "api key" in str(info.value).lower()
    with pytest.raises(WeaviateInvalidInputError):
        await g.bm25("story", single_prompt=GenerativeParameters.single_prompt("x", metadata=True))


async def test_generate_every_search_kind(client: WeaviateAsyncClient, data: Dataset) -> None:
    g = _items(client, data).generate
    item = data.items[6]
    prompt = "About {title}"
    calls = [
        g.near_vector(item.own, target_vector="own", limit=1, single_prompt=prompt),
        g.near_object(item.uuid, target_vector="own", limit=1, single_prompt=prompt),
        g.hybrid(None, vector=item.own, target_vector="own", limit=1, single_prompt=prompt),
        g.fetch_objects_by_ids([item.uuid], single_prompt=prompt),
        g.fetch_objects(filters=Filter.by_id().equal(item.uuid), single_prompt=prompt),
    ]
    for call in calls:
        res = await call
        assert res.objects[0].uuid == item.uuid
        assert "About " + item.props["title"] in (res.objects[0].generative.text or "")
    uid, title = next(iter(data.words.items()))
    text = await client.collections.use(data.words_name).generate.near_text(
        title, target_vector="bi", limit=1, single_prompt=prompt
    )
    assert text.objects[0].uuid == uid and "About " + title in (text.objects[0].generated or "")
    special = await g.bm25("special", single_prompt=prompt, limit=1)
    assert "special" in special.objects[0].properties["body"]
    grouped = await g.near_vector(
        item.own,
        target_vector="own",
        limit=20,
        group_by=GroupBy(prop="ok", objects_per_group=2, number_of_groups=2),
        grouped_task="Group summary",
    )
    assert isinstance(grouped, GenerativeGroupByReturn)
    assert set(grouped.groups) == {"true", "false"}
    assert "Group summary" in (grouped.generated or "")
    each = await g.near_vector(
        item.own,
        target_vector="own",
        limit=20,
        group_by=GroupBy(prop="ok", objects_per_group=2, number_of_groups=2),
        single_prompt="Each {title}",
    )
    assert isinstance(each, GenerativeGroupByReturn) and each.generated is None
    # server 1.39: a group's text is the single prompt of its first object
    for group in each.groups.values():
        assert "Each " + group.objects[0].properties["title"] in (group.generated or "")
