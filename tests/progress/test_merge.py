"""Merging two copies of a record: properties that must hold whatever the copies hold."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from guide.progress.merge import merge
from guide.progress.model import STATUSES, Entry, ProgressData, Stamp

BASE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
KEYS = st.sampled_from([f"m-{n}" for n in range(6)])


@st.composite
def records(draw, revs):
    entries = {}
    for key in draw(st.lists(KEYS, unique=True, max_size=6)):
        rev = draw(revs)
        entries[key] = Entry(
            status=draw(st.sampled_from(STATUSES)),
            notes=draw(st.text(max_size=5)),
            stamp=Stamp(BASE + dt.timedelta(seconds=draw(st.integers(0, 1000))), rev),
        )
    return ProgressData(
        entries=entries, rev=max((e.stamp.rev for e in entries.values()), default=0)
    )


# Odd and even revisions keep the two copies' stamps distinct, so "newest" is always defined.
ODD = st.integers(0, 500).map(lambda n: 2 * n + 1)
EVEN = st.integers(0, 500).map(lambda n: 2 * n + 2)


@given(records(ODD), records(EVEN))
def test_property_merge_keeps_every_record_and_the_newest_version_of_each(a, b):
    merged = merge(a, b).data
    assert set(merged.entries) == set(a.entries) | set(b.entries)
    for key, entry in merged.entries.items():
        candidates = [r.entries[key] for r in (a, b) if key in r.entries]
        newest = max(candidates, key=lambda e: e.stamp)
        assert (entry.status, entry.notes) == (newest.status, newest.notes)
    assert merged.rev == max(a.rev, b.rev)


@given(records(ODD), records(EVEN))
def test_property_merge_order_does_not_matter(a, b):
    one, two = merge(a, b).data, merge(b, a).data
    assert {k: (e.status, e.notes) for k, e in one.entries.items()} == {
        k: (e.status, e.notes) for k, e in two.entries.items()
    }


@given(records(ODD))
def test_property_merging_a_copy_with_itself_changes_nothing(a):
    result = merge(a, a)
    assert result.changed == [] and result.kept_local == []
    assert result.data.entries == a.entries
