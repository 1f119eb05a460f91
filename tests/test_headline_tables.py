"""Table headlines that say what happened (issue 10, tenth round): each shape on rows written for
these tests in the way a 1996 wire desk files them (names invented)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.article import Seed
from dateline.extract import headline_tables as ht
from dateline.extract.headline import title_and_summary


def _seed(*paragraphs: str) -> Seed:
    return Seed(path="t.txt", id="t", sha256="0", date=dt.date(1996, 11, 3), dateline="LONDON",
                paragraphs=tuple(paragraphs))


def _title(*paragraphs: str) -> str:
    return title_and_summary(_seed(*paragraphs))[0]


def test_results_give_the_competition_and_the_first_win_in_proper_case():
    assert _title("Results of Portuguese first division matches on Sunday (home team in capitals):",
                  "FARENSE 1 (Quaresma 12) Vitoria Setubal 1 (Lobato 70)",
                  "SALGUEIROS 0 Boavista 3 (Pimentel 4, 61, Arrais 88)") == \
        "Portuguese first division: Boavista beat Salgueiros 3-0"
    # a table of draws only says so
    assert _title("Results of Greek first division matches on Sunday:", "Ionikos 0 Kalamata 0",
                  "Xanthi 2 Kastoria 2") == "Greek first division: Ionikos and Kalamata draw 0-0"


def test_standings_name_the_leader_and_the_margin_in_the_points_column():
    intro = ("Belgian first division soccer standings after Saturday's matches (tabulated under played, "
             "won, drawn, lost, goals for, against, points):")
    rows = ("Lierse 14 10 2 2 28 12 32", "Club Brugge 14 9 3 2 30 14 30", "Anderlecht 14 8 4 2 25 13 28")
    assert _title(intro, *rows) == "Lierse top Belgian first division, two points ahead of Club Brugge"
    level = ("Lierse 14 10 2 2 28 12 32", "Club Brugge 14 10 2 2 30 14 32", "Anderlecht 14 8 4 2 25 13 28")
    assert _title(intro, *level) == "Lierse top Belgian first division, level on points with Club Brugge"
    # without a tabulation naming the points, no margin is guessed
    assert _title("Belgian first division standings:", *rows) == "Lierse top Belgian first division"


def test_us_standings_by_division_in_games_behind():
    got = _title("National League baseball standings after Sunday's games (tabulated under won, lost, "
                 "winning percentage and games behind):", "EAST DIVISION", "ATLANTA 80 50 .615 -",
                 "MONTREAL 74 56 .569 6", "WEST DIVISION", "SAN DIEGO 70 60 .538 -",
                 "LOS ANGELES 69 61 .531 1")
    assert got == "Atlanta top National League East Division by six games"


def test_scorer_list_and_leaderboard_name_the_leader():
    assert _title("Leading goalscorers in the Dutch first division after Sunday's matches:",
                  "14 - Arjen Dekkers (PSV Eindhoven)", "11 - Kwame Osei (Ajax), Lars Bloem (Twente)") == \
        "Dekkers leads Dutch first division scorers with 14"
    assert _title("Leading second-round scores in the Italian Open at the par-72 Modena course on Friday:",
                  "134 Stefan Quist (Sweden) 66 68",
                  "136 Paolo Rinaldi 69 67, Hugh Marlow (Britain) 68 68") == \
        "Quist leads Italian Open by two shots after second round"


def test_race_winner_and_overall_leader():
    assert _title("Leading results of the fifth stage of the Tour of Valencia, 180 km, on Friday:",
                  "1. Jordi Ferrer (Spain) Kelme 4 hours 30 minutes 2 seconds",
                  "2. Luc Devos (Belgium) Lotto same time", "Overall standings:",
                  "1. Devos 18:20:11", "2. Ferrer 0:04") == \
        "Ferrer wins fifth stage of Tour of Valencia, Devos leads overall"


def test_tennis_a_seed_beaten_is_the_news():
    assert _title("Results from the Vienna indoor tournament on Thursday (prefix number denotes seeding):",
                  "Second round", "1 - Pavel Hruza (Czech Republic) beat Ken Ito (Japan) 6-2 6-3",
                  "Marc Leroy (France) beat 2 - Jan Olsen (Denmark) 7-6 (7-3) 6-4") == \
        "Leroy beats No. 2 seed Olsen at Vienna indoor tournament"


def test_election_winner_share_and_majority():
    assert _title("Final results of the election to the 150-seat Freedonia assembly (party, "
                  "seats, percent of vote):", "People's Alliance 81 44.2", "Liberal Union 52 37.0",
                  "Greens 17 9.1") == \
        "Freedonia assembly election: majority for People's Alliance with 81 of 150 seats"
    assert _title("Results of Sunday's first round of the presidential election in Ruritania (percent):",
                  "Anton Vogel 41.5", "Petr Kalny 33.0", "Others 25.5",
                  "Vogel and Kalny meet in a run-off on May 2.") == \
        "Vogel and Kalny go to run-off in presidential election in Ruritania"


def test_an_election_row_above_that_cannot_be_read_names_no_winner():
    # the first party's row is not read (its figures are words): naming the second would be wrong
    got = _title("Results of the general election in Ruritania (percent of vote):",
                 "National Front forty-one", "Liberal Union 33.0", "Greens 12.1")
    assert "Liberal Union" not in got


def test_shapes_need_the_introduction_to_agree():
    # a column of figures under "results" of no election is no standings table and no vote
    assert ht.table_headline("Results of the Treasury bill auction:", ["Average 5.87 pct", "Low 5.80 pct"]) \
        == ""
    assert ht.table_headline("Prices of grain at Rotterdam:", ["Wheat 120 121 122", "Maize 110 111 112"]) \
        == ""


def test_names_in_capitals_are_proper_cased_and_initials_kept():
    assert ht.proper("NEW JERSEY") == "New Jersey"
    assert ht.proper("N.Y. RANGERS") == "N.Y. Rangers"
    assert ht.proper("NY ISLANDERS") == "NY Islanders"
    assert ht.proper("Real Madrid") == "Real Madrid"


@pytest.mark.parametrize(("name", "short"), [("Stefan Quist", "Quist"), ("Bram de Wilde", "de Wilde"),
                                             ("Lady of the Lake", "Lady of the Lake"), ("Kelme", "Kelme")])
def test_surname(name: str, short: str):
    assert ht.surname(name) == short


def test_a_note_on_who_owns_the_table_names_its_company():
    got = _title("Shr 5.56 dlrs vs 3.88 dlrs", "Net 47.5 mln vs 33.2 mln",
                 "Dunmore Holdings Corp <DUN> owns 100 pct of Dunmore Canada common shares")
    assert got == "Dunmore Canada profit rises to $5.56 a share from $3.88"


def test_a_table_of_many_companies_says_how_many_profits_rose():
    intro = ("Results for 1996 reported by leading Dutch companies so far (net profit in millions of "
             "guilders, 1995 in brackets):")
    rows = ("Van Leer Packaging NV 412 (380)", "Hoogland Groep NV 95 (101)", "Kempen Chemie NV 230 (198)",
            "Brabant Staal NV (BS) loss 12 (loss 40)")
    assert _title(intro, *rows) == "1996 profits rise at three of four leading Dutch companies"
    # without the year-earlier figures in brackets the table says nothing of a change
    assert ht.table_headline("Results reported by leading Dutch companies:", list(rows)) == ""


def test_a_heading_in_capitals_above_the_introduction_gives_the_sport():
    assert _title("CYCLING - TOUR OF AUSTRIA STAGE RESULTS", "VILLACH 1996-07-04",
                  "Leading results of the third stage of the Tour of Austria on Thursday:",
                  "1. Karl Moser (Austria) Telekom 4:12:09", "2. Ivo Brandt (Germany) Polti same time") == \
        "Cycling - Moser wins third stage of Tour of Austria"


def test_australian_rules_totals_and_only_the_shapes_the_introduction_allows():
    # "15.12 (102)" reads like a share of the vote, but no election is introduced: a match it is
    assert _title("Results of Australian Football League matches played at the weekend (goals, behinds, "
                  "total; leading goalkickers in brackets):",
                  "Brisbane 14.11 (95) (Akermanis 4) beat Sydney 9.10 (64) (Lockett 5)",
                  "Geelong 12.8 (80) (Stoneham 3) lost to Essendon 13.13 (91) (Long 2)") == \
        "Australian Football League: Brisbane beat Sydney 95-64"


def test_a_ladder_with_thousands_and_named_points_column():
    assert _title("Australian rules - AFL ladder after the weekend's matches (tabulated under played, won, "
                  "lost, drawn, points for, against, percentage, premiership points):",
                  "Geelong 18 14 4 0 1,980 1,602 123.6 56", "Adelaide 18 13 5 0 1,911 1,700 112.4 52",
                  "Hawthorn 18 11 7 0 1,850 1,790 103.4 44") == \
        "Australian rules - Geelong top AFL, four points ahead of Adelaide"


# --- results and dividend tables (issue 10, seventeenth round): tables invented for these tests ---

def test_a_cumulative_block_below_a_quarter_says_which_quarter_it_is():
    rows = ("Shr 41 cts vs 33 cts", "Net 2,210,000 vs 1,780,000", "Revs 30.2 mln vs 27.9 mln")
    assert _title(*rows, "Year", "Shr 1.52 dlrs vs 1.20 dlrs") == \
        "Fourth-quarter profit rises to 41 cents a share from 33 cents"
    assert _title(*rows, "Nine mths", "Shr 1.02 dlrs vs 90 cts") == \
        "Third-quarter profit rises to 41 cents a share from 33 cents"
    assert _title(*rows, "Six months", "Shr 80 cts vs 61 cts") == \
        "Second-quarter profit rises to 41 cents a share from 33 cents"
    # a utility's rolling twelve months says nothing of which quarter (or month) the first block is
    assert _title(*rows, "12 mths", "Shr 3.90 dlrs vs 3.61 dlrs") == \
        "Quarterly profit rises to 41 cents a share from 33 cents"
    # a table with no block below and no heading: no period is invented
    assert _title(*rows) == "Profit rises to 41 cents a share from 33 cents"


def test_a_note_naming_one_quarter_gives_a_quarterly_table_its_ordinal():
    assert ht.which_quarter(["Qtr ended March 31", "Shr 5 cts vs 4 cts",
                             "NOTE: 1987 1st qtr net includes gain of 100,000 dlrs"], "quarterly") == \
        "first-quarter"
    # two quarters named: which one the table reports is not said
    assert ht.which_quarter(["Shr 5 cts vs 4 cts", "NOTE: 1st qtr and 4th qtr figures restated"],
                            "quarterly") == "quarterly"
    # an annual table stays annual whatever quarter a note names
    assert ht.which_quarter(["Shr 5 cts vs 4 cts", "NOTE: 1986 4th qtr net includes a charge"],
                            "annual") == "annual"


def test_a_swing_between_profit_and_loss_reads_as_a_swing():
    assert _title("Shr loss 18 cts vs profit 22 cts", "Net loss 901,000 vs profit 1,100,000", "Nine mths",
                  "Shr profit 10 cts vs profit 60 cts") == \
        "Third-quarter results swing to loss of 18 cents a share from profit of 22 cents"
    assert ht.results_headline("Brill Corp", "annual", "profit of 14 cents a share vs loss of 9 cents") \
        == "Brill annual results swing to profit of 14 cents a share from loss of 9 cents"  # legal form goes


def test_a_net_rows_figures_say_net_and_a_long_headline_drops_the_year_earlier_figure_first():
    assert ht.results_headline("", "first-quarter", "profit rises to 4.5 million from 3.1 million") == \
        "first-quarter net profit rises to 4.5 million from 3.1 million"
    assert ht.results_headline("", "", "operating loss of 1,200,000") == "operating loss of 1,200,000"
    rise = "profit rises to 96 cents a share from 83 cents"
    long_name = "Quellmont Agricultural Machinery Inc"
    assert ht.results_headline(long_name, "fourth-quarter", rise) == \
        "Quellmont Agricultural Machinery fourth-quarter profit rises to 96 cents a share"
    longer = "Quellmont Agricultural Machinery and Irrigation Systems Inc"  # the period goes last
    assert ht.results_headline(longer, "fourth-quarter", rise) == \
        "Quellmont Agricultural Machinery and Irrigation Systems profit rises to 96 cents a share"
    assert ht.results_headline("Tarrow Mills Inc", "third-quarter", rise) == \
        "Tarrow Mills Inc third-quarter profit rises to 96 cents a share from 83 cents"


@pytest.mark.parametrize(("row", "title"), [
    ("Mthly div 6.2 cts vs 6.2 cts prior", "Monthly dividend unchanged at 6.2 cents"),
    ("Mtly div 10.1 cts vs 10.6 cts prior", "Monthly dividend cut to 10.1 cents from 10.6 cents"),
    ("Semi div 14 cts vs 12 cts prior", "Semi-annual dividend raised to 14 cents from 12 cents"),
    ("Qtlry div 31 cts vs 31 cts", "Quarterly dividend unchanged at 31 cents"),
    ("Interim div 4.5p vs 4p", "Interim dividend raised to 4.5 pence from 4 pence"),
    ("Qtly div 1.10 dlrs vs 1.05 dlrs prior", "Quarterly dividend raised to $1.10 from $1.05"),
])
def test_a_dividend_row_is_read_however_its_kind_is_abbreviated(row: str, title: str) -> None:
    assert _title(row, "Pay April 15", "Record March 31") == title


def test_dividend_kind_reads_a_desks_abbreviations_and_leaves_unknown_words_out():
    words = ("Qtly", "Qlty", "Mthly", "Semi", "semiannual", "Ann", "Special")
    assert [ht.dividend_kind(w) for w in words] == \
        ["quarterly", "quarterly", "monthly", "semi-annual", "semi-annual", "annual", "special"]
    assert ht.dividend_kind("Zqx") == "" and ht.dividend_kind("Cash") == ""


def test_a_named_dollar_keeps_its_name_and_its_scale():
    rows = ("Year to December 31, 1986", "Net profit 61 mln N.Z. Dlrs vs 40 mln", "Pre-tax profit 90 mln")
    assert _title(*rows) == \
        "Annual net profit rises to 61 million N.Z. dollars from 40 million"


def test_a_long_company_name_loses_its_legal_form_before_a_dividend_headline_runs_long():
    assert ht.with_company("Tarrow Mills Inc", "quarterly dividend unchanged at 25 cents") == \
        "Tarrow Mills Inc quarterly dividend unchanged at 25 cents"
    same = "quarterly dividend unchanged at 25 cents"
    assert ht.with_company("Quellmont Agricultural and Irrigation Machinery Co", same) == \
        "Quellmont Agricultural and Irrigation Machinery quarterly dividend unchanged at 25 cents"
    assert ht.with_company("", "monthly dividend cut to 8.5 cents from 9.2 cents") == \
        "monthly dividend cut to 8.5 cents from 9.2 cents"


def test_a_note_whose_subject_is_a_compound_of_common_words_names_no_company():
    assert _title("Shr 42 cts vs 42 cts", "Net 19.1 mln vs 19.5 mln", "Nine mths",
                  "Shr 1.20 dlrs vs 1.10 dlrs", "NOTE: Year-ago restated.") == \
        "Third-quarter profit unchanged at 42 cents a share"


def test_a_dividend_tables_date_rows_read_as_one_phrase_in_its_summary():
    title, summary = title_and_summary(_seed("Qtly div 12 cts vs 12 cts prior", "Pay April nine",
                                             "Record March 20"))
    assert title == "Quarterly dividend unchanged at 12 cents"
    assert summary == "Payable April 9 to holders of record March 20"
    assert ht.dividend_dates(["Record May 15", "NOTE: first dividend since 1984"]) == \
        ["Holders of record May 15", "NOTE: first dividend since 1984"]
    # rows that are no dates stay as they are
    assert ht.dividend_dates(["Net 1,200,000 vs 900,000", "Paid in kind"]) == \
        ["Net 1,200,000 vs 900,000", "Paid in kind"]
