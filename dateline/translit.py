"""Unicode text -> ASCII, for URL slugs and for matching names as English news spells them.

Dateline's URLs were made with Unidecode (GPL) until it was replaced by anyascii (ISC). The two
romanize some letters differently (Cyrillic 'я' 'ia' or 'ya', Greek 'η' 'e' or 'i', Han syllables
with or without a space between them), and a different romanization would move the URL of every
person, place, organization and tag whose name holds such a letter. So anyascii does the work,
and where its letters would give another slug, the romanization the site has always published
is kept:

- ``KEPT``: single letters, per script, whose slug would change (romanization facts, one per
  letter: 'й' -> 'i', 'φ' -> 'ph');
- Hangul syllables: the romanization of the syllable's Unicode name ('서' HANGUL SYLLABLE SEO
  -> 'seo'), which is what was published;
- Han ideographs: one syllable each, followed by a space, so '北京' stays 'bei-jing';
- emoji: nothing (anyascii spells them ':dove:'), so 'DJ 🎧 Snake' stays 'dj-snake'.

Known remaining differences (not in any archive Dateline has published, see tests/test_slugs.py):
about 6% of common Han characters take another Mandarin reading in anyascii ('万' 'wan', not
'mo'), and Devanagari, Thai, polytonic Greek and symbols are left to anyascii.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from anyascii import anyascii

KEPT: dict[str, str] = {
    # Latin-1 signs: 8 ('£5 billion' stays 'ps5-billion')
    '¢': 'C/', '£': 'PS', '¥': 'Y=', '§': 'SS', '¼': ' 1/4', '½': ' 1/2', '¾': ' 3/4', '×': 'x',
    # Latin: 52
    'ĸ': 'k', 'ƍ': 'd', 'Ǝ': '3', 'Ə': '@', 'ƕ': 'hv', 'Ƣ': 'OI', 'ƣ': 'oi', 'Ʀ': 'YR', 'Ʊ': 'Y',
    'Ƹ': 'ZH', 'ƹ': 'zh', 'ƻ': '2', 'ǀ': '|', 'ǁ': '||', 'ǂ': '|=', 'ǃ': '!', 'ǝ': '@', 'Ƕ': 'HV',
    'Ʌ': '^', 'ə': '@', 'ɚ': '@', 'ɝ': 'e', 'ɞ': 'e', 'ɮ': 'lZ', 'ɷ': 'O', 'ɿ': 'r', 'ʃ': 'S',
    'ʅ': 'S', 'ʆ': 'S', 'ʌ': '^', 'ʒ': 'Z', 'ʓ': 'Z', 'ʔ': '?', 'ʖ': '?', 'ʗ': 'C', 'ʘ': '@',
    'ʚ': 'E', 'ʡ': '?', 'ʤ': 'dZ', 'ʧ': 'tS', 'ʩ': 'fN', 'ʮ': 'h', 'ʯ': 'h', 'ẜ': '', 'ẝ': '',
    'ẟ': '', 'Ỻ': '', 'ỻ': '', 'Ỽ': '', 'ỽ': '', 'Ỿ': '', 'ỿ': '',
    # Greek: 49
    'Ͱ': '', 'ͱ': '', 'Ͳ': '', 'ͳ': '', 'Ͷ': '', 'ͷ': '', 'ͺ': '', 'ͻ': '', 'ͼ': '', 'ͽ': '',
    'Ϳ': '', 'Ή': 'E', 'Ύ': 'U', 'Β': 'B', 'Η': 'E', 'Ξ': 'Ks', 'Υ': 'U', 'Φ': 'Ph', 'Χ': 'Kh',
    'Ϋ': 'U', 'ή': 'e', 'ΰ': 'u', 'β': 'b', 'η': 'e', 'υ': 'u', 'φ': 'ph', 'χ': 'kh', 'ϋ': 'u',
    'ύ': 'u', 'Ϗ': '', 'ϒ': 'U', 'ϓ': 'U', 'ϔ': 'U', 'Ϙ': '', 'ϙ': '', 'Ϡ': 'Sp', 'ϡ': 'sp',
    'ϲ': 'c', 'ϴ': '', 'ϵ': '', 'Ϸ': '', 'ϸ': '', 'Ϲ': '', 'Ϻ': '', 'ϻ': '', 'ϼ': '', 'Ͻ': '',
    'Ͼ': '', 'Ͽ': '',
    # Coptic: 6
    'Ϧ': 'Kh', 'ϧ': 'kh', 'Ϫ': 'G', 'ϫ': 'g', 'Ϭ': 'CH', 'ϭ': 'ch',
    # Cyrillic: 140
    'Ѐ': 'Ie', 'Ё': 'Io', 'Ѓ': 'Gj', 'Ї': 'Yi', 'Ћ': 'Tsh', 'Ќ': 'Kj', 'Й': 'I', 'Ю': 'Iu',
    'Я': 'Ia', 'й': 'i', 'ю': 'iu', 'я': 'ia', 'ѐ': 'ie', 'ё': 'io', 'ѓ': 'gj', 'ї': 'yi',
    'ћ': 'tsh', 'ќ': 'kj', 'Ҋ': '', 'ҋ': '', 'Ҍ': '"', 'ҍ': '"', 'Ҏ': "R'", 'ҏ': "r'", 'Ғ': "G'",
    'ғ': "g'", 'Ҕ': "G'", 'ҕ': "g'", 'Җ': "Zh'", 'җ': "zh'", 'Қ': "K'", 'қ': "k'", 'Ҝ': "K'",
    'ҝ': "k'", 'Ҟ': "K'", 'ҟ': "k'", 'Ҡ': "K'", 'ҡ': "k'", 'Ң': "N'", 'ң': "n'", 'Ҧ': "P'",
    'ҧ': "p'", 'Ҩ': 'Kh', 'ҩ': 'kh', 'Ҭ': "T'", 'ҭ': "t'", 'Ҳ': "Kh'", 'ҳ': "kh'", 'Ҵ': 'Tts',
    'ҵ': 'tts', 'Ҷ': "Ch'", 'ҷ': "ch'", 'Ҹ': "Ch'", 'ҹ': "ch'", 'Ӏ': '`', 'Ӂ': 'Zh', 'ӂ': 'zh',
    'Ӄ': "K'", 'ӄ': "k'", 'Ӆ': '', 'ӆ': '', 'Ӈ': "N'", 'ӈ': "n'", 'Ӊ': '', 'ӊ': '', 'Ӌ': 'Ch',
    'ӌ': 'ch', 'Ӎ': '', 'ӎ': '', 'ӏ': '', 'Ӗ': 'Ie', 'ӗ': 'ie', 'Ә': '@', 'ә': '@', 'Ӛ': '@',
    'ӛ': '@', 'Ӝ': 'Zh', 'ӝ': 'zh', 'Ӟ': 'Z', 'ӟ': 'z', 'Ӫ': 'O', 'ӫ': 'o', 'Ӭ': 'E', 'ӭ': 'e',
    'Ӵ': 'Ch', 'ӵ': 'ch', 'Ӷ': '', 'ӷ': '', 'Ӻ': '', 'ӻ': '', 'Ӽ': '', 'ӽ': '', 'Ӿ': '', 'ӿ': '',
    'Ԁ': '', 'ԁ': '', 'Ԃ': '', 'ԃ': '', 'Ԅ': '', 'ԅ': '', 'Ԇ': '', 'ԇ': '', 'Ԉ': '', 'ԉ': '',
    'Ԋ': '', 'ԋ': '', 'Ԍ': '', 'ԍ': '', 'Ԏ': '', 'ԏ': '', 'Ԑ': '', 'ԑ': '', 'Ԓ': '', 'ԓ': '',
    'Ԕ': '', 'ԕ': '', 'Ԗ': '', 'ԗ': '', 'Ԙ': '', 'ԙ': '', 'Ԛ': '', 'ԛ': '', 'Ԝ': '', 'ԝ': '',
    'Ԟ': '', 'ԟ': '', 'Ԡ': '', 'ԡ': '', 'Ԣ': '', 'ԣ': '', 'Ԥ': '', 'ԥ': '', 'Ԩ': '', 'ԩ': '',
    'Ԫ': '', 'ԫ': '', 'Ԭ': '', 'ԭ': '', 'Ԯ': '', 'ԯ': '',
    # Combining: 5
    '҃': '', '҇': '', '҈': '*100.000*', '҉': '*1.000.000*', '゚': '',
    # Hebrew: 10
    'ְ': '', 'ׁ': '', 'ׄ': '', 'ׅ': '', 'א': 'A', 'ב': 'b', 'ע': '`', 'ף': 'p', 'פ': 'p',
    'ש': 'SH',
    # Arabic: 90
    'ؖ': '', 'ؠ': '', 'ؤ': "w'", 'ئ': "y'", 'ة': '@', 'ظ': 'Z', 'غ': 'G', 'ػ': '', 'ؼ': '',
    'ؽ': '', 'ؾ': '', 'ؿ': '', 'ى': '~', 'ً': 'an', 'ٌ': 'un', 'ٍ': 'in', 'ّ': 'W', 'ٓ': '',
    'ٖ': '', '٘': '', 'ٙ': '', 'ٚ': '', 'ٛ': '', 'ٜ': '', 'ٝ': '', 'ٞ': '', 'ٟ': '', 'ٮ': '',
    'ٯ': '', 'ٰ': '', 'ٲ': "'", 'ٳ': "'", 'ٴ': '', 'ٵ': "'", 'ٶ': "'w", 'ٸ': "'y", 'ٹ': 'tt',
    'ٺ': 'tth', 'ځ': "'h", 'ڂ': 'H', 'ڃ': 'ny', 'ڄ': 'dy', 'څ': 'H', 'ڇ': 'cch', 'ڈ': 'dd',
    'ڋ': 'Dt', 'ڍ': 'ddh', 'ڎ': 'd', 'ڑ': 'rr', 'ږ': 'R', 'ڗ': 'R', 'ژ': 'j', 'ښ': 'S', 'ڜ': 'S',
    'ڝ': 'S', 'ڞ': 'S', 'ڟ': 'T', 'ڠ': 'GH', 'ڣ': 'F', 'ڥ': 'f', 'ڨ': 'Q', 'ک': 'kh', 'ګ': 'K',
    'ڬ': 'K', 'ڮ': 'K', 'ڰ': 'G', 'ڽ': 'N', 'ڿ': 'Ch', 'ۀ': 'hy', 'ۃ': '@', 'ۄ': 'W', 'ۅ': 'oe',
    'ۆ': 'oe', 'ۈ': 'yu', 'ۉ': 'yu', 'ۊ': 'W', 'ۍ': 'Y', 'ێ': 'Y', 'ۏ': 'W', 'ې': '', 'ۑ': '',
    'ے': 'y', 'ۓ': "y'", 'ە': 'ae', 'ۮ': '', 'ۯ': '', 'ۺ': 'Sh', 'ۻ': 'D', 'ۼ': 'Gh', 'ۿ': '',
    # Hiragana: 11
    'じ': 'zi', 'ぢ': 'di', 'っ': 'tsu', 'づ': 'du', 'ふ': 'hu', 'ゐ': 'wi', 'ゑ': 'we', 'を': 'wo',
    'ゕ': '', 'ゖ': '', 'ゟ': '',
    # Katakana: 10
    'ジ': 'zi', 'ヂ': 'di', 'ッ': 'tsu', 'ヅ': 'du', 'フ': 'hu', 'ヰ': 'wi', 'ヱ': 'we', 'ヲ': 'wo',
    'ヶ': 'ke', 'ヿ': '',
    # Katakana-Hiragana: 1
    'ー': '-',
    # Halfwidth: 8
    'ｦ': 'wo', 'ｯ': 'tu', 'ｰ': '+', 'ｼ': 'si', 'ﾁ': 'ti', 'ﾂ': 'tu', 'ﾌ': 'hu', 'ﾞ': ':',
}


def to_ascii(text: str) -> str:
    """'Владимир Путин' -> 'Vladimir Putin'; '北京' -> 'Bei Jing '."""
    if text.isascii():
        return text
    return "".join(_letter(char) for char in text)


@lru_cache(maxsize=65536)
def _letter(char: str) -> str:
    kept = KEPT.get(char)
    if kept is not None:
        return kept
    if char.isascii():
        return char
    name = unicodedata.name(char, "")
    if name.startswith("HANGUL SYLLABLE "):
        return name.rsplit(" ", 1)[1].lower()
    out = anyascii(char)
    if len(out) > 2 and out[0] == out[-1] == ":":  # an emoji's ':shortcode:' is no part of a URL
        return ""
    if out and name.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH")):
        return out + " "
    return out
