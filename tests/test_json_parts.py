"""The build state is written in parts (json_parts): the same text json.dumps gives, in pieces
of bounded size, so its text whole is never held at once."""

from __future__ import annotations

import hashlib
import json

from dateline import json_parts, render


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


def test_plan_fingerprints_read_as_the_dict_they_replace(monkeypatch):
    """The plan keeps every page's digest as 16 bytes in one array beside the file names
    (render.Fingerprints); read back, it is the file -> hex digest mapping in page order."""
    prints = render.Fingerprints()
    made = {f"p{n}/index.html": hashlib.blake2b(str(n).encode(), digest_size=16).hexdigest()
            for n in range(9)}
    for rel, digest in made.items():
        prints.add(rel, digest)
    assert list(prints) == list(made) and dict(prints) == made
    assert prints["p4/index.html"] == made["p4/index.html"]
    assert list(prints.items()) == list(made.items()) and len(prints) == 9
    assert len(prints._digests) == 16 * 9  # the bytes, not 32-character strings
    assert "".join(json_parts.parts({"pages": prints, "n": 1})) == json.dumps({"pages": made, "n": 1})
    monkeypatch.setattr(json_parts, "ITEMS_A_PART", 4)
    assert "".join(json_parts.parts({"pages": prints})) == json.dumps({"pages": made})
    assert "".join(json_parts.parts(prints)) == json.dumps(made)
