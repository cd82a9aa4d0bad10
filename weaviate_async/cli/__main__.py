"""``python -m weaviate_async.cli``."""

from weaviate_async.cli import main

main()
