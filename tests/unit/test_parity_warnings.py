"""The official client's warnings (``weaviate.warnings._Warnings``) that need no server, against
ours: the same call warns with the same category in both, and an ordinary call warns in neither.
The ones that need a server are in tests/integration/test_official_warnings.py."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
import weaviate.classes as official_classes
from weaviate.classes.init import Auth as OfficialAuth

import weaviate_async.classes as our_classes
from weaviate_async.classes.init import Auth as OurAuth

SIDES = {
    "official": SimpleNamespace(c=official_classes, auth=OfficialAuth),
    "ours": SimpleNamespace(c=our_classes, auth=OurAuth),
}

Case = Callable[[Any], object]


def _configure(side: Any) -> Any:
    return side.c.config.Configure


CASES: dict[str, tuple[Case, type[Warning] | None]] = {
    "Auth003 negative expiration": (
        lambda s: s.auth.bearer_token("token", expires_in=-1),
        UserWarning,
    ),
    "bearer token, positive expiration": (
        lambda s: s.auth.bearer_token("token", expires_in=60),
        None,
    ),
    "Dep011 Vectorizer.text2vec_palm": (
        lambda s: _configure(s).Vectorizer.text2vec_palm(project_id="p"),
        DeprecationWarning,
    ),
    "Dep011 NamedVectors.text2vec_palm": (
        lambda s: _configure(s).NamedVectors.text2vec_palm(name="a", project_id="p"),
        DeprecationWarning,
    ),
    "Dep012 Vectorizer.multi2vec_palm": (
        lambda s: _configure(s).Vectorizer.multi2vec_palm(
            project_id="p", location="l", image_fields=["i"]
        ),
        DeprecationWarning,
    ),
    "Dep012 NamedVectors.multi2vec_palm": (
        lambda s: _configure(s).NamedVectors.multi2vec_palm(
            name="a", project_id="p", location="l", image_fields=["i"]
        ),
        DeprecationWarning,
    ),
    "google vectorizer": (
        lambda s: _configure(s).Vectorizer.text2vec_google(project_id="p"),
        None,
    ),
    "Dep013 Generative.palm": (
        lambda s: _configure(s).Generative.palm(project_id="p"),
        DeprecationWarning,
    ),
    "Dep018 sharding actual_count": (
        lambda s: _configure(s).sharding(actual_count=2),
        DeprecationWarning,
    ),
    "Dep018 sharding actual_virtual_count": (
        lambda s: _configure(s).sharding(actual_virtual_count=2),
        DeprecationWarning,
    ),
    "Dep019 Configure pq bit_compression": (
        lambda s: _configure(s).VectorIndex.Quantizer.pq(bit_compression=True),
        DeprecationWarning,
    ),
    "Dep019 Reconfigure pq bit_compression": (
        lambda s: s.c.config.Reconfigure.VectorIndex.Quantizer.pq(bit_compression=False),
        DeprecationWarning,
    ),
    "pq without bit_compression": (
        lambda s: _configure(s).VectorIndex.Quantizer.pq(segments=4),
        None,
    ),
    "Dep026 multi_vector(encoding=)": (
        lambda s: _configure(s).VectorIndex.MultiVector.multi_vector(
            encoding=_configure(s).VectorIndex.MultiVector.Encoding.muvera()
        ),
        DeprecationWarning,
    ),
    "Dep027 hnsw(multi_vector=)": (
        lambda s: _configure(s).VectorIndex.hnsw(
            multi_vector=_configure(s).VectorIndex.MultiVector.multi_vector()
        ),
        DeprecationWarning,
    ),
    "MultiVectors with an encoding": (
        lambda s: _configure(s).MultiVectors.self_provided(
            name="m", encoding=_configure(s).VectorIndex.MultiVector.Encoding.muvera()
        ),
        None,
    ),
    "Dep028 min_occurrences": (
        lambda s: s.c.aggregate.Metrics("p").text(min_occurrences=3),
        DeprecationWarning,
    ),
    "Dep029 async_config max_workers": (
        lambda s: _configure(s).Replication.async_config(max_workers=3),
        DeprecationWarning,
    ),
    "Dep021 Tenant HOT": (
        lambda s: s.c.tenants.Tenant(
            name="t", activity_status=s.c.tenants.TenantActivityStatus.HOT
        ),
        DeprecationWarning,
    ),
}


def _categories(call: Case, side: Any) -> set[type[Warning]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call(side)
    # the official client's imports (authlib) warn of their own accord: not part of the call
    return {w.category for w in caught if "authlib" not in w.filename}


@pytest.mark.parametrize("name", list(CASES))
def test_same_warning_as_the_official_client(name: str) -> None:
    call, expected = CASES[name]
    official = _categories(call, SIDES["official"])
    ours = _categories(call, SIDES["ours"])
    assert official == ({expected} if expected else set()), "the case no longer fits"
    assert ours == official


def test_warnings_point_at_the_callers_line() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        our_classes.config.Configure.VectorIndex.Quantizer.pq(bit_compression=True)
        OurAuth.bearer_token("token", expires_in=-5)
        our_classes.config.Configure.Generative.palm(project_id="p")
    assert [w.filename for w in caught] == [__file__] * 3


def test_dates_warn_as_the_official_client() -> None:
    import datetime as dt

    from weaviate import util as official_util

    from weaviate_async.wire import values

    # Con004: a date of year 0 from the server becomes datetime.min
    with pytest.warns(UserWarning):
        theirs = official_util._datetime_from_weaviate_str("0000-01-01T00:00:00Z")
    with pytest.warns(UserWarning, match="year 0"):
        mine = values.parse_rfc3339("0000-01-01T00:00:00Z")
    assert mine == theirs == dt.datetime.min
    # Con002: a naive datetime is sent as UTC
    naive = dt.datetime(2024, 5, 6, 7, 8, 9)
    with pytest.warns(UserWarning):
        theirs_text = official_util._datetime_to_string(naive)
    with pytest.warns(UserWarning, match="no time zone"):
        mine_text = values.datetime_to_rfc3339(naive, "properties.when")
    assert dt.datetime.fromisoformat(mine_text) == dt.datetime.fromisoformat(theirs_text)
