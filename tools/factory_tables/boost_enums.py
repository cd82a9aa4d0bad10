"""The curves and modifiers of ``Boost``, generated into
``weaviate_async/classes/_boost_enums.py`` by ``tools/gen_filters.py``.

They sit in a module of their own, below both the builders that check them
(``weaviate_async/classes/_boost_core.py``) and the public ``Boost`` that names them
(``Boost.Curve``, ``Boost.Modifier``), so that neither has to import the other's module.
"""

from __future__ import annotations

from factory_tables.surface import Cls, Field, Surface

DOC = """The decay curves and value modifiers of :class:`~weaviate_async.classes.boost.Boost`.

``Boost.Curve`` and ``Boost.Modifier`` are these enums; the builders of
:mod:`weaviate_async.classes._boost_core` check a value against them.
"""

HEADER = """
from __future__ import annotations

from enum import Enum

__all__ = ["_BoostCurve", "_BoostModifier"]
"""

CURVE = Cls(
    "_BoostCurve",
    """The decay curve of ``time_decay`` and ``numeric_decay``: the score is 1 at the origin
and ``decay`` at ``scale`` from it.""",
    bases="str, Enum",
    fields=[
        Field(
            "EXPONENTIAL",
            "",
            '"exp"',
            "halves geometrically, with a long tail (the server's default).",
        ),
        Field("GAUSSIAN", "", '"gauss"', "bell-shaped, falling sharply past ``scale``."),
        Field("LINEAR", "", '"linear"', "a straight line down to zero."),
    ],
)

MODIFIER = Cls(
    "_BoostModifier",
    "A transform of ``numeric_property``'s value before it is normalized.",
    bases="str, Enum",
    fields=[
        Field("LOG1P", "", '"log1p"', "``log(1 + value)``: strongly damps large values."),
        Field("SQRT", "", '"sqrt"', "``sqrt(value)``: mildly damps large values."),
    ],
)

MODULE = Surface(
    path="weaviate_async/classes/_boost_enums.py", doc=DOC, header=HEADER, classes=[CURVE, MODIFIER]
)
