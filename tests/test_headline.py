"""The headline writer and summaries: concrete cases of every kind, and the corpus figures held.

The fixtures in tests/fixtures/headlines were written for these tests (see their README); the
corpus checks run only where ../shared/corpus is present.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.article import Seed
from dateline.extract import compress, extract, headline_tables
from dateline.extract import headline_quality as hq
from dateline.extract.compress import finish, headline
from dateline.extract.headline import distinct_titles, title_and_summary, unique_titles
from dateline.extract.headline_cuts import promises_more
from dateline.seeds import read_seed

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "headlines"
REUTERS = ROOT / ".." / "shared" / "corpus" / "reuters21578"
WIKINEWS = ROOT / ".." / "shared" / "corpus" / "other-news" / "wikinews-2004"


def _seed(*paragraphs: str, dateline: str = "CHICAGO") -> Seed:
    return Seed(path="x.txt", id="x", sha256="0", date=dt.date(1987, 3, 2), dateline=dateline,
                paragraphs=tuple(paragraphs))


@pytest.mark.parametrize(("lead", "expected"), [
    # "said"/"announced" leads in the present, the speaker's pronoun replaced by the speaker
    ("Kraft Inc said it has completed the purchase of Quaker Oats Co's Anderson Clayton unit.",
     "Kraft completes purchase of Quaker Oats' Anderson Clayton unit"),
    ("Moody's Investors Service Inc said it lowered the debt and preferred stock ratings of USX Corp.",
     "Moody's Investors Service lowers debt and preferred stock ratings of USX"),
    ("Treasury Secretary James Baker said on Tuesday that the dollar had fallen enough.",
     "Baker says dollar has fallen enough"),
    # plural subjects agree
    ("Officials said the talks would resume next week.", "Officials say talks to resume next week"),
    ("Standard Oil Co and BP North America Inc said they plan to form a venture.",
     "Standard Oil and BP North America plan to form venture"),
    # appositives, attributions, time words and leading subordinate clauses go
    ("William Crowe, chairman of the U.S. Joint Chiefs of Staff, said the Navy would escort tankers.",
     "William Crowe says Navy to escort tankers"),
    ("As official Washington sought to restore investor confidence, the Federal Reserve added reserves "
     "to the banking system.", "Federal Reserve adds reserves to banking system"),
    ("Coffee export quotas were suspended a year ago, ICO delegates said.",
     "Coffee export quotas suspended a year ago"),
    ("Widget Holdings Inc, an affiliate of a large European engineering group based in Zurich, said it "
     "agreed to buy the remaining shares of Gadget Corp for 40 mln dlrs.",
     # the price after the buyer's object: the agency's titles keep a "for" figure rarely
     "Widget Holdings agrees to buy remaining shares of Gadget Corp"),
    ("Rebels agreed to leave the city on Thursday, ending a four-year siege that killed thousands.",
     "Rebels agree to leave city, ending four-year siege that killed thousands"),
    ("The rebels agreed on Thursday to leave the eastern part of the city, ending a four-year siege that "
     "killed thousands of people.", "Rebels agree to leave eastern part of city"),
])
def test_lead_becomes_a_wire_headline(lead, expected):
    assert headline(lead) == expected


def test_long_leads_are_trimmed_never_cut():
    lead = ("Britain's centrist Alliance has gained further ground and now stands second to the ruling "
            "Conservatives according to a new public opinion poll, leaving the main opposition Labour "
            "Party trailing in third place.")
    title = headline(lead)
    assert title == "Britain's centrist Alliance gains further ground"
    for text in (lead, "The company said its profits for the year would be below the forecast made by the "
                 "board of directors at the annual meeting of the shareholders in the spring of"):
        got = headline(text)
        assert len(got) <= 90 and not got.endswith(("\u2026", ":"))
        assert hq.last_word(got) not in hq.FUNCTION_WORDS, got


def test_finish_never_leaves_a_dangling_word():
    assert finish("Profits rose to a record in the") == "Profits rose to a record"
    assert finish("Following are the results:") == "Following are the results"
    assert len(finish("word " * 40)) <= 90


def test_all_caps_lead_in_sentence_case():
    got = extract(read_seed(FIXTURES / "shouting_lead.txt"))
    assert got.title == "Argentine grain belt temperatures and rain in 24 hours to 12.00 GMT"


def test_sports_results_say_competition_and_outcome():
    assert extract(read_seed(FIXTURES / "soccer_qualifier.txt")).title == \
        "European championship qualifier: Norway beat Malta 3-0"
    # a win is the news of a round before a draw above it
    assert extract(read_seed(FIXTURES / "soccer_draw.txt")).title == \
        "World Cup qualifier: Romania beat Lithuania 2-0"


def test_a_tables_introduction_becomes_its_headline_and_the_rows_its_summary():
    got = extract(read_seed(FIXTURES / "standings_intro.txt"))
    assert got.title == "Manchester United top English Premier League, a point ahead of Liverpool"
    assert got.summary.startswith("Manchester United 26 15 8 3 52 29 53; Liverpool")
    got = extract(read_seed(FIXTURES / "lineups_intro.txt"))
    assert got.title == "Norway v Finland World Cup group three qualifier line-ups"
    intro = "Results of second-round matches at the Rotterdam indoor tennis tournament on Thursday:"
    assert title_and_summary(_seed(intro, "Jan Siemerink beat Paul Haarhuis 6-4 6-3"))[0] \
        == "Rotterdam indoor tennis tournament: Siemerink beat Haarhuis 6-4 6-3"  # over 80 the round goes
    assert title_and_summary(_seed(intro, "1. Siemerink (Netherlands)"))[0] \
        == "Rotterdam indoor tennis tournament second-round results"


@pytest.mark.parametrize(("lead", "expected"), [
    ("Wakanoyama, a sumo grand champion of the 1960s who later ran one of the sport's largest training "
     "stables, died of heart failure at a Tokyo hospital on Tuesday, his family said.",
     "Wakanoyama dies of heart failure at Tokyo hospital"),
    ("(Groupe Videotron Ltd) said it agreed to buy 50 pct of (Groupe Promexpo Inc), a company which "
     "specializes in product exhibitions.", "Groupe Videotron agrees to buy 50 pct of Groupe Promexpo"),
    ("The International Coffee Organization (ICO) council adjourned talks on quotas.",
     "International Coffee Organization council adjourns talks on quotas"),
    ("The Ministry of Mines has announced the discovery of a major gold field in the north.",
     "Ministry of Mines announces discovery of major gold field in north"),
    ("Talks on coffee export quotas have been extended into today, delegates said.",
     "Talks on coffee export quotas extended"),
    ("Nelson Mandela was sworn in as South Africa's first black president on Tuesday.",
     "Nelson Mandela sworn in as South Africa's first black president"),
    ("Pennzoil Co chairman J. Hugh Liedtke said the company expects its first quarter net to be down.",
     "Pennzoil's Liedtke says company expects first quarter net to be down"),
    ("Airbus and Boeing announced orders worth 20 bln dlrs.",
     "Airbus and Boeing announce orders worth 20 bln dlrs"),
    ("Italian police arrested a fugitive Mafia boss.", "Italian police arrest fugitive Mafia boss"),
    ("Marks and Spencer Plc said it raised prices.", "Marks and Spencer raises prices"),
    ("Deutsche Babcock AG expects profits to rise in the current financial year although the earnings level "
     "is still unsatisfactory.", "Deutsche Babcock expects profits to rise in current financial year"),
    ("Finance Minister Kiichi Miyazawa told a parliamentary committee he expects major nations to reaffirm "
     "the currency pact.", "Miyazawa expects major nations to reaffirm currency pact"),
    ("The National Pork Board announced at the American Pork Congress convention that refunds are running "
     "less than expected.", "National Pork Board says refunds run less than expected"),
    ("Taiwan is expected to boost agricultural imports from the U.S. And Europe in 1987.",
     "Taiwan expected to boost agricultural imports from U.S. and Europe"),
])
def test_more_leads(lead, expected):
    assert headline(lead) == expected


# Issue 10 follow-up: headlines that never lose what the verb governs (sentences written for
# these tests). Each class: the subject compressed first; a cut only at the end of a complete
# phrase, else adjuncts and the object's modifiers go and the verb keeps its head noun; past
# tense in the present; a linking verb's adjective is no verb.
@pytest.mark.parametrize(("lead", "expected"), [
    # the subject first: ownership and description go, "X's Y unit" is "X unit", the parent's
    # short name where the whole would not fit
    ("Northern Plains Holding and Trust Corp's 75 percent-owned subsidiary said it agreed to buy the assets "
     "of two regional grain elevator companies in Kansas and Nebraska for 40 mln dlrs.",
     # over 75 characters: the intention's verb goes (fifteenth round)
     "Northern Plains Holding unit to buy assets of two regional grain elevator companies"),
    ("Redwood Pacific Inc's privately held Ontario subsidiary said it has sold its chain of 140 hardware "
     "stores in western Canada to a group of investors led by its management.",
     "Redwood Pacific unit sells chain of 140 hardware stores"),
    ("The Lisbon unit of Belgian insurer Verbena Assurances said it would buy a 40 pct stake in a "
     "Portuguese pension fund manager for 3.2 billion escudos.",
     # thirteenth round: the learned keep rate of "in" + a name (0.19) drops the stake's
     # complement; a known loss, kept visible here
     "Lisbon unit of Verbena Assurances to buy 40 pct stake"),
    # never after an "-ing" verb, a figure without its noun, inside an appositive
    ("The Environmental Protection Agency said Delta Chemical Co's Allied Coatings unit was voluntarily "
     "recalling three batches of an industrial solvent sold in Ohio and Michigan.",
     # a manner adverb before the verb goes (fourteenth round), leaving room for the figure
     "Environmental Protection Agency says Delta Chemical unit recalling three batches"),
    ("Lakeshore Savings Bank's privately held Toronto mortgage subsidiary said it was launching a 200 mln "
     "Canadian dlr mortgage-backed securities programme with two dealers.",
     "Lakeshore Savings Bank unit launches 200 mln Canadian dlr mortgage-backed programme"),
    ("Corvan Industries said it will issue a 30 billion yen, 10-year bond on April 23 through its Tokyo "
     "finance subsidiary.",
     "Corvan Industries to issue 30 billion yen, 10-year bond"),
    ("Harbor Lake Instruments Inc said it completed its acquisition of Kestrel Devices Inc, a maker of "
     "precision optical sensors for industrial furnaces and kilns, for an undisclosed sum.",
     "Harbor Lake Instruments completes acquisition of Kestrel Devices"),
    # no complete cut fits: the object's modifiers go, never its head noun
    ("Caldera Mining Corp said it expects to maintain the same steady annual rate of gold production "
     "growth through 1990 as it has recorded over the past six years.",
     "Caldera Mining expects to maintain same steady annual rate of gold production growth"),
    # past tense in the headline present, said or not
    # where a filing was lodged goes, what was filed stays (the lead spelled out, as compress gets it)
    ("Moraine Oil Co filed with the Securities and Exchange Commission for a proposed offering of "
     "$80 million of convertible subordinated debentures due 2012.",
     "Moraine Oil files for proposed offering of $80 million of convertible debentures due 2012"),
    ("Northfield Bancorp said it launched a tender offer for all outstanding shares of Westbrook Savings "
     "Bank at 22 dlrs a share in cash.",
     "Northfield Bancorp launches tender offer"),
    # a linking verb's adjective is no verb of its own
    ("Denmark appears resolved to keep its budget surplus for the coming year, a Finance Ministry "
     "official said.",
     "Denmark appears resolved to keep its budget surplus for coming year"),
])
def test_headline_keeps_what_the_verb_governs(lead, expected):
    got = headline(lead)
    assert got == expected
    assert len(got) <= 90


def test_a_cut_ends_a_complete_phrase():
    """Where the text must be cut, never after the verb, an infinitive, an "-ing" or "-ed" form,
    a figure without its noun, or a word that opens a clause."""
    leads = [
        "Norway said its coastguard seized two trawlers that tried to enter its fishing zone off Svalbard "
        "in the Barents Sea early today and escorted them to the port of Tromsoe.",
        "Westmark Foods Inc said it has agreed to acquire the frozen vegetable and specialty bakery "
        "businesses of Ridgeway Farms Corp of Boise, Idaho, for about 14 mln dlrs in cash and notes.",
        "Carver Textile Mills Inc's 60 pct-owned Mexican subsidiary said it was voluntarily closing its "
        "two oldest weaving plants near Puebla because of falling demand for cotton denim.",
    ]
    for lead in leads:
        got = headline(lead)
        last = got.split()[-1].lower()
        assert len(got) <= 90, got
        assert not last.endswith(("ing", "ed")), got
        assert last not in {"to", "that", "which", "agrees", "says", "tried", "million", "billion"}, got
        assert not last[:1].isdigit(), got


def test_results_table_says_whose_and_what_happened():
    seed = _seed("Shr loss 12 cts vs profit 20 cts", "Net loss 1,200,000 vs profit 2,000,000",
                 "Year", "Shr 1.10 dlrs vs 1.30 dlrs")
    assert title_and_summary(seed)[0] == \
        "Fourth-quarter results swing to loss of 12 cents a share from profit of 20 cents"
    seed = _seed("4th qtr", "Shr 50 cts vs 40 cts", "Net 5,000,000 vs 4,000,000")
    assert title_and_summary(seed)[0] == "Fourth-quarter profit rises to 50 cents a share from 40 cents"
    got = extract(read_seed(FIXTURES / "results_own_note.txt"))
    assert got.title == "Lakeside Milling Co profit rises to 96 cents a share from 83 cents"


def test_results_table_with_no_share_figure_says_what_its_net_row_says():
    # a share figure rounded to nil, or not given, tells nothing: the net row below does
    seed = _seed("Qtr ended Dec 31", "Shr nil vs nil", "Net loss 59,922 vs loss 357,203",
                 "Revs 7 mln vs 9 mln")
    assert title_and_summary(seed) == ("Quarterly net loss narrows to 59,922 from 357,203",
                                       "Share nil vs nil; Revenues 7 million vs 9 million")  # net row once
    seed = _seed("Shr nil vs nil", "Net loss 77,879, vs loss 65,501", "Nine mths", "Shr nine cts vs two cts")
    assert title_and_summary(seed)[0] == "Third-quarter net loss widens to 77,879 from 65,501"
    assert title_and_summary(_seed("Shr not given", "Net 788,099", "Revs 15.5 mln"))[0] == \
        "Net profit of 788,099"
    assert title_and_summary(_seed("Net 3.1 mln vs not given", "Note: not comparable."))[0] == \
        "Net profit of 3.1 million"
    # a year-earlier figure written out in full takes no "mln" from the first
    seed = _seed("Shr 32 cts vs nil", "Net 1.2 mln vs 100,000")
    assert title_and_summary(seed)[0] == "Net profit rises to 1.2 million from 100,000"
    # a share figure that reads stays the headline
    seed = _seed("Shr 39 cts vs not given", "Net 8,801,000 vs not given")
    assert title_and_summary(seed)[0] == "Profit of 39 cents a share"


def test_results_table_company_from_a_note_that_writes_it_in_passing_as_its_own():
    # the subject of a clause on its own accounts
    seed = _seed("Shr 53 cts vs 40 cts", "Net 1,165,000 vs 575,000",
                 "NOTE: per share data restated as Lakeview Savings Bank converted to a stock bank in 1986.")
    assert title_and_summary(seed, ["Lakeview Savings Bank"])[0] == \
        "Lakeview Savings Bank profit rises to 53 cents a share from 40 cents"
    # the holders the company pays
    seed = _seed("Oper shr 25 cts vs 30 cts",
                 "NOTE: Oper net excludes results of Orbit Stores Inc, a former unit. On Dec 31, 1986 "
                 "company distributed its 80.4 pct interest in the unit to Orbit Corp holders.")
    assert title_and_summary(seed, ["Orbit Stores Inc", "Orbit Corp"])[0] == \
        "Orbit Corp operating profit falls to 25 cents a share from 30 cents"
    # a clause about another company's deal names no company of the table
    seed = _seed("Shr 53 cts vs 40 cts",
                 "NOTE: 1985 restated after Harbor Bank acquired the company's branches.",
                 "Results restated as Harbor Bank sold its stake.")
    assert title_and_summary(seed, ["Harbor Bank"])[0] == "Profit rises to 53 cents a share from 40 cents"


def test_results_table_never_names_a_company_from_a_note_about_another():
    got = extract(read_seed(FIXTURES / "results_other_company_note.txt"))
    assert "Harbor Plastics Corp" in got.organizations  # the note names it...
    # ...the headline not
    assert got.title == "Fourth-quarter loss narrows to nine cents a share from 12 cents"


def test_dividend_headline_says_what_changed():
    assert title_and_summary(_seed("Qtly div 48 cts vs 44 cts prior", "Pay April 1"))[0] == \
        "Quarterly dividend raised to 48 cents from 44 cents"
    assert title_and_summary(_seed("Qtly div six cts vs six cts prior"))[0] == \
        "Quarterly dividend unchanged at six cents"


def test_summary_adds_to_the_headline():
    seed = _seed("Acme Corp said it agreed to buy Widget Inc for 40 mln dlrs. The deal is subject to "
                 "approval by Widget shareholders.", "Acme said it would pay cash.")
    title, summary = title_and_summary(seed)
    assert title == "Acme agrees to buy Widget for $40 million"
    assert summary == "The deal is subject to approval by Widget shareholders."
    title, summary = title_and_summary(_seed("Acme Corp said it agreed to buy Widget Inc.",
                                             "The price was not disclosed."))
    assert summary == "The price was not disclosed."
    table = _seed("Shr 50 cts vs 40 cts", "Net 5,000,000 vs 4,000,000", "Revs 20.1 mln vs 18.2 mln")
    assert title_and_summary(table)[1] == "Net 5,000,000 vs 4,000,000; Revenues 20.1 million vs 18.2 million"


def test_repeated_headlines_told_apart_by_the_text_before_a_number():
    got = distinct_titles([
        ("a", "Quarterly dividend unchanged at 10 cents", "BOSTON", ["Acme Corp"], "Pay April 1"),
        ("b", "Quarterly dividend unchanged at 10 cents", "TOKYO", [], "Pay April 1"),
        ("c", "Quarterly dividend unchanged at 10 cents", "BOSTON", [], "Pay May 3; record April 20"),
        ("d", "Quarterly dividend unchanged at 10 cents", "BOSTON", [], "Pay May 3; record April 20"),
        ("e", "Quarterly dividend unchanged at 10 cents", "BOSTON", [], "Pay May 3; record April 20"),
    ])
    assert got["a"] == "Quarterly dividend unchanged at 10 cents"
    assert got["b"] == "Quarterly dividend unchanged at 10 cents (Tokyo)"
    assert got["c"] == "Quarterly dividend unchanged at 10 cents (Boston)"
    assert got["d"] == "Quarterly dividend unchanged at 10 cents (May 3)"
    assert got["e"] == "Quarterly dividend unchanged at 10 cents (Boston) (2)"
    assert len(set(got.values())) == 5


def test_daily_report_repeats_told_apart_by_the_day_filed_not_a_bare_number():
    text = "Federal Widget Board sets its widget rate"
    got = distinct_titles([
        ("a", text, "WASHINGTON", [], "The rate is 30 days.", dt.date(1987, 3, 2)),
        ("b", text, "WASHINGTON", [], "The rate is 30 days.", dt.date(1987, 3, 2)),
        ("c", text, "WASHINGTON", [], "The rate is 30 days.", dt.date(1987, 3, 3)),
        ("d", text, "WASHINGTON", [], "The rate is 30 days.", "1987-03-04"),
    ])
    # "(30)" from the summary would read as a running number; the day filed says which report it is
    assert got == {"a": text, "b": f"{text} (Washington)", "c": f"{text} (March 3)", "d": f"{text} (March 4)"}


def test_repeat_named_by_its_company_when_the_first_is_not():
    got = distinct_titles([("a", "Oil prices rise", "LONDON", [], ""),
                           ("b", "Oil prices rise", "LONDON", ["Exxon Corp"], "")])
    assert got["b"] == "Oil prices rise (Exxon Corp)"


def test_unique_titles_keeps_its_old_shape():
    got = unique_titles([("a", "Oil prices rise", "LONDON"), ("b", "Oil prices rise", "TOKYO"),
                         ("c", "Oil prices rise", "TOKYO")])
    assert got == {"a": "Oil prices rise", "b": "Oil prices rise (Tokyo)", "c": "Oil prices rise (Tokyo) (2)"}


def test_quality_scorer_finds_each_fault():
    fig = hq.Figures()
    hq.score_article(fig, "Profits rose to a record in the\u2026", "x", "", [])
    hq.score_article(fig, "Profits rose to a record in", "Profits rose to a record in the year", "", [])
    hq.score_article(fig, "Results were:", "", "", [])
    hq.score_article(fig, "Quarterly profit rises", "", "Kellogg Co said ...", ["Kellogg Co"],
                     "KELLOGG CO <K> 3RD QTR NET")
    hq.score_article(fig, "Other Corp quarterly profit rises", "", "Kellogg Co, Other Corp", ["Other Corp"],
                     "KELLOGG CO <K> 3RD QTR NET")
    assert (fig.ellipsis, fig.function_word, fig.colon, fig.summary_repeats) == (1, 2, 1, 1)
    assert (fig.results, fig.results_named, fig.results_wrong) == (2, 0, 1)
    assert hq.company_key("AMERICAN EXPRESS CO") == "american express"
    assert hq.company_key("KELLOGG CO") == "kellogg"


def test_scorer_knows_the_agencys_short_forms_of_one_company():
    # the title's short form, read in order, opens the name's words: the same company
    assert hq.shortens("PACTEL", "Pacific Telesis Group")
    assert hq.shortens("GLOBATECH", "Global Atlantic Technologies Corp")
    assert hq.shortens("NORWIDGET INT'L", "Norwidget International")
    assert hq.shortens("ARCO", "Atlantic Richfield Co")
    # another company that shares a first word, or a suffix read as a prefix, is not it
    assert not hq.shortens("TEXACO", "Texas Eastern Corp")
    assert not hq.shortens("AMERICAN EXPRESS", "American Brands")
    assert not hq.shortens("GM", "General Mills")  # too short to tell
    fig = hq.Figures()
    hq.score_article(fig, "Pacific Telesis Group quarterly profit rises", "", "Pacific Telesis Group said",
                     ["Pacific Telesis Group"], "PACTEL <PAC> 1ST QTR NET")
    assert (fig.results, fig.results_named, fig.results_wrong) == (1, 1, 0)


def test_table_company_from_its_own_note_not_its_parent():
    seed = _seed("Shr 20 cts vs 10 cts", "Net 2,000,000 vs 1,000,000",
                 "NOTE: Marlow Fasteners changed its fiscal year end to December 31.")
    assert title_and_summary(seed, [])[0] == "Marlow Fasteners profit rises to 20 cents a share from 10 cents"
    seed = _seed("Shr 20 cts vs 10 cts", "NOTE: Winthrop Insured Mortgage Investors II.")
    assert title_and_summary(seed, [])[0].startswith("Winthrop Insured Mortgage Investors II profit")
    seed = _seed("Shr 20 cts vs 10 cts", "Big Parent Corp owns 100 pct of the company's shares.")
    assert title_and_summary(seed, ["Big Parent Corp"])[0] == "Profit rises to 20 cents a share from 10 cents"
    seed = _seed("Shr 20 cts vs 10 cts", "NOTE: Results restated for a two-for-one split.")
    assert title_and_summary(seed, [])[0] == "Profit rises to 20 cents a share from 10 cents"


def test_wire_words_spelled_out_but_capitals_kept_as_names():
    assert title_and_summary(_seed("CTS Corp said it increased its 1986 loss to 26.6 mln dlrs."))[0] == \
        "CTS increases its 1986 loss to $26.6 million"
    assert title_and_summary(_seed("Qtly seven cts vs six cts prior", "Pay May 1"))[0] == \
        "Quarterly dividend raised to seven cents from six cents"


# Figures held (floors a little under what bench/evaluate.py reports; odd NEWIDs, odd wikinews rows
# and the heldout-desk split are held out, never tuned on). Reported when set: Reuters test: results
# name their company 94.7%, wrong 1.5%, summaries repeat 4.0%, shared 7.9%, numbered 0.2%, overlap
# 0.361; wikinews: repeats 0%, overlap 0.328 (dev) / 0.387 (test); desk train: repeats 0%, overlap 0.526.
REUTERS_FLOOR = {"named": 0.93, "wrong": 0.02, "repeats": 0.05, "shared": 0.09, "numbered": 0.005,
                 "similarity": 0.35}
WIKINEWS_FLOOR = {"repeats": 0.03, "similarity": 0.34}
# Desk train overlap fell 0.580 -> 0.502 in the tenth round by design: most of its table rows carry an
# introduction for a headline ("Spanish first division results"), which now gives way to what
# happened ("Spanish first division: Barcelona beat Deportivo Coruna 4-1"); heldout-desk rose 0.432 -> 0.477.
DESK_FLOOR = {"repeats": 0.05, "similarity": 0.47}
DESK = sorted((ROOT / "tests" / "gold").glob("desk_*.jsonl"))


def _shape_is_clean(fig: hq.Figures) -> None:
    assert fig.ellipsis == fig.function_word == fig.colon == 0, fig.examples
    assert fig.share(fig.over_limit) <= 0.01


@pytest.mark.skipif(not (REUTERS / "seeds").is_dir(), reason="Reuters corpus not present")
def test_reuters_held_out_figures():
    rows = [r for r in hq.read_manifest(REUTERS) if r["newid"] % 2]
    fig = hq.corpus_figures(REUTERS / "seeds", rows, lambda i, r: "test")["test"]
    _shape_is_clean(fig)
    assert fig.share(fig.results_named, fig.results) >= REUTERS_FLOOR["named"]
    assert fig.share(fig.results_wrong, fig.results_any) <= REUTERS_FLOOR["wrong"]
    assert fig.share(fig.summary_repeats) <= REUTERS_FLOOR["repeats"]
    assert fig.share(fig.shared) <= REUTERS_FLOOR["shared"]
    assert fig.share(fig.numbered) <= REUTERS_FLOOR["numbered"]
    assert fig.mean_similarity >= REUTERS_FLOOR["similarity"]


@pytest.mark.skipif(not (WIKINEWS / "seeds").is_dir(), reason="wikinews corpus not present")
def test_wikinews_figures():
    rows = hq.read_manifest(WIKINEWS)
    fig = hq.corpus_figures(WIKINEWS / "seeds", rows, lambda i, r: "all")["all"]
    _shape_is_clean(fig)
    assert fig.share(fig.summary_repeats) <= WIKINEWS_FLOOR["repeats"]
    assert fig.mean_similarity >= WIKINEWS_FLOOR["similarity"]


@pytest.mark.skipif(not DESK, reason="no desk gold (tests/gold/desk_*.jsonl) in this checkout")
def test_desk_figures():
    figures = hq.corpus_figures(ROOT, hq.desk_rows(ROOT), lambda i, r: str(r.get("split") or "desk"))
    for split, fig in figures.items():
        _shape_is_clean(fig)
        if split == "train":  # the split tuned on; the held-out one is reported, not held to a number
            assert fig.share(fig.summary_repeats) <= DESK_FLOOR["repeats"]
            assert fig.mean_similarity >= DESK_FLOOR["similarity"]


# Issue 10, third round: general behaviours, each on sentences written for these tests.
@pytest.mark.parametrize(("lead", "expected"), [
    # a verb may end its clause where a subordinator followed it
    ("The governor's approval rating fell after the state audit office criticised his handling of the "
     "harbour contracts, a poll by the Evening Courier indicates.",
     "Governor's approval rating falls"),
    # a present-tense verb is a verb; a second predicate after "and" may go
    ("Larchmont Shipping Ltd's revised refinancing plan keeps the company afloat and improves its standing "
     "with lenders, but repayment depends on a recovery in freight rates, analysts said.",
     "Larchmont Shipping's revised refinancing plan keeps company afloat and improves standing"),
    # a relative "that" after a noun opens a clause that may go
    ("Ostrava Steel is in the final stages of negotiations that could result in the sale of its rolling "
     "mill and two coking plants in northern Moravia to a group of German and Austrian investors, a company "
     "spokesman said.",
     "Ostrava Steel in final stages of negotiations"),
    # the phrase before a reported clause's subject goes
    ("A Dairy Farmers Council official said that far from hurting Danish cheese makers, the new quotas "
     "help all small producers.",
     "Dairy Farmers Council official says new quotas help all small producers"),
    # a company's own figure needs no "says"
    ("Halvorsen Foods Plc said annual profit fell 6 percent as supermarkets cut prices.",
     "Halvorsen Foods annual profit falls 6 percent as supermarkets cut prices"),
    # where a filing was lodged goes when what was filed follows
    ("Pinecrest Energy Corp said it filed with the Securities and Exchange Commission for an offering of "
     "2.5 million common shares.",
     "Pinecrest Energy files for offering of 2.5 million common shares"),
    # a second past verb of the same subject goes to the present with the first
    ("The defence minister resigned on Monday and handed power to his deputy after a week of protests.",
     "Defence minister resigns and hands power to deputy"),
    # "reached an agreement to" is "agrees to"
    ("Corbel Industries Inc said it reached a definitive agreement to acquire Tamworth Plastics Co for "
     "12 mln dlrs.",
     "Corbel Industries agrees to acquire Tamworth Plastics for 12 mln dlrs"),
    # a company's name in apposition replaces its description (a person's role stays)
    ("Norway's biggest insurer, Fjordlund Forsikring ASA, is expected to report a sharply lower profit for "
     "the first half, analysts said.",
     "Fjordlund Forsikring expected to report sharply lower profit"),
    ("Harwell Inc's chief financial officer, Dana Ritter, said analysts are comfortable with estimates.",
     "Harwell's chief financial officer says analysts comfortable with estimates"),
    ("Dutch retail group Van Doorn Holding NV said on Tuesday third-quarter net profit rose to 81 million "
     "guilders.",
     "Van Doorn Holding third-quarter net profit rises to 81 million guilders"),
    # a subordinate clause is never cut before its verb
    ("At least 12 people were killed and 30 injured when a crowded bus from Mombasa to Malindi "
     "plunged into a river on Sunday, police said.",
     "At least 12 people killed and 30 injured when crowded bus from Mombasa to Malindi plunged"),
    # an obituary's long description goes, its role stays before the name
    ("Tomas Lindgren, a Swedish painter whose seascapes of the Baltic, once dismissed by critics, now hang "
     "in the National Museum, died on Friday in Stockholm.",
     "Swedish painter Tomas Lindgren dies in Stockholm"),
    ("Harriet Okafor, who founded the country's first women's bank, died on Monday at her home in Lagos.",
     "Harriet Okafor dies at home in Lagos"),
    # "said" inside a subordinate clause is not the lead's verb
    ("Copper prices fell on Monday after Chile's mining minister said the state company would raise "
     "output next year, dealers said.",
     "Copper prices fall after Chile's mining minister said state company would raise output"),
    # a verb followed by "not" is still a verb
    ("The chief prosecutor said he decided not to charge the two bankers because the evidence was weak.",
     "Chief prosecutor decides not to charge two bankers"),
    # what a rating agency moved goes before where it moved it to
    ("Moody's Investors Service Inc said it upgraded to A-2 from A-3 Calder Paper Co's 45 mln dlrs of "
     "senior notes.",
     "Moody's Investors Service upgrades Calder Paper's 45 mln dlrs of senior notes to A-2"),
    # a relative clause after the subject's noun goes when an auxiliary opens the main verb
    ("A flood that began three days ago is cutting roads and rail lines in the northern provinces, "
     "officials said.",
     "Flood cuts roads and rail lines in northern provinces"),
])
def test_third_round_leads(lead, expected):
    assert headline(lead) == expected


def test_a_cut_never_leaves_a_word_that_wants_the_next():
    """Never before a needed "of" ("portion | of"), inside a list, after a number word, a possessive
    or a name used as a modifier."""
    leads = [
        "Glenmore Credit Corp said it agreed to acquire a substantial portion of the Bank of Eastern Ohio "
        "Corp's Riverside Leasing Corp's equipment loans and receivables.",
        "Westfield Chemicals Inc said it is raising the prices of its Coatings Division's water-based "
        "sealants for roofing, flooring, marine and other industrial uses, effective May one.",
        "The deputy governor of the central bank, Armen Papazian-Kevorkian, called for the establishment "
        "of an Arab stabilisation fund to support the Lebanese pound, which has lost most of its value.",
    ]
    for lead in leads:
        got = headline(lead)
        assert len(got) <= 90, got
        words = got.split()
        assert not words[-1].endswith(("'s", "ing")), got
        assert words[-1].lower() not in {"substantial", "portion", "of", "arab", "three", "around"}, got


def test_sport_slug_and_election_introductions():
    assert compress.introduction("Cricket - Summarised scores in the second test between India and "
                                 "Australia at Eden Gardens on Friday:") == \
        "Cricket - India v Australia second test summarised scores"
    assert compress.introduction("Final results of the election to the 60-seat Goa state assembly, "
                                 "declared on Monday:") == "60-seat Goa state assembly election final results"
    assert compress.introduction("The Federal Farm Credit Banks said its rates on six-month notes were "
                                 "as follows:") == "Federal Farm Credit Banks rates on six-month notes"


def test_table_company_from_a_note_that_opens_with_its_name_or_gives_it_in_full():
    seed = _seed("Net 65 mln vs 57 mln", "Year", "Net 247 mln vs 208 mln",
                 "NOTE: Harbor Grain Exchange Corp. The exchange had 1,200 members in 1986.")
    assert title_and_summary(seed, [])[0] == \
        "Harbor Grain Exchange fourth-quarter net profit rises to 65 million"
    seed = _seed("Semi-annual dividend 4 cts", "Pay May 29",
                 "Record April 14 Note: full name is U.S. Marine Holdings Corp. This is its first dividend.")
    assert title_and_summary(seed, [])[0] == "U.S. Marine Holdings Corp semi-annual dividend of 4 cents"


@pytest.mark.parametrize("date_line", ["Friday, July 21, 2017", "21 July 2017", "March 3, 1987."])
def test_a_date_line_above_the_story_is_not_its_headline(date_line):
    lead = "A team of Afghan girls won a silver medal at a robotics contest in Washington."
    title, summary = title_and_summary(_seed(date_line, lead, "The team had been denied visas."))
    assert title == title_and_summary(_seed(lead, "The team had been denied visas."))[0]
    assert date_line.rstrip(".") not in title + summary


# (headline, lead, the fault class a wire editor marks): the classes the lead engineer read on the
# dev split, each with a headline that must not be marked beside it.
FAULT_CASES = [
    ("Iowa Beef Processors lifting lockout", "Iowa Beef Processors Inc said it is lifting the lockout "
     "at its Dakota City, Nebraska, plant.", "-ing verb without auxiliary"),
    ("General Motors of Canada plans 450 million", "General Motors of Canada Ltd is planning a 450 mln "
     "dlr expansion of its plant, the company said.", "figure without its noun"),
    ("Lawson is content", "Chancellor of the Exchequer Nigel Lawson said he is content with sterling's "
     "present level.", "copula cut from complement"),
    ("Tremor hits northern Chile but there were no immediate reports", "A tremor hit northern Chile "
     "today but there were no immediate reports of damage, officials said.", "second clause after but/and"),
    ("Democratic and Republican members meets behind closed doors", "Democratic and Republican members "
     "of the committee met behind closed doors on Tuesday.", "plural subject, -s verb"),
    ("Colonial BancGroup signed letter of intent", "Colonial BancGroup said it signed a letter of intent "
     "to acquire The Liberty Bank of Pensacola.", "past tense before object"),
    ("Index shows U.S. Dollar", "The Bank of England's effective exchange rate index shows the dollar at "
     "101.6, the bank said.", "capitalised common word"),
    ("Index shows dollar", "The Bank of England's effective exchange rate index shows the dollar at "
     "101.6, the bank said.", "figure cut off"),
    ("Iowa Beef lifts lockout at Dakota City, Nebraska", "Iowa Beef Processors Inc said it is lifting the "
     "lockout at its Dakota City, Nebraska, plant on Monday.", "cut inside noun phrase"),
    ("Talks extended", "Talks between the union and the company over a new labour contract were extended "
     "by a week, both sides said.", "too thin"),
]


@pytest.mark.parametrize("title, lead, fault", FAULT_CASES)
def test_fault_detectors_mark_each_class(title, lead, fault):
    assert fault in hq.faults(title, lead)


@pytest.mark.parametrize("title, lead", [
    ("Iowa Beef Processors lifts lockout at Dakota City plant", FAULT_CASES[0][1]),
    ("Tremor hits northern Chile", FAULT_CASES[3][1]),
    ("Three men charged with operating large tax fraud scheme", "Three men were charged today with "
     "operating a large tax fraud scheme, prosecutors said."),
    ("Jefferies Group resolves accounting dispute", "Jefferies Group Inc said it resolved an accounting "
     "dispute with its auditors."),
    ("Bank of England gives money market further 191 million sterling assistance", "The Bank of England "
     "said it gave the money market a further 191 mln stg assistance in the afternoon session."),
])
def test_fault_detectors_pass_a_good_headline(title, lead):
    assert hq.faults(title, lead) == []


@pytest.mark.parametrize("lead, expected", [
    # the progressive in the headline present, and a place's state inside a noun phrase goes
    ("Iowa Beef Processors Inc said it is lifting the lockout at its Dakota City, Nebraska, plant.",
     "Iowa Beef Processors lifts lockout at its Dakota City plant"),
    # the first of two coordinated clauses stands alone
    ("A strong tremor hit northern Chile today but there were no immediate reports of damage, officials "
     "said.", "Strong tremor hits northern Chile"),
    ("Norway's parliament has approved an extensive trade ban against South Africa but left shipowners "
     "a key loophole through which controversial oil shipments may continue, officials said.",
     "Norway's parliament approves extensive trade ban against South Africa"),
    # "X said it and Y did Z": both are the subject, the verb in the plural present
    ("Stone Container Corp said it and Southwest Forest Industries Inc completed all waiting period "
     "requirements under the Hart-Scott-Rodino Act.",
     "Stone Container and Southwest Forest Industries complete all waiting period requirements"),
    # a coordinated plural subject takes a plural verb
    ("Democratic and Republican members of the committee met behind closed doors on Tuesday.",
     "Democratic and Republican members of committee meet behind closed doors"),
    # no complete cut of the whole fits: an anonymous speaker goes and the reported clause stands
    ("A senior Soviet official said a visit to Moscow by U.S. Secretary of State George Shultz is under "
     "consideration, Tass said.", "Visit to Moscow by U.S. Secretary of State Shultz under consideration"),
    # ... else the longest complete cut, however short, not a word that wants the next
    ("Saudi Arabian Oil Minister Hisham Nazer reiterated the kingdom's commitment to last December's OPEC "
     "accord to boost world oil prices and stabilise the market.",
     "Saudi Arabian Oil Minister Hisham Nazer reiterates kingdom's commitment"),
    # a present before its object is the verb, not a later participle; the figure that is the news stays
    ("The Bank of England's effective exchange rate index shows the dollar at 101.6, compared with 101.8 "
     "at midday, the bank said.", "Bank of England's effective exchange rate index shows dollar at 101.6, "
     "compared with 101.8"),
    ("Australia's largest company, The Broken Hill Pty Co Ltd (BHP), is expected to report a net profit of "
     "around 600 mln to 620 mln dlrs tomorrow for the first nine months ended February 28, share analysts "
     "polled by Reuters said.",
     "Broken Hill Pty expected to report net profit of around 600 mln to 620 mln dlrs tomorrow"),
])
def test_fifth_round_leads(lead, expected):
    assert headline(lead) == expected


@pytest.mark.parametrize("lead, expected", [
    # a side takes a plural verb, a title's defence is named by the title, a win is over the loser,
    # and which match it was goes once the result is told
    ("Japan began the defence of their Asian Cup title with a lucky 2-1 win against Syria in a Group C "
     "championship match on Friday.", "Japan begin Asian Cup defence with lucky 2-1 win over Syria"),
    ("Brazil came from a goal down to beat Holland 2-1 in a friendly international at the Amsterdam ArenA "
     "on Wednesday.", "Brazil come from goal down to beat Holland 2-1 at Amsterdam ArenA"),
    # a scorer's "as"-clause keeps the result, the player goes by surname; "their" is the Bulls'
    ("Michael Jordan scored 38 points and Scottie Pippen added 21 as the Chicago Bulls beat the Orlando "
     "Magic 102-91 on Thursday for their 10th straight victory.",
     "Jordan scores 38 points as Chicago Bulls beat Orlando Magic 102-91"),
    # a player is no side: singular, however many sides the report names
    ("Andy Murray reached the Wimbledon semi-finals on Wednesday, coming back from two sets down to beat "
     "Serbia's Milos Petrovic 4-6 3-6 6-1 6-4 7-5.", "Andy Murray reaches Wimbledon semi-finals"),
])
def test_sports_prose_leads(lead, expected):
    assert headline(lead) == expected


def test_report_counts_faults_for_every_split_but_shows_only_tuned_ones():
    fig = hq.Figures()
    lead = "Reichhold Chemicals Inc said it is raising the prices of its latexes."
    hq.score_article(fig, "Reichhold Chemicals raising prices", "", lead, [], label="a.txt")
    lines = hq.report("Reuters 1987", {"test": fig, "dev": fig}, examples=3)
    faults = [line for line in lines if "faults in 100.0%" in line]
    assert len(faults) == 2 and all("-ing verb without auxiliary 1 (100.0%)" in line for line in faults)
    shown = [line for line in lines if "a.txt" in line]
    assert shown and all("raising" in line for line in shown)  # the dev split's example only
    assert len(shown) == len([line for line in hq.report("x", {"dev": fig}, examples=3) if "a.txt" in line])


# Issue 10, sixth round: a chunker builds constituents before any trimming; the compressor removes
# whole chunks only, and a cut that loses the verb's object or complement is no candidate. The
# sentences are written for these tests.
@pytest.mark.parametrize(("lead", "expected"), [
    # an object-control verb keeps its object's infinitive, and the infinitive its own phrase
    ("The Reserve Bank of Fiji said it has invited the commercial banks holding surplus reserves to bid "
     "for three-month treasury bills at its weekly tender on Thursday.",
     "Reserve Bank of Fiji invites commercial banks to bid for three-month treasury bills"),
    # ... past a phrase about the object
    ("The agriculture ministry urged farmers in the drought-hit northern provinces to plant sorghum "
     "instead of maize this season, officials said.",
     "Agriculture ministry urges farmers in drought-hit northern provinces to plant sorghum"),
    ("The central bank urged commercial lenders in the capital to cut their prime lending rates by half "
     "a point, dealers said.",
     "Central bank urges commercial lenders in capital to cut prime lending rates"),
    # a date set is set as something
    ("Harlow Petroleum Corp said its board has set April 14 as the record date for shareholders entitled "
     "to vote on the proposed merger with Crestline Oil.",
     "Harlow Petroleum sets April 14 as record date"),
    # "may" before a day is the month, not a verb
    ("Kestrel Airways Ltd said it has set May 2 as the date for a special meeting of shareholders to vote "
     "on the proposed merger with Osprey Air.",
     "Kestrel Airways sets May 2 as date"),
])
def test_the_object_and_its_complement_stay_whole(lead, expected):
    assert headline(lead) == expected


def test_chunks_group_a_figure_with_its_noun_and_keep_the_head_where_room_is_short():
    from dateline.extract import headline_chunks as hc
    from dateline.extract.headline_words import MARK
    text = (f"Credit Foncier {MARK}plans to issue 75 million Australian dollar floating rate notes due 1992 "
            "through a syndicate of Asian banks")
    words = text.split()
    parts = [(c.kind, " ".join(words[c.start:c.end]).replace(MARK, "")) for c in hc.chunks(words)]
    assert parts == [("NP", "Credit Foncier"), ("VG", "plans to issue"),
                     ("NP", "75 million Australian dollar floating rate notes"), ("PP", "due 1992"),
                     ("PP", "through a syndicate of Asian banks")]
    # the figure's noun is the core: a cut before "notes" loses the object
    assert hc.loses_object(text, 9) and not hc.loses_object(text, 12)
    # where the core does not fit, the words describing the paper go, the figure and "notes" stay
    assert hc.whole_cut(text, 72, 65) == "Credit Foncier plans to issue 75 million Australian dollar notes"
    assert hc.whole_cut(text, 72, 60) == ""  # nothing complete fits: the compressor's own cut stands


def test_a_line_above_the_story_is_not_its_lead():
    # a photo caption (short, no sentence's stop) above the story's first sentence: the story leads
    seed = _seed("Delegates on the floor of the convention hall",
                 "The party conference voted on Saturday to scrap its pledge on university tuition fees, "
                 "ending a two-year dispute between the party's leadership and its student wing.")
    assert title_and_summary(seed)[0] == "Party conference votes to scrap pledge on university tuition fees"
    # a heading in capitals is the desk's own headline, and a sentence the wire broke is one sentence
    heading = _seed("SOCCER - HALLORAN NAMED COACH OF DERBY",
                    "Derby County appointed Mick Halloran as coach on Tuesday, a day after the club's board "
                    "dismissed his predecessor following a run of six defeats.")
    assert "Halloran" in title_and_summary(heading)[0]
    broken = _seed("Portland Cement and the Harbour Board",
                   "expect to sign a contract for a new quay before the end of the month, officials said.")
    assert title_and_summary(broken)[0].startswith("Portland Cement and Harbour Board")


# Issue 10, seventh round: recurring grammar classes, each as general grammar. The sentences are
# written for these tests.
@pytest.mark.parametrize(("lead", "expected"), [
    # the headline verb agrees with its subject: a "-men" plural, a capitalised plural of members, a
    # coordination of plurals past an adverb, and the lead's own auxiliary where the noun is unknown
    ("Fishermen rescued three sailors from a sinking ferry off the coast on Tuesday.",
     "Fishermen rescue three sailors from sinking ferry off coast"),
    ("Three gunmen robbed a bank in the city centre, police said.", "Three gunmen rob bank in city centre"),
    ("Liberal Democrats voted to reject the budget plan in a late session.",
     "Liberal Democrats vote to reject budget plan in late session"),
    ("Floods and landslides are still cutting roads across the northern provinces.",
     "Floods and landslides still cut roads across northern provinces"),
    ("Rural clinics have become the main source of care in the region.",
     "Rural clinics become main source of care in region"),
    ("Regional gold holdings rose 12 million rand to 4.1 billion rand in May.",
     "Regional gold holdings rise 12 million rand to 4.1 billion rand"),
    # ... and an '-ed' past no dictionary knows keeps the 'e' its stem needs
    ("Farm unions criticised the new grain levy.", "Farm unions criticise new grain levy"),
    # ... but a company's plural last word or a place is one body
    ("Perkins Engines introduced three new diesel engines for tractors.",
     "Perkins Engines introduces three new diesel engines for tractors"),
    ("The United States signed a trade agreement with Chile.",
     "United States signs trade agreement with Chile"),
    # a participle after "has" is the news's past: the headline present
    ("Harbour Freight Co said it has taken a 12 percent stake in Dockside Cranes Inc.",
     "Harbour Freight takes 12 percent stake in Dockside Cranes"),
    ("Talks on the new fishing quota have begun in Oslo.", "Talks on new fishing quota begin in Oslo"),
    # a participle's opening phrase goes before the main clause
    ("Playing her first tournament since the operation, Anna Berg won the Dutch Open on Sunday.",
     "Anna Berg wins Dutch Open"),
    ("Pressed by its creditors, the shipping line sold two container vessels.",
     "Shipping line sells two container vessels"),
    # ... not a name that ends in "-ing", nor an opening with a verb of its own
    ("Packaging Dynamics Corp said it agreed to acquire Label Works Inc for cash.",
     "Packaging Dynamics agrees to acquire Label Works for cash"),
    # "today's" goes with its day, never leaving "'s"
    ("Coffee prices were steady at yesterday's higher levels in thin trade.",
     "Coffee prices steady at higher levels in thin trade"),
    # the speaker said twice is said once
    ("Ridgeway Mills Inc said the company said it will pay a special dividend of 50 cents a share.",
     "Ridgeway Mills to pay special dividend of 50 cents a share"),
    # the coupon between an amount and its noun goes; the currency and the noun stay
    ("The City of Halden is issuing a 40 million Norwegian crown, nine percent bond due 1995, the lead "
     "manager said.", "City of Halden issues 40 million Norwegian crown bond due 1995"),
    ("Norsk Kraft is issuing a 15 billion yen, zero coupon eurobond due 1992, lead manager Nomura said.",
     "Norsk Kraft issues 15 billion yen eurobond due 1992"),
    # a short clause with its verb sheds the attribution after it, never leaving the speaker
    ("Prices fell sharply, traders said.", "Prices fall sharply"),
])
def test_seventh_round_grammar_classes(lead, expected):
    assert headline(lead) == expected


@pytest.mark.parametrize("lead, expected", [
    # a clause the verb hopes for, cut before its own verb, gets its verb back
    ("Harlow Mining Corp hopes its proposed merger with Delta Ores Inc, ranked as the largest merger in "
     "the Canadian mining industry, can be completed by the beginning of next year, according to an "
     "executive of Harlow.", "Harlow Mining hopes proposed merger with Delta Ores can be completed"),
    # an act noun keeps its infinitive where the longer cut fits
    ("A senior Senate committee member said he opposes the Reagan administration plan to shift the cost of "
     "federal meat inspection to the packing companies that process the meat and the states that license "
     "them.", "Senior Senate committee member opposes Reagan administration plan to shift cost"),
])
def test_ninth_round_cut_keeps_what_it_promises(lead, expected):
    assert headline(lead) == expected


@pytest.mark.parametrize("text, at, promises", [
    ("Norway is making every effort to cut spending", "effort", True),
    ("Norway assures lenders it is making every effort", "it", True),
    ("Fund is entitled to start placing all of revenues", "placing", True),
    ('Unit introduces "Quick Start" plan', '"Quick', True),
    ("Acme issues debt with coupon of six percent", "coupon", True),
    ("Mill to sell additional 200,000 tonnes of pulp", "additional", True),
    ("Harlow hopes proposed merger with Delta can be completed", "merger", True),
    ("Court upholds ruling that Acme infringed patents", "Acme", True),
    # complete where the text goes on with a phrase, a clause of its own, or a month's date
    ("Harlow hopes proposed merger with Delta, which will be completed", "Delta,", False),
    ("Acme to ask shareholders at May Nine meeting", "shareholders", False),
    ("Oslo exchange to extend trading hours from May 1", "hours", False),
])
def test_promises_more(text, at, promises):
    cut = text.index(at) + len(at)
    assert promises_more(text, cut) is promises


def test_reported_clause_without_its_subject_is_the_speakers():
    # the wire's "said will": the clause's subject is the speaker, not a "says" with no one saying
    lead = ("Bluewater Air Inc said will begin to fly to four new cities in the Midwest this summer, "
            "starting June two with daily flights to Omaha from Denver.")
    assert headline(lead) == "Bluewater Air to begin to fly to four new cities in Midwest this summer"


@pytest.mark.parametrize("lead, expected", [
    # long: the titled person by surname, as desks write
    ("Norwegian Fisheries Minister Peter Haugland proposed limits on foreign trawlers.",
     "Norwegian Fisheries Minister Haugland proposes limits on foreign trawlers"),
    # short: the name stays whole
    ("Fisheries Minister Peter Haugland resigned on Friday.", "Fisheries Minister Peter Haugland resigns"),
    # a company's first word is no given name ("General"), nor is a name of three parts cut
    ("General Motors Acceptance Corp of Canada said it is issuing a 100 million Canadian dollar eurobond "
     "due 1992.",
     "General Motors Acceptance of Canada issues 100 million Canadian dollar eurobond due 1992"),
])
def test_long_headline_names_titled_person_by_surname(lead, expected):
    assert headline(lead) == expected


def test_past_after_participle_is_the_verb():
    # "supplied" describes the products; "rose", a past that is never a participle, is the verb
    lead = ("Canadian oil demand as measured by products supplied rose 3.1 pct in the four weeks ended "
            "March 6 to 1.6 mln barrels per day, the ministry said.")
    assert headline(lead) == "Canadian oil demand as measured by products supplied rises 3.1 pct"


# Issue 10, twelfth round: reading the lead's main clause before any cut, on written sentences.
@pytest.mark.parametrize(("lead", "expected"), [
    # a passive participle with its agent between commas describes the subject
    ("Harmon Tool Inc, owned by Castle Holdings Inc, Brill Partners and Orbis Corp, said it expects its "
     "1997 sales to rise 12 to 15 pct.", "Harmon Tool expects its 1997 sales to rise 12 to 15 pct"),
    # a participle after a noun is a reduced relative when the clause's own auxiliary follows it
    ("A woman described as the finance director of Ostrava Steel in Prague was arrested at the airport, "
     "police said.", "Woman described as finance director of Ostrava Steel in Prague arrested at airport"),
    # a day of the month is its whole number: "on May 14 and 15" goes whole
    ("Fishery ministers of the Baltic states will meet in Riga on May 14 and 15 to discuss catch quotas, "
     "officials said.", "Fishery ministers of Baltic states to meet in Riga"),
    # a past progressive is the headline present; "late on Friday" is a time word
    ("Nordic transport ministers were struggling late on Friday to agree new rules on ferry safety.",
     "Nordic transport ministers struggle to agree new rules on ferry safety"),
    # an "-ed" modifier before its noun is no verb when a past follows the noun
    ("The central banks of the leading industrialised countries lost much of their influence this year "
     "as the yen was sold off, dealers said.",
     "Central banks of leading industrialised countries lose much of influence this year"),
    # a finite verb after a subordinator is its clause's, not the main clause's
    ("Rival Textile Co said its cotton output increased 40 pct during the year while its wool output was "
     "down three pct.", "Rival Textile's cotton output increases 40 pct during year"),
    # a plural role agrees as a plural, however many words describe it
    ("Senior Trade Ministers from the Pacific Rim's fast-growing economies met in Manila to discuss tariff "
     "cuts.", "Senior Trade Ministers from Pacific Rim's fast-growing economies meet in Manila"),
    # a long headline names its titled subject by surname before its object's infinitive goes
    ("Norwegian Fisheries Minister Karen Dahl will ask the European Commission to lift all restrictions "
     "on salmon imports when she visits Brussels next month.",
     "Dahl to ask European Commission to lift all restrictions"),
    # a long leading purpose clause goes before the main clause
    ("In order to meet the rising demand for cargo space on its routes to Asia and the Pacific that the "
     "airline reported last month, Harbour Air Inc said it has leased two more freighters.",
     "Harbour Air leases two more freighters"),
    # a participle's phrase between commas describes the subject, whatever its preposition
    ("Harlow Steel Plc, faced with a slump in its Asian markets and rising coal costs, doubled its "
     "provisions for bad debts in 1996, chairman Peter Grey said.",
     "Harlow Steel doubles provisions for bad debts in 1996"),
    # a participle before its agent is a passive: never an active present with "by" ...
    ("Rescue teams hampered by heavy snow in the Alps.", "Rescue teams hampered by heavy snow in Alps"),
    # ... but "by" and a measure is no agent
    ("Grain exports declined by nearly 12 pct in March.", "Grain exports decline by nearly 12 pct in March"),
    # a participle with its agent before a present verb and its object is a reduced relative
    ("A study prepared by the Danish Central Bank shows the krone rising against the mark next year.",
     "Study prepared by Danish Central Bank shows krone rising"),
    # a past spelt as a noun, before a past of its own, is the subject
    ("A surprise cut late on Monday sent shares lower.", "Surprise cut sends shares lower"),
])
def test_twelfth_round_reading(lead, expected):
    assert headline(lead) == expected


def _table(*paragraphs: str) -> str:
    return title_and_summary(_seed(*paragraphs))[0]


def test_a_competition_written_in_lower_case_still_heads_its_result():
    assert _table("Results of world netball championship semi-finals on Friday (scorers in brackets):",
                  "In Perth: Kestria 51 (Ann Vell 20) Dornland 47 (Mia Fosk 18)",
                  "In Sydney: Ulmar 55 Wessary 40") == \
        "World netball championship semi-finals: Kestria beat Dornland 51-47"
    # a lone lower-case word, or the weekend, names no competition
    assert headline_tables.competition("Results of racing on Saturday")[0] == ""
    assert headline_tables.competition("Results of some late kick-offs on Saturday")[0] == ""


def test_a_winners_table_and_an_events_heading_say_who_won_what():
    assert _table("Winners at the Harbour Games athletics meeting on Friday:", "Men",
                  "200 metres: Tomas Varga-Lind (Kestria) 20.11 seconds",
                  "High jump: Ole Brask (Dornland) 2.28 metres") == \
        "Varga-Lind wins 200 metres at Harbour Games athletics meeting"
    # placings under an event's heading: the heading is the event; "Men" alone is none
    assert _table("Results of finals at the world rowing championships on Sunday:",
                  "Men's single sculls", "1. Pavel Dorn (Kestria) 6:48.20",
                  "2. Rui Mata (Ulmar) 6:50.02") == \
        "Dorn wins men's single sculls at world rowing championships"


def test_a_races_distance_and_a_box_lines_table_are_read():
    assert _table("Result of the Harbour Stakes over one mile, two furlongs at Kestow on Saturday "
                  "(name of horse, jockey, odds):", "1. Silver Lantern (Tom Vell) 5-1",
                  "2. Night Ember (Ann Rusk) 3-1") == "Silver Lantern wins Harbour Stakes"
    assert _table("Western League box lines on Monday (home team in CAPS):", "KESTOW 6 Dornby 2",
                  "W - Rell 10-4. L - Okar 8-7.", "Ulmar 4 BRASKTON 9") == \
        "Western League: Kestow beat Dornby 6-2"


def test_one_match_between_two_sides_told_by_its_result_line_or_its_line_score():
    assert _table("Summarised scores in the second one-day international between Kestria and Dornland "
                  "at the Harbour Oval on Sunday:",
                  "Kestria 251-8 in 50 overs (T. Vell 88; O. Brask 3-40)",
                  "Dornland 190 all out in 44.1 overs (R. Mata 61)",
                  "Result: Kestria won by 61 runs.") == \
        "Kestria beat Dornland by 61 runs in second one-day international"
    # the summary does not say the result again
    assert "won by" not in title_and_summary(_seed(
        "Summary of the one-day international between Kestria and Dornland on Sunday:",
        "Kestria 251-8 in 50 overs", "Dornland 190 all out", "Result: Kestria won by 61 runs.",
        "Man of the match: T. Vell"))[1]
    assert _table("Line score of Friday's game between the Harbour Seals and the Kestow Rams:",
                  "Harbour 010 200 000 - 3 7 0", "Kestow 000 000 11x - 2 6 1") == \
        "Harbour Seals beat Kestow Rams 3-2"
    # a scoreboard at close of play has no winner yet: no outcome is made up
    assert "beat" not in _table("Scoreboard at close of play on the first day of the first test between "
                                "Kestria and Dornland on Friday:", "Kestria first innings 301 (T. Vell 120)",
                                "Dornland first innings", "R. Mata not out 40", "Total (for two wickets) 88")


def test_a_fight_card_is_headed_by_its_title_bout():
    assert _table("Results of professional boxing bouts at the Harbour Arena on Saturday:",
                  "Lightweight: Tom Vell (Kestria) beat Ole Brask (Dornland) points (6 rounds)",
                  "Middleweight (WBU title): Rui Mata (Ulmar) beat Ian Pask (Kestria) TKO 7th") == \
        "Mata beats Pask in WBU middleweight title fight"
    assert "Mata" not in title_and_summary(_seed(
        "Results of professional boxing bouts at the Harbour Arena on Saturday:",
        "Middleweight (WBU title): Rui Mata (Ulmar) beat Ian Pask (Kestria) TKO 7th",
        "Lightweight: Tom Vell (Kestria) beat Ole Brask (Dornland) points (6 rounds)"))[1]
    assert _table("Boxing - Results from Friday's card at the Harbour Arena (weights in pounds):",
                  "IBO cruiserweight title: Leo Marr (Kestria) 199-1/2 beat Jon Rell (Ulmar) 200 on points",
                  ) == \
        "Boxing - Marr beats Rell in IBO cruiserweight title fight"


def test_a_trailing_date_goes_when_the_headline_runs_long():
    # The agency's titles rarely keep "at the end of February" after a figure: a named phrase is
    # no longer kept just because it names something.
    lead = ("Tarrow Mining Ltd said its gold reserves rose to a record 4.2 million ounces at the end of "
            "February from 3.9 million ounces a year earlier")
    assert headline(lead) == "Tarrow Mining's gold reserves rise to record 4.2 million ounces"


def test_keep_rates_are_learned_per_role():
    from dateline.extract import headline_keep

    # The sentence's first figure in a "with" phrase ("provides the money market with 550 million")
    # is kept more often than a later comparison figure ("from 3.9 million a year earlier").
    first = headline_keep.keep_probability("with assistance of 410 million crowns",
                                           "The bank provided the market")
    later = headline_keep.keep_probability("from 3.9 million ounces", "reserves rose to 4.2 million ounces")
    assert first > headline_keep.prior() * headline_keep.BAR_OVER_PRIOR > later
    assert headline_keep.role("at the end of February", "reserves rose") == "at:-:name"
    assert headline_keep.phrases("Acme said it sold its unit in Ohio to Bolt, a rival, for 5 dlrs") == [
        ("in Ohio to Bolt", "Acme said it sold its unit"),
        ("a rival", "Acme said it sold its unit in Ohio to Bolt,"),
        ("for 5 dlrs", "Acme said it sold its unit in Ohio to Bolt, a rival,")]


# --- fourteenth round: the headline register (headline_register.py) ----------------------------

@pytest.mark.parametrize(("lead", "expected"), [
    # a present copula before its complement goes, after the trim has weighed it
    ("Tin stocks at the Penang smelter are unchanged at 4,200 tonnes, traders said.",
     "Tin stocks at Penang smelter unchanged at 4,200 tonnes"),
    ("Harbour Petroleum Corp said an offering of two million common shares of Tidewell Inc is under way.",
     "Harbour Petroleum says offering of two million common shares of Tidewell under way"),
    ("The Norwegian central bank is not expected to change its lending rate this month, dealers said.",
     "Norwegian central bank not expected to change lending rate this month"),
    # ... but stays before a noun phrase, a figure or a clause
    ("Marlow Savings Bank is one of the largest lenders in Ohio.",
     "Marlow Savings Bank is one of largest lenders in Ohio"),
    ("There are seven grain ships loading at Port Kembla, port officials said.",
     "There are seven grain ships loading at Port Kembla"),
    # a manner adverb before the verb goes; one of degree, or one after the verb, stays
    ("Crestline Foods Inc said it has formally accepted a takeover offer from Dunmore Holdings Plc.",
     "Crestline Foods accepts takeover offer from Dunmore Holdings"),
    ("Deposits at Dutch banks were barely changed at 12.9 billion guilders in the week.",
     "Deposits at Dutch banks barely changed at 12.9 billion guilders in week"),
    ("Canadian housing starts rose sharply in Ontario, Statistics Canada said.",
     "Canadian housing starts rise sharply in Ontario"),
    # a company's own figure for a period needs no "says", as the agency writes it
    ("Halvorsen Stores Inc said February sales rose 12 pct to 84.1 mln dlrs.",
     "Halvorsen Stores February sales rise 12 pct to 84.1 mln dlrs"),
    ("Brightwater Mining Ltd said 1986 loss was mainly due to a writedown of its Ontario mine.",
     "Brightwater Mining 1986 loss mainly due to writedown of its Ontario mine"),
    # ... but a date is no period of a figure
    ("Halvorsen Stores Inc said February 12 will be the record date.",
     "Halvorsen Stores says February 12 to be record date"),
])
def test_headline_register_drops_copula_and_manner_adverbs(lead, expected):
    assert headline(lead) == expected


def test_manner_adverbs_are_told_from_nouns_and_adjectives_in_ly():
    from dateline.extract.headline_register import is_manner_adverb
    assert [w for w in ("formally", "heavily", "privately", "supply", "family", "quarterly", "early",
                        "nearly", "Italy") if is_manner_adverb(w)] == ["formally", "heavily", "privately"]


@pytest.mark.parametrize(("paragraphs", "people", "expected"), [
    # named as the article names the person after the first mention, the title gone
    (("Corporate raider Vincent Marlowe acknowledged that he is one of the targets of an inquiry.",
      "Marlowe declined further comment."), ["Vincent Marlowe"], "Marlowe acknowledges"),
    # a nationality becomes its country's possessive
    (("Polish President Andrzej Wilczek vetoed two laws on Tuesday.", "Wilczek said the laws were rushed."),
     ["Andrzej Wilczek"], "Poland's Wilczek vetoes two laws"),
    # a name written surname first is shortened to the part the text writes alone
    (("Chen Weiguo won the men's singles title at the Asian championships.", "Chen beat Lim in the final."),
     ["Chen Weiguo"], "Chen wins men's singles title at Asian championships"),
    # the text never shortens the name: its order is unsure, it stays whole
    (("Chen Weiguo won the men's singles title at the Asian championships.",), ["Chen Weiguo"],
     "Chen Weiguo wins men's singles title at Asian championships"),
    # a death keeps the full name
    (("Japanese architect Kenji Morita died in Kyoto on Sunday.", "Morita was 85."), ["Kenji Morita"],
     "Japanese architect Kenji Morita dies in Kyoto"),
    # a firm named for its founder is no person of the article: unchanged
    (("Dean Witter Reynolds Inc said it opened 12 new offices.", "Witter has 400 offices."), [],
     "Dean Witter Reynolds opens 12 new offices"),
    (("Hollis Grant said first-quarter profit rose 12 pct.", "Hollis Grant Inc makes valves. Grant said."),
     ["Hollis Grant"], "Hollis Grant"),
    # a name after the verb, or beside another person's, is no subject named alone
    (("Hertha Berlin named Karl Brandauer as coach on Monday.", "Brandauer signed for two years."),
     ["Karl Brandauer"], "Hertha Berlin names Karl Brandauer as coach"),
    (("Scotland's Colin Drummond and Sweden's Per Haldorsen share the lead.", "Drummond had a 66."),
     ["Colin Drummond", "Per Haldorsen"], "Scotland's Colin Drummond and Sweden's Per Haldorsen share lead"),
])
def test_subject_person_named_as_the_article_names_them_later(paragraphs, people, expected):
    organizations = ["Hollis Grant Inc"] if "Hollis Grant Inc" in " ".join(paragraphs) else []
    assert title_and_summary(_seed(*paragraphs), organizations, people)[0].startswith(expected)


@pytest.mark.parametrize(("lead", "expected"), [
    # a description before the company the subject names goes, as the agency's titles drop it
    ("Danish beer group Kronholm said it had agreed to buy a Polish brewery for 90 mln crowns.",
     "Kronholm agrees to buy Polish brewery for 90 mln crowns"),
    ("Dutch paints and fibres group Veldhoven NV said its first-quarter net profit fell 12 pct.",
     "Veldhoven's first-quarter net profit falls 12 pct"),
    ("Sole underwriter Brickell Securities Inc said the offering was under way.",
     "Brickell Securities says offering under way"),
    # ... but a subject of a phrase or two names stays whole, and so does a common noun subject
    ("Bankers in Lisbon welcomed the Bank of Portugal decision to cut reserve requirements.",
     "Bankers in Lisbon welcome Bank of Portugal decision to cut reserve requirements"),
    ("Steel makers Arnholt and Brevik agreed to merge their wire businesses.",
     "Steel makers Arnholt and Brevik agree to merge wire businesses"),
    ("Striking dock workers blocked the port of Marsala on Tuesday.",
     "Striking dock workers block port of Marsala"),
    ("A heatwave gripping southern Portugal has killed at least five people, officials said.",
     "Heatwave gripping southern Portugal kills at least five people"),
    ("Zambia coach Milan Radovic named 20 players for the African Nations Cup on Monday.",
     "Zambia coach Milan Radovic names 20 players for African Nations Cup"),
    ("K mart Corp said its board approved a 17.6 pct increase in the quarterly dividend.",
     "K mart Corp's board approves 17.6 pct increase in quarterly dividend"),
    ("Wim van Dalen of Rabobank won the 12th stage of the Tour de France on Sunday.",
     "Wim van Dalen of Rabobank wins 12th stage of Tour de France"),
])
def test_headline_drops_a_description_before_the_subjects_name(lead, expected):
    assert headline(lead) == expected


@pytest.mark.parametrize(("lead", "expected"), [
    # over 75 characters, an intention's verb before its infinitive goes, as the titles write it
    ("Northern Plains Holding and Trust Corp's 75 percent-owned subsidiary said it agreed to buy the assets "
     "of two regional grain elevator companies in Kansas and Nebraska for 40 mln dlrs.",
     "Northern Plains Holding unit to buy assets of two regional grain elevator companies"),
    # ... a short one keeps it, and a noun "plan" is no verb
    ("Pittston Co said it agreed to acquire WTC International NV.",
     "Pittston agrees to acquire WTC International"),
    ("The EC Executive Commission backed a plan to allow countries to ban regular leaded gasoline.",
     "EC Executive Commission backs plan to allow countries to ban regular leaded gasoline"),
])
def test_long_headline_drops_the_intention_verb(lead, expected):
    assert headline(lead) == expected


@pytest.mark.parametrize(("lead", "expected"), [
    # a relative or participle's clause between the subject and its verb goes: the main verb is the news
    ("Latvia's coalition government, which has faced weeks of protests by farmers over grain prices "
     "that have fallen by a third since May, survived a confidence vote in parliament on Friday.",
     "Latvia's coalition government survives confidence vote in parliament"),
    ("Halden Mining Ltd, which earlier reported a 40 pct fall in 1986 profit, said it would close "
     "its Kettle Creek copper mine.",
     "Halden Mining to close its Kettle Creek copper mine"),
    ("Norway's Eirik Sandvold, riding a bike his mechanics had rebuilt after a fall in the prologue, "
     "won the fourth stage of the Tour of Sweden on Saturday.",
     "Norway's Eirik Sandvold wins fourth stage of Tour of Sweden"),
])
def test_headline_drops_a_clause_between_subject_and_verb(lead, expected):
    assert headline(lead) == expected


def test_a_clause_stays_after_words_with_a_verb_of_their_own():
    from dateline.extract.compress import _without_clause_aside
    # the words before the comma have a verb: the clause belongs to what they say
    kept = "Traders expected prices, which rose in May, reached a peak in June"
    assert _without_clause_aside(kept) == kept
    assert _without_clause_aside("The dam, which burst on Monday, flooded three villages") \
        == "The dam flooded three villages"


# Sixteenth round (issue 10): an adverb and an '-ed' form opening the subject modify its noun, and
# a long aside's closing comma may be followed by any irregular past (invented leads).
@pytest.mark.parametrize(("lead", "expected"), [
    # (seventeenth round: over 75 characters, the level after the change goes)
    ("Broadly defined money supply M-3 rose 0.8 pct in March to 1.2 trillion marks, the Bundesbank said.",
     "Broadly defined money supply M-3 rises 0.8 pct in March"),
    ("The seasonally adjusted jobless rate fell to 6.1 pct in April from 6.4 pct in March, the Labor "
     "Department said.",
     "Seasonally adjusted jobless rate falls to 6.1 pct in April from 6.4 pct"),
    ("New Zealand's broadly defined, seasonally adjusted M-3 money supply grew an estimated 3.6 pct in "
     "December, the Reserve Bank said.",
     "New Zealand's broadly defined, seasonally adjusted M-3 money supply grows 3.6 pct"),
    # the adverb before the subject's own verb still reads as the verb's
    ("The company sharply reduced prices in March, it said.", "Company reduces prices in March"),
])
def test_an_adverb_and_participle_before_the_noun_are_no_verb(lead, expected):
    assert headline(lead) == expected


def test_a_long_aside_before_an_irregular_past_goes():
    lead = ("Jan Kowalski, a Pole who won the title in 1994, his last year as a professional, beat Tom "
            "Jones of Britain 6-4 6-2 in the final on Sunday.")
    assert headline(lead) == "Pole Jan Kowalski beats Tom Jones of Britain 6-4 6-2 in final"


# Sixteenth round (issue 10): where nothing complete fits, the owner the subject opens on goes
# before a body named in full, rather than the object cut inside its noun phrase (invented leads).
@pytest.mark.parametrize(("lead", "expected"), [
    ("The Northern Provinces Transport Ministry's National Highway Safety Research Bureau said it will "
     "revise its truck inspection rules for Ontario and Quebec, starting next year.",
     "National Highway Safety Research Bureau to revise truck inspection rules"),
])
def test_the_subjects_owner_goes_before_the_object_is_cut(lead, expected):
    assert headline(lead) == expected


def test_the_subjects_owner_stays_when_it_is_a_place_or_names_a_unit():
    from dateline.extract.compress import _without_subject_owner

    def words(text: str) -> list[str]:
        return text.split()

    place = words("Tanzania's Revolutionary Unity Party \u2063endorses reform")
    assert _without_subject_owner(place, 4) == place
    unit = words("Centerior Energy's Cleveland Electric Illuminating subsidiary \u2063redeems bonds")
    assert _without_subject_owner(unit, 6) == unit
    body = words("Texas Energy Department's National Gas Research Office \u2063revises rules")
    assert _without_subject_owner(body, 7) == words("National Gas Research Office \u2063revises rules")


# Sixteenth round (issue 10): a verb's base in "-ly" is the verb, not an adverb ("says it to supply",
# the verb lost), and an adverb of time before "said" goes with the saying ("earlier says").
@pytest.mark.parametrize(("lead", "expected"), [
    ("Acme Corp said on Tuesday that it will supply 200 trucks to the Polish army under a contract.",
     "Acme to supply 200 trucks to Polish army under contract"),
    ("The Trade Ministry earlier said it would supply grain to the region affected by the drought.",
     "Trade Ministry to supply grain to region affected by drought"),
    ("Harbour Bank said it would apply for a licence to open branches in Singapore.",
     "Harbour Bank to apply for licence to open branches in Singapore"),
    # an adverb in "-ly" before the verb still goes
    ("Delta Mills said it would formally close its weaving plant in Georgia next month.",
     "Delta Mills to close weaving plant in Georgia next month"),
])
def test_a_verb_in_ly_is_kept_and_an_adverb_before_said_goes(lead, expected):
    assert headline(lead) == expected


# Seventeenth round (issue 10): a headline over 75 characters goes back to its core and the adjuncts
# that fit; what completes the core stays (an "of" complement, a measure's "worth of", a range);
# invented leads.
@pytest.mark.parametrize(("lead", "expected"), [
    ("Ostrava Steel Works said February sales and operating revenues rose 12 pct to 244.4 mln dlrs "
     "from 218.2 mln dlrs.",
     "Ostrava Steel Works says February sales and operating revenues rise 12 pct"),
    ("Argentina's Grain Board said it expects wheat exports to fall to 4.5 mln tonnes in calendar 1987 "
     "from 5.1 mln.",
     "Argentina's Grain Board expects wheat exports to fall to 4.5 mln tonnes"),
    # the measure's "worth of" and a range's second figure are no adjuncts: the headline stays long
    ("The Bank of Ruritania will offer 300 mln crowns worth of three-month treasury bills at its weekly "
     "tender on Thursday.",
     "Bank of Ruritania to offer 300 mln crowns worth of three-month treasury bills"),
    ("Ostrava Telecom said it will reduce long distance telephone service rates by two to 15 pct for its "
     "business customers in all of its regions.",
     "Ostrava Telecom to reduce long distance telephone service rates by two to 15 pct"),
])
def test_a_long_headline_goes_back_to_its_core(lead, expected):
    assert headline(lead) == expected


def test_the_core_cut_keeps_what_completes_it():
    from dateline.extract.compress import _adjunct_follows

    def words(text: str) -> list[str]:
        return text.split()

    assert _adjunct_follows(words("Acme sells unit"), words("to Beta in cash deal"))
    assert _adjunct_follows(words("Sales rise 12 pct"), words("to 244.4 mln dlrs"))
    # the story's first figure, or a participle's count, is the news
    assert not _adjunct_follows(words("Acme raises stake in Beta"), words("to 9 pct"))
    assert not _adjunct_follows(words("Typhoon sweeps across Philippines,"), words("killing at least 22"))
    assert _adjunct_follows(words("Bank cancels tender"), words("scheduled for March 3"))
    assert not _adjunct_follows(words("Board raises estimate"), words("of 1996/97 wheat production"))
    assert not _adjunct_follows(words("Acme cuts rates by two"), words("to 15 pct"))
    assert not _adjunct_follows(words("Loss is mainly"), words("due to writedown"))
    assert not _adjunct_follows(words("Rains hit crop and producers"), words("are looking forward"))


# Seventeenth round (issue 10): the listed causes, each with invented leads.
@pytest.mark.parametrize(("lead", "expected"), [
    # a verb that names its object to a post keeps the post
    ("Japan's Sakura Party on Friday elected former finance minister Taro Sato as its leader.",
     "Japan's Sakura Party elects former finance minister Taro Sato as leader"),
    # "effective immediately" says when, not what
    ("Peter Lindqvist, president of Arrow Freight Inc, resigned effective immediately, the company said.",
     "Peter Lindqvist resigns"),
    # the segment before a closing speaker is the sentence's own, not an aside
    ("Coffee prices rallied, moving above 1.20 dlrs a pound, dealers said.",
     "Coffee prices rally, moving above 1.20 dlrs a pound"),
    ("The mayor of Tarnow resigned on Monday, after a newspaper report on city contracts, officials said.",
     "Mayor of Tarnow resigns, after newspaper report on city contracts"),
    # the board or directors as subject: the company, its verb singular
    ("Greystone Industries Inc said its board elected Harold Winthrop, formerly president of its plastics "
     "division, as chairman.",
     "Greystone Industries elects Harold Winthrop as chairman"),
    ("Directors of Hollis Tool Co voted to recommend the merger with Baker Drilling to shareholders.",
     "Hollis Tool votes to recommend merger"),
    # a board that is the name stays
    ("The Canadian Grain Board advised the government to cut the prices paid to farmers.",
     "Canadian Grain Board advises government to cut prices paid to farmers"),
])
def test_seventeenth_round_causes(lead, expected):
    assert headline(lead) == expected


def test_here_is_the_datelines_city():
    lead = "Ministers from eleven West African countries will meet here next week to discuss regional trade."
    assert headline(lead, dateline="NAIROBI") \
        == "Ministers from West African countries to meet in Nairobi next week"
    assert headline(lead, dateline="ARNHEM, Netherlands").startswith(
        "Ministers from West African countries to meet in Arnhem")
    assert " here" not in headline(lead)


def test_a_figures_unit_is_no_modifier():
    from dateline.extract.compress import _without_last_modifier

    words = ["Acme", "\u2063raises", "sales", "to", "244.4", "mln", "dlrs"]
    assert _without_last_modifier(words, 1) == words


# Seventeenth round, after the held-out grading (issue 10): an adjective that says who its noun is
# never goes as a mere modifier, and a naming verb's post goes before the person's name does
# (invented leads).
@pytest.mark.parametrize(("lead", "expected"), [
    ("Ruritania's main opposition Sakura Reform Party on Friday elected former finance minister Kentaro "
     "Watanabe as its leader, replacing Ichiro Ozawa.",
     "Ruritania's opposition Sakura Reform Party elects former finance minister Kentaro Watanabe"),
    ("Japan's Sakura Party on Friday elected former finance minister Taro Sato as its leader, replacing "
     "Ichiro Ozawa.",
     "Japan's Sakura Party elects former finance minister Taro Sato as leader"),
])
def test_a_fact_modifier_stays_and_the_post_goes_before_the_name(lead, expected):
    assert headline(lead) == expected


def test_a_cut_never_ends_on_a_fact_modifier():
    text = "Guard declares it has dissolved interim government and named general as head"
    from dateline.extract.headline_cuts import _ends_complete

    assert not _ends_complete(text, len("Guard declares it has dissolved interim"))
    assert _ends_complete(text, len("Guard declares it has dissolved interim government"))
