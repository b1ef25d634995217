#!/bin/sh
# The whole test suite with the clock moved and in far-off time zones, so that no test passes
# only on the day (or in the zone) it was written:
#   +1 year and +4 years    libfaketime moves every clock the process and its children read
#                           (time, clock_gettime, file times), Qt's included
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
    "$@" env QT_QPA_PLATFORM=offscreen "$py" -m pytest -q -p no:cacheprovider >"$log" 2>&1
    rc=$?
    seconds=$(($(date +%s) - start))
    result=$(grep -E '^=*.* (passed|failed|error)' "$log" | tail -n 1 | tr -d '=' | sed 's/^ *//')
    [ "$rc" -eq 0 ] || { failed=1; grep -E '^(FAILED|ERROR) ' "$log" | head -n 20; }
    line="$label: ${result:-no result, exit $rc} (${seconds} s)"
    echo "$line"
    summary="$summary$line
"
}

run "clock +1 year" faketime -f "+1y"
run "clock +4 years" faketime -f "+4y"
run "TZ=Pacific/Kiritimati" env TZ=Pacific/Kiritimati
run "TZ=America/Adak" env TZ=America/Adak

echo
echo "check-clocks ($(date -u +%Y-%m-%d), logs in $logs):"
printf '%s' "$summary"
exit "$failed"
