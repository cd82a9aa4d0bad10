"""tools/gen_rbac.py and tools/gen_reexports.py: the generated modules are current, every kind
of the table reaches the builders, the role and the wire, and each re-export module gives the
objects of the modules it names."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from weaviate_async.models import rbac
from weaviate_async.wire import rbac as wire

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))

from factory_tables import rbac as table  # noqa: E402
from factory_tables.reexports import MODULES, Reexport  # noqa: E402


@pytest.mark.source_tree
@pytest.mark.parametrize("tool", ["gen_rbac.py", "gen_reexports.py"])
def test_the_generated_modules_are_up_to_date(tool: str) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / tool), "--check"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("kind", table.KINDS, ids=lambda k: k.enum)
def test_every_kind_is_an_action_enum_a_role_field_and_a_wire_key(kind: table.Kind) -> None:
    enum = getattr(rbac.Actions, kind.actions_attr)
    assert [(m.name, m.value) for m in enum] == list(kind.actions)
    output = getattr(rbac, kind.output)
    assert output._ACTION is enum
    assert kind.wire == output._KIND
    assert (kind.role_field, output) in rbac.OUTPUT_KINDS
    # an action of the kind read back lands in the kind's Role field
    role = wire.role_from_json({"name": "r", "permissions": [{"action": kind.actions[0][1]}]})
    assert [type(p) for p in getattr(role, kind.role_field)] == [output]


def test_every_builder_of_the_table_exists_with_its_flags() -> None:
    for b in table.BUILDERS:
        fn = getattr(getattr(rbac, b.ns), b.method)
        assert fn.__doc__
        built = fn(**{r.param: "x" for r in b.resources}, **{p: True for p, _ in b.flags})
        (permission,) = built
        assert {a.name for a in permission.actions} == {member for _, member in b.flags}


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.module)
def test_a_reexport_module_gives_the_objects_of_its_sources(module: Reexport) -> None:
    ours = importlib.import_module(f"weaviate_async.{module.module.replace('/', '.')}")
    expected = []
    for source, names in module.names.items():
        origin = importlib.import_module(f"weaviate_async.{source}")
        for name in names.split():
            original, _, alias = name.partition(":")
            assert getattr(ours, alias or original) is getattr(origin, original)
            expected.append(alias or original)
    assert sorted(ours.__all__) == sorted(expected)
