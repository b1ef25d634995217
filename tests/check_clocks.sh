#!/bin/sh
# The whole test suite with the clock moved and in far-off time zones, so that no test passes
# only on the day (or in the zone) it was written:
#   +1 year and +4 years    libfaketime moves every clock the process and its children read
#                           (time, clock_gettime), Qt's included, but not the times the
#                           kernel stamps on files: like a PC whose date is wrong, which is
#                           why a file's age goes by guide.clock.file_system_now_ns
#   TZ=Pacific/Kiritimati   UTC+14: the local date is a day ahead of UTC for most of the day
#   TZ=America/Adak         UTC-10 (-9 in summer): a day behind UTC in the evening
# `make check-clocks` runs it; it takes four suites' time, so `make test` does not.
# Needs faketime (Debian: apt-get install faketime). PY names the Python (default .venv's).
set -u

py=${PY:-.venv/bin/python}
if ! command -v faketime >/dev/null 2>&1; then
    echo "check-clocks needs faketime: apt-get install faketime" >&2
    exit 1
fi
if [ ! -e /usr/share/zoneinfo/Pacific/Kiritimati ]; then
    echo "check-clocks needs the time zone data: apt-get install tzdata" >&2
    exit 1
fi

logs=$(mktemp -d)
summary=""
failed=0
run() {
    label=$1
    shift
    log="$logs/$(echo "$label" | tr -c 'A-Za-z0-9\n' '-').log"
    start=$(date +%s)
    echo "== $label"
    case $1 in faketime) extra=$moved ;; *) extra="" ;; esac
    # shellcheck disable=SC2086 # $extra is two words on purpose
    "$@" env QT_QPA_PLATFORM=offscreen "$py" -m pytest -q -p no:cacheprovider $extra >"$log" 2>&1
    rc=$?
    seconds=$(($(date +%s) - start))
    result=$(grep -E '^=*.* (passed|failed|error)' "$log" | tail -n 1 | tr -d '=' | sed 's/^ *//')
    [ "$rc" -eq 0 ] || { failed=1; grep -E '^(FAILED|ERROR) ' "$log" | head -n 20; }
    line="$label: ${result:-no result, exit $rc} (${seconds} s)"
    echo "$line"
    summary="$summary$line
"
}

# libfaketime 0.9.10 moves CLOCK_MONOTONIC too but does not catch sem_clockwait, which
# Python's timed waits use, so a thread.join(timeout) waits for a deadline a year away. The
# one test that times such a wait is left out of the moved-clock runs (the time zone runs
# keep it); monotonic time carries no date, so moving it proves nothing about dates.
moved="--deselect tests/content/test_folders.py::test_a_slow_network_folder_does_not_hold_up_the_start"
run "clock +1 year" faketime -f "+1y"
run "clock +4 years" faketime -f "+4y"
run "TZ=Pacific/Kiritimati" env TZ=Pacific/Kiritimati
run "TZ=America/Adak" env TZ=America/Adak

echo
echo "check-clocks ($(date -u +%Y-%m-%d), logs in $logs):"
printf '%s' "$summary"
exit "$failed"
