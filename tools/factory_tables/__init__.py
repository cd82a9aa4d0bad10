"""The tables ``tools/gen_factories.py`` generates the provider factory namespaces from.

A table module defines ``MODULE`` (a :class:`Module`): the generated file, its docstring and
imports, and its namespaces (:class:`Namespace`), each a class of static factories
(:class:`F`). A factory is written once, as data:

* its signature: a comma-separated list of parameter names in the official order, ``*`` where
  the keyword-only ones start; a bare name takes its annotation and default from the module's
  parameter catalog (``Module.params``), ``name: annotation [= default]`` gives its own;
* its docstring;
* its builder call (``build``), where ``**`` stands for ``p=p`` for every parameter of the
  factory that the namespace's wrapper does not take itself and that the call does not name
  elsewhere; the namespace's ``wrap`` template places the builder call (``{build}``) in the
  returned expression, unless the factory is ``raw`` (its ``build`` is the whole expression);
* optional statements to run first (``pre``).

A factory that names its server ``module`` instead of a builder is written out whole: it
returns ``provider(module, {JSON key: check, ...})`` (``Module.provider``) with one entry per
parameter, the JSON key and the check taken from the catalog (a catalog entry of four:
annotation, default, JSON key, check with ``{p}`` for the parameter's name); ``checks``
replaces the check of a parameter for that factory only, ``extra`` adds fixed entries, and a
``module`` that starts with ``=`` is an expression (a parameter naming the module). A check
``-`` means the argument is taken (and checked in ``pre``) but not sent; ``keys`` renames an
argument's JSON key for one factory; ``provider`` replaces the module's settings function.

A namespace with no class name (``cls=""``) is written as module-level functions: the
hand-written factories' builders can be rows too.

The builders are rows too (``vectorizer_modules.py``); the checks across arguments that a
row's ``pre`` calls are hand-written (``weaviate_async/classes/_vectorizer_builders.py``). A
factory's ``returns`` replaces its namespace's return annotation.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class F:
    """One factory: see the module docstring for the fields."""

    method: str
    signature: str
    build: str
    doc: str
    raw: bool = False
    pre: str = ""
    #: the server module; given, the factory returns its settings without a builder
    module: str = ""
    #: parameter -> its check for this factory only (replaces the catalog's)
    checks: dict[str, str] = field(default_factory=dict)
    #: fixed settings entries (``"'isAzure': False"``), after the parameters' own
    extra: str = ""
    #: parameter -> its JSON key for this factory only
    keys: dict[str, str] = field(default_factory=dict)
    #: the settings function for this factory (default: ``Module.provider``)
    provider: str = ""
    #: the return annotation of this factory (default: ``Namespace.returns``)
    returns: str = ""


@dataclass(frozen=True)
class Namespace:
    """A class of static factories, all returning ``returns`` through ``wrap``."""

    cls: str
    doc: str
    returns: str
    #: the returned expression around ``{build}``
    wrap: str
    #: the parameters ``wrap`` passes on itself (never forwarded by ``**``)
    wrapper_params: tuple[str, ...]
    factories: list[F] = field(default_factory=list)


@dataclass(frozen=True)
class Module:
    """A generated module: where it goes, what it says and imports, and its namespaces."""

    path: str
    doc: str
    header: str
    #: parameter -> (annotation, default) or (annotation, default, JSON key, check)
    params: dict[str, tuple[str, ...]]
    namespaces: list[Namespace]
    #: the function that makes a module's settings object (factories with ``module``)
    provider: str = "_provider"
