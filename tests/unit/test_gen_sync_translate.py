"""tools/gensync/translate.py: the translations both generators share (the text a blocking user
reads, the imports of a generated module, annotations)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.gen_sync_snippets import PACKAGE, TARGET, gensync, translate, write_package


@pytest.fixture
def tree(tmp_path: Path) -> gensync.Tree:
    write_package(tmp_path, '@twin\nclass ThingAsync:\n    """A thing."""\n')
    return gensync.Tree(tmp_path, PACKAGE, TARGET)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("``await thing.size()``", "``thing.size()``"),
        ("async with x as y: / async for i in x:", "with x as y: / for i in x:"),
        ("ThingAsync and ThingAsyncs", "Thing and ThingAsyncs"),
        ("``use_async_with_local(port=1)``", "``connect_to_local(port=1)``"),
        ("await\nalone, asynchronous", "await\nalone, asynchronous"),
    ],
)
def test_sync_text(tree: gensync.Tree, text: str, expected: str) -> None:
    assert gensync.sync_text(tree, text) == expected


def test_imports_split_runtime_from_type_checking_ones() -> None:
    imports = gensync.translate.Imports("pkg.mod")
    imports.need("Thing", "from", "pkg.other", "Thing", runtime=True)
    imports.need("Iterator", "from", "collections.abc", "Iterator", runtime=False)
    imports.need("Local", "from", "pkg.mod", "Local", runtime=True)  # defined here: no import
    imports.need("np", "import", "numpy", None, runtime=False)
    assert imports.render() == (
        "from __future__ import annotations\n"
        "\n"
        "from pkg.other import Thing\n"
        "from typing import TYPE_CHECKING\n"
        "\n"
        "if TYPE_CHECKING:\n"
        "    from collections.abc import Iterator\n"
        "    import numpy as np\n"
    )


def test_one_name_from_two_places_is_an_error() -> None:
    imports = gensync.translate.Imports("pkg.mod")
    imports.need("Thing", "from", "pkg.a", "Thing", runtime=True)
    with pytest.raises(gensync.GenError, match="two places"):
        imports.need("Thing", "from", "pkg.b", "Thing", runtime=True)


@pytest.mark.parametrize(
    ("annotation", "expected"),
    [
        ("AsyncIterator[int]", "Iterator[int]"),
        ("AsyncIterator[ThingAsync]", "Iterator[Thing]"),
        ("ThingAsync | None", "Thing | None"),
        ("list[ThingAsync]", "list[Thing]"),
        ("ThingAsync", "Thing"),
        ("dict[str, ThingAsync]", "dict[str, Thing]"),
    ],
)
def test_result_annotations(tmp_path: Path, annotation: str, expected: str) -> None:
    text, notes = translate(
        tmp_path,
        f'''
        @twin
        class ThingAsync:
            """A thing."""

            async def get(self) -> {annotation}:
                """Gives it."""
                raise NotImplementedError
        ''',
    )
    assert notes == []
    assert f"    def get(self) -> {expected}:\n" in text


def test_an_awaitable_result_cannot_be_adapted(tmp_path: Path) -> None:
    with pytest.raises(gensync.GenError, match="cannot adapt a result annotated 'Awaitable"):
        translate(
            tmp_path,
            """
            @twin
            class ThingAsync:
                \"\"\"A thing.\"\"\"

                async def get(self) -> Awaitable[str]:
                    \"\"\"An awaitable of an awaitable.\"\"\"
                    raise NotImplementedError
            """,
        )
