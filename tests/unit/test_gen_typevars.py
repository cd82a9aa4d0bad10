"""tools/gen_typevars.py: the generated ``weaviate_async/typevars.py`` is current, and each type
variable has the bound, default and variance it had when it was written by hand."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from weaviate_async import typevars
from weaviate_async.types import WeaviateProperties

REPO = Path(__file__).resolve().parents[2]

PROPS = Mapping[str, Any]
REFS = Mapping[str, Any] | None
#: captured from the hand-written module before it was generated
EXPECTED = {
    "Properties": (PROPS, WeaviateProperties, True),
    "TProperties": (PROPS, WeaviateProperties, False),
    "DProperties": (PROPS, dict[str, Any], False),
    "QProperties": (PROPS, WeaviateProperties, False),
    "NProperties": (REFS, None, False),
    "References": (REFS, None, False),
    "IReferences": (REFS, None, False),
    "TReferences": (REFS, None, False),
}


@pytest.mark.source_tree
def test_the_generated_module_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "gen_typevars.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_type_variable_keeps_its_bound_default_and_variance() -> None:
    assert sorted(typevars.__all__) == sorted(EXPECTED)
    for name, (bound, default, contravariant) in EXPECTED.items():
        var = getattr(typevars, name)
        assert var.__name__ == name
        assert (var.__bound__, var.__default__) == (bound, default), name
        assert (var.__contravariant__, var.__covariant__) == (contravariant, False), name
