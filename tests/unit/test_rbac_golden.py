"""Every ``Permissions.*`` builder's wire JSON and parsed role, checked against a recorded file.

The action enums, permission classes and builders of :mod:`weaviate_async.models.rbac` are
generated from a table (``tools/gen_rbac.py``); this test pins what each builder sends, the
role the server's reply of it is read back as, the errors of bad input, and the members of
every action enum, so that a change of the table or of the generator cannot change them
unnoticed. Each builder is called with no flag, with each flag on its own, with every flag,
with one resource name and with several. Run this file with ``GOLDEN_WRITE=1`` to re-record
after a deliberate change.
"""

from __future__ import annotations

import inspect
import json
import os
from enum import Enum
from pathlib import Path
from typing import Any

import attrs
import pytest

from weaviate_async.classes.rbac import Actions, Permissions, RoleScope
from weaviate_async.rbac import models
from weaviate_async.wire import rbac as wire

GOLDEN = Path(__file__).parent / "data" / "rbac_golden.json"
BUILDERS = {
    "Permissions": Permissions,
    "Permissions.Nodes": Permissions.Nodes,
    "Permissions.Groups": Permissions.Groups,
}
#: bad values for a resource or a flag, each expected to raise (or to pass, as recorded)
BAD = {"resource": [None, 7, b"x", ["ok", 3], ""], "flag": [None, "yes", 1]}


def _plain(value: Any) -> Any:
    """An attrs permission (or a role) as JSON-able data; action sets sorted."""
    if isinstance(value, Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if attrs.has(type(value)):
        fields = {a.name: _plain(getattr(value, a.name)) for a in attrs.fields(type(value))}
        return {"class": type(value).__name__, **fields}
    return value


def _call(fn: Any, kwargs: dict[str, Any]) -> dict[str, Any]:
    try:
        built = fn(**kwargs)
    except Exception as e:  # the error is part of what is pinned
        return {"error": type(e).__name__, "message": str(e)}
    sent = wire.permissions_json(built, allow_empty=True)
    role = wire.role_from_json({"name": "r", "permissions": sent})
    return {
        "built": _plain(built),
        "json": sent,
        "role": _plain(role),
        "permissions": _plain(role.permissions),
    }


def _cases() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for ns_name, ns in BUILDERS.items():
        for fn_name in sorted(vars(ns)):
            if fn_name.startswith("_") or not callable(getattr(ns, fn_name)):
                continue
            fn = getattr(ns, fn_name)
            if isinstance(fn, type):
                continue
            params = inspect.signature(fn).parameters.values()
            flags = [p.name for p in params if p.default is False]
            resources = [p.name for p in params if p.name not in flags and p.name != "scope"]
            key = f"{ns_name}.{fn_name}"
            one = {r: f"{r}One" for r in resources}
            many = {r: [f"{r}A", f"{r}B"] for r in resources}
            out[f"{key}/none"] = _call(fn, one)
            for f in flags:
                out[f"{key}/{f}"] = _call(fn, {**one, f: True})
            every = {f: True for f in flags}
            out[f"{key}/all"] = _call(fn, {**one, **every})
            out[f"{key}/all/many"] = _call(fn, {**many, **every})
            out[f"{key}/all/star"] = _call(fn, {**{r: "*" for r in resources}, **every})
            for r in resources:
                for i, bad in enumerate(BAD["resource"]):
                    out[f"{key}/bad-{r}-{i}"] = _call(fn, {**one, **every, r: bad})
                    out[f"{key}/bad-{r}-{i}/no-flag"] = _call(fn, {**one, r: bad})
            for f in flags:
                for i, bad in enumerate(BAD["flag"]):
                    out[f"{key}/bad-{f}-{i}"] = _call(fn, {**one, f: bad})
            if any(p.name == "scope" for p in params):
                for scope in (RoleScope.ALL, RoleScope.MATCH, "all", "nope", 3):
                    out[f"{key}/scope-{scope!r}"] = _call(fn, {**one, **every, "scope": scope})
                    out[f"{key}/scope-{scope!r}/no-flag"] = _call(fn, {**one, "scope": scope})
    for name in sorted(vars(Actions)):
        kind = getattr(Actions, name)
        if isinstance(kind, type) and issubclass(kind, Enum):
            out[f"Actions.{name}"] = {
                "enum": kind.__name__,
                "members": [[m.name, m.value] for m in kind],
                "values": kind.values(),  # type: ignore[attr-defined]
            }
    out["__all__"] = sorted(models.__all__)
    out["Role fields"] = [a.name for a in attrs.fields(models.Role)]
    return out


def _dump(cases: dict[str, Any]) -> str:
    return json.dumps(cases, indent=1, sort_keys=True, default=repr) + "\n"


def test_every_builder_sends_and_reads_back_the_recorded_permissions() -> None:
    text = _dump(_cases())
    if os.environ.get("GOLDEN_WRITE"):
        GOLDEN.write_text(text)
    expected = GOLDEN.read_text()
    if text != expected:
        got, want = json.loads(text), json.loads(expected)
        diff = sorted(k for k in set(got) | set(want) if got.get(k) != want.get(k))
        pytest.fail(f"{len(diff)} builder call(s) changed, first: {diff[:5]}")


@pytest.mark.parametrize(
    "reply",
    [
        {"action": "read_nodes", "nodes": {"collection": "a"}},
        {"action": "read_nodes", "nodes": {"verbosity": "", "collection": ""}},
        {"action": "read_groups", "groups": {"group": "g"}},
        {"action": "read_roles", "roles": {"role": "x"}},
        {"action": "read_roles", "roles": {"role": "x", "scope": "all"}},
        {"action": "read_data", "data": {"collection": "A"}},
        {"action": "read_data"},
        {"action": "read_cluster"},
        {"action": "manage_backups", "backups": {}},
        {"action": "assign_and_revoke_users", "users": {"users": "u"}},
    ],
)
def test_replies_with_left_out_keys_read_back_with_the_servers_defaults(reply: Any) -> None:
    role = wire.role_from_json({"name": "r", "permissions": [reply]})
    (permission,) = role.permissions
    # sent again, the permission is the reply with the defaults filled in
    (again,) = wire.permissions_json(permission)
    assert again["action"] == reply["action"]
    kind = permission._KIND
    if kind is not None:
        assert set(again[kind]) >= {k for k, v in reply.get(kind, {}).items() if v}  # type: ignore[literal-required]
