"""What a command does, as functions returning records: check, lookup, ranking, the reference's
diff and stats, the label template. ``cli/`` parses options, calls one of these, renders the
record with ``formats/`` and picks the exit code."""
