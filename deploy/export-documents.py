#!/usr/bin/env python3
"""Writes the active documents of a Sourced SQLite store as files that `sourced ingest DIR` reads back.

Usage: python3 deploy/export-documents.py SOURCED_DB OUT_DIR

For each document that is not removed: OUT_DIR/ID.txt (its stored text, boilerplate already removed, so the
re-ingested document quotes the same text) and OUT_DIR/ID.meta.json (id, title, outlet, url, language, published).
The store is opened read-only; run it on a copy taken while no bot runs on it (see docs/scaling.md). Only documents
are exported: answers, conversations, the update journal, feedback, roles and the audit log are not.
"""
import json
import os
import re
import sqlite3
import sys

SAFE_ID = re.compile(r"^[a-z0-9_-]{1,80}$")


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    db, out = argv[1], argv[2]
    if not os.path.isfile(db):
        print(f"export-documents: {db}: no such file", file=sys.stderr)
        return 1
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        rows = con.execute("SELECT id, title, outlet, url, language, published, text FROM documents"
                           " WHERE removed_at IS NULL ORDER BY id").fetchall()
    except sqlite3.Error as e:
        print(f"export-documents: {db}: {e} (copy the file out of the data directory first, with no bot running)",
              file=sys.stderr)
        return 1
    os.makedirs(out, exist_ok=True)
    written = 0
    for doc_id, title, outlet, url, language, published, text in rows:
        if not SAFE_ID.match(doc_id):
            print(f"export-documents: skipped a document with an unexpected id: {doc_id!r}", file=sys.stderr)
            continue
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        base = os.path.join(out, doc_id)
        with open(base + ".txt", "w", encoding="utf-8", newline="") as f:
            f.write(text)
        meta = {"id": doc_id, "title": title, "outlet": outlet, "url": url, "language": language,
                "published": published}
        with open(base + ".meta.json", "w", encoding="utf-8") as f:
            json.dump(meta, f, ensure_ascii=False, indent=2)
            f.write("\n")
        written += 1
    print(f"{written} documents written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
