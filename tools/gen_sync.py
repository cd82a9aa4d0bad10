"""Generate ``weaviate_sync`` and the blocking twins of the async test modules that ask for one.

Usage::

    python tools/gen_sync.py            # (re)write weaviate_sync/ and the generated tests
    python tools/gen_sync.py --check    # exit 1 naming stale, missing or extra files, and notes
    python tools/gen_sync.py --bench    # the cost of one hop (benchmarks/loop_hop.py)

The command line of the generator, which lives in the package ``tools/gensync`` (its docstring
states the translation rules); this module also re-exports its API for the tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gensync import (
    GenError,
    Tree,
    build,
    check,
    generate,
    main,
    sync_text,
    write,
)

__all__ = ["GenError", "Tree", "build", "check", "generate", "main", "sync_text", "write"]

if __name__ == "__main__":
    sys.exit(main())
