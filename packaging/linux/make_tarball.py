"""Pack the built bundle into a Linux tarball: ``make tarball``.

    python packaging/linux/make_tarball.py [--bundle dist/ClinicalAcademicGuide] [--out dist]

Writes ``dist/ClinicalAcademicGuide-<version>-linux-<arch>.tar.gz``, unpacking to one folder:

    ClinicalAcademicGuide/
        ClinicalAcademicGuide              the program (run it; no install needed)
        _internal/                         Python, Qt, the content (read-only)
        clinical-academic-guide.desktop    applications-menu entry
        icons/hicolor/<N>x<N>/apps/        its icon
        install-desktop-entry.sh           adds the menu entry for this user, no root

Touch ``portable.flag`` beside the program to keep your data in the folder (USB stick).
The archive is reproducible: sorted names, owner root, one timestamp (``SOURCE_DATE_EPOCH``,
else the newest commit's time, else 0), file modes kept, symlinks kept as links.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import os
import platform
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
HERE = Path(__file__).resolve().parent
TOP = "ClinicalAcademicGuide"
ICON_NAME = "clinical-academic-guide"


def _version() -> str:
    spec = importlib.util.spec_from_file_location("bundle_rules", HERE.parent / "bundle_rules.py")
    assert spec and spec.loader
    rules = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rules)
    return str(rules.app_version(ROOT))


def _timestamp() -> int:
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True
        )
        return int(out.stdout.strip() or 0)
    except (OSError, ValueError):
        return 0


def members(bundle: Path, packaging_dir: Path = ROOT / "packaging") -> Iterator[tuple[Path, str]]:
    """(source path, name in the archive) for everything the tarball holds, sorted by name."""
    entries: list[tuple[Path, str]] = [(bundle, TOP)]
    for path in bundle.rglob("*"):
        entries.append((path, f"{TOP}/{path.relative_to(bundle).as_posix()}"))
    linux = packaging_dir / "linux"
    entries.append((linux / f"{ICON_NAME}.desktop", f"{TOP}/{ICON_NAME}.desktop"))
    entries.append((linux / "install-desktop-entry.sh", f"{TOP}/install-desktop-entry.sh"))
    for png in sorted((packaging_dir / "icons").glob(f"{ICON_NAME}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        entries.append((png, f"{TOP}/icons/hicolor/{size}x{size}/apps/{ICON_NAME}.png"))
    # Folders for the icon tree, so every file's parent is in the archive.
    names = {name for _, name in entries}
    for _, name in list(entries):
        parent = name.rsplit("/", 1)[0]
        while parent not in names:
            names.add(parent)
            entries.append((packaging_dir / "icons", parent))
            parent = parent.rsplit("/", 1)[0]
    return iter(sorted(entries, key=lambda e: e[1]))


def write_tarball(bundle: Path, out: Path, mtime: int) -> Path:
    if not (bundle / TOP).is_file():
        raise SystemExit(f"no bundle at {bundle}: run `make bundle` first")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    with (
        open(partial, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=mtime) as gz,
        tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for source, name in members(bundle):
            info = tar.gettarinfo(str(source), arcname=name)
            info.uid = info.gid = 0
            info.uname = info.gname = "root"
            info.mtime = mtime
            if info.isdir():
                info.mode = 0o755
            if info.isfile():
                with open(source, "rb") as handle:
                    tar.addfile(info, handle)
            else:
                tar.addfile(info)
    partial.replace(out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / TOP)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    name = f"{TOP}-{_version()}-linux-{platform.machine()}.tar.gz"
    path = write_tarball(args.bundle, args.out / name, _timestamp())
    print(f"{path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
