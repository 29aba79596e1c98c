"""The dedupeKey of an Intake record, recomputed in Python (any language with JSON and SHA-256 can).

    python3 dedupe_key.py email < record.json    # prints the key and whether it matches
"""
import hashlib
import json
import sys


def dedupe_key(dedupe, data):
    """Lower-case hex SHA-256 of JSON.stringify(dedupe.map(f => data[f] ?? null)), or None without dedupe."""
    if not dedupe:
        return None
    # JSON.stringify's text: no spaces, non-ASCII characters as they are.
    source = json.dumps([data.get(name) for name in dedupe], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


if __name__ == "__main__":
    record = json.load(sys.stdin)
    key = dedupe_key(sys.argv[1:], record["data"])
    print(key, "matches" if key == record["dedupeKey"] else "DOES NOT MATCH")
