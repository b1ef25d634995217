"""What the PyInstaller bundle keeps and leaves out: the rules ``build_installer.spec`` applies.

Kept in a plain module (loaded by path, not imported as a package: a ``packaging`` package would
shadow the PyPI ``packaging`` library that pip and PyInstaller need) so that fast tests can check
the rules against real file names without running a build.

Measured on Linux (``../shared/research/baselines.md`` §6): the default one-folder build is
160 MB; leaving out unused Qt modules, plugins and translations saves about 27 MB, and
stripping symbols (mostly from libpython) about 23 MB. ICU (39 MB) is the floor: QtCore links it.
"""

from __future__ import annotations

import ast
import importlib
import re
from collections.abc import Iterable
from pathlib import Path

APP_SLUG = "ClinicalAcademicGuide"

# Python modules never bundled. Qt bindings the app does not use (QtNetwork also enforces
# "offline for real": a module importing it fails the frozen self-test), plus stdlib and
# third-party modules that only optional code paths pull in.
PYTHON_EXCLUDES: tuple[str, ...] = (
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtConcurrent",
    "PySide6.QtXml",
    "PySide6.QtHelp",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "tkinter",
    "unittest",
    "pydoc",
    "doctest",
    # Markdown's codehilite extension imports Pygments if present; the renderer does not use
    # it (no syntax highlighting in a careers guide) and it would add ~10 MB of lexers.
    "pygments",
    # No network code: ssl and the OpenSSL hash backend would bring libssl and libcrypto
    # (~5 MB). hashlib falls back to its built-in implementations.
    "ssl",
    "_ssl",
    "_hashlib",
)

# Modules that must be bundled even if the import analysis does not see them. The app's
# own dynamically loaded modules are computed from its registries by ``dynamic_modules``.
QT_MODULES_KEPT: tuple[str, ...] = ("PySide6.QtPrintSupport", "PySide6.QtSvg")

# Bundle entries (destination path inside the bundle, "/"-separated) left out. Linux wheels put
# Qt under PySide6/Qt/{lib,plugins,translations}; Windows wheels under PySide6/{plugins,...}.
_QT = r"PySide6/(?:Qt/)?"
DROP_PATTERNS: tuple[str, ...] = (
    # Qt libraries only the dropped plugins or modules need.
    _QT + r"(?:lib/lib)?Qt6(?:Network|EglFSDeviceIntegration|EglFsKmsSupport|OpenGL|Qml\w*|"
    r"Quick\w*|Pdf\w*|VirtualKeyboard\w*)\.(?:so|dll)",
    # Software OpenGL for Qt Quick on Windows (20 MB); widgets paint with the raster engine.
    _QT + r"opengl32sw\.dll",
    # Plugin folders: network backends, embedded-Linux input and EGL, QML tooling, SQL,
    # SVG-to-QML, OpenGL-over-Wayland buffer integrations.
    _QT + r"plugins/(?:tls|networkinformation|egldeviceintegrations|generic|qmltooling|"
    r"sqldrivers|vectorimageformats|designer|wayland-graphics-integration-(?:client|server))/",
    # Platforms for embedded devices and remote framebuffers. Kept: xcb, wayland, offscreen,
    # minimal (Linux) and windows, offscreen, minimal (Windows).
    _QT + r"plugins/platforms/(?:lib)?q(?:eglfs|linuxfb|minimalegl|vnc|vkkhrdisplay|direct2d)"
    r"\.(?:so|dll)",
    # The GTK3 theme links gtk, cairo, pango and ~25 more libraries; without it Qt uses its
    # own widgets for file dialogs, which work the same.
    _QT + r"plugins/platformthemes/(?:lib)?qgtk3\.(?:so|dll)",
    # Qt's on-screen keyboard (Windows wheel): QML-based, so its libraries are left out above.
    _QT + r"plugins/platforminputcontexts/(?:lib)?qtvirtualkeyboardplugin\.(?:so|dll)",
    # Image formats no content or icon uses. Kept: png (built in), jpeg, gif, ico, svg.
    _QT + r"plugins/imageformats/(?:lib)?q(?:icns|tga|tiff|wbmp|webp|pdf)\.(?:so|dll)",
    # Qt's own translations: only English is used (the app's strings are its own).
    _QT + r"translations/(?!qtbase_en\.|qt_en\.)",
)
_DROP = re.compile("|".join(f"(?:{p})" for p in DROP_PATTERNS))

# What the app needs at run time; a build missing one of these (for the platform it was built
# on) is broken, so the spec checks them after filtering. Regexes on destination paths.
REQUIRED_LINUX: tuple[str, ...] = (
    r"PySide6/Qt/plugins/platforms/libqxcb\.so$",
    r"PySide6/Qt/plugins/platforms/libqwayland\.so$",
    r"PySide6/Qt/plugins/platforms/libqoffscreen\.so$",
    r"PySide6/Qt/plugins/platforms/libqminimal\.so$",
    r"PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell\.so$",
    r"PySide6/Qt/plugins/imageformats/libqsvg\.so$",
    r"PySide6/Qt/plugins/iconengines/libqsvgicon\.so$",
    r"PySide6/Qt/lib/libQt6Svg\.so",
    r"PySide6/Qt/lib/libQt6PrintSupport\.so",
    r"PySide6/Qt/lib/libicudata\.so",
)
REQUIRED_WINDOWS: tuple[str, ...] = (
    r"PySide6/plugins/platforms/qwindows\.dll$",
    r"PySide6/plugins/platforms/qoffscreen\.dll$",
    r"PySide6/plugins/platforms/qminimal\.dll$",
    r"PySide6/plugins/imageformats/qsvg\.dll$",
    r"PySide6/plugins/iconengines/qsvgicon\.dll$",
    r"PySide6/Qt6Svg\.dll$",
    r"PySide6/Qt6PrintSupport\.dll$",
)


def dropped(dest: str) -> bool:
    """True if the bundle entry with this destination path is left out."""
    return bool(_DROP.search(dest.replace("\\", "/")))


def missing_required(dests: Iterable[str], required: Iterable[str]) -> list[str]:
    """The required patterns that no destination path matches."""
    paths = [d.replace("\\", "/") for d in dests]
    return [p for p in required if not any(re.search(p, d) for d in paths)]


def app_version(root: Path) -> str:
    """``guide.__version__``, read from the source without importing the package."""
    tree = ast.parse((root / "guide" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
        ):
            return str(ast.literal_eval(node.value))
    raise ValueError("guide/__init__.py has no __version__")


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Windows file versions are four 16-bit numbers: "0.1.0" -> (0, 1, 0, 0)."""
    release = re.match(r"\d+(?:\.\d+)*", version)  # "1.2.3rc1" -> "1.2.3"
    numbers = [int(n) for n in release.group().split(".")[:4]] if release else []
    if not numbers or any(n > 0xFFFF for n in numbers):
        raise ValueError(f"version {version!r} does not fit a Windows file version")
    return (*numbers, 0, 0, 0, 0)[:4]  # type: ignore[return-value]


def render_version_info(template: str, version: str) -> str:
    """Fill ``packaging/windows/version_info.txt`` for PyInstaller's ``EXE(version=...)``."""
    return template.replace("@VERSION_TUPLE@", repr(version_tuple(version))).replace(
        "@VERSION@", version
    )


def dynamic_modules() -> list[str]:
    """Modules the app loads by name through importlib, from the registries that list them.

    ``guide.cli.COMMAND_MODULES`` (subcommands), ``guide.ui.features.FEATURES`` (window
    features) and ``guide.content.loader.DOCUMENT_KINDS`` (document validators,
    ``"module:function"``). Registries not written yet count as empty.
    """
    found: list[str] = []

    def registry(module: str, name: str) -> object:
        try:
            return getattr(importlib.import_module(module), name, ())
        except ImportError:
            return ()

    found.extend(registry("guide.cli", "COMMAND_MODULES"))  # type: ignore[arg-type]
    found.extend(registry("guide.ui.features", "FEATURES"))  # type: ignore[arg-type]
    kinds = registry("guide.content.loader", "DOCUMENT_KINDS")
    found.extend(v.split(":", 1)[0] for v in dict(kinds).values())  # type: ignore[call-overload]
    return sorted(set(found))
