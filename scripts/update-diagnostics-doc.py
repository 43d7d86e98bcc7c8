#!/usr/bin/env python3
"""Rewrites the table of codes at the end of docs/diagnostics.md from
frontend/diag/kinds.def, the registry. A unit test checks they agree."""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parent.parent
doc = root / "docs" / "diagnostics.md"
rows = []
for line in (root / "frontend" / "diag" / "kinds.def").read_text().splitlines():
    m = re.match(r'EDICT_DIAG\((\w+), (\w+), (\w+), "(.*)"\)', line)
    if m:
        code, _name, severity, summary = m.groups()
        rows.append(f"| {code} | {severity.lower()} | {summary} |")
text = doc.read_text()
head = text[: text.index("| code | severity | meaning |")]
doc.write_text(head + "| code | severity | meaning |\n|---|---|---|\n" + "\n".join(rows) + "\n")
