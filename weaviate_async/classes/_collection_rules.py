"""The hand-written rules of the collection-level builders (``Configure.inverted_index`` and
the others generated into :mod:`weaviate_async.classes._collection_models`).

What a table row cannot say lives here: checks across fields, the deprecation warnings, times
to live given as timedeltas and the official attribute names (``bm25``, ``stopwords``) over our
flat fields.
"""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Mapping
from typing import Any

import attrs

from weaviate_async._validate import check_int, check_str_list, invalid
from weaviate_async.classes.config_properties import StopwordsCreate, StopwordsPreset


@attrs.frozen
class _Section:
    """A part of the class JSON set by one argument of create (and of update when mutable)."""

    field: str
    key: str
    create: type
    update: type | None
    builder: str


def check_flag(value: Any, field: str) -> None:
    """Raise unless ``value`` is a bool (None is not allowed)."""
    if not isinstance(value, bool):
        raise invalid(field, "must be a bool", value)


def check_presets(value: Any) -> None:
    """Check ``stopword_presets``: preset names mapped to non-empty lists of words."""
    if value is None:
        return
    if not isinstance(value, Mapping):
        raise invalid("stopword_presets", "must be a dict of preset name to list of words", value)
    for key, words in value.items():
        if not isinstance(key, str) or not key.strip():
            raise invalid("stopword_presets", "preset names must be non-empty str", key)
        check_str_list(words, "stopword_presets")
        if not words or any(not w.strip() for w in words):
            raise invalid(
                "stopword_presets",
                f"preset {key!r} must list at least one non-empty word",
                words,
            )


def check_bm25_pair(b: float | None, k1: float | None) -> None:
    """On a create, ``bm25_b`` and ``bm25_k1`` are set together, so ``bm25`` is whole or absent."""
    if (b is None) != (k1 is None):
        raise invalid(
            "bm25_b" if b is None else "bm25_k1", "bm25_b and bm25_k1 must be set together"
        )


@attrs.frozen(kw_only=True)
class _BM25:
    """BM25 parameters as the official models name them (``bm25.b``, ``bm25.k1``)."""

    b: float | None
    k1: float | None


class _InvertedIndexParts:
    """The official attributes ``bm25`` and ``stopwords`` of the inverted index builders,
    over their flat fields."""

    __slots__ = ()

    #: a create's ``bm25`` is None when both are left to the server; an update's is always set
    _bm25_optional: bool = True
    bm25_b: float | None
    bm25_k1: float | None
    stopwords_preset: StopwordsPreset | None
    stopwords_additions: list[str] | None
    stopwords_removals: list[str] | None

    @property
    def bm25(self) -> _BM25 | None:
        """BM25 ``b`` and ``k1`` (official: ``bm25``); a create's is None when both are left to
        the server, an update's None parts stay unchanged."""
        if self._bm25_optional and self.bm25_b is None and self.bm25_k1 is None:
            return None
        return _BM25(b=self.bm25_b, k1=self.bm25_k1)

    @bm25.setter
    def bm25(self, value: _BM25 | None) -> None:
        b, k1 = (None, None) if value is None else (value.b, value.k1)
        self._set(bm25_b=b, bm25_k1=k1)

    @property
    def stopwords(self) -> StopwordsCreate:
        """The stopwords (official: ``stopwords``); an update's None parts stay unchanged."""
        return StopwordsCreate(
            preset=self.stopwords_preset,
            additions=self.stopwords_additions,
            removals=self.stopwords_removals,
        )

    @stopwords.setter
    def stopwords(self, value: StopwordsCreate | None) -> None:
        stop = value or StopwordsCreate()
        self._set(
            stopwords_preset=stop.preset,
            stopwords_additions=stop.additions,
            stopwords_removals=stop.removals,
        )

    def _set(self, **values: Any) -> None:
        # through the subclass's attrs __setattr__ (converters and validators run); the fields
        # are its slots, not this mixin's
        for name, value in values.items():
            setattr(self, name, value)


_REMOVED_ASYNC_FIELDS = ("max_workers", "alive_nodes_checking_frequency")


def warn_removed_async_fields(cfg: Any) -> None:
    """Warn for the async replication options the server removed (called by the builder's
    ``__attrs_post_init__``, so the warning points at the caller of the factory)."""
    for name in _REMOVED_ASYNC_FIELDS:
        if getattr(cfg, name) is not None:
            warnings.warn(
                f"{name!r} was removed from the server's schema in v1.37.3; "
                "newer servers ignore it",
                DeprecationWarning,
                stacklevel=5,
            )


#: The official client's deprecation of ``async_enabled`` (4.24), word for word: servers 1.38+
#: dropped ``asyncEnabled`` from the schema and decide async replication themselves.
ASYNC_ENABLED_DEPRECATION = (
    "Dep030: The `async_enabled` argument in `Configure.replication` / "
    "`Reconfigure.replication` is deprecated.\n"
    "            On Weaviate v1.38 and newer the `asyncEnabled` field no longer exists in the "
    "server schema: it is silently dropped,\n"
    "            and whether async replication runs is decided server-side, on by default for "
    "any collection with a replication\n"
    "            factor > 1 unless the `ASYNC_REPLICATION_DISABLED` runtime override is set.\n"
    "            On older servers the argument still takes effect, but it is deprecated and "
    "will be removed in a future release."
)


def warn_async_enabled() -> None:
    """Warn that ``async_enabled`` is deprecated (DeprecationWarning, the official text)."""
    warnings.warn(ASYNC_ENABLED_DEPRECATION, DeprecationWarning, stacklevel=3)


def warn_read_only(**values: Any) -> None:
    """Warn for each sharding count given: the server sets them, so they are not sent."""
    for name, value in values.items():
        if value is not None:
            warnings.warn(
                f"{name!r} is read-only on the server and has no effect",
                DeprecationWarning,
                stacklevel=3,
            )


DELETE_ON_CREATION = "_creationTimeUnix"
DELETE_ON_UPDATE = "_lastUpdateTimeUnix"


def seconds(value: Any, field: str) -> int | None:
    """A time to live or offset in seconds, from an int or a timedelta."""
    if value is None:
        return None
    if isinstance(value, datetime.timedelta):
        return int(value.total_seconds())
    check_int(value, field)
    return int(value)


def check_ttl(delete_on: str | None, ttl: int | None, *, required: bool) -> None:
    """A time-based time to live must be positive (``required``: and given, on a create)."""
    if delete_on in (DELETE_ON_CREATION, DELETE_ON_UPDATE) and (
        (ttl is None and required) or (ttl is not None and ttl <= 0)
    ):
        raise invalid("time_to_live", "must be a positive number of seconds", ttl)
