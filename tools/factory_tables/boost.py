"""``Boost``, generated into ``weaviate_async/classes/boost.py`` by ``tools/gen_filters.py``.

Each factory is its official signature, its docs and the hand-written builder it calls
(``weaviate_async/classes/_boost_core.py``, which holds the records and checks); the
arguments every factory shares (``weight``, ``depth`` and the decays' ``decay``) are
documented once here.
"""

from __future__ import annotations

from factory_tables.surface import Cls, Method, Surface

DOC = """Boost: re-rank search results by conditions without removing any (server 1.38 or newer).

The primary search (vector, hybrid or BM25) fetches ``depth`` candidates; the boost scores each
against its conditions and the final score is ``(1 - weight) * primary + weight * boost``.
Unlike a filter, a boost never excludes objects.

Examples:
    >>> from datetime import timedelta
    >>> from weaviate_async.classes.query import Boost, Filter
    >>> recent = Boost.time_decay("published", scale=timedelta(days=7), weight=0.3)
    >>> popular = Boost.numeric_property("views", modifier=Boost.Modifier.LOG1P)
    >>> await collection.query.bm25("cat", boost=Boost.blend([recent, popular], weight=0.5))
"""

HEADER = """
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypeAlias

from weaviate_async.classes._boost_core import (
    _blend,
    _Boost,
    _filter_boost,
    _numeric_decay,
    _numeric_property,
    _time_decay,
)
from weaviate_async.classes._boost_enums import _BoostCurve, _BoostModifier
from weaviate_async.classes._filter_core import _Filters

__all__ = ["Boost", "BoostReturn"]

#: A boost as :class:`Boost` builds it (``boost=`` of the search methods).
BoostReturn: TypeAlias = _Boost
"""

#: The arguments every factory ends with: (signature, docs).
SHARED = {
    "decay": "decay: the score at ``scale``, in (0, 1]{default}.",
    "weight": "weight: the boost's share of the final score, in [0, 1]{default}.",
    "depth": "depth: candidates the primary search fetches{default}.",
}
TAIL = "weight: float | None = None, depth: int | None = None"
DECAY = "curve: _BoostCurve | None = None, decay: float | None = None, " + TAIL


def args(own: list[str], shared: list[str], *, defaults: bool = False) -> str:
    """An ``Args:`` section: the factory's own lines, then the shared ones (with the server's
    defaults spelled out on the first factory)."""
    server = {
        "decay": " (None: the server's 0.5)",
        "weight": " (None: the server's 0.5)",
        "depth": " (None: the server's 100)",
    }
    lines = list(own)
    for name in shared:
        lines.append(SHARED[name].format(default=server.get(name, "") if defaults else ""))
    wrapped = []
    for line in lines:
        head, _, rest = line.partition("\n")
        wrapped.append("    " + head + (f"\n        {rest}" if rest else ""))
    return "Args:\n" + "\n".join(wrapped) + "\n"


def forward(builder: str, params: str) -> str:
    """``return builder(p, ...)`` for every parameter of ``params``."""
    names = [p.split(":")[0].strip() for p in params.split(",") if p.strip() not in ("", "*")]
    return f"return {builder}({', '.join(names)})"


def factory(name: str, params: str, builder: str, doc: str) -> Method:
    """A static ``Boost`` factory returning ``BoostReturn``."""
    return Method(name, params, "BoostReturn", doc, forward(builder, params), "static")


FILTER = "filter: _Filters, *, " + TAIL
TIME = "property: str, *, origin: str | dt.datetime | None = None, scale: str | dt.timedelta, "
TIME += "offset: str | dt.timedelta | None = None, " + DECAY
NUMERIC = "property: str, *, origin: float, scale: float, offset: float | None = None, " + DECAY
PROPERTY = "name: str, *, modifier: _BoostModifier | None = None, " + TAIL
BLEND = "boosts: BoostReturn | Sequence[BoostReturn], *, " + TAIL

BOOST = Cls(
    "Boost",
    """Boosts: promote or demote objects without removing them (``boost=`` of the search
methods; server 1.38 or newer).

Attributes:
    Curve: the decay curves of ``time_decay`` / ``numeric_decay``.
    Modifier: the value transforms of ``numeric_property``.
""",
    body="Curve = _BoostCurve\nModifier = _BoostModifier",
    methods=[
        Method(
            "__init__",
            "",
            "None",
            "",
            'raise TypeError("Boost cannot be instantiated: use its static methods")',
        ),
        factory(
            "filter",
            FILTER,
            "_filter_boost",
            "Objects matching ``filter`` score 1, the others 0 (a soft ``where``).\n\n"
            + args(
                [
                    "filter: a filter built with ``Filter`` (equality, comparisons and their\n"
                    "and/or/not combinations)."
                ],
                ["weight", "depth"],
                defaults=True,
            ),
        ),
        factory(
            "time_decay",
            TIME,
            "_time_decay",
            "Favour objects whose ``date`` property is near ``origin`` (recent ones, by "
            "default).\n\n"
            + args(
                [
                    "property: the date property.",
                    'origin: ``"now"`` (default) or an aware datetime.',
                    "scale: the distance at which the score is ``decay`` (a timedelta or "
                    '``"7d"``).',
                    "offset: objects within this distance keep the full score.",
                    "curve: ``Boost.Curve.EXPONENTIAL`` (the server's default), ``GAUSSIAN`` "
                    "or\n``LINEAR``.",
                ],
                ["decay", "weight", "depth"],
                defaults=True,
            )
            + """
Raises:
    WeaviateInvalidInputError: a bad value (a naive ``origin`` is taken as UTC, as the
        official client takes it).
""",
        ),
        factory(
            "numeric_decay",
            NUMERIC,
            "_numeric_decay",
            'Favour objects whose numeric property is near ``origin`` ("closer to X is '
            'better").\n\n'
            + args(
                [
                    "property: the ``int`` / ``number`` property.",
                    "origin: the preferred value.",
                    "scale: the distance from ``origin`` at which the score is ``decay``.",
                    "offset: objects within this distance keep the full score.",
                    "curve: the decay curve (None: the server's exponential).",
                ],
                ["decay", "weight", "depth"],
            ),
        ),
        factory(
            "numeric_property",
            PROPERTY,
            "_numeric_property",
            "Favour objects with larger values of a numeric property (popularity, rating, "
            "...).\n\n"
            + args(
                [
                    "name: the ``int`` / ``number`` property.",
                    "modifier: ``Boost.Modifier.LOG1P`` or ``SQRT`` to damp large values "
                    "(None: raw).",
                ],
                ["weight", "depth"],
            ),
        ),
        factory(
            "blend",
            BLEND,
            "_blend",
            """Combine boosts: each one's ``weight`` becomes its condition weight relative to the
others (default 1.0, may be negative to demote); ``weight`` here is the combined
boost's share of the final score. At most 20 conditions in all.

Raises:
    WeaviateInvalidInputError: no boosts, or one of them has its own ``depth`` (set it
        here instead).
""",
        ),
    ],
)

MODULE = Surface(path="weaviate_async/classes/boost.py", doc=DOC, header=HEADER, classes=[BOOST])
