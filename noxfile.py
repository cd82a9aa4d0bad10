"""Developer tasks: `nox -s tests`, `nox -s demo`, `nox -s lint`, `nox -s typecheck`,
`nox -s protos`, `nox -s docs`, `nox -s bench`, `nox -s bench_ingest`, `nox -s bench_query`,
`nox -s tests_servers`.

Each session installs what it needs into its own virtualenv. The tests and the demo run a real
weaviate-server; the first run provisions it (see weaviate_async/embedded.py), which with only a
Go toolchain on the machine means a build of several minutes, cached for later runs.
"""

from __future__ import annotations

import nox

nox.options.sessions = ["lint", "typecheck", "tests"]
nox.options.reuse_existing_virtualenvs = True
nox.options.default_venv_backend = "uv|virtualenv"


@nox.session
def tests(session: nox.Session) -> None:
    """Unit and integration tests against real weaviate-server processes."""
    session.install("-e", ".[test]")
    session.run(
        "python", "-c", "from weaviate_async.embedded import find_binary; print(find_binary())"
    )
    session.run("python", "tools/gen_sync.py", "--check")
    session.run("python", "tools/gen_search.py", "--check")
    session.run("pytest", "-q", "-ra", "--durations=15", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check."""
    session.install("ruff==0.17.6")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on both packages."""
    session.install("-e", ".[numpy]", "mypy>=1.11", "types-protobuf")
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
def bench_ingest(session: nox.Session) -> None:
    """Side-by-side ingestion benchmark: our batch modes and the official client's, on servers
    with synchronous and asynchronous indexing (`-- --quick`, `-- --million`, `-- --help`)."""
    session.install("-e", ".[bench]")
    session.run("python", "-m", "benchmarks.ingest", *session.posargs)


@nox.session
def tests_grpcio(session: nox.Session) -> None:
    """The test suite on the optional grpcio transport (WEAVIATE_ASYNC_GRPC_TRANSPORT=grpcio
    makes every client that does not choose a transport use it)."""
    session.install("-e", ".[test,grpcio]")
    session.run(
        "pytest", "-q", "-ra", *session.posargs, env={"WEAVIATE_ASYNC_GRPC_TRANSPORT": "grpcio"}
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
OLD_SERVERS = ("1.35.2",)


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
