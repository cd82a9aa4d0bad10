"""Developer tasks: `nox -s tests`, `nox -s demo`, `nox -s lint`, `nox -s typecheck`,
`nox -s protos`, `nox -s docs`, `nox -s bench`, `nox -s bench_ingest`, `nox -s bench_query`,
`nox -s bench_io`, `nox -s tests_servers`, `nox -s units` (the unit suite on every supported
Python), `nox -s build` (the distributions, checked), `nox -s reliability_processes` (fork,
gunicorn, multiprocessing, hidden calls and TLS, longer than in the suite).

Each session installs what it needs into its own virtualenv. The tests and the demo run a real
weaviate-server; the first run provisions it (see weaviate_async/embedded.py), which with only a
Go toolchain on the machine means a build of several minutes, cached for later runs.
"""

from __future__ import annotations

import contextlib
import email.parser
import os
import re
import shutil
import subprocess
import tarfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import nox

nox.options.sessions = ["lint", "typecheck", "tests"]
nox.options.reuse_existing_virtualenvs = True
nox.options.default_venv_backend = "uv|virtualenv"

#: The supported Pythons (pyproject.toml's classifiers list the same).
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
ROOT = Path(__file__).resolve().parent


def _pyenv_versions() -> None:
    """Let nox find every Python of PYTHONS that pyenv has installed.

    pyenv's shims answer only for the versions it has selected (usually one), so `python3.10`
    fails through the shim although pyenv holds a 3.10, and nox, which resolves a shim through
    pyenv's selection, reports it missing. Appending the newest installed patch of each missing
    minor version to that selection, for this process and its children only, finds them; pyenv's
    own settings are left alone.
    """
    pyenv = shutil.which("pyenv")
    if pyenv is None:
        return
    root = (
        os.environ.get("PYENV_ROOT")
        or subprocess.run([pyenv, "root"], capture_output=True, text=True).stdout.strip()
    )
    if not root or not (Path(root) / "versions").is_dir():
        return
    os.environ["PYENV_ROOT"] = root  # nox resolves pyenv's shims through it
    if "PYENV_VERSION" in os.environ:
        selected = os.environ["PYENV_VERSION"].split(":")
    else:
        answer = subprocess.run([pyenv, "version-name"], capture_output=True, text=True)
        selected = answer.stdout.strip().split(":") if answer.returncode == 0 else []
    installed = [p.name for p in (Path(root) / "versions").iterdir()]
    added = []
    for minor in PYTHONS:
        if any(v == minor or v.startswith(minor + ".") for v in selected):
            continue
        patches = [v for v in installed if re.fullmatch(re.escape(minor) + r"\.\d+", v)]
        if patches:
            added.append(max(patches, key=lambda v: int(v.rsplit(".", 1)[1])))
    if added:
        os.environ["PYENV_VERSION"] = ":".join([*(selected or ["system"]), *added])


_pyenv_versions()


def _runs(version: str) -> bool:
    exe = shutil.which(f"python{version}")
    return exe is not None and subprocess.run([exe, "-c", ""], capture_output=True).returncode == 0


_FOUND = [version for version in PYTHONS if _runs(version)]
#: The README's test command runs the whole suite on the oldest supported Python found and
#: `tests_grpcio` on the newest, so that the integration suite covers both ends of the range
#: (None, when none is found: the interpreter running nox).
OLDEST = _FOUND[0] if _FOUND else None
NEWEST = _FOUND[-1] if _FOUND else None

#: Provisions the server binary of the version the tests will run (WEAVIATE_VERSION, else the
#: pinned one) before pytest starts, so that a first build is not charged to a test's time limit.
_PROVISION = (
    "import os\n"
    "from weaviate_async.embedded import DEFAULT_VERSION, EmbeddedOptions, find_binary\n"
    "version = os.environ.get('WEAVIATE_VERSION') or DEFAULT_VERSION\n"
    "print(find_binary(EmbeddedOptions(version=version)))"
)


@nox.session(python=OLDEST)
def tests(session: nox.Session) -> None:
    """Unit and integration tests against real weaviate-server processes (on the oldest
    supported Python found)."""
    session.install("-e", ".[test]")
    session.run("python", "-c", _PROVISION)
    # every generator but gen_protos (which needs grpcio-tools; CI checks it apart)
    for generator in sorted(Path("tools").glob("gen_*.py")):
        if generator.name != "gen_protos.py":
            session.run("python", str(generator), "--check")
    session.run("pytest", "-q", "-ra", "--durations=15", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check."""
    session.install("ruff==0.17.6")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on both packages (with the optional libraries their modules type against:
    the command line's typer, io's pyarrow, the Ray and Dask writers)."""
    session.install("-e", ".[numpy,io,cli,ray,dask,otel]", "mypy>=1.11", "types-protobuf")
    session.run("mypy")


@nox.session
def protos(session: nox.Session) -> None:
    """Regenerate weaviate_async/proto from protos/ and fail when the checked-in output was
    stale (CI: `nox -s protos -- --check` only checks)."""
    session.install("-e", ".[gen]")
    session.run("python", "tools/gen_protos.py", *session.posargs)


@nox.session
def demo(session: nox.Session) -> None:
    """The demo: an embedded server, real data, queries, readable results."""
    session.install("-e", ".[demo]")
    session.run("python", "-m", "weaviate_async.demo", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Side-by-side benchmarks against the official client on the same server
    (`nox -s bench -- --ingest [options]` runs the ingestion benchmark instead)."""
    session.install("-e", ".[bench]")
    args = list(session.posargs)
    if "--ingest" in args:
        args.remove("--ingest")
        session.run("python", "-m", "benchmarks.ingest", *args)
    elif "--query" in args:  # the same as `nox -s bench_query`
        args.remove("--query")
        session.install("-e", ".[bench,grpcio]")
        session.run("python", "-m", "benchmarks.query", "--grpcio", *args)
    else:
        session.run("python", "-m", "benchmarks", *args)


@nox.session
def bench_query(session: nox.Session) -> None:
    """Side-by-side query benchmark: client CPU per query, p50/p99, queries/s at 1, 16 and 64
    concurrent, cold start; ours (grpclib and grpcio) against the official client, async and
    sync (`-- --quick`, `-- --help`)."""
    session.install("-e", ".[bench,grpcio]")
    session.run("python", "-m", "benchmarks.query", "--grpcio", *session.posargs)


@nox.session
def reliability_observability(session: nox.Session) -> None:
    """The cost of observability on the query path (docs/reliability.md#observability): our
    client's CPU per search without the otel extra, with the API and no SDK configured, and
    with an SDK and a no-op exporter, interleaved in one run (arguments after `--` go to
    benchmarks/query.py, e.g. `-- --rounds 15 --calls 1000 --concurrency 1`)."""
    session.install("-e", ".[bench,otel]", "opentelemetry-sdk>=1.27")
    args = list(session.posargs) or ["--rounds", "7", "--calls", "400"]
    session.run(
        "python",
        "-m",
        "benchmarks.query",
        "--quick",
        "--no-cold",
        "--otel",
        "none",
        "api",
        "noop-sdk",
        "--modes",
        "ours_async",
        "ours_sync",
        "--scenarios",
        "near_vector",
        "--json",
        "benchmarks/results/observability.json",
        *args,
    )


@nox.session
def bench_ingest(session: nox.Session) -> None:
    """Side-by-side ingestion benchmark: our batch modes and the official client's, on servers
    with synchronous and asynchronous indexing (`-- --quick`, `-- --million`, `-- --help`)."""
    session.install("-e", ".[bench]")
    session.run("python", "-m", "benchmarks.ingest", *session.posargs)


@nox.session
def bench_io(session: nox.Session) -> None:
    """File import/export benchmark (issue 16): `import_file`, the CLI's `import` and
    `export_collection` against the official client's documented Parquet import, on one
    embedded server with asynchronous indexing (`-- --quick`, `-- --rows N`, `-- --help`)."""
    session.install("-e", ".[bench,cli]")
    session.run("python", "-m", "benchmarks.io", *session.posargs)


@nox.session
def bench_ray(session: nox.Session) -> None:
    """The Ray Data writer with 1, 2 and 4 workers against one embedded server: rows/s, the
    workers' and the server's CPU (issue 16; `-- --rows N`, `-- --help`)."""
    session.install("-e", ".[bench,ray]")
    session.run("python", "-m", "benchmarks.ray_io", *session.posargs)


@nox.session
def reliability_faults(session: nox.Session) -> None:
    """The network-fault matrix (tests/integration/test_network_faults.py: REST, unary gRPC on
    grpclib and grpcio, insert_many, the batch stream) run `--repeat N` times per case (default
    20), each failure's error class and time written to `--report FILE` (default
    reliability-faults.tsv) for docs/reliability.md; other arguments go to pytest."""
    session.install("-e", ".[test,grpcio]")
    session.run("python", "-c", _PROVISION)
    args = list(session.posargs)
    repeat, report = "20", "reliability-faults.tsv"
    for flag in ("--repeat", "--report"):
        if flag in args:
            at = args.index(flag)
            value = args[at + 1]
            del args[at : at + 2]
            if flag == "--repeat":
                repeat = value
            else:
                report = value
    session.run(
        "pytest",
        "-q",
        "tests/integration/test_network_faults.py",
        *args,
        env={"NETFAULT_REPEAT": repeat, "NETFAULT_REPORT": report},
    )


@nox.session
def reliability_kill(session: nox.Session) -> None:
    """The kill campaign (`nox -s reliability_kill -- RUNS OBJECTS`, default 10 runs of 200,000
    objects): batches, dynamic and stream in turn, with the server SIGKILLed and restarted at a
    random moment of each; prints one row per run for docs/reliability.md."""
    session.install("-e", ".[test]")
    session.run("python", "-c", _PROVISION)
    session.run("python", "-m", "tests.kill_campaign", *session.posargs)


@nox.session
def reliability_large_writes(session: nox.Session) -> None:
    """Large writes (issue 17): ``insert_many`` of 200,000 objects of 64 dimensions into an HNSW
    index with the client's own request bound, on both gRPC transports and the sync client,
    printing the requests, the largest one, the wall time and the client's CPU
    (`-- --objects N` for another size)."""
    session.install("-e", ".[test,grpcio]")
    session.run("python", "-c", _PROVISION)
    args = list(session.posargs)
    objects = "200000"
    if "--objects" in args:
        at = args.index("--objects")
        objects = args[at + 1]
        del args[at : at + 2]
    env = {
        "LARGE_WRITES_OBJECTS": objects,
        "LARGE_WRITES_MAX_BYTES": "0",
        "LARGE_WRITES_INDEX": "hnsw",
    }
    tests = [
        "tests/integration/test_large_writes.py",
        "tests/integration/test_large_writes_sync_gen.py",
    ]
    for transport in ("grpclib", "grpcio"):
        session.run(
            "pytest",
            "-q",
            "-s",
            "-k",
            "bounded_requests_and_stores",
            *tests,
            *args,
            env={**env, "WEAVIATE_ASYNC_GRPC_TRANSPORT": transport},
        )


@nox.session(python=NEWEST)
def tests_grpcio(session: nox.Session) -> None:
    """The test suite on the optional grpcio transport (WEAVIATE_ASYNC_GRPC_TRANSPORT=grpcio
    makes every client that does not choose a transport use it), on the newest supported
    Python found."""
    session.install("-e", ".[test,grpcio]")
    session.run("python", "-c", _PROVISION)
    # The command line's tests run it in subprocesses without the WEAVIATE_* environment, so
    # on the default transport whatever this session sets: the tests session covers them.
    skip = [
        "--ignore=tests/integration/test_cli.py",
        "--ignore=tests/integration/test_cli_admin.py",
    ]
    session.run(
        "pytest",
        "-q",
        "-ra",
        *skip,
        *session.posargs,
        env={"WEAVIATE_ASYNC_GRPC_TRANSPORT": "grpcio"},
    )


@nox.session(python=NEWEST)
def reliability_processes(session: nox.Session) -> None:
    """Processes, hidden calls and TLS (docs/reliability.md), longer than in the suite: every
    gunicorn case (sync, gthread and uvicorn workers, the client made at import time with
    --preload or per worker) with ``requests=N`` requests each (default 2000), the official
    client under the socket guard, and the TLS and proxy tests; on grpclib, then grpcio.
    ``nox -s reliability_processes -- requests=5000``."""
    session.install("-e", ".[test,grpcio]")
    session.run("python", "-c", _PROVISION)
    requests = "2000"
    rest = []
    for arg in session.posargs:
        if arg.startswith("requests="):
            requests = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    targets = [
        "tests/integration/test_processes.py",
        "tests/integration/test_no_hidden_calls.py",
        "tests/integration/test_tls_proxy.py",
    ]
    for transport in ("grpclib", "grpcio"):
        session.run(
            "pytest",
            "-q",
            "-ra",
            "--durations=30",
            *targets,
            *rest,
            env={
                "WEAVIATE_ASYNC_GRPC_TRANSPORT": transport,
                "PROCS_REQUESTS": requests,
                "PROCS_FULL": "1",
                "PROCS_OFFICIAL": "1",
            },
        )


@nox.session
def docs(session: nox.Session) -> None:
    """The documentation site: `mkdocs build --strict` into site/ (a broken link or reference,
    or a docstring griffe cannot read, fails the build); `-- serve` serves it instead."""
    session.install("-e", ".[docs]")
    env = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    if session.posargs[:1] == ["serve"]:
        session.run("mkdocs", "serve", *session.posargs[1:], env=env)
    else:
        session.run("mkdocs", "build", "--strict", "--site-dir", "site", *session.posargs, env=env)


#: Older servers `nox -s tests_servers` runs against by default, those the whole suite passes
#: on; 1.32.0 builds and runs too (`-- 1.32.0`) with known failures (docs/testing.md).
OLD_SERVERS = ("1.37.0", "1.35.2")


@nox.session
def tests_servers(session: nox.Session) -> None:
    """The integration suite against older weaviate-server versions, one run per version:
    `nox -s tests_servers -- 1.35.2 1.32.0 [pytest arguments]` (default: OLD_SERVERS).

    Each binary comes from the cache, else a `go install` (minutes per version, once). Tests of
    features newer than the server are skipped by their `min_server` mark, and the client's
    refusal of those features is asserted instead (tests/integration/test_version_gates.py).
    """
    import re

    session.install("-e", ".[test]")
    versions = [a for a in session.posargs if re.fullmatch(r"v?\d+\.\d+\.\d+", a)]
    pytest_args = [a for a in session.posargs if a not in versions] or ["tests/integration"]
    for version in versions or OLD_SERVERS:
        # an explicit WEAVIATE_BINARY would win over the version: clear it
        env = {"WEAVIATE_VERSION": version.lstrip("v"), "WEAVIATE_BINARY": ""}
        session.run(
            "python",
            "-c",
            "from weaviate_async.embedded import EmbeddedOptions, find_binary; "
            f"print(find_binary(EmbeddedOptions(version={version.lstrip('v')!r})))",
            env=env,
        )
        session.run("pytest", "-q", "-ra", *pytest_args, env=env)


@nox.session
def reliability_fuzz(session: nox.Session) -> None:
    """Bad input at full size (issue 17): every hypothesis case of
    tests/unit/test_fuzz_bad_input.py and test_fuzz_garbled_replies.py with 10,000 random examples, and the real-server case of
    tests/integration/test_bad_input.py with 500. `nox -s reliability_fuzz -- 2000 100` sets
    both counts; pytest arguments may follow."""
    session.install("-e", ".[test]")
    args = list(session.posargs)
    counts = []
    while args and args[0].isdigit() and len(counts) < 2:
        counts.append(args.pop(0))
    env = {
        "WEAVIATE_FUZZ_PROFILE": "badinput-fuzz",
        "WEAVIATE_FUZZ_EXAMPLES": counts[0] if counts else "10000",
        "WEAVIATE_FUZZ_SERVER_EXAMPLES": counts[1] if len(counts) > 1 else "500",
    }
    session.run(
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "--durations=30",
        "--hypothesis-show-statistics",
        "tests/unit/test_fuzz_bad_input.py",
        "tests/unit/test_fuzz_garbled_replies.py",
        "tests/integration/test_bad_input.py",
        *args,
        env=env,
    )


@nox.session(python=PYTHONS)
def units(session: nox.Session) -> None:
    """The unit suite (tests/unit, no server) on each supported Python: `nox -s units`, or one
    of them, `nox -s units-3.10`."""
    session.install("-e", ".[test]")
    session.run("pytest", "-q", "-p", "no:cacheprovider", "tests/unit", *session.posargs)


@contextlib.contextmanager
def _step(session: nox.Session, name: str, times: list[tuple[str, float]]) -> Iterator[None]:
    start = time.monotonic()
    yield
    took = time.monotonic() - start
    times.append((name, took))
    session.log(f"[{took:6.1f} s] {name}")


def _venv(session: nox.Session, uv: str, path: Path, *requirements: str) -> str:
    """A fresh virtualenv at ``path`` (of the session's Python) with ``requirements``; its
    python."""
    shutil.rmtree(path, ignore_errors=True)
    python = session.run("python", "-c", "import sys; print(sys.executable)", silent=True)
    assert isinstance(python, str)
    session.run(uv, "venv", "-q", "-p", python.strip(), str(path), external=True)
    session.run(
        uv,
        "pip",
        "install",
        "-q",
        "-p",
        str(path / "bin" / "python"),
        *requirements,
        external=True,
    )
    session.run(uv, "pip", "check", "-q", "-p", str(path / "bin" / "python"), external=True)
    return str(path / "bin" / "python")


def _extras(wheel: Path) -> list[str]:
    """The extras the wheel's metadata declares."""
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        meta = email.parser.Parser().parsestr(zf.read(name).decode())
    return meta.get_all("Provides-Extra", [])


@nox.session
def build(session: nox.Session) -> None:
    """Build the wheel and the sdist and check them: twine; their files; a wheel rebuilt from
    the sdist equal to one built from the tree; the unit suite (the sdist's tests) against the
    wheel installed in a fresh virtualenv; mypy --strict on a typed program against the
    installed wheel; each extra installed on its own. Prints each step's duration."""
    times: list[tuple[str, float]] = []
    uv = shutil.which("uv")
    if uv is None:
        session.install("uv")
        uv = "uv"
    session.install("twine>=6.1", "packaging>=24.2")
    tmp = Path(session.create_tmp()).resolve()
    dist, tree_wheel, work = tmp / "dist", tmp / "tree-wheel", tmp / "work"
    for path in (dist, tree_wheel, work):
        shutil.rmtree(path, ignore_errors=True)
    check = str(ROOT / "tools" / "dist_check" / "check.py")

    with _step(session, "build: sdist, then the wheel from the sdist", times):
        session.run(uv, "build", "-q", "-o", str(dist), str(ROOT), external=True)
    with _step(session, "build: a wheel from the tree, compared", times):
        session.run(uv, "build", "-q", "--wheel", "-o", str(tree_wheel), str(ROOT), external=True)
        wheels = [next(dist.glob("*.whl")), next(tree_wheel.glob("*.whl"))]
        session.run("python", check, "same-wheel", *map(str, wheels))
    wheel, sdist = wheels[0], next(dist.glob("*.tar.gz"))
    with _step(session, "twine check", times):
        session.run("twine", "check", "--strict", str(wheel), str(sdist))
    with _step(session, "contents of the wheel and the sdist", times):
        session.run("python", check, "contents", str(dist))

    # The unit suite from the sdist's copy of the tests, without the packages' source next to
    # it: the run dir holds tests/, tools/, benchmarks/, protos/..., so only the installed
    # wheel can be imported (conftest.py checks it with WEAVIATE_ASYNC_TEST_INSTALLED).
    with _step(session, "unit suite on the installed wheel: venv with wheel[test]", times):
        venv_python = _venv(session, uv, work / "venv-test", f"{wheel}[test]")
        with tarfile.open(sdist) as tf:
            tf.extractall(work, filter="data")
        run_dir = work / sdist.name.removesuffix(".tar.gz")
        for package in ("weaviate_async", "weaviate_sync"):
            shutil.rmtree(run_dir / package)
        session.run(venv_python, check, "installed", external=True)
    with _step(session, "extra [test] on its own", times):
        session.run("python", check, "extra", "test", str(wheel), venv_python)
    with _step(session, "unit suite on the installed wheel: pytest", times), session.chdir(run_dir):
        session.run(
            venv_python,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/unit",
            # The checks that generated code is current compare with the source tree, which
            # this run deliberately lacks (`nox -s units` and `nox -s tests` run them).
            "-m",
            "not source_tree",
            *session.posargs,
            env={"WEAVIATE_ASYNC_TEST_INSTALLED": "1"},
            external=True,
        )
    with _step(session, "mypy --strict against the installed wheel", times):
        session.run(uv, "pip", "install", "-q", "-p", venv_python, "mypy>=1.11", external=True)
        session.run("python", check, "typed", venv_python)

    for extra in _extras(wheel):
        if extra == "test":
            continue
        with _step(session, f"extra [{extra}] on its own", times):
            python = _venv(session, uv, work / f"venv-{extra}", f"{wheel}[{extra}]")
            session.run("python", check, "extra", extra, str(wheel), python)
            shutil.rmtree(work / f"venv-{extra}")

    for name, took in times:
        session.log(f"{took:6.1f} s  {name}")
    session.log(f"{sum(t for _, t in times):6.1f} s  in all")


@nox.session
def reliability_cancel(session: nox.Session) -> None:
    """The cancellation campaign (issue 17): `nox -s reliability_cancel -- [count] [seed]`
    cancels `count` tasks (default 1,000) running inserts, batches, searches, the iterator and
    backups at random moments, then checks for leaks and lost acknowledgements; prints its
    figures. The suite runs 100."""
    session.install("-e", ".[test]")
    session.run("python", "-c", _PROVISION)
    count = session.posargs[0] if session.posargs else "1000"
    seed = session.posargs[1] if len(session.posargs) > 1 else "17"
    session.run(
        "pytest",
        "-q",
        "-s",
        "-p",
        "no:cacheprovider",
        "tests/integration/test_reliability_cancel.py",
        env={"WEAVIATE_RELIABILITY_CANCELS": count, "WEAVIATE_RELIABILITY_SEED": seed},
    )


@nox.session
def reliability_load(session: nox.Session) -> None:
    """Load (issue 17): `nox -s reliability_load -- [seconds]` runs 256 concurrent async
    searches, then 64 threads of the blocking client, each with a batch beside, for `seconds`
    each (default 60); prints the table of requests, latency percentiles and memory. The suite
    runs 6 s each."""
    session.install("-e", ".[test]")
    session.run("python", "-c", _PROVISION)
    seconds = session.posargs[0] if session.posargs else "60"
    session.run(
        "pytest",
        "-q",
        "-s",
        "-p",
        "no:cacheprovider",
        "tests/integration/test_reliability_load.py",
        env={"WEAVIATE_RELIABILITY_LOAD_SECONDS": seconds},
    )
