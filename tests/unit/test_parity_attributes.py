"""The public data attributes of every public class at the official module paths exist on ours.

A program reads ``result.objects[0].metadata.distance``, ``config.vector_index_config.ef`` or
``creds.scope_list`` as often as it calls methods, so for each class named at an official public
path (the rows of :mod:`tests.unit.test_parity_names`), the public attributes of an official
instance must exist on ours. They are read without constructing official objects:

* dataclass, attrs and pydantic fields;
* annotations through the class's bases (the official client's own classes only);
* class-level constants and properties;
* instance attributes assigned in the class's own methods (``self.scope_list = ...`` in
  ``__post_init__``), found in the source.

Ours has one when the class has it (a class attribute, a property, a method), when it is a
field or an annotation of ours, or when our methods assign it. Enums must hold the official
members (by name). A camelCase field of an official pydantic model (the server's JSON name
behind a snake_case constructor alias, e.g. ``Property.dataType``) counts as present when ours
has the snake_case name.

Classes that are cheap to make (credentials, ``Timeout``, ``AdditionalConfig``, the query
inputs, tenants, ``Property`` ...) are also made in both packages with the same arguments, and
every public name of ``dir()`` of the official instance (less pydantic's own) must be on ours
(``INSTANCE_DEVIATIONS`` lists the exceptions).

Exceptions are compared the same way but their gaps are listed apart (``EXCEPTION_GAPS``):
another piece of work owns the exception constructors. What differs on purpose is in
``DEVIATIONS`` (``module.Class.attribute`` -> reason); a listed entry that no longer differs
fails, so the list stays true.
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import functools
import inspect
import json
import re
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

from tests.unit import parity_helpers as h
from tests.unit.test_parity_names import DEVIATIONS as NAME_DEVIATIONS
from tests.unit.test_parity_names import ROWS

_PYDANTIC_OWN = frozenset({"model_config", "model_fields", "model_computed_fields"})


@functools.cache
def _module_tree(filename: str) -> ast.Module:
    with open(filename, encoding="utf-8") as f:
        return ast.parse(f.read())


def _class_node(cls: type) -> ast.ClassDef | None:
    """The class statement of ``cls`` in its module's source (found by its qualified name)."""
    try:
        filename = inspect.getsourcefile(cls)
    except TypeError:
        return None
    if filename is None:
        return None
    body: list[ast.stmt] = _module_tree(filename).body
    node = None
    for part in cls.__qualname__.split("."):
        node = next((n for n in body if isinstance(n, ast.ClassDef) and n.name == part), None)
        if node is None:
            return None
        body = node.body
    return node


@functools.cache
def _own_source_assignments(cls: Any) -> set[str]:
    """``self.<name> = ...`` (and annotated) in the methods of ``cls`` and its bases of the same
    package."""
    out: set[str] = set()
    root = cls.__module__.split(".")[0]
    for klass in cls.__mro__:
        if klass.__module__.split(".")[0] != root:
            continue
        tree = _class_node(klass)
        if tree is None:
            continue
        for node in ast.walk(tree):
            targets: list[ast.expr] = []
            if isinstance(node, ast.Assign):
                targets = list(node.targets)
            elif isinstance(node, ast.AnnAssign | ast.AugAssign):
                targets = [node.target]
            for target in targets:
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                ):
                    out.add(target.attr)
    return out


def _fields(cls: type) -> set[str]:
    out: set[str] = set()
    if dataclasses.is_dataclass(cls):
        out |= {f.name for f in dataclasses.fields(cls)}
    if attrs.has(cls):
        out |= {f.name for f in attrs.fields(cls)}
    model_fields = getattr(cls, "model_fields", None)
    if isinstance(model_fields, dict):
        out |= set(model_fields)
    return out


def _annotations(cls: type) -> set[str]:
    root = cls.__module__.split(".")[0]
    out: set[str] = set()
    for klass in cls.__mro__:
        if klass.__module__.split(".")[0] == root:
            out |= set(vars(klass).get("__annotations__", {}))
    return out


def _class_level(cls: type) -> set[str]:
    """Public class attributes and properties (not methods) of ``cls`` and its own bases."""
    root = cls.__module__.split(".")[0]
    out: set[str] = set()
    for klass in cls.__mro__:
        if klass.__module__.split(".")[0] != root:
            continue
        for name, value in vars(klass).items():
            if isinstance(value, property | staticmethod | classmethod):
                if isinstance(value, property):
                    out.add(name)
                continue
            if not callable(value) or isinstance(value, enum.Enum):
                out.add(name)
    return out


def official_attributes(cls: type) -> set[str]:
    """The public data attributes an instance of the official ``cls`` has."""
    names = _fields(cls) | _annotations(cls) | _class_level(cls) | _own_source_assignments(cls)
    return {
        n
        for n in names
        if not n.startswith("_") and n not in _PYDANTIC_OWN and not n.startswith("model_")
    }


def has_attribute(ours: Any, name: str) -> bool:
    target: Any = ours  # kept unnarrowed: a class is hashable, whatever isclass() narrows to
    if not inspect.isclass(ours):
        return h.get(ours, name) is not h.ABSENT
    if hasattr(ours, name) or name in _fields(ours) or name in _annotations(ours):
        return True
    return name in _own_source_assignments(target)


def _classes() -> Iterator[tuple[str, type, Any]]:
    """``(official path, official class, our object)`` for each class at a public path, once
    per official class (the first path that names it)."""
    seen: set[int] = set()
    for module, name in ROWS:
        if f"{module}.{name}" in NAME_DEVIATIONS:
            continue
        official = h.get(h.official_module(module), name)
        if not inspect.isclass(official) or id(official) in seen:
            continue
        seen.add(id(official))
        ours = h.get(h.ours(module, "weaviate_async"), name)
        yield f"{module}.{name}", official, ours


CLASSES = list(_classes())


def gaps(path: str, official: type, ours: Any) -> list[str]:
    """The attribute paths of ``official`` that ours lacks (enums: members)."""
    if issubclass(official, enum.Enum):
        theirs = set(official.__members__)
        mine = set(getattr(ours, "__members__", {}))
        return [f"{path}.{n}" for n in sorted(theirs - mine)]
    return [
        f"{path}.{n}" for n in sorted(official_attributes(official)) if not has_attribute(ours, n)
    ]


def _is_exception(cls: type) -> bool:
    return issubclass(cls, BaseException)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _is_wire_name(path: str) -> bool:
    """A camelCase field of an official pydantic model: the official models keep their fields
    under the server's JSON names (``dataType``) behind snake_case constructor aliases."""
    return re.search(r"[a-z][A-Z]", path.rpartition(".")[2]) is not None


_WIRE_NAME = (
    "the official pydantic model keeps this field under the server's camelCase JSON name "
    "behind a snake_case constructor alias; ours keeps the snake_case name the constructor "
    "takes (checked to exist), and builds the JSON when sending"
)

#: ``module.Class.attribute`` -> why ours has no such attribute
DEVIATIONS: dict[str, str] = {
    "weaviate.classes.init.AdditionalConfig.timeout_": (
        "the official model's private-looking storage behind its `timeout` property; ours has "
        "the `timeout` attribute itself"
    ),
    **{
        f"{path}.activityStatusInternal": (
            "the official model's copy of the server's raw status before its FREEZING/UNFREEZING "
            "names are mapped; ours maps the status once and keeps `activity_status`"
        )
        for path in (
            "weaviate.classes.tenants.Tenant",
            "weaviate.classes.tenants.TenantCreate",
            "weaviate.classes.tenants.TenantUpdate",
            "weaviate.collections.classes.tenants.TenantOutput",
        )
    },
}

#: exception attribute gaps, reported for the work that owns the exception constructors
EXCEPTION_GAPS: dict[str, str] = {}

GAPS = {gap: official for path, official, ours in CLASSES for gap in gaps(path, official, ours)}


def test_public_attributes_exist_on_ours() -> None:
    missing = [
        gap
        for gap, official in GAPS.items()
        if gap not in DEVIATIONS
        and gap not in EXCEPTION_GAPS
        and not _is_wire_name(gap)
        and not _is_exception(official)
    ]
    assert not missing, "\n".join(missing)


def test_camel_case_wire_fields_have_their_snake_case_names() -> None:
    paths = {path: ours for path, _, ours in CLASSES}
    wire = [gap for gap in GAPS if _is_wire_name(gap) and gap not in DEVIATIONS]
    assert wire, "the official pydantic models were expected to show camelCase fields"
    for gap in wire:
        path, _, name = gap.rpartition(".")
        assert has_attribute(paths[path], _snake(name)), f"{gap}: ours has no {_snake(name)}"


def test_exception_gaps_are_listed() -> None:
    found = {gap for gap, official in GAPS.items() if _is_exception(official)}
    assert found == set(EXCEPTION_GAPS), (
        f"new: {sorted(found - set(EXCEPTION_GAPS))}, gone: {sorted(set(EXCEPTION_GAPS) - found)}"
    )


def test_listed_deviations_still_differ() -> None:
    for path in DEVIATIONS:
        assert path in GAPS, f"{path} is listed but ours has it (or it is no official attribute)"


def test_every_reason_is_a_real_sentence() -> None:
    for reason in [*DEVIATIONS.values(), *EXCEPTION_GAPS.values()]:
        assert h.is_real_reason(reason), reason


def test_the_walk_reads_the_attributes_programs_use() -> None:
    """The reader finds fields, annotations, properties and assignments in methods."""
    import weaviate.auth as official_auth
    import weaviate.outputs.query as official_query

    assert "scope_list" in official_attributes(official_auth.AuthClientCredentials)
    assert {"distance", "certainty", "creation_time"} <= official_attributes(
        official_query.MetadataReturn
    )
    assert {"objects"} <= official_attributes(official_query.QueryReturn)
    assert len(CLASSES) > 250


def test_scope_list_reads_like_the_official_one() -> None:
    import weaviate.auth as official_auth

    from weaviate_async.auth import Auth

    for scope in (None, "openid offline_access", ["a", "b"]):
        theirs = official_auth.Auth.client_credentials("secret", scope=scope)
        mine = Auth.client_credentials("secret", scope=scope)
        assert mine.scope_list == theirs.scope_list
        theirs_pw = official_auth.Auth.client_password("user", "pw", scope=scope)
        mine_pw = Auth.client_password("user", "pw", scope=scope)
        assert mine_pw.scope_list == theirs_pw.scope_list


# ------------------------------------------------------------------------------------------
# Instances of the classes that are cheap to make: dir() of ours covers dir() of theirs
# ------------------------------------------------------------------------------------------

_UUID = uuid.UUID(int=1)


def _instances(classes: Any, auth: Any) -> dict[str, Callable[[], Any]]:
    """The same construction in either package (``classes`` is ``<package>.classes``)."""
    q, c, t, i, d = classes.query, classes.config, classes.tenants, classes.init, classes.data
    return {
        "Auth.api_key": lambda: auth.Auth.api_key("k"),
        "Auth.bearer_token": lambda: auth.Auth.bearer_token("t", refresh_token="r"),
        "Auth.client_credentials": lambda: auth.Auth.client_credentials("s", scope="a b"),
        "Auth.client_password": lambda: auth.Auth.client_password("u", "p"),
        "init.Timeout": lambda: i.Timeout(),
        "init.Proxies": lambda: i.Proxies(http="http://proxy:1"),
        "init.AdditionalConfig": lambda: i.AdditionalConfig(),
        "query.MetadataQuery": lambda: q.MetadataQuery(distance=True),
        "query.GroupBy": lambda: q.GroupBy(prop="p", objects_per_group=1, number_of_groups=1),
        "query.Rerank": lambda: q.Rerank(prop="p", query="q"),
        "query.QueryReference": lambda: q.QueryReference(link_on="r"),
        "query.QueryNested": lambda: q.QueryNested(name="n", properties=["a"]),
        "query.Sort": lambda: q.Sort.by_property("p"),
        "query.Filter": lambda: q.Filter.by_property("p").equal(1),
        "query.Filter.all_of": lambda: (
            q.Filter.by_property("p").equal(1) & q.Filter.by_id().equal(_UUID)
        ),
        "query.Move": lambda: q.Move(force=0.5, concepts="x"),
        "query.HybridVector": lambda: q.HybridVector.near_vector([1.0]),
        "query.TargetVectors": lambda: q.TargetVectors.sum(["a", "b"]),
        "tenants.Tenant": lambda: t.Tenant(name="t"),
        "tenants.TenantCreate": lambda: t.TenantCreate(name="t"),
        "tenants.TenantUpdate": lambda: t.TenantUpdate(name="t"),
        "data.DataObject": lambda: d.DataObject(properties={"a": 1}),
        "data.DataReference": lambda: d.DataReference(
            from_property="a", from_uuid=_UUID, to_uuid=_UUID
        ),
        "config.Property": lambda: c.Property(name="a", data_type=c.DataType.TEXT),
        "config.ReferenceProperty": lambda: c.ReferenceProperty(name="r", target_collection="C"),
    }


#: ``<instance label>.<name>`` -> why an official instance's public name is not on ours
INSTANCE_DEVIATIONS: dict[str, str] = {
    "init.AdditionalConfig.timeout_": DEVIATIONS["weaviate.classes.init.AdditionalConfig.timeout_"],
    "query.TargetVectors.to_grpc_target_vector": (
        "the official object's method that builds its gRPC message (a protobuf of the official "
        "client's generated modules); ours builds the request in weaviate_async.wire"
    ),
    "config.ReferenceProperty.check_name": (
        "the official pydantic model's field validator, exposed as a class method; ours checks "
        "the name when the object is made, as the official one does"
    ),
    **{
        f"tenants.{name}.activityStatusInternal": DEVIATIONS[
            "weaviate.classes.tenants.Tenant.activityStatusInternal"
        ]
        for name in ("Tenant", "TenantCreate", "TenantUpdate")
    },
}


def instance_gaps_here() -> dict[str, str]:
    """``<label>.<name>`` -> its snake_case form, for each public name of an official instance
    that ours lacks. Makes official objects: run it in a child interpreter (see below)."""
    import pydantic
    import weaviate.auth as official_auth
    import weaviate.classes as official_classes

    import weaviate_async.auth as our_auth
    import weaviate_async.classes as our_classes

    pydantic_own = set(dir(pydantic.BaseModel))
    theirs_made = _instances(official_classes, official_auth)
    ours_made = _instances(our_classes, our_auth)
    out: dict[str, str] = {}
    for label, make in theirs_made.items():
        theirs = make()
        mine = ours_made[label]()
        names = {
            n
            for n in dir(theirs)
            if not n.startswith("_")
            and not (isinstance(theirs, pydantic.BaseModel) and n in pydantic_own)
        }
        for name in sorted(names - set(dir(mine))):
            out[f"{label}.{name}"] = _snake(name)
    return out


@functools.cache
def instance_gaps() -> dict[str, str]:
    """:func:`instance_gaps_here`, run in a child interpreter: making an official pydantic model
    completes it (resolves its forward references), which would change what the other parity
    tests of this process read of its signature."""
    code = (
        "import json, warnings\n"
        "warnings.simplefilter('ignore')\n"
        "from tests.unit.test_parity_attributes import instance_gaps_here\n"
        "print(json.dumps(instance_gaps_here()))\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    result: dict[str, str] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_instances_have_the_official_public_names() -> None:
    missing = [
        gap
        for gap, snake in instance_gaps().items()
        if gap not in INSTANCE_DEVIATIONS and not _is_wire_name(gap)
    ]
    assert not missing, "\n".join(missing)


def test_instance_wire_names_have_their_snake_case_names() -> None:
    import weaviate_async.auth as our_auth
    import weaviate_async.classes as our_classes

    made = _instances(our_classes, our_auth)
    for gap, snake in instance_gaps().items():
        if _is_wire_name(gap) and gap not in INSTANCE_DEVIATIONS:
            label = gap.rpartition(".")[0]
            assert hasattr(made[label](), snake), f"{gap}: ours has no {snake}"


def test_listed_instance_deviations_still_differ() -> None:
    for path in INSTANCE_DEVIATIONS:
        assert path in instance_gaps(), f"{path} is listed but ours has it now"
