"""The generated entry points (``tools/gen_connect.py``): each ``connect_to_<kind>`` takes what
its ``use_async_with_<kind>`` takes, every docstring documents every parameter, and the
parameters start with what the official client's ``connect_to_*`` take."""

from __future__ import annotations

import inspect

import pytest
import weaviate

from weaviate_async.connect import helpers

KINDS = ["local", "weaviate_cloud", "custom", "embedded"]


@pytest.mark.parametrize("kind", KINDS)
def test_connect_and_use_take_the_same_parameters(kind: str) -> None:
    use = inspect.signature(getattr(helpers, f"use_async_with_{kind}"))
    connect = inspect.signature(getattr(helpers, f"connect_to_{kind}"))
    assert use.parameters == connect.parameters
    official = inspect.signature(getattr(weaviate, f"connect_to_{kind}")).parameters
    # ours may add parameters after the official ones (embedded: ``modules``)
    assert list(use.parameters)[: len(official)] == list(official)


@pytest.mark.parametrize("name", helpers.__all__)
def test_every_parameter_is_documented(name: str) -> None:
    function = getattr(helpers, name)
    doc = inspect.getdoc(function) or ""
    assert "Args:" in doc
    for parameter in inspect.signature(function).parameters:
        assert f"\n    {parameter}: " in doc, parameter
