"""The ``weaviate-async`` command line (typer and rich, in the extra ``cli``).

``weaviate-async --url http://127.0.0.1:8080 --grpc-port 50051 import data.parquet -c Articles``;
``weaviate-async --help`` lists the commands. Importing ``weaviate_async`` never imports this.
"""

from __future__ import annotations

__all__ = ["main"]


def main() -> None:
    """Run the command line (the ``weaviate-async`` console script)."""
    from weaviate_async.cli.app import main as run

    run()
