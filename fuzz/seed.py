#!/usr/bin/env python3
"""Seeds the fuzz corpus from the stored fixtures: every sheet and session of fixtures/ (stored
cases and examples) for the sheet, session and round targets, the bundled product set files for
rubric_set, and rules taken from the sessions for rules. Writes fuzz/corpus/<target>/."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fuzz" / "corpus"


def inputs():
    """(kind, text) of every stored input: 'sheet' or 'session'."""
    for path in sorted((ROOT / "fixtures").rglob("*.json")):
        if "invalid-rubrics" in path.parts:
            continue
        try:
            value = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if not isinstance(value, dict):
            continue
        for key, kind in [("sheet", "sheet"), ("session", "session")]:
            if key in value:
                yield kind, json.dumps(value[key], ensure_ascii=False)
            if key + "_text" in value:
                yield kind, value[key + "_text"]
        if "expect" not in value:
            yield ("session" if "members" in value else "sheet"), json.dumps(value, ensure_ascii=False)


def write(target, name, text):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def main():
    sessions = []
    for index, (kind, text) in enumerate(inputs()):
        write(kind, f"{index:04}.json", text)
        if kind == "session":
            try:
                value = json.loads(text)
            except ValueError:
                continue
            sessions.append(json.dumps(value, ensure_ascii=False))
            rules = value.get("council", {}).get("rules") if isinstance(value, dict) else None
            if rules is not None:
                write("rules", f"{index:04}.json", json.dumps(rules))
    write("round", "all.ndjson", "\n".join(sessions) + "\n")
    write("rules", "full.json", json.dumps({
        "scoring_roles": ["chair", "member"], "quorum": {"fraction": "0.75", "chair_required": True},
        "max_spread": "10", "rounding": {"places": 2, "mode": "half_up"},
        "gates": "majority", "knockouts": "any"}))
    for path in sorted((ROOT / "rubrics" / "qd26-2026" / "sets").glob("*.json")):
        write("rubric_set", path.name, path.read_text(encoding="utf-8"))
    for target in sorted(CORPUS.iterdir()):
        print(f"{target.name}: {len(list(target.iterdir()))} seeds")


if __name__ == "__main__":
    main()
