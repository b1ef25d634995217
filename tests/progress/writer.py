"""A writer process for the crash tests: saves change after change to the progress record
of ``HOME`` (in the folder the user chose to keep it in, if any) and prints each change's
number once ``save`` has returned success.

Run as ``python -m tests.progress.writer HOME FIRST COUNT``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from guide.progress.location import open_record


def main(home: str, first: int, count: int) -> None:
    store = open_record(Path(home)).store
    print("ready", flush=True)
    for n in range(first, first + count):
        key = f"m-{n}"
        ok = store.update_entry(key, status="done", notes=f"note {n}")  # one save per change
        if not ok:
            print(f"failed {n}: {store.error}", flush=True)
            continue
        print(n, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
