"""The guide's one idea of what day and time it is.

Everything that asks "what day is it?" (review dates, "coming up", relative round
dates, the checklist's stamps) is handed a :class:`Clock` instead of calling
``date.today()`` itself, so tests can pin or move it and never depend on the real
date, the time zone or the locale.

Files carry times from another clock, the file system's: :func:`file_system_now_ns` reads
it, for code that asks how old a file is.

``GUIDE_TODAY=YYYY-MM-DD`` in the environment shifts the whole app to that day (time
still passes), which lets an editor see the guide as readers will on a future date
and lets screenshots show a chosen day.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Callable, Mapping
from typing import NamedTuple

ENV_VAR = "GUIDE_TODAY"


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Clock(NamedTuple):
    """``today()`` is the local calendar date; ``now()`` is an aware UTC time."""

    today: Callable[[], dt.date] = dt.date.today
    now: Callable[[], dt.datetime] = _utc_now

    @classmethod
    def fixed(cls, day: dt.date, at: dt.time = dt.time(12, 0)) -> Clock:
        """A clock stopped on ``day`` (for tests and reproducible output)."""
        moment = dt.datetime.combine(day, at, tzinfo=dt.timezone.utc)
        return cls(today=lambda: day, now=lambda: moment)

    def shifted_to(self, day: dt.date) -> Clock:
        """This clock moved so that today is ``day``; time keeps running."""
        offset = day - self.today()

        def now() -> dt.datetime:
            return self.now() + offset

        def today() -> dt.date:
            return self.today() + offset

        return Clock(today=today, now=now)


SYSTEM = Clock()


def from_environment(environ: Mapping[str, str] | None = None, base: Clock = SYSTEM) -> Clock:
    """The system clock, or the day named by ``GUIDE_TODAY``.

    Raises ValueError with a message for people when the variable is not a date.
    """
    env = os.environ if environ is None else environ
    value = env.get(ENV_VAR, "").strip()
    if not value:
        return base
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{ENV_VAR}={value!r} is not a date written YYYY-MM-DD") from None
    return base.shifted_to(day)


def file_system_now_ns(folder: str | os.PathLike[str]) -> int:
    """The time a file written in ``folder`` gets stamped with now, in nanoseconds.

    How old a file is must be measured against this, not the computer's clock: on a
    network drive the server stamps the times, and its clock may be minutes (or, with a
    wrong date on either side, years) away from this computer's. Falls back to the
    computer's clock when the folder cannot be written."""
    probe = os.path.join(folder, f".clock-probe-{os.getpid()}")
    try:
        with open(probe, "wb") as handle:
            handle.write(b"0")
        return os.stat(probe).st_mtime_ns  # after closing: Windows may stamp it then
    except OSError:
        return time.time_ns()
    finally:
        with contextlib.suppress(OSError):
            os.unlink(probe)
