"""The generated sync facade (weaviate_sync) as a facade: its classes are the twins of the
async ones, its handles are of the blocking classes, and it shares the async package's
classes and exceptions.

Hand-written, not a generated twin: each test here asserts something only the blocking side
has (the twin classes' surface and docstrings, the facade's own handle types and ``len()``,
the identity of the classes it re-exports), so there is no async scenario to twin. The
scenarios of collections, config, data and query run through the facade in the generated
twins: test_collections_sync_gen.py, test_collection_config_sync_gen.py and
test_data_query_handles_sync_gen.py.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

import pytest

import weaviate_async
import weaviate_async.classes.config
import weaviate_async.classes.data
import weaviate_async.classes.query
import weaviate_async.exceptions
import weaviate_sync
import weaviate_sync as weaviate
import weaviate_sync.classes.config
import weaviate_sync.classes.data
import weaviate_sync.classes.query
import weaviate_sync.exceptions
from weaviate_async.collections.collection import CollectionAsync
from weaviate_async.collections.collections import _CollectionsAsync
from weaviate_async.collections.config import _ConfigCollectionAsync
from weaviate_async.collections.data import _DataCollectionAsync
from weaviate_async.collections.query import _QueryCollectionAsync
from weaviate_sync.collections.collection import Collection
from weaviate_sync.collections.collections import _Collections
from weaviate_sync.collections.config import _ConfigCollection
from weaviate_sync.collections.data import _DataCollection
from weaviate_sync.collections.query import _QueryCollection

# ----------------------------------------------------------------------------- the twins


_TWINS: list[tuple[type, type]] = [
    (_CollectionsAsync, _Collections),
    (CollectionAsync, Collection),
    (_ConfigCollectionAsync, _ConfigCollection),
    (_DataCollectionAsync, _DataCollection),
    (_QueryCollectionAsync, _QueryCollection),
]


def _is_property(member: object) -> bool:
    return isinstance(member, property)


def _public_methods(cls: type) -> dict[str, Any]:
    return {
        name: member
        for name, member in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_")
    }


@pytest.mark.parametrize(("async_cls", "sync_cls"), _TWINS, ids=lambda c: c.__name__)
def test_every_public_method_has_a_blocking_twin(async_cls: type, sync_cls: type) -> None:
    async_methods = _public_methods(async_cls)
    sync_methods = _public_methods(sync_cls)
    assert set(sync_methods) == set(async_methods)
    for name, async_fn in async_methods.items():
        sync_fn = sync_methods[name]
        assert not inspect.iscoroutinefunction(sync_fn), name
        a = inspect.signature(async_fn).parameters
        s = inspect.signature(sync_fn).parameters
        assert [(p.name, p.kind, p.default) for p in a.values()] == [
            (p.name, p.kind, p.default) for p in s.values()
        ], name
        # the same text, spoken to a blocking user (no await, no async for/with; the modules
        # they import)
        async_doc = inspect.getdoc(async_fn) or ""
        expected = re.sub(r"\bawait |\basync (?=for\b|with\b)", "", async_doc).replace(
            "weaviate_async.", "weaviate_sync."
        )
        assert inspect.getdoc(sync_fn) == expected, name
    # properties inherited too: the async handles take their namespace properties from
    # generated mixins (tools/gen_namespaces.py), the sync twins have them flat
    async_props = {n for n, _ in inspect.getmembers(async_cls, _is_property) if n[0] != "_"}
    sync_props = {n for n, _ in inspect.getmembers(sync_cls, _is_property) if n[0] != "_"}
    # the sync twins expose ``name`` as a read-only property where the async one has an attribute
    assert async_props <= sync_props <= async_props | {"name"}
    # the sync Collection also has __len__, from the async length()
    assert "__len__" in vars(Collection) and "__len__" not in vars(CollectionAsync)


def test_classes_and_exceptions_are_the_same_objects() -> None:
    for sync_mod, async_mod in (
        (weaviate_sync.classes.config, weaviate_async.classes.config),
        (weaviate_sync.classes.data, weaviate_async.classes.data),
        (weaviate_sync.classes.query, weaviate_async.classes.query),
        (weaviate_sync.exceptions, weaviate_async.exceptions),
    ):
        assert sync_mod.__all__ == async_mod.__all__, sync_mod.__name__
        for name in sync_mod.__all__:
            assert getattr(sync_mod, name) is getattr(async_mod, name), (
                f"{sync_mod.__name__}.{name}"
            )
    assert weaviate_sync.classes.config.Configure is weaviate_async.classes.config.Configure
    assert weaviate_sync.classes.config.Reconfigure is weaviate_async.classes.config.Reconfigure
    assert weaviate.classes.config.Property is weaviate_async.classes.config.Property
    assert (
        weaviate.exceptions.ObjectAlreadyExistsError
        is weaviate_async.exceptions.ObjectAlreadyExistsError
    )


def test_handles_are_the_sync_twins(sync_client: Any, collection_name: str) -> None:
    client: weaviate.WeaviateClient = sync_client
    assert type(client).__name__ == "WeaviateClient"
    assert type(client.collections).__name__ == "_Collections"
    handle = client.collections.use(collection_name)  # no request
    assert type(handle).__name__ == "Collection"
    assert isinstance(handle, Collection)
    assert type(client.collections.get(collection_name)).__name__ == "Collection"
    assert type(handle.config).__name__ == "_ConfigCollection"
    assert type(handle.data).__name__ == "_DataCollection"
    assert type(handle.query).__name__ == "_QueryCollection"
    assert type(handle.with_tenant("t")).__name__ == "Collection"
    assert type(handle.with_consistency_level("ONE")).__name__ == "Collection"
    assert repr(handle) == f"<Collection {collection_name!r}>"
    created = client.collections.create(collection_name)
    assert type(created).__name__ == "Collection" and created.name == collection_name
    # the blocking Collection also answers len(), from the async length()
    assert len(created) == 0 and len(handle) == 0
    created.data.insert({})
    assert len(created) == created.length() == 1
