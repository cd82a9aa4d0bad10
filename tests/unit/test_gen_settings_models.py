"""The option classes generated from ``tools/factory_tables/settings_models.py`` (through
tools/gen_models.py) keep the surface they had when they were written by hand: signature, every
attrs field (default, keyword-only, validator, converter, annotation), frozenness and docstring,
captured into ``data/settings_golden.json`` from the hand-written classes.

Set ``GOLDEN_WRITE=1`` to rewrite the golden file after a deliberate change.
"""

from __future__ import annotations

import inspect
import json
import os
from pathlib import Path
from typing import Any

import attrs
import pytest

from weaviate_async.connect.params import (
    AdditionalConfig,
    ConnectionConfig,
    GrpcConfig,
    Proxies,
    RetryConfig,
    Timeout,
    TLSConfig,
)
from weaviate_async.embedded import EmbeddedOptions

GOLDEN = Path(__file__).parent / "data" / "settings_golden.json"
CLASSES = (
    Proxies,
    TLSConfig,
    GrpcConfig,
    RetryConfig,
    Timeout,
    ConnectionConfig,
    AdditionalConfig,
    EmbeddedOptions,
)


def _default(value: Any) -> str:
    if isinstance(value, attrs.Factory):  # type: ignore[arg-type]
        return f"factory:{value.factory.__name__}"
    return repr(value)


def _surface(cls: type) -> dict[str, Any]:
    return {
        "signature": str(inspect.signature(cls)),
        "fields": [
            [
                a.name,
                _default(a.default),
                a.kw_only,
                a.validator is not None,
                getattr(a.converter, "__name__", None),
                str(a.type),
            ]
            for a in attrs.fields(cls)
        ],
        "frozen": cls.__setattr__ is not object.__setattr__,
        "doc": inspect.getdoc(cls),
        "members": sorted(n for n in vars(cls) if not n.startswith("_")),
    }


def test_the_option_classes_keep_their_surface() -> None:
    surface = {cls.__name__: _surface(cls) for cls in CLASSES}
    if os.environ.get("GOLDEN_WRITE"):
        GOLDEN.write_text(json.dumps(surface, indent=1, sort_keys=True) + "\n")
        pytest.skip("golden file written")
    assert surface == json.loads(GOLDEN.read_text())


def test_a_validated_option_still_refuses_bad_input() -> None:
    with pytest.raises(ValueError, match=r"retry\.max_tries"):
        RetryConfig(max_tries=0)
    options = EmbeddedOptions(port=1234, modules=("backup-filesystem",))
    assert (options.port, options.version, options.modules) == (
        1234,
        EmbeddedOptions().version,
        ("backup-filesystem",),
    )
