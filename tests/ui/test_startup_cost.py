"""Start-up stays light: what the first screen does not need is loaded after the first paint.

The speed figures themselves are in ``make bench`` (tests/benchmarks); these tests pin the
structural reasons the app is fast, so a stray top-level import shows up as a failure here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from guide.ui.diagram.page import PathwayDiagramPage
from tests.ui.helpers import make_window

# Snapshot sys.modules at the first paint event anywhere in the app, then let the app quit.
_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
seen = []
dataclasses_made = []

class Snapshot(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen.append(sorted(sys.modules))
            for name, module in list(sys.modules.items()):
                if name.startswith("guide"):
                    dataclasses_made.extend(
                        f"{name}.{key}" for key, value in vars(module).items()
                        if isinstance(value, type) and "__dataclass_fields__" in vars(value)
                        and value.__module__ == name
                    )
        return False

snapshot = Snapshot()
app.installEventFilter(snapshot)
from guide.cli import main
code = main([])
print(json.dumps({"code": code, "modules": seen[0] if seen else None,
                  "dataclasses": sorted(dataclasses_made)}))
"""

# None of these is needed to show the start page; each costs start-up time.
NOT_BEFORE_FIRST_PAINT = (
    "yaml",  # the content cache spares the loader
    "guide.content.loader",
    "sqlite3",  # search builds its index after the first paint
    "guide.search",
    "guide.diagram.data",  # the diagram is built when first opened
    "guide.diagram.layout",
    "PySide6.QtSvg",
    "PySide6.QtPrintSupport",  # imported when the user first prints
    "PySide6.QtNetwork",  # never, in fact: the app is offline
    "importlib.metadata",  # Markdown scans entry points if given extension names
    "markdown",  # the start page's body is stored at the last close (BodyStore)
    "guide.content.render",
    "guide.progress",  # features (checklist, search panel) are installed after the paint
    "guide.ui.search",
    "guide.ui.checklist",
    "guide.ui.diagram",
    "guide.ui.style.outline",  # only the light, dark and high-contrast themes use it
    "_hashlib",  # OpenSSL, via hashlib: the cache's blake2b comes from _blake2
    "locale",  # argparse's gettext look-ups; a start with no arguments builds no parser
    "guide.ui.reader.external_link",  # its dialog comes with the first web link followed
    "guide.ui.collector",  # collection moves to the GUI thread once the features start
)

# The only dataclasses the first paint may create. Creating a frozen dataclass execs its
# generated methods one by one, several times the cost of a typing.NamedTuple class, so the
# records made on the way to the first paint are NamedTuples. These two need what a tuple
# has not: an item's body is read lazily into its __dict__, the model has a cached property.
DATACLASSES_BEFORE_FIRST_PAINT = {"guide.content.model.Item", "guide.content.model.ContentModel"}


def _first_paint(home: Path) -> dict[str, list[str]]:
    env = dict(os.environ, GUIDE_QUIT_AFTER_FIRST_PAINT="1", QT_QPA_PLATFORM="offscreen")
    env["GUIDE_HOME"] = str(home)
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0 and result["modules"], result
    return result


def _modules_at_first_paint(home: Path) -> list[str]:
    return _first_paint(home)["modules"]


def test_the_first_paint_loads_nothing_the_start_page_does_not_need(tmp_path: Path) -> None:
    _modules_at_first_paint(tmp_path)  # the first start builds the content cache
    modules = set(_modules_at_first_paint(tmp_path))
    loaded = sorted(
        name
        for name in modules
        if any(name == heavy or name.startswith(heavy + ".") for heavy in NOT_BEFORE_FIRST_PAINT)
    )
    assert loaded == []
    assert "guide.content.cache" in modules


def test_the_first_paint_creates_no_dataclass_but_the_item_and_the_model(tmp_path: Path) -> None:
    _first_paint(tmp_path)  # the first start builds the content cache
    made = set(_first_paint(tmp_path)["dataclasses"])
    assert made == DATACLASSES_BEFORE_FIRST_PAINT


def test_the_diagram_view_is_built_only_when_opened(qtbot, shipped_model) -> None:
    window = make_window(qtbot, shipped_model)
    assert window.view_widget("pathway-diagram") is None
    assert "Pathway diagram" in window.title_of("pathway-diagram")
    window.open_id("pathway-diagram")
    assert isinstance(window.view_widget("pathway-diagram"), PathwayDiagramPage)


def test_deferred_features_come_after_the_start_page_and_install_once(
    qtbot, shipped_model, tmp_path
):
    window = make_window(qtbot, shipped_model, tmp_path, defer_features=True)
    assert window.current_id == "overview"  # the start page shows without the features
    assert window.progress is None and window.panel("search") is None
    assert window.view_widget("checklist") is None and not window.knows("checklist")
    window.install_deferred_features()
    window.install_deferred_features()  # a second call adds nothing
    assert window.progress is not None
    assert window.left.indexOf(window.panel("search")) >= 0
    assert [window.left.tabText(i) for i in range(window.left.count())].count("Search") == 1
    window.open_id("checklist")
    assert window.current_id == "checklist"


def test_a_feature_view_as_last_page_installs_the_features_before_showing_it(
    qtbot, shipped_model, tmp_path
):
    first = make_window(qtbot, shipped_model, tmp_path)
    first.open_id("checklist")
    first.close()
    window = make_window(qtbot, shipped_model, tmp_path, defer_features=True)
    assert window.current_id == "checklist"
    assert window.progress is not None


def test_the_last_page_reopens_from_its_stored_body_without_the_renderer(qtbot, tmp_path):
    from guide.content.cache import load_cached
    from guide.content.pages import PageComposer
    from guide.paths import bundled_data_dir

    roots = [bundled_data_dir()]
    load_cached(roots, tmp_path / "cache")
    first = make_window(qtbot, load_cached(roots, tmp_path / "cache"), tmp_path)
    first.open_id("glossary")
    first.close()  # saves the last page and its body
    model = load_cached(roots, tmp_path / "cache")
    window = make_window(qtbot, model, tmp_path)
    assert window.current_id == "glossary"
    assert window.composer._renderer is None  # no Markdown before the first paint
    fresh = PageComposer(model, tr=lambda text: text).compose(model.get("glossary"))
    assert window.current_page.html == fresh.html
    assert window.current_page.headings == fresh.headings


# Run the app normally; shortly after the first paint, report what the window has, then close.
_AFTER_PAINT_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
report = {}

# The after-paint work runs on the event-loop turns after the first paint; on a busy
# machine those turns come later, so look again until it is done (or a generous deadline
# passes) rather than once after a fixed delay.
tries = [0]

def look():
    from guide.ui.shell.window import MainWindow
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    report.update(
        page=window.current_id,
        search=window.left.indexOf(window.panel("search")) >= 0,
        progress=window.progress is not None,
        renderer=window.composer._renderer is not None,
        # Off during start-up only; after it, collection resumes on the GUI thread.
        gc=__import__("guide.ui.collector", fromlist=["_"]).is_collecting_on_gui_thread(),
        frozen=__import__("gc").get_freeze_count() > 0,  # start-up's objects set aside
    )
    settled = all(report[k] for k in ("search", "progress", "renderer", "gc", "frozen"))
    tries[0] += 1
    if not settled and tries[0] < 300:
        QTimer.singleShot(100, look)
        return
    window.close()
    app.quit()

class Snapshot(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not report.get("armed"):
            report["armed"] = True
            QTimer.singleShot(300, look)
        return False

snapshot = Snapshot()
app.installEventFilter(snapshot)
from guide.cli import main
code = main([])
print(json.dumps({"code": code, **report}))
"""


def test_after_the_first_paint_the_app_installs_its_features_and_the_renderer(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GUIDE_HOME=str(tmp_path))
    env.pop("GUIDE_QUIT_AFTER_FIRST_PAINT", None)
    done = subprocess.run(
        [sys.executable, "-c", _AFTER_PAINT_PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {
        "code": 0,
        "armed": True,
        "page": "overview",
        "search": True,
        "progress": True,
        "renderer": True,
        "gc": True,
        "frozen": True,
    }


def test_side_button_watchers_sit_on_the_real_viewports_and_toolbar_buttons_are_named(
    qtbot, shipped_model
):
    from PySide6.QtWidgets import QToolButton

    from guide.ui.shell.layout import viewport_of

    window = make_window(qtbot, shipped_model)
    for view in (window.tree, window.contents_list.list, window.panel("bookmarks").list):
        assert viewport_of(view) is view.viewport()
    named = {
        button.accessibleName()
        for button in window.commands.toolbar.findChildren(QToolButton)
        if button.defaultAction() is not None
    }
    assert {"Back", "Forward", "Welcome", "Find in page"} <= named
