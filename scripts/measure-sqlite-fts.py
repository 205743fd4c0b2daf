#!/usr/bin/env python3
"""What SQLite FTS5 with the trigram tokenizer would give the browser's filter (issue 16's
"choose the representation by measuring"). The same engine GRDB.swift would use (the system
SQLite), without GRDB's Swift layer, on the benchmark's synthetic studies.

Usage: scripts/measure-sqlite-fts.py DATA.json [WORD ...]
Prints: build time and size; for each word, each keystroke's query time (prefixes of one or two
letters cannot use trigrams and fall back to a LIKE scan, as they would in the browser) and the
number of studies it keeps."""
import json, os, sqlite3, sys, tempfile, time

def texts(value, out):
    if isinstance(value, str):
        out.append(value.lower())
    elif isinstance(value, dict):
        for item in value.values():
            texts(item, out)
    elif isinstance(value, list):
        for item in value:
            texts(item, out)

path, words = sys.argv[1], sys.argv[2:] or ["refractory"]
with open(path, encoding="utf-8") as handle:
    studies = json.load(handle)["studies"]
rows = []
for study in studies:
    parts = []
    texts(study, parts)
    rows.append("\x1f".join(parts))
folder = tempfile.mkdtemp()
database = os.path.join(folder, "fts.sqlite")
connection = sqlite3.connect(database)
start = time.perf_counter()
connection.execute("CREATE VIRTUAL TABLE studies USING fts5(body, tokenize='trigram')")
connection.executemany("INSERT INTO studies(rowid, body) VALUES (?, ?)", enumerate(rows))
connection.commit()
built = time.perf_counter() - start
print(f"{len(rows)} studies, SQLite {sqlite3.sqlite_version}: built in {built:.1f} s, {os.path.getsize(database) / 1048576:.0f} MB")
for word in words:
    timings = []
    for length in range(1, len(word) + 1):
        prefix = word[:length]
        start = time.perf_counter()
        if length >= 3:
            count = connection.execute("SELECT count(*) FROM studies WHERE studies MATCH ?", ('"' + prefix + '"',)).fetchone()[0]
        else:
            count = connection.execute("SELECT count(*) FROM studies WHERE body LIKE ?", ("%" + prefix + "%",)).fetchone()[0]
        timings.append((prefix, (time.perf_counter() - start) * 1000, count))
    print(f"{word}: " + ", ".join(f"{prefix} {ms:.1f} ms ({count})" for prefix, ms, count in timings))
