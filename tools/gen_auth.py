"""Generate ``weaviate_async/connect/auth.py`` from one table.

Usage::

    python tools/gen_auth.py           # (re)write weaviate_async/connect/auth.py
    python tools/gen_auth.py --check   # exit 1 when it differs from what the table makes

Each kind of credentials is a class and an ``Auth`` factory taking the class's fields as its
parameters; the table (``tools/factory_tables/auth.py``) writes each kind once.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import one_module
from factory_tables.auth import KINDS, REQUIRED, UNIONS, Field, Kind

TARGET = "weaviate_async/connect/auth.py"
DOC = '''"""Credentials: API keys, bearer tokens and the OIDC flows.

{note}

Examples:
    >>> from weaviate_async.auth import Auth
    >>> Auth.api_key("my-key")
    >>> Auth.client_credentials(client_secret="s3cret", scope="openid")
"""

from __future__ import annotations

import attrs

from weaviate_async.connect._auth import Expiring, Scoped, nonempty, secret_repr

__all__ = {exported!r}
'''
AUTH_DOC = '''    """Factories for credentials.

    Examples:
        >>> client = await weaviate_async.connect_to_local(auth_credentials=Auth.api_key("key"))
    """
'''


def _field(field: Field) -> str:
    options = [] if field.default is REQUIRED else [f"default={field.default!r}"]
    if field.check:
        options.append(f"validator=nonempty({field.name!r})")
    if field.secret:
        options.append("repr=secret_repr")
    if options == [f"default={field.default!r}"]:
        value = f" = {field.default!r}"
    else:
        value = f" = attrs.field({', '.join(options)})" if options else ""
    return f"    {field.name}: {field.annotation}{value}"


def _class(kind: Kind) -> str:
    base = f"({kind.base})" if kind.base else ""
    fields = "\n".join(_field(f) for f in kind.fields)
    return f'@attrs.frozen(kw_only=True)\nclass {kind.cls}{base}:\n    """{kind.doc}"""\n\n{fields}'


def _factory(kind: Kind) -> str:
    params = ", ".join(
        f"{f.name}: {f.annotation}" + ("" if f.default is REQUIRED else f" = {f.default!r}")
        for f in kind.fields
    )
    forwarded = ", ".join(f"{f.name}={f.name}" for f in kind.fields)
    return (
        f"    @staticmethod\n    def {kind.factory}({params}) -> {kind.cls}:\n"
        f'        """{kind.factory_doc}"""\n        return {kind.cls}({forwarded})'
    )


def render() -> str:
    """The generated module, before formatting."""
    exported = sorted(["Auth", "AuthCredentials", *(kind.alias for kind in KINDS)])
    unions = "\n".join(f'{name} = {value}\n"""{doc}"""' for name, (value, doc) in UNIONS.items())
    aliases = "\n".join(f"{kind.alias} = {kind.cls}" for kind in KINDS)
    classes = "\n\n\n".join(_class(kind) for kind in KINDS)
    factories = "\n\n".join(_factory(kind) for kind in KINDS)
    note = one_module.note("gen_auth.py", "auth.py", "weaviate_async/connect/_auth.py")
    return (
        DOC.format(note=note, exported=exported)
        + f"\n\n{classes}\n\n\n{unions}\n\n{aliases}\n\n\nclass Auth:\n{AUTH_DOC}\n{factories}\n"
    )


if __name__ == "__main__":
    sys.exit(one_module.main(__doc__, TARGET, render, "gen_auth.py"))
