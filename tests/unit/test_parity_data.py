"""Signature parity of ``collection.data`` with the official client (4.24): every public method
of the official ``_DataCollectionAsync`` / ``_DataCollection`` exists on ours (async and its
generated sync twin) with the same parameter names, kinds and defaults. Deviations are listed
below with their reasons."""

from __future__ import annotations

import inspect
import warnings

import pytest

from tests.unit import parity_helpers as h
from weaviate_async.collections.data import _DataCollectionAsync
from weaviate_sync.collections.data import _DataCollection

#: Official methods not here yet: compared as soon as they exist.
PENDING: dict[str, str] = {}
#: Public methods of ours that the official class does not have.
EXTRA: dict[str, str] = {}
#: Parameters of ours that the official method does not have: (method, parameter) -> reason.
EXTRA_PARAMETERS: dict[tuple[str, str], str] = {
    ("ingest", "progress"): "ours alone: an optional progress display (keyword-only, default off)",
}


def _official() -> tuple[type, type]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a dependency of theirs warns on import
        from weaviate.collections.data.async_ import _DataCollectionAsync as TheirAsync
        from weaviate.collections.data.sync import _DataCollection as TheirSync
    return TheirAsync, TheirSync


OURS = [("async", _DataCollectionAsync, 0), ("sync", _DataCollection, 1)]


@pytest.mark.parametrize(("label", "ours", "which"), OURS)
def test_every_official_method_has_the_same_parameters(label: str, ours: type, which: int) -> None:
    theirs = _official()[which]
    official = h.public_callables(theirs)
    mine = h.public_callables(ours)
    compared = []
    for name, fn in sorted(official.items()):
        if name not in mine:
            assert name in PENDING, f"{label}: {name} is missing and not listed as pending"
            continue
        have = [p for p in h.shape(mine[name]) if (name, p[0]) not in EXTRA_PARAMETERS]
        assert have == h.shape(fn), f"{label}.{name}"
        compared.append(name)
    assert set(mine) - set(official) == set(EXTRA), label
    assert set(compared) >= {
        "delete_by_id",
        "delete_many",
        "exists",
        "ingest",
        "insert",
        "insert_many",
        "reference_add",
        "reference_add_many",
        "reference_delete",
        "reference_replace",
        "replace",
        "update",
        "with_data_model",
    }


def test_async_methods_are_coroutines_and_sync_ones_are_not() -> None:
    for name, fn in h.public_callables(_DataCollectionAsync).items():
        if name != "with_data_model":
            assert inspect.iscoroutinefunction(fn), name
    for name, fn in h.public_callables(_DataCollection).items():
        assert not inspect.iscoroutinefunction(fn), name
