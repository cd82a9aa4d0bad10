"""The typed dataset of the search tests, created over REST (independent of the client's own
data path) and known in Python, so that every search result can be checked against what was
stored.

``Items``: every property type, named vectors (text2vec-bigram over the title, a self-provided
vector, a self-provided multi-vector, and a text2vec-openai vector given explicitly: the
openai module is configured only because the server validates near_text arguments through a
module that declares them, which text2vec-bigram does not), a single-target and a
multi-target reference, generative-dummy and reranker-dummy. ``Authors``: reference targets.
``Tenanted``: a multi-tenant collection with different objects per tenant.
"""

from __future__ import annotations

import base64
import datetime as dt
import math
import random
import uuid as uuid_lib
from dataclasses import dataclass, field
from typing import Any

from tests.batch_helpers import _rest
from weaviate_async.embedded import EmbeddedServer

UTC = dt.timezone.utc
N_ITEMS = 48
WORDS = ["apple", "banana", "cherry", "dates", "elder", "figs", "grape", "honey"]
LABELS = ["red", "green", "blue", "Red", "amber", "azure", "rust", "ruby"]
OWN_DIM = 6
TITLES = ["apple pie", "banana bread", "cherry tart", "grape juice", "honey cake", "fig jam"]
BASE_TIME = dt.datetime(2024, 3, 1, 12, 0, 0, tzinfo=UTC)
#: geo points: every item sits on one of these (float32-exact) coordinates
PLACES = [(52.5, 13.25), (48.875, 2.375), (40.75, -73.875), (-33.875, 151.25)]


@dataclass
class Item:
    """One object of ``Items`` as inserted."""

    uuid: uuid_lib.UUID
    index: int
    props: dict[str, Any]
    own: list[float]
    colbert: list[list[float]]
    author: uuid_lib.UUID | None
    related: uuid_lib.UUID | None


@dataclass
class Dataset:
    """Names of the collections made for one test module and what they hold."""

    items_name: str
    authors_name: str
    tenanted_name: str
    words_name: str
    items: list[Item] = field(default_factory=list)
    words: dict[uuid_lib.UUID, str] = field(default_factory=dict)
    authors: dict[uuid_lib.UUID, str] = field(default_factory=dict)
    tenants: dict[str, list[uuid_lib.UUID]] = field(default_factory=dict)

    def item(self, uid: uuid_lib.UUID) -> Item:
        return next(i for i in self.items if i.uuid == uid)

    def by_index(self, index: int) -> Item:
        return self.items[index]


def _uuid(n: int, salt: str) -> uuid_lib.UUID:
    return uuid_lib.uuid5(uuid_lib.NAMESPACE_URL, f"{salt}/{n}")


def _unit(values: list[float]) -> list[float]:
    norm = math.sqrt(sum(v * v for v in values))
    return [v / norm for v in values]


def make_items(salt: str) -> list[Item]:
    """The objects of ``Items``: deterministic, with nulls and varied values per type."""
    out: list[Item] = []
    for i in range(N_ITEMS):
        rng = random.Random(i * 7919)
        words = rng.sample(WORDS, 2)
        props: dict[str, Any] = {
            "title": f"{words[0]} {words[1]}",
            "body": f"{WORDS[i % 8]} story number {i}" + (" special" if i % 11 == 0 else ""),
            "label": LABELS[i % len(LABELS)],
            "count": (i * 17) % N_ITEMS,
            "ok": i % 3 == 0,
            "when": BASE_TIME + dt.timedelta(hours=i * 5),
            "ref_id": _uuid(i % 5, "ref"),
            "tags": sorted(rng.sample(WORDS, 1 + i % 3)),
            "ranks": [i % 4, (i * 3) % 7],
            "scores": [round((i % 9) * 0.25, 2), 1.5],
            "flags": [i % 2 == 0, i % 5 == 0],
            "days": [BASE_TIME + dt.timedelta(days=i % 6)],
            "ids": [_uuid(i % 3, "ids"), _uuid(7, "ids")],
            "place": dict(zip(("latitude", "longitude"), PLACES[i % 4], strict=True)),
            "phone": {"input": f"+49 30 {1000000 + i}", "defaultCountry": "DE"},
            "image": base64.b64encode(f"image-{i}".encode()).decode(),
            "meta": {"author": f"writer {i % 4}", "pages": 10 + i, "inner": {"deep": f"d{i}"}},
            "parts": [{"label": f"p{i}"}, {"label": "common"}],
        }
        if i % 7 != 3:  # some objects have no price (null)
            props["price"] = round(1.0 + (i % 13) * 0.75, 2)
        own = _unit([math.cos(i * 0.37 + k) + (k == i % OWN_DIM) for k in range(OWN_DIM)])
        colbert = [_unit([1.0, i * 0.1, 0.5, -0.2]), _unit([0.3, 1.0, -i * 0.05, 0.1])]
        out.append(
            Item(
                uuid=_uuid(i, salt),
                index=i,
                props=props,
                own=own,
                colbert=colbert,
                author=None,
                related=None,
            )
        )
    return out


def _schema(name: str, authors: str) -> dict[str, Any]:
    text = {"dataType": ["text"], "tokenization": "word"}
    return {
        "class": name,
        "invertedIndexConfig": {
            "indexNullState": True,
            "indexPropertyLength": True,
            "indexTimestamps": True,
        },
        "properties": [
            {"name": "title", **text},
            {"name": "body", **text},
            {"name": "label", "dataType": ["text"], "tokenization": "field"},
            {"name": "count", "dataType": ["int"]},
            {"name": "price", "dataType": ["number"]},
            {"name": "ok", "dataType": ["boolean"]},
            {"name": "when", "dataType": ["date"]},
            {"name": "ref_id", "dataType": ["uuid"]},
            {"name": "tags", "dataType": ["text[]"], "tokenization": "field"},
            {"name": "ranks", "dataType": ["int[]"]},
            {"name": "scores", "dataType": ["number[]"]},
            {"name": "flags", "dataType": ["boolean[]"]},
            {"name": "days", "dataType": ["date[]"]},
            {"name": "ids", "dataType": ["uuid[]"]},
            {"name": "place", "dataType": ["geoCoordinates"]},
            {"name": "phone", "dataType": ["phoneNumber"]},
            {"name": "image", "dataType": ["blob"]},
            {
                "name": "meta",
                "dataType": ["object"],
                "nestedProperties": [
                    {"name": "author", "dataType": ["text"]},
                    {"name": "pages", "dataType": ["int"]},
                    {
                        "name": "inner",
                        "dataType": ["object"],
                        "nestedProperties": [{"name": "deep", "dataType": ["text"]}],
                    },
                ],
            },
            {
                "name": "parts",
                "dataType": ["object[]"],
                "nestedProperties": [{"name": "label", "dataType": ["text"]}],
            },
            {"name": "author", "dataType": [authors]},
            {"name": "related", "dataType": [authors, name]},
        ],
        "vectorConfig": {
            "bi": {
                "vectorizer": {"text2vec-bigram": {"properties": ["title"]}},
                "vectorIndexType": "hnsw",
            },
            "oa": {
                "vectorizer": {"text2vec-openai": {"properties": ["title"]}},
                "vectorIndexType": "flat",
            },
            "own": {"vectorizer": {"none": {}}, "vectorIndexType": "hnsw"},
            "colbert": {
                "vectorizer": {"none": {}},
                "vectorIndexType": "hnsw",
                "vectorIndexConfig": {"multivector": {"enabled": True}},
            },
        },
        "moduleConfig": {"generative-dummy": {}, "reranker-dummy": {}},
    }


def _beacon(collection: str, uid: uuid_lib.UUID) -> list[dict[str, str]]:
    return [{"beacon": f"weaviate://localhost/{collection}/{uid}"}]


def _batch(server: EmbeddedServer, objects: list[dict[str, Any]]) -> None:
    replies = _rest(server, "/batch/objects", "POST", {"objects": objects})
    errors = [r["result"]["errors"] for r in replies if r.get("result", {}).get("errors")]
    assert not errors, errors


def create_dataset(server: EmbeddedServer, suffix: str) -> Dataset:
    """Create ``Items``/``Authors``/``Tenanted`` collections named with ``suffix``."""
    ds = Dataset(
        items_name=f"Items{suffix}",
        authors_name=f"Authors{suffix}",
        tenanted_name=f"Tenanted{suffix}",
        words_name=f"Words{suffix}",
    )
    _rest(
        server,
        "/schema",
        "POST",
        {
            "class": ds.authors_name,
            "vectorizer": "none",
            "properties": [{"name": "name", "dataType": ["text"]}],
        },
    )
    _rest(server, "/schema", "POST", _schema(ds.items_name, ds.authors_name))
    for n in range(4):
        uid = _uuid(n, f"author{suffix}")
        ds.authors[uid] = f"author {n}"
    _batch(
        server,
        [
            {"class": ds.authors_name, "id": str(uid), "properties": {"name": name}}
            for uid, name in ds.authors.items()
        ],
    )
    author_ids = list(ds.authors)
    ds.items = make_items(f"items{suffix}")
    objects = []
    for item in ds.items:
        props = dict(item.props)
        props["when"] = props["when"].isoformat()
        props["days"] = [d.isoformat() for d in props["days"]]
        props["ref_id"] = str(props["ref_id"])
        props["ids"] = [str(u) for u in props["ids"]]
        if item.index % 4 != 1:
            item.author = author_ids[item.index % 4]
            props["author"] = _beacon(ds.authors_name, item.author)
        if item.index % 5 == 0:
            item.related = ds.items[(item.index + 1) % N_ITEMS].uuid
        objects.append(
            {
                "class": ds.items_name,
                "id": str(item.uuid),
                "properties": props,
                "vectors": {
                    "own": item.own,
                    "colbert": item.colbert,
                    "oa": [0.5, 0.5 + item.index / 100],
                },
            }
        )
    _batch(server, objects)
    # Multi-target references are checked against existing objects: added once all exist.
    refs = [
        {
            "from": f"weaviate://localhost/{ds.items_name}/{item.uuid}/related",
            "to": f"weaviate://localhost/{ds.items_name}/{item.related}",
        }
        for item in ds.items
        if item.related is not None
    ]
    replies = _rest(server, "/batch/references", "POST", refs)
    assert not [r for r in replies if r.get("result", {}).get("errors")], replies

    _rest(
        server,
        "/schema",
        "POST",
        {
            "class": ds.tenanted_name,
            "vectorizer": "none",
            "multiTenancyConfig": {"enabled": True},
            "properties": [{"name": "title", "dataType": ["text"]}],
            "moduleConfig": {"generative-dummy": {}},
        },
    )
    _rest(server, f"/schema/{ds.tenanted_name}/tenants", "POST", [{"name": "a"}, {"name": "b"}])
    for tenant, count in (("a", 3), ("b", 2)):
        ids = [_uuid(k, f"{tenant}{suffix}") for k in range(count)]
        ds.tenants[tenant] = ids
        _batch(
            server,
            [
                {
                    "class": ds.tenanted_name,
                    "tenant": tenant,
                    "id": str(uid),
                    "properties": {"title": f"{tenant} object {k}"},
                    "vector": [1.0, float(k)],
                }
                for k, uid in enumerate(ids)
            ],
        )
    # text2vec-bigram vectorizes the text of every property of an object: a collection with
    # only a title makes the vector of an object the vector of its title.
    _rest(
        server,
        "/schema",
        "POST",
        {
            "class": ds.words_name,
            "properties": [{"name": "title", "dataType": ["text"]}],
            "vectorConfig": {
                "bi": {"vectorizer": {"text2vec-bigram": {}}, "vectorIndexType": "hnsw"},
                "oa": {"vectorizer": {"text2vec-openai": {}}, "vectorIndexType": "flat"},
            },
            "moduleConfig": {"generative-dummy": {}},
        },
    )
    for k, title in enumerate(TITLES):
        ds.words[_uuid(k, f"words{suffix}")] = title
    _batch(
        server,
        [
            {
                "class": ds.words_name,
                "id": str(uid),
                "properties": {"title": title},
                "vectors": {"oa": [1.0, float(k)]},
            }
            for k, (uid, title) in enumerate(ds.words.items())
        ],
    )
    return ds


def drop_dataset(server: EmbeddedServer, ds: Dataset) -> None:
    for name in (ds.items_name, ds.authors_name, ds.tenanted_name, ds.words_name):
        _rest(server, f"/schema/{name}", "DELETE")


def cosine_distance(a: list[float], b: list[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(y * y for y in b))
    return 1.0 - dot / (na * nb)
