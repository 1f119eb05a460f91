"""Reading the wire format: the seed itself, and the variations real archives have."""

import datetime as dt

import pytest

from dateline.seeds import SeedError, read_seed
from tests.conftest import SEED, corpus_seeds


def seed_from(tmp_path, text, name="x.txt"):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read_seed(path)


def test_the_seed_parses_into_date_dateline_paragraphs_and_credit():
    seed = read_seed(SEED)
    assert seed.id == "6536ac6bf97a6d7c"
    assert seed.date == dt.date(2016, 12, 9)
    assert seed.dateline == "BEIRUT"
    assert seed.paragraphs[0].startswith("President Bashar Assad said in comments published Thursday")
    assert seed.credit.startswith("Information for this article was contributed by Sarah El Deeb")
    assert not any("contributed by" in p for p in seed.paragraphs)
    assert len(seed.paragraphs) == 19


@pytest.mark.parametrize("credit", [
    "Contributing: Jane Doe in Paris and John Roe.",
    "Associated Press writer Bob Smith contributed to this report.",
    "Additional reporting by Ann Lee.",
])
def test_every_credit_form_leaves_the_story_and_names_its_contributors(tmp_path, credit):
    from dateline.extract.contributors import contributors_from_credit

    seed = seed_from(tmp_path, f" date 2016-12-09 PARIS -- Shares rose.\n\nThey fell later.\n\n{credit}\n")
    assert seed.paragraphs == ("Shares rose.", "They fell later.")
    assert seed.credit == credit
    assert contributors_from_credit(credit)[0] in {"Jane Doe", "Bob Smith", "Ann Lee"}


def test_a_last_paragraph_that_only_starts_like_a_credit_stays_in_the_story(tmp_path):
    text = " date 2016-12-09 PARIS -- Shares rose.\n\nContributing to the rise were banks.\n"
    seed = seed_from(tmp_path, text)
    assert seed.paragraphs[-1] == "Contributing to the rise were banks."
    assert seed.credit == ""


@pytest.mark.parametrize("first_line, dateline", [
    (" date 1987-03-03 -- Shares rose.", ""),
    (" date 1987-03-03 BOCA RATON, Fla. -- Shares rose.", "BOCA RATON, Fla."),
    (" date 1987-03-03 AL-AIN, United Arab Emirates -- Shares rose.", "AL-AIN, United Arab Emirates"),
])
def test_datelines_may_be_missing_or_carry_a_region(tmp_path, first_line, dateline):
    seed = seed_from(tmp_path, first_line + "\n\nSecond paragraph.\n")
    assert seed.dateline == dateline
    assert seed.paragraphs == ("Shares rose.", "Second paragraph.")


def test_crlf_and_bom_are_read_as_plain_text(tmp_path):
    seed = seed_from(tmp_path, b"\xef\xbb\xbf date 2016-12-09 BEIRUT -- One.\r\n\r\nTwo.\r\n")
    assert seed.dateline == "BEIRUT" and seed.paragraphs == ("One.", "Two.")


def test_windows_1252_is_read_with_a_warning(tmp_path):
    seed = seed_from(tmp_path, " date 2016-12-09 PARIS -- \u201cCaf\u00e9\u201d opens.\n".encode("cp1252"))
    assert seed.paragraphs == ("\u201cCaf\u00e9\u201d opens.",)
    assert any("Windows-1252" in w for w in seed.warnings)


@pytest.mark.parametrize("text, problem", [
    (b"", "empty"),
    (b"   \n\n  ", "whitespace"),
    (b"\x00\x01\x02binary\xff" * 20, "binary"),
    (b"Just some text without a date line.\n", "first line"),
    (b" date 2016-02-30 X -- Text.\n", "does not exist"),
    (b" date 1700-01-01 X -- Text.\n", "before 1800"),
    (b" date 2999-01-01 X -- Text.\n", "future"),
    (b" date 2016-12-09 BEIRUT -- \n", "no article text"),
])
def test_unusable_seeds_are_refused_with_the_reason(tmp_path, text, problem):
    with pytest.raises(SeedError, match=problem):
        seed_from(tmp_path, text)


def test_other_date_formats_are_read_with_a_warning(tmp_path):
    us = seed_from(tmp_path, " date 12/09/2016 BEIRUT -- Text.\n")
    words = seed_from(tmp_path, " date Dec. 9, 2016 BEIRUT -- Text.\n", name="y.txt")
    assert us.date == words.date == dt.date(2016, 12, 9)
    assert us.warnings and words.warnings


def test_a_file_name_without_a_hash_gets_an_id_from_the_text(tmp_path):
    a = seed_from(tmp_path, " date 2016-12-09 X -- Text.\n", name="story one.txt")
    assert len(a.id) == 16 and a.id == a.sha256[:16]


@pytest.mark.corpus
def test_every_reuters_seed_parses():
    seeds = corpus_seeds(20_000)
    if not seeds:
        pytest.skip("the shared Reuters corpus is not beside this checkout")
    failures = []
    for path in seeds:
        try:
            read_seed(path)
        except SeedError as err:
            failures.append(f"{path.name}: {err}")
    assert failures == []


@pytest.mark.parametrize("text, kind", [
    (b"", "empty file"),
    (b" \t\r\n", "empty file"),
    (b"\x00\x01\x02binary\xff" * 20, "binary file"),
    (b"Just text.\n", "no date line"),
    (b" date 2016-02-30 X -- Text.\n", "bad date"),
    (b" date 13/45/2016 X -- Text.\n", "bad date"),
    (b" date yesterday X -- Text.\n", "bad date"),
    (b" date 2016-12-09 X --   \n\n  \n", "no text"),
])
def test_every_refusal_names_its_kind_for_the_summary(tmp_path, text, kind):
    with pytest.raises(SeedError) as caught:
        seed_from(tmp_path, text)
    assert caught.value.kind == kind


def test_latin1_accents_and_utf16_with_a_bom_are_read_with_a_warning(tmp_path):
    latin = seed_from(tmp_path, " date 2016-12-09 MÜNCHEN -- Señor Müller übt.\n".encode("latin-1"))
    assert latin.dateline == "MÜNCHEN" and latin.paragraphs == ("Señor Müller übt.",)
    utf16 = seed_from(tmp_path, " date 2016-12-09 KYIV -- Київ і Харків.\n".encode("utf-16"), "u.txt")
    assert utf16.paragraphs == ("Київ і Харків.",) and "UTF-16" in utf16.warnings[0]


def test_a_runaway_file_is_published_cut_at_a_paragraph_break(tmp_path):
    paragraph = "Prices rose again on Tuesday, traders said, as the market watched the bank. " * 20
    text = " date 2016-12-09 X -- Lead.\n\n" + (paragraph + "\n\n") * 7000  # about 10 MB
    path = tmp_path / "big.txt"
    path.write_text(text)
    seed = read_seed(path, max_bytes=1024 * 1024)
    assert path.stat().st_size > 10 * 1024 * 1024
    assert 0.5 * 1024 * 1024 < sum(len(p) for p in seed.paragraphs) < 1024 * 1024
    assert seed.paragraphs[-1] == paragraph.strip()  # whole paragraphs only
    assert seed.warnings == ("file is 10.2 MB; published its first 1,023 KB "
                             "(limit: max_article_kb in site.toml)",)


def test_a_seed_without_blank_lines_breaks_after_sentences_not_inside_them(tmp_path):
    seed = seed_from(tmp_path, " date 2016-12-09 X -- First line ends here.\nSecond starts\n"
                               "and ends here.\nThird.\n")
    assert seed.paragraphs == ("First line ends here.", "Second starts and ends here.", "Third.")


def test_a_lead_with_a_dash_pair_inside_has_no_dateline(tmp_path):
    seed = seed_from(tmp_path, " date 2016-12-09 -- Talks -- long ones -- ended.\n")
    assert seed.dateline == "" and seed.paragraphs == ("Talks -- long ones -- ended.",)


def test_control_characters_are_dropped_from_the_text(tmp_path):
    long_text = "Then the wire went on as usual for a good while longer. " * 2
    seed = seed_from(tmp_path, f" date 2016-12-09 X -- Bell\x07 and \x02marker\x03 gone. {long_text}\n")
    assert seed.paragraphs == ("Bell and marker gone. " + long_text.strip(),)
