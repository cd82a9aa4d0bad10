"""A griffe extension: the Sphinx roles of the docstrings (:class:`X`, :meth:`~a.b`, ...) read
as inline code on the site.

The docstrings are Google style for the rest; a role would otherwise show with its colons. The
names stay plain code rather than links: many point at private helpers that the reference does
not render, and a link to those would fail the strict build.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:mod|func|meth|class|attr|data|exc|obj):`~?([^`]+)`")


class SphinxRolesAsCode(griffe.Extension):
    """Rewrite ``:role:`target``` as ```target``` in every docstring."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ":`" in obj.docstring.value:
            obj.docstring.value = _ROLE.sub(r"`\1`", obj.docstring.value)
