#!/bin/sh
# Add Clinical Academic Pathway Guide to your desktop's applications menu, for you only (no
# root needed). Run it from the unpacked folder; run it again after moving the folder.
#   ./install-desktop-entry.sh            add the menu entry and icons
#   ./install-desktop-entry.sh --remove   take them out again (your own data is not touched)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps="$data/applications"
icons="$data/icons/hicolor"
name=clinical-academic-guide

if [ "${1:-}" = "--remove" ]; then
    rm -f "$apps/$name.desktop"
    for dir in "$icons"/*/apps; do
        rm -f "$dir/$name.png"
    done
    echo "Removed the applications-menu entry."
    exit 0
fi

if [ ! -x "$here/ClinicalAcademicGuide" ]; then
    echo "ClinicalAcademicGuide not found beside this script: run it from the unpacked folder." >&2
    exit 1
fi

for png in "$here"/icons/hicolor/*/apps/$name.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    mkdir -p "$icons/$size/apps"
    cp "$png" "$icons/$size/apps/$name.png"
done

# Desktop-entry Exec values quote arguments in double quotes, escaping " ` $ and \ inside.
exe="$here/ClinicalAcademicGuide"
quoted=$(printf '%s' "$exe" | sed 's/[\\"`$]/\\&/g')
mkdir -p "$apps"
tmp="$apps/.$name.desktop.tmp"
while IFS= read -r line; do
    case "$line" in
        Exec=*) printf 'Exec="%s"\n' "$quoted" ;;
        TryExec=*) printf 'TryExec=%s\n' "$exe" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < "$here/$name.desktop" > "$tmp"
mv "$tmp" "$apps/$name.desktop"

if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$apps" >/dev/null 2>&1 || true
fi
echo "Added to your applications menu: $apps/$name.desktop"
