#!/bin/sh
# A new user's first hour, on machines with nothing but git: in fresh minimal Debian 12 and
# Debian 13 roots (debootstrap --variant=minbase plus git), as root, clone this repository
# and follow the README: install make, then its two commands, `make run` (offscreen, quitting
# at the first paint) and `make test`, with no other step. Prints how long each took.
#
#   packaging/linux/check_fresh.sh           (make check-fresh)
#
# Needs root, debootstrap and the network (Debian's archive and PyPI). Each base root is
# made once and kept in $FRESH_ROOTS (default /tmp/cag-fresh); every run copies it anew, so
# nothing from an earlier run helps. SUITES picks the releases (default "bookworm trixie").
# It tests the committed HEAD, as a clone would see it: commit first.
set -eu

repo=$(git rev-parse --show-toplevel)
work=${FRESH_ROOTS:-/tmp/cag-fresh}
suites=${SUITES:-"bookworm trixie"}
mirror=${MIRROR:-http://deb.debian.org/debian}
commit=$(git -C "$repo" rev-parse --short HEAD)
mkdir -p "$work"

mounted=""
cleanup() {
    for m in $mounted; do umount -l "$m" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

report=""
failed=0
for suite in $suites; do
    base="$work/$suite-base"
    if [ ! -x "$base/usr/bin/git" ]; then
        echo "== making a minimal $suite root with git in $base (a few minutes, once)"
        rm -rf "$base"
        debootstrap --variant=minbase --include=git,ca-certificates "$suite" "$base" "$mirror" \
            >"$work/$suite-debootstrap.log" 2>&1 ||
            { echo "debootstrap failed: see $work/$suite-debootstrap.log" >&2; exit 1; }
    fi
    if chroot "$base" sh -c 'command -v python3 make' >/dev/null 2>&1; then
        echo "the base root $base already has python3 or make: remove it" >&2
        exit 1
    fi
    root="$work/$suite"
    rm -rf "$root"
    cp -a "$base" "$root"
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    # Some networks (this project's build machines among them) reach the package registries
    # through a gateway whose certificate authority only the host trusts. Carry the host's
    # own added authorities over, and point pip at the system bundle (older pips bring their
    # own); on an ordinary network there are none and nothing changes.
    trust=""
    if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
        cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
        chroot "$root" update-ca-certificates >/dev/null 2>&1
        trust="PIP_CERT=/etc/ssl/certs/ca-certificates.crt"
        echo "(the host's added certificate authorities are trusted in the root, for pip)"
    fi
    git clone --quiet --bare "$repo" "$root/srv/guide.git"
    mount -t proc proc "$root/proc" && mounted="$root/proc $mounted"
    mount --bind /dev "$root/dev" && mounted="$root/dev $mounted"

    echo "== $suite: git clone, make run, make test (as root, commit $commit)"
    log="$work/$suite.log"
    # An empty environment (env -i): nothing from this machine's shell, Python or pip set-up.
    if chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 $trust /bin/sh -c '
        set -e
        cd /root
        git clone --quiet /srv/guide.git guide
        cd guide
        # The README'"'"'s first line (git is there already): make itself.
        ta=$(date +%s)
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq make >/dev/null 2>&1
        t0=$(date +%s)
        QT_QPA_PLATFORM=offscreen GUIDE_QUIT_AFTER_FIRST_PAINT=1 make run
        t1=$(date +%s)
        make test
        t2=$(date +%s)
        echo "FIGURES install-make=$((t0 - ta)) run=$((t1 - t0)) test=$((t2 - t1)) python=$(python3 -V 2>&1 | cut -d" " -f2)"
    ' >"$log" 2>&1; then
        figures=$(grep '^FIGURES' "$log" | tail -n 1)
        tests=$(grep -E '^[0-9]+ passed' "$log" | tail -n 1)
        line="$suite: passed; ${figures#FIGURES }; $tests"
    else
        failed=1
        tail -n 30 "$log"
        line="$suite: FAILED (see $log)"
    fi
    echo "$line"
    report="$report$line
"
    cleanup
    mounted=""
done

echo
echo "check-fresh, commit $commit ($(date -u '+%Y-%m-%d %H:%M UTC'); times in seconds):"
printf '%s' "$report"
if [ "$failed" -eq 0 ]; then
    echo "The README's two commands work on fresh Debian 12 and 13 machines with only git."
fi
exit "$failed"
