#!/bin/sh
# Install the system packages the guide needs (packaging/linux/debian-packages.txt) when some
# are missing: `make run`, `make test` and .ci/run all start here. With root, or sudo that
# needs no password, it installs them; otherwise it prints the one line to run and fails, so
# Qt never dies later with a message nobody can act on.
#
#   packaging/linux/system-packages.sh [TARGET...]           install what is missing (or say how)
#   packaging/linux/system-packages.sh --check [TARGET...]   only say what is missing (exit 1 if any)
#
# TARGETs (test, bundle) add the packages only that make target needs; with none, those
# for make run.
#
# PYTHON names the Python that builds .venv (default python3). On a system without dpkg and
# apt-get (not Debian or Ubuntu) it does nothing: see the README for what Qt needs.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
list="$here/debian-packages.txt"
python=${PYTHON:-python3}
mode=install
if [ "${1:-}" = "--check" ]; then
    mode=--check
    shift
fi
targets=" $* "

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    exit 0
fi

# Every package name installed, and every name an installed package provides.
installed_names() {
    dpkg-query -W -f='${db:Status-Abbrev} ${Package} ${Provides}\n' 2>/dev/null |
        awk '$1 == "ii" { for (i = 2; i <= NF; i++) if ($i !~ /^[(=]/ && $i !~ /\)$/) {
            sub(/,$/, "", $i); sub(/:.*/, "", $i); print $i } }'
}

# What the Python that builds .venv lacks: "venv" if it has no venv/ensurepip, and
# libpython3.N if its shared library cannot be loaded (Debian's python3 does not use one, so
# it comes in a package of its own; pyenv's Python carries its own).
python_needs() {
    "$python" -c 'import ctypes, sys, sysconfig
try:
    import venv, ensurepip
except ImportError:
    print("venv")
try:
    ctypes.CDLL(sysconfig.get_config_var("INSTSONAME") or "")
except OSError:
    print("libpython3.%d" % sys.version_info[1])' 2>/dev/null || true
}

# The list, with the entries that depend on the Python resolved (or dropped when not needed).
wanted() {
    needs=$(python_needs)
    sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$list" | while read -r name only; do
        case $targets in *" ${only:-} "*) ;; *) [ -z "${only:-}" ] || continue ;; esac
        case $name in
        python3-venv)
            # Without a Python yet, python3 is installed first and this is asked again.
            if [ -z "$needs" ] || printf '%s\n' "$needs" | grep -qx venv; then echo "$name"; fi ;;
        libpython3.X)
            lib=$(printf '%s\n' "$needs" | grep -x 'libpython3\.[0-9]*' || true)
            # Only a library Debian has: a pyenv 3.12 on Debian 12 has no libpython3.12 there.
            if [ -n "$lib" ] && { grep -qxF "$lib" "$names" ||
                apt-cache show "$lib" >/dev/null 2>&1; }; then echo "$lib"; fi ;;
        *) echo "$name" ;;
        esac
    done
}

missing() {
    wanted | grep -vxF -f "$names" -e '' | tr '\n' ' ' | sed 's/ $//' || true
}

names=$(mktemp)
trap 'rm -f "$names"' EXIT
installed_names >"$names"
todo=$(missing)
[ -z "$todo" ] && exit 0

if [ "$mode" = "--check" ]; then
    echo "Missing system packages: $todo" >&2
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo"
else
    {
        echo "The guide needs these system packages, which are not installed: $todo"
        echo "Install them with this one line (as root, or with sudo), then run make again:"
        echo "  sudo apt-get install -y --no-install-recommends $todo"
    } >&2
    exit 1
fi

# apt's own chatter (debconf notes and the like) is shown only if the install fails.
install() {
    echo "Installing the system packages the guide needs: $1"
    log=$(mktemp)
    if ! { $sudo apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $1
    } >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "Installing failed (see above). The line to run by hand:" >&2
        echo "  sudo apt-get install -y --no-install-recommends $1" >&2
        exit 1
    fi
    rm -f "$log"
}
install "$todo"
# Python itself may have been among them: what depends on it is known only now.
installed_names >"$names"
todo=$(missing)
[ -z "$todo" ] || install "$todo"
installed_names >"$names"
todo=$(missing)
if [ -n "$todo" ]; then
    echo "These system packages are still missing after installing: $todo" >&2
    exit 1
fi
