"""Generate ``weaviate_async/connect/integrations.py`` from one table.

Usage::

    python tools/gen_integrations.py           # (re)write weaviate_async/connect/integrations.py
    python tools/gen_integrations.py --check   # exit 1 when it differs from what the table makes

Each model provider has a settings class (one header per field) and a factory of
``Integrations`` that takes the same settings as keyword arguments; the table
(``tools/factory_tables/integrations.py``) writes each provider once.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import one_module
from factory_tables.integrations import KINDS, PROVIDERS, Provider

TARGET = "weaviate_async/connect/integrations.py"
DOC = '''"""Model provider integrations: the headers that carry a provider's API key and settings.

{note}

The server's modules read a provider's API key, base URL and rate limits from request headers
(``X-Openai-Api-Key``, ``X-Cohere-Baseurl``, ...). ``Integrations.<provider>(...)`` builds them,
and ``client.integrations.configure(...)`` adds them to every later request of the client, REST
and gRPC alike, as integration packages such as langchain-weaviate do after connecting.

Examples:
    >>> from weaviate_async.classes.config import Integrations
    >>> client.integrations.configure(
    ...     [Integrations.openai(api_key="sk-..."), Integrations.cohere(api_key="...")]
    ... )
"""

from __future__ import annotations

import attrs

from weaviate_async.connect._integrations import (
    _IntegrationConfig,
    _Integrations as _Integrations,
    header_field,
    merge_headers,
    rate_field,
)

__all__ = ["Integrations", "merge_headers"]
'''
CLASS_DOC = '''    """Builders of the headers for one model provider each, for
    ``client.integrations.configure(...)``.

    Each checks its arguments (a bad one raises ``WeaviateInvalidInputError`` naming it); options
    left as None are not sent, so the server's or the collection's settings apply.
    """
'''


def _settings_class(provider: Provider) -> str:
    lines = [f"@attrs.frozen(kw_only=True)\nclass {provider.cls}(_IntegrationConfig):"]
    for name, header, kind in provider.fields:
        annotation, build, _ = KINDS[kind]
        lines.append(f"    {name}: {annotation} = {build.format(header=header)}")
    return "\n".join(lines)


def _factory(provider: Provider) -> str:
    kinds = {name: kind for name, _, kind in provider.fields}
    params = []
    for name in provider.order:
        annotation, _, default = KINDS[kinds[name]]
        params.append(f"{name}: {annotation}" + (f" = {default}" if default else ""))
    doc = provider.doc.rstrip("\n")
    doc = textwrap.indent(doc, "    ").lstrip() + ("\n    " if "\n" in doc else "")
    forwarded = ", ".join(f"{name}={name}" for name in provider.order)
    return (
        f"@staticmethod\ndef {provider.method}(*, {', '.join(params)}) -> _IntegrationConfig:\n"
        f'    """{doc}"""\n    return {provider.cls}({forwarded})'
    )


def render() -> str:
    """The generated module, before formatting."""
    note = one_module.note(
        "gen_integrations.py", "integrations.py", "weaviate_async/connect/_integrations.py"
    )
    classes = "\n\n\n".join(_settings_class(p) for p in PROVIDERS)
    factories = "\n\n".join(textwrap.indent(_factory(p), "    ") for p in PROVIDERS)
    return (
        DOC.format(note=note)
        + f"\n\n{classes}\n\n\nclass Integrations:\n{CLASS_DOC}\n{factories}\n"
    )


if __name__ == "__main__":
    sys.exit(one_module.main(__doc__, TARGET, render, "gen_integrations.py"))
