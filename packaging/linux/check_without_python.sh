#!/bin/sh
# Prove the bundle runs where no Python is installed. The check uses a minimal Debian chroot
# (debootstrap --variant=minbase, which has no Python at all) plus the graphics and font
# libraries every desktop has. It runs the self-test, then opens the main window offscreen
# and quits after the first paint. It runs with an empty environment (env -i), so no PATH
# or PYTHON* variable can help.
#
#   packaging/linux/check_without_python.sh [dist/ClinicalAcademicGuide]
#
# Needs root and debootstrap (apt-get install debootstrap). The chroot is made once and
# kept at $CHROOT (default /tmp/cag-chroot); SUITE picks the release (default bookworm).
set -eu

bundle=${1:-dist/ClinicalAcademicGuide}
root=${CHROOT:-/tmp/cag-chroot}
suite=${SUITE:-bookworm}
libs=libgl1,libegl1,libxkbcommon0,libfontconfig1,fonts-dejavu-core,libdbus-1-3

if [ ! -x "$bundle/ClinicalAcademicGuide" ]; then
    echo "no bundle at $bundle: run make bundle first" >&2
    exit 1
fi
if [ ! -x "$root/bin/sh" ]; then
    echo "Making a minimal $suite chroot in $root (a few minutes, once)..."
    debootstrap --variant=minbase --include="$libs" "$suite" "$root" >"$root.log" 2>&1 ||
        { echo "debootstrap failed: see $root.log" >&2; exit 1; }
fi
if chroot "$root" /bin/sh -c 'command -v python3 python; ls -d /usr/lib/python3*' 2>/dev/null |
    grep -q .; then
    echo "the chroot at $root has a Python in it, so it proves nothing: remove it" >&2
    exit 1
fi

rm -rf "$root/opt/ClinicalAcademicGuide"
mkdir -p "$root/opt"
cp -a "$bundle" "$root/opt/ClinicalAcademicGuide"
run() {
    chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 \
        QT_QPA_PLATFORM=offscreen "$@"
}

echo "== self-test in a chroot with no Python"
run /opt/ClinicalAcademicGuide/ClinicalAcademicGuide --self-test
echo "== main window to first paint (offscreen)"
run /usr/bin/env GUIDE_QUIT_AFTER_FIRST_PAINT=1 GUIDE_HOME=/tmp/guide-home \
    timeout 60 /opt/ClinicalAcademicGuide/ClinicalAcademicGuide
echo "The bundle runs without Python."
