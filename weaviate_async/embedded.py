"""A real Weaviate server run by the client: provisioning and process lifecycle.

The embedded server is Weaviate's own ``weaviate-server`` binary, started on loopback with free
ports and a temporary data directory, and stopped when the client (or the test run) ends.

Finding the binary, in order:

1. the ``binary_path`` option (a path to the executable);
2. the ``WEAVIATE_BINARY`` environment variable;
3. the cache: ``$WEAVIATE_ASYNC_CACHE`` or ``~/.cache/weaviate-async``, then ``<version>/weaviate-server``;
4. a download of the official release archive into the cache;
5. ``go install github.com/weaviate/weaviate/cmd/weaviate-server@<version>`` into the cache,
   where a Go toolchain is on the PATH (the first build takes minutes).

Examples:
    >>> server = EmbeddedServer(EmbeddedOptions())
    >>> server.start()          # provisions the binary, starts it, waits until ready
    >>> server.http_port, server.grpc_port
    >>> server.stop()
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from collections.abc import Iterator, Mapping
from pathlib import Path

import attrs

from weaviate_async._embedded_options import DEFAULT_MODULES, DEFAULT_VERSION, EmbeddedOptions
from weaviate_async.exceptions import WeaviateEmbeddedError, WeaviateEmbeddedInvalidVersionError

# tarfile, urllib.request and ctypes are imported where used: connect_to_local imports this
# module for its defaults, and those imports would add ~15 ms to every client's start.

__all__ = [
    "DEFAULT_BINARY_PATH",
    "DEFAULT_GRPC_PORT",
    "DEFAULT_MODULES",
    "DEFAULT_PERSISTENCE_DATA_PATH",
    "DEFAULT_PORT",
    "DEFAULT_VERSION",
    "EmbeddedOptions",
    "EmbeddedServer",
    "EmbeddedV4",
    "GITHUB_RELEASE_DOWNLOAD_URL",
    "WEAVIATE_VERSION",
    "find_binary",
    "get_random_port",
    "start_cluster",
]

_RELEASE_URL = (
    "https://github.com/weaviate/weaviate/releases/download/"
    "v{version}/weaviate-v{version}-linux-{arch}.tgz"
)
_GO_PACKAGE = "github.com/weaviate/weaviate/cmd/weaviate-server"

# The official module's constants, for programs that read them. Ours picks free ports and a
# temporary data directory unless told otherwise; these are the values to pass for the
# official fixed layout.
GITHUB_RELEASE_DOWNLOAD_URL = "https://github.com/weaviate/weaviate/releases/download/"
"""Where release archives are downloaded from (the prefix of each version's archive)."""
DEFAULT_PORT = 8079
"""The official embedded server's HTTP port."""
DEFAULT_GRPC_PORT = 50060
"""The official embedded server's gRPC port."""
DEFAULT_PERSISTENCE_DATA_PATH = str(Path.home() / ".local/share/weaviate")
"""The official embedded server's data directory (ours defaults to a temporary one)."""


_RELEASE_VERSION = re.compile(r"\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?")


def _normalize_version(version: str) -> str:
    return version[1:] if version.startswith("v") else version


def cache_dir() -> Path:
    """The directory that holds provisioned binaries, one folder per version."""
    env = os.environ.get("WEAVIATE_ASYNC_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "weaviate-async"


DEFAULT_BINARY_PATH = str(cache_dir())
"""Where provisioned server binaries are kept (:func:`cache_dir`, as of import)."""
WEAVIATE_VERSION = DEFAULT_VERSION
"""The server version an embedded server runs by default (:data:`DEFAULT_VERSION`)."""


def get_random_port() -> int:
    """A TCP port that was free on this machine a moment ago (the OS chose it)."""
    return _free_ports(1)[0]


# --------------------------------------------------------------------------- provisioning


def _is_executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _download(version: str, target: Path, timeout: float = 10.0) -> None:
    arch = {"x86_64": "amd64", "aarch64": "arm64", "arm64": "arm64"}.get(os.uname().machine)
    if arch is None or not sys.platform.startswith("linux"):
        raise OSError(f"no release archive for {sys.platform}/{os.uname().machine}")
    import tarfile
    import urllib.request

    url = _RELEASE_URL.format(version=version, arch=arch)
    with urllib.request.urlopen(url, timeout=timeout) as reply:
        data = reply.read()
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        member = next((m for m in archive.getmembers() if Path(m.name).name == "weaviate"), None)
        if member is None:
            raise OSError("the release archive holds no 'weaviate' executable")
        source = archive.extractfile(member)
        if source is None:
            raise OSError("the release archive's 'weaviate' entry is not a file")
        partial = target.with_suffix(".partial")
        partial.write_bytes(source.read())
        partial.chmod(0o755)
        partial.replace(target)


def _go_install(version: str, target: Path) -> None:
    go = shutil.which("go")
    if go is None:
        raise OSError("no Go toolchain on the PATH")
    print(
        f"weaviate-async: building weaviate-server v{version} with `go install` into "
        f"{target.parent}; the first build takes several minutes...",
        file=sys.stderr,
        flush=True,
    )
    env = dict(os.environ, GOBIN=str(target.parent), CGO_ENABLED=os.environ.get("CGO_ENABLED", "0"))
    started = time.monotonic()
    proc = subprocess.run(
        [go, "install", f"{_GO_PACKAGE}@v{version}"],
        env=env,
        cwd=tempfile.gettempdir(),
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0 or not _is_executable(target):
        tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
        raise OSError(f"go install failed (exit {proc.returncode}):\n{tail}")
    print(
        f"weaviate-async: built weaviate-server v{version} in {time.monotonic() - started:.0f} s",
        file=sys.stderr,
        flush=True,
    )


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    """Serialize provisioning between processes (parallel test runs share the cache)."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def find_binary(options: EmbeddedOptions | None = None) -> Path:
    """Return the path of a ``weaviate-server`` executable, provisioning it when needed.

    Raises:
        WeaviateEmbeddedInvalidVersionError: no binary is given and the version is not a release
            version (such as ``"1.39.0"``).
        WeaviateEmbeddedError: nothing worked; the message lists every step tried and why it
            failed, and how to fix it.
    """
    options = options or EmbeddedOptions()
    version = _normalize_version(options.version)
    tried: list[str] = []

    if options.binary_path:
        path = Path(options.binary_path)
        if _is_executable(path):
            return path
        tried.append(f"binary_path={path}: not an executable file")
    env_path = os.environ.get("WEAVIATE_BINARY")
    if env_path:
        path = Path(env_path)
        if _is_executable(path):
            return path
        tried.append(f"WEAVIATE_BINARY={path}: not an executable file")

    # The version names a cache folder, a download and a module version: a release only.
    if not _RELEASE_VERSION.fullmatch(version):
        raise WeaviateEmbeddedInvalidVersionError(options.version)
    target = cache_dir() / f"v{version}" / "weaviate-server"
    if _is_executable(target):
        return target
    tried.append(f"cache {target}: not there")

    with _locked(target.parent):
        if _is_executable(target):  # another process provisioned it while we waited
            return target
        if options.allow_download:
            import tarfile
            import urllib.error

            try:
                _download(version, target)
                return target
            except (OSError, urllib.error.URLError, tarfile.TarError) as exc:
                tried.append(f"download of the v{version} release archive: {exc}")
        else:
            tried.append("download: disabled")
        if options.allow_go_build:
            try:
                _go_install(version, target)
                return target
            except OSError as exc:
                tried.append(f"go install: {exc}")
        else:
            tried.append("go install: disabled")

    steps = "\n".join(f"  - {line}" for line in tried)
    raise WeaviateEmbeddedError(
        f"no weaviate-server v{version} binary could be found or provisioned. Tried:\n{steps}\n"
        "Fix: set WEAVIATE_BINARY to an executable, pass EmbeddedOptions(binary_path=...), "
        f"or install Go and run `GOBIN={target.parent} go install {_GO_PACKAGE}@v{version}`.",
        operation="embedded.provision",
    )


# --------------------------------------------------------------------------- processes


def _free_ports(count: int) -> list[int]:
    """Ports the kernel says are free now; the sockets stay open until all are chosen so the
    same port is never handed out twice."""
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            # Probed on every interface: the server binds some listeners (gRPC, the cluster
            # data port) on all of them whatever its host setting.
            sock.bind(("", 0))
            sockets.append(sock)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _free_port_pairs(count: int) -> list[int]:
    """Ports ``p`` such that ``p`` and ``p + 1`` are both free for TCP and UDP.

    The server's own multi-node setups put the gossip data port right after the gossip port and
    the raft internal RPC port right after the raft port; keeping that shape avoids relying on
    every code path reading the explicit setting.
    """
    found: list[int] = []
    held: list[socket.socket] = []
    try:
        while len(found) < count:
            probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            probe.bind(("", 0))
            base = probe.getsockname()[1]
            probe.close()
            pair: list[socket.socket] = []
            try:
                for port in (base, base + 1):
                    for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
                        sock = socket.socket(socket.AF_INET, kind)
                        pair.append(sock)
                        sock.bind(("", port))
            except OSError:
                for sock in pair:
                    sock.close()
                continue
            held.extend(pair)
            found.append(base)
        return found
    finally:
        for sock in held:
            sock.close()


def _die_with_parent() -> None:
    # Linux only: the kernel sends SIGTERM to the server when the process that started it dies,
    # so a killed test run leaves nothing behind.
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


_live_servers: weakref.WeakSet[EmbeddedServer] = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    for server in list(_live_servers):
        server.stop()


@attrs.define(kw_only=True)
class _Ports:
    http: int
    grpc: int
    gossip: int
    data: int
    raft: int
    raft_rpc: int

    @classmethod
    def of(cls, http: int, grpc: int, gossip: int, raft: int) -> _Ports:
        """The ports of a node whose gossip data and raft RPC ports follow their base ports."""
        return cls(
            http=http, grpc=grpc, gossip=gossip, data=gossip + 1, raft=raft, raft_rpc=raft + 1
        )


class EmbeddedServer:
    """One ``weaviate-server`` process.

    ``start()`` provisions the binary, picks free ports, launches the process and waits until
    ``/v1/.well-known/ready`` answers; ``stop()`` sends SIGTERM, then SIGKILL after
    ``stop_timeout``. Both are idempotent. Usable as a context manager.
    """

    def __init__(
        self,
        options: EmbeddedOptions | None = None,
        *,
        node_name: str = "node1",
        cluster_env: Mapping[str, str] | None = None,
        ports: _Ports | None = None,
    ) -> None:
        self.options = options or EmbeddedOptions()
        self.node_name = node_name
        self._cluster_env = dict(cluster_env or {})
        self._ports = ports
        self._process: subprocess.Popen[bytes] | None = None
        self._temp_dir: tempfile.TemporaryDirectory[str] | None = None
        self._log_handle: io.BufferedWriter | None = None
        self._lock = threading.Lock()
        self.data_path: Path | None = None
        self.log_path: Path | None = None
        self.backup_path: Path | None = None

    # -- facts about the running server
    @property
    def host(self) -> str:
        """The address the server listens on."""
        return self.options.hostname

    @property
    def http_port(self) -> int:
        """The HTTP (REST) port."""
        return self._require_ports().http

    @property
    def grpc_port(self) -> int:
        """The gRPC port."""
        return self._require_ports().grpc

    @property
    def ports(self) -> _Ports:
        """Every port the server listens on."""
        return self._require_ports()

    @property
    def process(self) -> subprocess.Popen[bytes] | None:
        """The server's process while it runs (None before start and after stop)."""
        return self._process

    @property
    def pid(self) -> int | None:
        """The process id while the server runs."""
        return self._process.pid if self._process is not None else None

    @property
    def url(self) -> str:
        """The REST base URL, e.g. ``http://127.0.0.1:8080``."""
        return f"http://{self.host}:{self.http_port}"

    def _require_ports(self) -> _Ports:
        if self._ports is None:
            raise WeaviateEmbeddedError("the embedded server has not been started")
        return self._ports

    def is_running(self) -> bool:
        """Whether the process is alive."""
        return self._process is not None and self._process.poll() is None

    # -- lifecycle
    def environment(self) -> dict[str, str]:
        """The environment the server process gets."""
        opts = self.options
        ports = self._require_ports()
        assert self.data_path is not None and self.backup_path is not None
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.environ.get("HOME", "/tmp"),
            "PERSISTENCE_DATA_PATH": str(self.data_path),
            "BACKUP_FILESYSTEM_PATH": str(self.backup_path),
            "CLUSTER_HOSTNAME": self.node_name,
            # Without these, gossip binds every interface and raft the machine's first address.
            "CLUSTER_BIND_ADDR": opts.hostname,
            "CLUSTER_ADVERTISE_ADDR": opts.hostname,
            "RAFT_BOOTSTRAP_EXPECT": "1",
            "GRPC_PORT": str(ports.grpc),
            "CLUSTER_GOSSIP_BIND_PORT": str(ports.gossip),
            "CLUSTER_DATA_BIND_PORT": str(ports.data),
            "RAFT_PORT": str(ports.raft),
            "RAFT_INTERNAL_RPC_PORT": str(ports.raft_rpc),
            "GO_PROFILING_DISABLE": "true",
            "DISABLE_TELEMETRY": "true",
            "AUTOSCHEMA_ENABLED": "false",
            "DEFAULT_VECTORIZER_MODULE": "none",
            "ENABLE_MODULES": ",".join(opts.modules),
            "AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED": str(opts.anonymous_access).lower(),
            "QUERY_DEFAULTS_LIMIT": "25",
        }
        if opts.api_keys:
            env["AUTHENTICATION_APIKEY_ENABLED"] = "true"
            env["AUTHENTICATION_APIKEY_ALLOWED_KEYS"] = ",".join(opts.api_keys)
            env["AUTHENTICATION_APIKEY_USERS"] = ",".join(opts.api_keys.values())
        if opts.admin_users:
            env["AUTHORIZATION_ENABLE_RBAC"] = "true"
            env["AUTHORIZATION_RBAC_ROOT_USERS"] = ",".join(opts.admin_users)
        env.update(self._cluster_env)
        env.update(opts.additional_env_vars or {})
        return env

    def launch(self) -> None:
        """Provision the binary and start the process without waiting for readiness."""
        with self._lock:
            if self.is_running():
                return
            binary = find_binary(self.options)
            opts = self.options
            if self._ports is None:
                free = iter(_free_ports(2))
                gossip, raft = _free_port_pairs(2)
                self._ports = _Ports.of(
                    opts.port or next(free), opts.grpc_port or next(free), gossip, raft
                )
            if opts.persistence_data_path:
                root = Path(opts.persistence_data_path)
                root.mkdir(parents=True, exist_ok=True)
                self.data_path = root
                self.backup_path = root / "_backups"
                self.log_path = root / "weaviate.log"
            else:
                self._temp_dir = tempfile.TemporaryDirectory(prefix="weaviate-async-")
                root = Path(self._temp_dir.name)
                self.data_path = root / "data"
                self.backup_path = root / "backups"
                self.log_path = root / "weaviate.log"
            self.backup_path.mkdir(parents=True, exist_ok=True)
            self._log_handle = open(self.log_path, "ab")  # noqa: SIM115 - lives with the process
            self._process = subprocess.Popen(
                [
                    str(binary),
                    "--host",
                    opts.hostname,
                    "--port",
                    str(self.http_port),
                    "--scheme",
                    "http",
                    *opts.extra_args,
                ],
                env=self.environment(),
                stdin=subprocess.DEVNULL,
                stdout=self._log_handle,
                stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent,
                close_fds=True,
            )
            _live_servers.add(self)

    def probe_ready(self) -> bool:
        """One readiness probe: whether ``/v1/.well-known/ready`` answers 200 now."""
        import urllib.error
        import urllib.request

        try:
            with urllib.request.urlopen(f"{self.url}/v1/.well-known/ready", timeout=2) as reply:
                return bool(reply.status == 200)
        except (OSError, urllib.error.URLError):
            return False

    def log_tail(self, lines: int = 30) -> str:
        """The last lines of the server's log, for error messages."""
        if self.log_path is None or not self.log_path.exists():
            return "(no log)"
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def wait_ready(self, timeout: float | None = None) -> None:
        """Block until the server is ready.

        Raises:
            WeaviateEmbeddedError: the process exited or the timeout passed; the message holds
                the tail of the server's log.
        """
        limit = self.options.startup_timeout if timeout is None else timeout
        deadline = time.monotonic() + limit
        delay = 0.05
        while True:
            if self._process is None:
                raise WeaviateEmbeddedError("the embedded server was not launched")
            code = self._process.poll()
            if code is not None:
                raise WeaviateEmbeddedError(
                    f"weaviate-server exited with code {code} before it was ready. "
                    f"Log tail ({self.log_path}):\n{self.log_tail()}",
                    operation="embedded.start",
                )
            if self.probe_ready():
                return
            if time.monotonic() > deadline:
                tail = self.log_tail()
                self.stop()
                raise WeaviateEmbeddedError(
                    f"weaviate-server was not ready within {limit:.0f} s. Log tail:\n{tail}",
                    operation="embedded.start",
                )
            time.sleep(delay)
            delay = min(delay * 1.5, 0.5)

    def start(self) -> EmbeddedServer:
        """Launch the server and wait until it is ready. Returns self."""
        self.launch()
        self.wait_ready()
        return self

    def stop(self) -> None:
        """Stop the process (SIGTERM, then SIGKILL after the grace period) and remove its
        temporary data. Idempotent."""
        with self._lock:
            proc, self._process = self._process, None
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(self.options.stop_timeout)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            if self._log_handle is not None:
                self._log_handle.close()
                self._log_handle = None
            if self._temp_dir is not None:
                self._temp_dir.cleanup()
                self._temp_dir = None
            _live_servers.discard(self)

    def kill(self) -> None:
        """Kill the process at once (SIGKILL), keeping its data, for fault tests; ``launch()``
        starts it again on the same ports and data."""
        with self._lock:
            if self._process is not None and self._process.poll() is None:
                self._process.kill()
                self._process.wait()
            self._process = None

    def __enter__(self) -> EmbeddedServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = f"pid={self.pid} url={self.url}" if self.is_running() else "stopped"
        return f"<EmbeddedServer v{self.options.version} {self.node_name} {state}>"


def start_cluster(
    nodes: int = 3, options: EmbeddedOptions | None = None, *, attempts: int = 3
) -> list[EmbeddedServer]:
    """Start ``nodes`` servers on loopback as one cluster and wait until all are ready.

    The first node is launched alone until its gossip port listens, so that the others find it
    when they join (a node whose join fails stays outside the cluster for good). A start that
    fails (a node exits, or the nodes are not ready within ``options.startup_timeout``) is
    retried ``attempts`` times in all, on fresh ports.

    Raises:
        WeaviateEmbeddedError: the last attempt failed; the message holds the log tail of the
            node that failed.

    Examples:
        >>> servers = start_cluster(3)
        >>> [s.http_port for s in servers]
    """
    options = options or EmbeddedOptions()
    for attempt in range(1, attempts + 1):
        servers = _cluster_nodes(nodes, options)
        try:
            servers[0].launch()
            _wait_listening(servers[0], servers[0].ports.gossip, options.startup_timeout)
            for server in servers[1:]:
                server.launch()
            _wait_all_ready(servers, options.startup_timeout)
            return servers
        except WeaviateEmbeddedError:
            for server in servers:
                server.stop()
            if attempt == attempts:
                raise
        except BaseException:
            for server in servers:
                server.stop()
            raise
    raise AssertionError("unreachable")  # pragma: no cover


def _cluster_nodes(nodes: int, options: EmbeddedOptions) -> list[EmbeddedServer]:
    singles = _free_ports(2 * nodes)
    pairs = _free_port_pairs(2 * nodes)
    ports = [
        _Ports.of(singles[2 * i], singles[2 * i + 1], pairs[2 * i], pairs[2 * i + 1])
        for i in range(nodes)
    ]
    names = [f"node{i + 1}" for i in range(nodes)]
    raft_join = ",".join(f"{name}:{p.raft}" for name, p in zip(names, ports, strict=True))
    servers = []
    for i, (name, p) in enumerate(zip(names, ports, strict=True)):
        env = {
            "CLUSTER_IN_LOCALHOST": "true",
            "RAFT_JOIN": raft_join,
            "RAFT_BOOTSTRAP_EXPECT": str(nodes),
        }
        if i > 0:
            env["CLUSTER_JOIN"] = f"127.0.0.1:{ports[0].gossip}"
        servers.append(EmbeddedServer(options, node_name=name, cluster_env=env, ports=p))
    return servers


def _exited(server: EmbeddedServer) -> WeaviateEmbeddedError | None:
    process = server.process
    code = None if process is None else process.poll()
    if process is not None and code is None:
        return None
    return WeaviateEmbeddedError(
        f"weaviate-server {server.node_name} exited with code {code} before the cluster was "
        f"ready. Log tail ({server.log_path}):\n{server.log_tail()}",
        operation="embedded.start",
    )


def _wait_listening(server: EmbeddedServer, port: int, limit: float) -> None:
    """Block until ``port`` accepts TCP connections on loopback (the node's process alive)."""
    deadline = time.monotonic() + limit
    delay = 0.02
    while True:
        failure = _exited(server)
        if failure is not None:
            raise failure
        with socket.socket() as probe:
            probe.settimeout(1)
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        if time.monotonic() > deadline:
            raise WeaviateEmbeddedError(
                f"{server.node_name} did not listen on port {port} within {limit:.0f} s. "
                f"Log tail:\n{server.log_tail()}",
                operation="embedded.start",
            )
        time.sleep(delay)
        delay = min(delay * 1.5, 0.5)


def _wait_all_ready(servers: list[EmbeddedServer], limit: float) -> None:
    """Block until every node is ready; fail at once when one exits."""
    deadline = time.monotonic() + limit
    waiting = list(servers)
    delay = 0.05
    while waiting:
        for server in list(waiting):
            failure = _exited(server)
            if failure is not None:
                raise failure
            if server.probe_ready():
                waiting.remove(server)
        if not waiting:
            return
        if time.monotonic() > deadline:
            late = waiting[0]
            raise WeaviateEmbeddedError(
                f"{', '.join(s.node_name for s in waiting)} not ready within {limit:.0f} s. "
                f"Log tail of {late.node_name}:\n{late.log_tail()}",
                operation="embedded.start",
            )
        time.sleep(delay)
        delay = min(delay * 1.5, 0.5)


EmbeddedV4 = EmbeddedServer
"""The official client's name of the embedded server process."""
