"""The short form of a name the headline register reads (``short_names``), and the count under it
(``_alone``), which reads with ``str.find`` what a pattern per name used to match: the two must
count alike, for the headlines to stay the same (invented text, no corpus)."""

from __future__ import annotations

import random
import re

import pytest

from dateline.extract.headline_register import _alone, short_names


def _by_pattern(text: str, word: str, before: str = "", after: str = "") -> int:
    """The count as it was defined: ``re.findall`` of one pattern built for the name."""
    pattern = rf"(?<![\w.-])(?<!{re.escape(before)} ){re.escape(word)}(?![\w-])" if before else \
        rf"(?<![\w.-]){re.escape(word)}(?![\w-])(?! {re.escape(after)})"
    return len(re.findall(pattern, text))


def test_the_surname_the_text_writes_alone_is_the_short_name() -> None:
    text = ("Corporate raider Carl Icahn said he would bid. Icahn said the offer stands, and "
            "Icahn's advisers agreed. Mahathir Mohamad spoke later; Mahathir said no.")
    assert short_names(["Carl Icahn", "Mahathir Mohamad"], text) == {
        "Carl Icahn": "Icahn", "Mahathir Mohamad": "Mahathir"}


def test_a_name_never_shortened_or_opening_a_firm_has_no_short_name() -> None:
    text = "Dean Witter Reynolds Inc said Dean Witter would merge. Witter said so. Jane Roe spoke."
    assert short_names(["Dean Witter", "Jane Roe"], text, ["Dean Witter Reynolds Inc"]) == {}


@pytest.mark.parametrize(("text", "word", "before", "after"), [
    ("Icahn said. Carl Icahn, Icahn-led, Icahns, .Icahn, Icahn", "Icahn", "Carl", ""),
    ("Carl Icahn", "Icahn", "Carl", ""),
    ("Icahn Carl Icahn", "Icahn", "Carl", ""),
    ("Mahathir Mohamad; Mahathir said; Mahathir  Mohamad; Mahathir", "Mahathir", "", "Mohamad"),
    ("O'O'O O'O", "O'O", "", "x"),
    ("é-Icahn _Icahn Icahn_ Icahn\u00e9 Icahn.", "Icahn", "x", ""),
])
def test_the_count_is_the_pattern_s(text: str, word: str, before: str, after: str) -> None:
    assert _alone(text, word, before, after) == _by_pattern(text, word, before, after)


def test_the_count_is_the_pattern_s_on_random_text() -> None:
    rng = random.Random(1987)
    alphabet = "ab A.-_'\u00e91 \n"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3)))
        other = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3)))
        args = (text, word, other, "") if rng.random() < 0.5 else (text, word, "", other)
        assert _alone(*args) == _by_pattern(*args), args
