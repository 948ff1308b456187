#!/bin/sh
# Regenerate the report committed beside each example workbook, with the strainscore CLI.
#
#   examples/make_reports.sh                 # every format: .report.txt, .report.json, .report.html
#   examples/make_reports.sh txt json        # only some formats
#
# STRAINSCORE=/path/to/strainscore picks the command (default: strainscore on the PATH).
# Reports name the workbook without a folder, so they read the same wherever they are made.
set -eu
cd "$(dirname "$0")"
cmd="${STRAINSCORE:-strainscore}"
formats="${*:-txt json html}"
for book in *.xlsx; do
    case "$book" in *.report.xlsx) continue ;; esac
    name="${book%.xlsx}"
    for fmt in $formats; do
        "$cmd" check "$book" -o "$name.report.$fmt" --force
    done
done
