"""The driver: generate every file, format it with ruff, compare with (or write over) what
is on disk, and the command line."""

from __future__ import annotations

import argparse
import difflib
import shutil
import subprocess
import sys
from pathlib import Path

from .common import DST_PACKAGE, REPO, SRC_PACKAGE, GenError
from .facade import ModuleGen
from .source import Tree
from .twin_tests import GENERATED_MARK, TESTS_DIR, sync_tests

# --------------------------------------------------------------------------- driver


def _module_path(twin: str) -> str:
    return twin.replace(".", "/")


def generate(
    root: Path = REPO, package: str = SRC_PACKAGE, target: str = DST_PACKAGE
) -> tuple[dict[str, str], list[str]]:
    """The generated files (path relative to ``root`` -> text, unformatted) and notes."""
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    tree = Tree(root, package, target)
    files: dict[str, str] = {}
    notes: list[str] = []
    for name, mod in sorted(tree.modules.items()):
        if not tree.mirrored(mod):
            continue
        gen = ModuleGen(tree, mod, notes)
        twin_path = _module_path(gen.twin_name) + ("/__init__.py" if mod.is_package else ".py")
        if tree.has_twins(mod):
            if mod.is_package:
                raise GenError(f"{name}: keep facade classes out of package __init__ modules")
            files[twin_path] = gen.render_twins()
        elif mod.is_package:
            files[twin_path] = gen.render_package()
        else:
            files[twin_path] = gen.render_reexport()
    if (root / package / "py.typed").exists():
        files[f"{target}/py.typed"] = ""
    files.update(sync_tests(tree, root))
    return files, notes


def _ruff() -> str:
    candidate = Path(sys.executable).parent / "ruff"
    return str(candidate) if candidate.exists() else "ruff"


def format_files(
    files: dict[str, str],
    root: Path = REPO,
    first_party: tuple[str, ...] = (SRC_PACKAGE, DST_PACKAGE),
) -> dict[str, str]:
    """Sort imports and format with the project's ruff configuration, each file as if it were
    at its place in the repository (``--stdin-filename``), so ruff classifies imports as there."""
    ruff = _ruff()
    # first-party by name, not by what exists on disk yet (the output may not)
    known = ", ".join(f"'{p}'" for p in first_party)
    isort = ["--config", f"lint.isort.known-first-party = [{known}]"]
    out: dict[str, str] = {}
    for rel, text in sorted(files.items()):
        if not rel.endswith(".py"):
            out[rel] = text
            continue
        name = ["--stdin-filename", str(root / rel)]
        fixed = subprocess.run(
            [
                ruff,
                "check",
                "--quiet",
                "--fix-only",
                "--exit-zero",
                "--select",
                "I,F401,UP037",
                *isort,
                *name,
                "-",
            ],
            input=text,
            capture_output=True,
            text=True,
            cwd=root,
            check=True,
        ).stdout
        formatted = subprocess.run(
            [ruff, "format", "--quiet", *name, "-"],
            input=fixed,
            capture_output=True,
            text=True,
            cwd=root,
        )
        if formatted.returncode != 0:
            raise GenError(f"ruff format failed on {rel}: {formatted.stderr.strip()}")
        out[rel] = formatted.stdout
    return out


def existing_files(root: Path = REPO, target: str = DST_PACKAGE) -> dict[str, str]:
    """The files the generator owns now: the twin package, and generated test modules."""
    out: dict[str, str] = {}
    base = root / target
    if base.exists():
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                out[path.relative_to(root).as_posix()] = path.read_text()
    tests = root / TESTS_DIR
    if tests.exists():
        for path in sorted(tests.rglob("*.py")):
            text = path.read_text()
            if text.startswith(GENERATED_MARK):
                out[path.relative_to(root).as_posix()] = text
    return out


def build(
    root: Path = REPO, package: str = SRC_PACKAGE, target: str = DST_PACKAGE
) -> tuple[dict[str, str], list[str]]:
    files, notes = generate(root, package, target)
    return format_files(files, root, (package, target)), notes


def check(root: Path = REPO, package: str = SRC_PACKAGE, target: str = DST_PACKAGE) -> list[str]:
    """Files that differ from what the generator would write (stale, missing or extra), and
    the notes on constructs it could not translate: any of them fails ``--check``."""
    wanted, notes = build(root, package, target)
    have = existing_files(root, target)
    problems = [f"note: {note}" for note in notes]
    for rel in sorted(set(wanted) | set(have)):
        if rel not in have:
            problems.append(f"missing: {rel}")
        elif rel not in wanted:
            problems.append(f"not generated (remove it): {rel}")
        elif wanted[rel] != have[rel]:
            problems.append(f"stale: {rel}")
    return problems


def write(
    root: Path = REPO, package: str = SRC_PACKAGE, target: str = DST_PACKAGE
) -> tuple[list[str], list[str]]:
    wanted, notes = build(root, package, target)
    have = existing_files(root, target)
    changed = []
    for rel, text in wanted.items():
        if have.get(rel) != text:
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
            changed.append(rel)
    for rel in sorted(set(have) - set(wanted)):
        (root / rel).unlink()
        changed.append(f"removed {rel}")
    # empty directories left behind
    for path in (
        sorted((root / target).rglob("*"), reverse=True) if (root / target).exists() else []
    ):
        if (
            path.is_dir()
            and path.name != "__pycache__"
            and not any(p for p in path.iterdir() if p.name != "__pycache__")
        ):
            shutil.rmtree(path)
    return changed, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python tools/gen_sync.py",
        description="Generate weaviate_sync and the blocking twins of the async test modules.",
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if weaviate_sync is stale or notes remain"
    )
    parser.add_argument("--bench", action="store_true", help="measure the loop-thread hop")
    parser.add_argument("--diff", action="store_true", help="with --check: show the diff")
    args = parser.parse_args(argv)
    if args.bench:
        if str(REPO) not in sys.path:
            sys.path.insert(0, str(REPO))
        from benchmarks.loop_hop import bench

        bench()
        return 0
    try:
        if args.check:
            problems = check()
            wanted = build()[0] if args.diff else {}
            for problem in problems:
                print(problem)
                if args.diff and problem.startswith("stale: "):
                    rel = problem.split(": ", 1)[1]
                    have = (REPO / rel).read_text()
                    sys.stdout.writelines(
                        difflib.unified_diff(
                            have.splitlines(True), wanted[rel].splitlines(True), rel, rel
                        )
                    )
            if any(p.startswith("note: ") for p in problems):
                print("gen_sync made notes on constructs it cannot translate: fix the sources")
            if any(not p.startswith("note: ") for p in problems):
                print("generated files are out of date: run `python tools/gen_sync.py`")
            return 1 if problems else 0
        changed, notes = write()
    except GenError as exc:
        print(f"gen_sync: {exc}", file=sys.stderr)
        return 2
    for rel in changed:
        print(f"wrote {rel}" if not rel.startswith("removed") else rel)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    return 1 if notes else 0
