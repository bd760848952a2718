#!/usr/bin/env python3
"""Copies the rows of PROJ's gie tests that expect FAILURE, for the projections tripmap
implements, into tests/fixtures/proj/failures.tsv (read by tests/proj_vectors.rs).

Usage: scripts/extract_proj_failures.py /path/to/proj-test-vectors/gie

Reads builtins.gie, more_builtins.gie, 4D-API_cs2cs-style.gie and ellipsoid.gie (OSGeo/PROJ
test/gie, commit 52da98bd, MIT licence) the way gie does: '#' starts a comment, lines of '-' or
'=' are decoration, 'operation' resets the direction to forward. Only single-projection
operations (no pipeline, init=, geoidgrids=) with 2-D inputs are kept. Output columns:
source, kind ('setup' when the operation itself must be refused, 'domain' when one input must
be refused), direction, proj_string, in_1, in_2.
"""
import re
import sys
from pathlib import Path

NAMES = {"merc", "webmerc", "eqc", "eqearth", "natearth", "lcc", "aeqd", "ortho"}
FILES = ["builtins.gie", "more_builtins.gie", "4D-API_cs2cs-style.gie", "ellipsoid.gie"]


def logical_lines(text):
    """Yields (line number, line) with comments stripped and '\\' continuations joined."""
    pending, start = "", 0
    for no, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not pending:
            start = no
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        yield start, pending + line
        pending = ""


def main():
    gie = Path(sys.argv[1])
    rows = []
    for name in FILES:
        op, direction, accept = None, "forward", None
        for no, line in logical_lines((gie / name).read_text()):
            words = line.split()
            if not words or re.fullmatch(r"[-=]+", words[0]):
                continue
            key, rest = words[0], words[1:]
            if key == "operation":
                op, direction, accept = " ".join(rest), "forward", None
            elif key == "direction":
                direction = rest[0]
            elif key == "accept":
                accept = rest
            elif key == "expect" and rest and rest[0] == "failure" and op:
                params = dict(
                    (w.lstrip("+").split("=", 1) + [""])[:2] for w in op.split()
                )
                proj = params.get("proj")
                if proj not in NAMES or any(
                    k in params for k in ("step", "init", "geoidgrids", "pipeline")
                ) or "pipeline" in op:
                    continue
                if accept is None:
                    rows.append((f"{name}:{no}", "setup", direction, op, "", ""))
                elif len(accept) == 2:
                    rows.append((f"{name}:{no}", "domain", direction, op, accept[0], accept[1]))
    out = Path("tests/fixtures/proj/failures.tsv")
    with out.open("w") as f:
        f.write("source\tkind\tdirection\tproj_string\tin_1\tin_2\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} rows to {out}")


if __name__ == "__main__":
    main()
