"""The build state is written in parts (json_parts): the same text json.dumps gives, in pieces
of bounded size, so its text whole is never held at once."""

from __future__ import annotations

import json

from dateline import json_parts


def test_parts_join_to_json_dumps_and_each_is_bounded(monkeypatch):
    monkeypatch.setattr(json_parts, "ITEMS_A_PART", 3)
    state = {"output": "/x/_site", "ino": 12, "pages": {f"p{n}/index.html": f"{n:032x}" for n in range(10)},
             "files": [f"f{n}" for n in range(7)], "small": {"a": [1, 2]}, "empty": [], "none": None,
             "sizes": {f"é{n}": n for n in range(4)}}
    pieces = list(json_parts.parts(state))
    assert "".join(pieces) == json.dumps(state)
    assert max(len(p) for p in pieces) < len(json.dumps(state["pages"])) / 2
    for value in ([], {}, [1] * 3, [1] * 4, {str(n): n for n in range(9)}, "text", 3, {1: [1] * 9}):
        assert "".join(json_parts.parts(value)) == json.dumps(value)
