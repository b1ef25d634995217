"""The bundle's keep/leave-out rules, checked against real file names without building."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import guide
from tests.packaging.conftest import PACKAGING, ROOT

KEPT_LINUX = [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/libqminimal.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
    "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
    "PySide6/Qt/lib/libQt6Svg.so.6",
    "PySide6/Qt/lib/libQt6PrintSupport.so.6",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt/lib/libicudata.so.73",
    "PySide6/Qt/translations/qtbase_en.qm",
    "data/sections/pre-doctoral.md",
    "resources/icons/app.svg",
]
KEPT_WINDOWS = [
    "PySide6\\plugins\\platforms\\qwindows.dll",
    "PySide6\\plugins\\platforms\\qoffscreen.dll",
    "PySide6\\plugins\\platforms\\qminimal.dll",
    "PySide6\\plugins\\imageformats\\qsvg.dll",
    "PySide6\\plugins\\iconengines\\qsvgicon.dll",
    "PySide6\\plugins\\styles\\qmodernwindowsstyle.dll",
    "PySide6\\Qt6Svg.dll",
    "PySide6\\Qt6PrintSupport.dll",
    "PySide6\\Qt6Core.dll",
]
LEFT_OUT = [
    "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/Qt/lib/libQt6OpenGL.so.6",
    "PySide6/Qt/lib/libQt6QmlModels.so.6",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/generic/libqtuiotouchplugin.so",
    "PySide6/Qt/plugins/imageformats/libqwebp.so",
    "PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/translations/qt_fr.qm",
    "PySide6/Qt/translations/assistant_en.qm",
    "PySide6\\Qt6Network.dll",
    "PySide6\\opengl32sw.dll",
    "PySide6\\plugins\\tls\\qschannelbackend.dll",
    "PySide6\\plugins\\platforms\\qdirect2d.dll",
    "PySide6\\plugins\\platforminputcontexts\\qtvirtualkeyboardplugin.dll",
    "PySide6\\plugins\\imageformats\\qpdf.dll",
    "PySide6\\translations\\qtbase_cs.qm",
]


@pytest.mark.parametrize("dest", KEPT_LINUX + KEPT_WINDOWS)
def test_platforms_svg_printing_and_content_are_kept(rules: ModuleType, dest: str) -> None:
    assert not rules.dropped(dest)


@pytest.mark.parametrize("dest", LEFT_OUT)
def test_network_embedded_and_foreign_language_files_are_left_out(
    rules: ModuleType, dest: str
) -> None:
    assert rules.dropped(dest)


def test_python_excludes_drop_network_but_never_printing_or_svg(rules: ModuleType) -> None:
    excludes = set(rules.PYTHON_EXCLUDES)
    assert {"PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "ssl"} <= excludes
    for needed in ("PySide6.QtPrintSupport", "PySide6.QtSvg", "PySide6.QtWidgets", "sqlite3"):
        assert needed not in excludes
    assert set(rules.QT_MODULES_KEPT) == {"PySide6.QtPrintSupport", "PySide6.QtSvg"}


def test_no_module_of_the_app_imports_an_excluded_module(rules: ModuleType) -> None:
    """An import of an excluded module would only fail in the frozen app, so catch it here."""
    excluded = tuple(rules.PYTHON_EXCLUDES)
    offenders = []
    for path in sorted((ROOT / "guide").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            words = line.split()
            if len(words) >= 2 and words[0] in ("import", "from"):
                module = words[1].rstrip(",")
                if any(module == e or module.startswith(e + ".") for e in excluded):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux wheel layout")
def test_the_installed_qt_still_has_every_required_file_after_the_rules(
    rules: ModuleType,
) -> None:
    spec = importlib.util.find_spec("PySide6")
    assert spec and spec.origin
    qt = Path(spec.origin).parent / "Qt"
    dests = [f"PySide6/Qt/{p.relative_to(qt).as_posix()}" for p in qt.rglob("*") if p.is_file()]
    kept = [d for d in dests if not rules.dropped(d)]
    assert rules.missing_required(kept, rules.REQUIRED_LINUX) == []
    network = [d for d in dests if "libQt6Network" in d or "/plugins/tls/" in d]
    assert network and not set(network) & set(kept)


def test_missing_required_names_what_a_broken_build_lacks(rules: ModuleType) -> None:
    present = ["PySide6/plugins/platforms/qwindows.dll", "PySide6/Qt6Svg.dll"]
    missing = rules.missing_required(present, rules.REQUIRED_WINDOWS)
    assert r"PySide6/plugins/platforms/qoffscreen\.dll$" in missing
    assert r"PySide6/Qt6Svg\.dll$" not in missing


def test_every_module_loaded_by_name_is_a_real_module_of_the_package(
    rules: ModuleType,
) -> None:
    modules = rules.dynamic_modules()
    assert "guide.commands.content" in modules  # the registries were read, not skipped
    for name in modules:
        assert name.startswith("guide."), f"{name} is outside guide/, so not bundled"
        assert importlib.util.find_spec(name) is not None, f"{name} is registered but missing"


def test_app_version_is_read_from_the_package(rules: ModuleType) -> None:
    assert rules.app_version(ROOT) == guide.__version__


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("2.10", (2, 10, 0, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
        ("1.2.3rc1", (1, 2, 3, 0)),
        ("1.4.0+local", (1, 4, 0, 0)),
    ],
)
def test_version_becomes_four_windows_numbers(
    rules: ModuleType, version: str, expected: tuple[int, ...]
) -> None:
    assert rules.version_tuple(version) == expected


@pytest.mark.parametrize("version", ["", "dev", "1.70000.0"])
def test_a_version_windows_cannot_hold_is_refused(rules: ModuleType, version: str) -> None:
    with pytest.raises(ValueError):
        rules.version_tuple(version)


def test_windows_version_resource_renders_with_the_app_version(rules: ModuleType) -> None:
    """Evaluate the filled template the way PyInstaller does, with recording constructors."""
    template = (PACKAGING / "windows" / "version_info.txt").read_text(encoding="utf-8")
    text = rules.render_version_info(template, "3.4.5")
    assert "@" not in text

    def record(kind: str):  # type: ignore[no-untyped-def]
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = (
        "VSVersionInfo FixedFileInfo StringFileInfo StringTable StringStruct VarFileInfo VarStruct"
    )
    info = eval(text, {n: record(n) for n in names.split()})  # our own template
    fixed = info[2]["ffi"][2]
    assert fixed["filevers"] == fixed["prodvers"] == (3, 4, 5, 0)
    table = info[2]["kids"][0][1][0][0]
    strings = dict(s[1] for s in table[1][1])
    assert strings["FileVersion"] == strings["ProductVersion"] == "3.4.5"
    assert strings["OriginalFilename"] == "ClinicalAcademicGuide.exe"
    assert strings["ProductName"] == guide.APP_NAME
    assert "NHS" not in strings["CompanyName"]


def test_installer_script_installs_per_user_without_admin_rights() -> None:
    iss = (PACKAGING / "windows" / "ClinicalAcademicGuide.iss").read_text(encoding="utf-8")
    settings = dict(
        line.split("=", 1) for line in iss.splitlines() if "=" in line and line[:1].isalpha()
    )
    assert settings["PrivilegesRequired"] == "lowest"
    assert settings["DefaultDirName"].startswith("{autopf}")  # %LOCALAPPDATA%\Programs per user
    assert "{#AppSlug}.ico" in settings["SetupIconFile"]
    assert (PACKAGING / "windows" / "ClinicalAcademicGuide.ico").is_file()
    assert "dist\\" in iss and "recursesubdirs" in iss


def _spec_calls(name: str) -> list[dict[str, object]]:
    """The keyword arguments of every ``name(...)`` call in build_installer.spec."""
    tree = ast.parse((ROOT / "build_installer.spec").read_text(encoding="utf-8"))
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == name:
            calls.append({k.arg: ast.unparse(k.value) for k in node.keywords if k.arg})
    return calls


def test_spec_builds_one_folder_without_upx_named_after_the_app() -> None:
    exes, collects = _spec_calls("EXE"), _spec_calls("COLLECT")
    assert exes and len(collects) == 1
    for exe in exes:
        assert exe["exclude_binaries"] == "True"  # binaries go beside the exe: one folder
        assert exe["upx"] == "False"
    assert collects[0]["upx"] == "False"
    assert collects[0]["name"] == "NAME"
    analysis = _spec_calls("Analysis")[0]
    assert analysis["excludes"] == "list(rules.PYTHON_EXCLUDES)"
    assert analysis["hiddenimports"] == "hidden"  # computed from collect_submodules('guide')
