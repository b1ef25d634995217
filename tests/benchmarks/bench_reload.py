"""Reload of one edited page: save a page, then ``reload_content`` (what watch mode and
File > Reload do before the reader re-renders). Median and worst of several edits."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from tests.benchmarks.proc import median


def measure(extra_content: Path | None = None, edits: int = 7) -> dict[str, float]:
    from guide.content import load_content
    from guide.content.reload import reload_content
    from guide.paths import bundled_data_dir

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        if extra_content is not None:
            shutil.copytree(extra_content, root)
        else:
            (root / "pages").mkdir(parents=True)
        page = root / "pages" / "edited-page.md"
        text = (
            "---\nid: edited-page\nkind: page\ntitle: {title}\nlast_reviewed: 2026-01-15\n"
            "next_review: 2027-01-15\n---\n\nSee [the pre-doctoral stage](pre-doctoral).\n"
        )
        page.write_text(text.format(title="Edited 0"), encoding="utf-8")
        model = load_content([bundled_data_dir(), root])
        times = []
        for n in range(1, edits + 1):
            page.write_text(text.format(title=f"Edited {n}"), encoding="utf-8")
            started = time.perf_counter()
            model = reload_content(model, [page])
            times.append((time.perf_counter() - started) * 1000)
            assert model.get("edited-page").title == f"Edited {n}"
    return {
        "reload_one_page_ms": round(median(times), 1),
        "reload_one_page_max_ms": round(max(times), 1),
    }


if __name__ == "__main__":
    import sys

    extra = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    for key, value in measure(extra).items():
        print(f"{key:<24} {value}")
