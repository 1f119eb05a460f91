"""The entity model: deterministic training, the shipped weights in step with the labelled data, and
what it reads in copy of kinds the rules never handled (tables, line-ups, scorer lists), written here
for the test."""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import json
from pathlib import Path

import pytest

from dateline.article import Seed
from dateline.extract import extract
from dateline.extract import model as mdl
from dateline.extract.archive import canonical_organizations, canonical_people
from dateline.extract.evaluation import CORPUS, OTHER_NEWS
from dateline.seeds import read_seed

ROOT = Path(__file__).resolve().parent.parent
HAS_SHARED = (ROOT / CORPUS / "seeds").is_dir() and (ROOT / OTHER_NEWS).is_dir()


def _seed(text: str) -> Seed:
    return read_seed("test.txt", raw=text.encode())


def _invented(*paragraphs: str) -> Seed:
    """A London story of 2 March 1996 with these paragraphs, for tests on invented text."""
    return Seed(path="x.txt", id="x", sha256="0", date=dt.date(1996, 3, 2), dateline="LONDON",
                paragraphs=paragraphs)


def test_training_is_deterministic_and_learns():
    examples = [((("w", "barcelona"), ("where", "table")), "org"),
                ((("w", "oslo"), ("where", "prose")), "place"),
                ((("w", "larsen"), ("pp", "(")), "person"), ((("w", "the"),), "none")] * 5
    first, second = mdl.train(examples, epochs=5), mdl.train(examples, epochs=5)
    assert first == second
    model = mdl.Perceptron(first)
    assert model.predict([("w", "barcelona"), ("where", "table")])[0] == "org"
    assert model.predict([("w", "larsen"), ("pp", "(")])[0] == "person"


def test_training_ignores_the_order_of_an_example_s_features():
    """Weights move by whole steps, so an example's features may come in any order (the entity
    decision sums them in parts): the same weights to the last bit."""
    examples = [((("w", "barcelona"), ("where", "table"), ("p1", "beat")), "org"),
                ((("w", "barcelona"), ("where", "prose"), ("p1", "in")), "place"),
                ((("w", "larsen"), ("pp", "("), ("where", "table")), "person"), ((("w", "the"),), "none")] * 7
    shuffled = [(tuple(reversed(f)), label) for f, label in examples]
    assert mdl.train(examples, epochs=6) == mdl.train(shuffled, epochs=6)


def test_packed_scores_are_exact_sums_in_any_order():
    weights = {("a", ""): [0.1234, -45.1292, 3.0, 0.0001], ("b", "x"): [-0.0001, 7.5, -3.0, 0.2],
               ("c", "y"): [12.0, -0.3333, 0.0, -9.9999]}
    model = mdl.Perceptron(weights, bias=(0.0, -8.0, 1.0, -2.0))
    features = list(weights) * 40
    total = model.offset + model.weigh(features)
    expected = [round((b + 40 * sum(w[i] for w in weights.values())) * mdl.UNIT)
                for i, b in enumerate((0.0, -8.0, 1.0, -2.0))]
    assert list(mdl.unpack(total)) == expected
    parts = model.weigh(features[:50]) + model.weigh(features[50:]) + model.offset
    assert parts == total and model.weigh([("unknown", "")]) == 0


def test_a_weights_file_of_the_old_format_says_to_retrain(tmp_path):
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"classes": list(mdl.CLASSES), "bias": [0, 0, 0, 0],
                               "weights": {"w=oslo": [0, 0, 1, 0]}}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"old\.json.*one table per feature template.*retrain"):
        mdl.load.__wrapped__(old)


def test_shipped_model_loads_with_offsets():
    body = json.loads(mdl.WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert tuple(body["classes"]) == mdl.CLASSES and len(body["bias"]) == len(mdl.CLASSES)
    tables = body["weights"]
    assert {"p1", "w0", "rule|n1", "cue"} <= set(tables) and body["meta"]["articles"]
    assert sum(len(table) for table in tables.values()) == body["meta"]["features"] > 1000


def test_missing_weights_file_reads_nothing(tmp_path):
    empty = mdl.load.__wrapped__(tmp_path / "none.json")
    assert empty.predict([("w", "anything")])[0] == "none"


@pytest.mark.skipif(not HAS_SHARED, reason="training data in ../shared not present")
def test_retraining_gives_the_shipped_weights(tmp_path):
    """One command retrains; the same data gives the same file, so the shipped model matches the labels."""
    spec = importlib.util.spec_from_file_location("train_entities", ROOT / "scripts" / "train_entities.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "model.json"
    assert module.main(["--no-tune", "--output", str(out)]) == 0
    shipped = json.loads(mdl.WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert json.loads(out.read_text(encoding="utf-8"))["weights"] == shipped["weights"]


# Sports agate as a desk files it (written for this test, names invented).
RESULTS = "\n\n".join([
    " date 1997-03-02 MADRID -- Results of Spanish first division matches played on Sunday"
    " (home team first):",
    "Valdemoro 2 (Arrieta 12, Quiroga 77) Real Castellana 1 (Benitez 40)",
    "Alcorcon 0 Deportivo Almansa 0",
    "Getafe 3 (Lozano 5, 61, Orbegozo 88) Sporting Leganes 2 (Urdaneta 19, Pombo 54)"]) + "\n"

LINEUP = "\n\n".join([
    " date 1996-09-01 OSLO -- Teams for Saturday's World Cup qualifier between Norway and Finland:",
    "Norway - Trond Haugstad; Eirik Solberg, Anders Vatne, Kjell Hovland, Petter Moen; Rune Lillegard,"
    " Odd Fjeldstad, Sverre Nordby; Geir Aasland, Tor Brekken, Henning Ulvestad.",
    "Finland - Jari Kivimaki; Mika Salonen, Pekka Rautio, Sami Lehtola, Timo Heikkila; Antti Pesonen,"
    " Ville Koskela, Juha Niskanen; Kari Tuominen, Esa Lindqvist, Matti Ahonen."]) + "\n"


def test_scorers_in_a_results_table_are_people():
    got = extract(_seed(RESULTS))
    scorers = {"Arrieta", "Quiroga", "Benitez", "Lozano", "Orbegozo", "Urdaneta", "Pombo"}
    assert len(scorers & set(got.people)) >= 5, got.people
    assert not {"Valdemoro", "Getafe", "Alcorcon"} & set(got.people)


def test_line_ups_are_people_and_national_teams_places():
    got = extract(_seed(LINEUP))
    named = [n for n in LINEUP.split() if n[:1].isupper()]
    assert sum(p in " ".join(named) for p in got.people) >= 16, got.people
    assert {"Norway", "Finland"} <= set(got.places)
    assert "Norway" not in got.people and "Finland" not in got.organizations


def test_markup_in_a_seed_is_never_an_organization():
    got = extract(_seed(" date 2016-12-09 BEIRUT -- <b>Acme</b> said <script>alert(1)</script> and "
                        "<img src=x onerror=alert(document.domain)> the <Hoechst AG> unit rose.\n"))
    assert "Hoechst AG" in got.organizations
    lowered = {o.lower() for o in got.organizations}
    assert not lowered & {"b", "script", "img src=x onerror=alert", "img"}, got.organizations


def test_title_inside_a_name_is_a_role():
    got = extract(_seed(" date 1987-03-02 WASHINGTON -- Sen Mark Hatfield, an Oregon Republican, said he "
                        "would oppose the bill. Hatfield told reporters the vote was close.\n"))
    assert "Mark Hatfield" in got.people and not any(p.startswith("Sen") for p in got.people)


def test_one_page_per_person_and_per_organization_across_the_archive():
    people = canonical_people([["Jim Baker"], ["James Baker"], ["James Baker", "Merrill Lynch"]], None,
                              [["Merrill Lynch and Co Inc"], ["Merrill Lynch"], []])
    assert people["Jim Baker"] == people["James Baker"] == "James Baker"
    assert people["Merrill Lynch"] == ""  # the archive reads it as a firm more often than a person
    orgs = canonical_organizations([["SEC"], ["Securities and Exchange Commission"],
                                    ["Securities and Exchange Commission", "Merrill Lynch and Co Inc"],
                                    ["Merrill Lynch"], ["Merrill Lynch"]])
    assert orgs["SEC"] == "Securities and Exchange Commission"
    assert orgs["Merrill Lynch and Co Inc"] == orgs["Merrill Lynch"] == "Merrill Lynch"


def test_the_text_either_side_of_a_run_as_the_model_reads_it():
    """The two words nearest a run (numbers and capitalised words by kind), the punctuation touching
    it and the shape of the nearest tokens, with a pronoun and a bracket's gazetteer class after it:
    the values the shipped weights were trained on, whatever makes them faster."""
    from dateline.extract import features as ft
    assert ft.before_context("Leading scorers: 9 - Ezquerra (Valencia), 2 (") == ("<num>", "<Cap>", "(", "#(")
    assert ft.before_context("shares of ") == ("of", "shares", "", "ww")
    assert ft.before_context(" -- ") == ("<start>", "<start>", "-", "--")
    assert ft.before_context("") == ("<start>", "<start>", "", "")
    assert ft.after_context(" said it would") == ("said", "it", "", "www", "it", "")
    assert ft.after_context(" (Norway) 2:04.1") == ("<Cap>", "<num>", "(", "(N)", "", "country")
    assert ft.after_context("'s chairman, he said") == ("s", "chairman", "'", "'ww", "he", "")
    assert ft.after_context("") == ("<end>", "<end>", "", "", "", "")
    # Accented capitals are capitals, a multiplication sign is punctuation (it stands in their range).
    assert ft.after_context(" \u00c9mile \u00d7 2") == ("<Cap>", "<num>", "", "N\u00d7#", "", "")


def test_the_decision_scores_every_name_as_training_reads_it():
    """``entities.name_scores`` sums a candidate's score in remembered parts; training reads the
    same candidate as one feature list (``features.context_features`` and the name as
    ``entities.weighed_name`` gives it). The two must agree to the last unit, or the shipped
    weights are applied to features they were not trained on."""
    from dateline.extract import features as ft
    from dateline.seeds import read_seed
    ent = importlib.import_module("dateline.extract.entities")  # the package's entities() shadows it
    model = mdl.load()
    desk = sorted((ROOT / "tests" / "gold" / "desk" / "train").glob("*.txt"))[:30]
    # a name that opens with a function word is weighed without it (written for this test)
    own = _seed(" date 1987-03-02 BEIJING -- Grain prices will rise, He Ming, Minister of Agriculture,"
                " told reporters.\n\nReuter\n")
    for seed in [*(read_seed(p) for p in [*sorted((ROOT / "seeds").glob("*.txt")), *desk]), own]:
        found, _, _ = ent.candidates(seed)
        evidence = ft.article_evidence(found, ent.plc.dateline_places(seed.dateline), seed.text)
        expected: dict[str, int] = {}
        for c in found:
            features = [*ft.name_features(ent.weighed_name(c.name)), *ft.context_features(c, evidence)]
            expected[c.name] = expected.get(c.name, 0) + model.offset + model.weigh(features)
        assert ent.name_scores(found, evidence, model) == expected


# A match report and a results line as a sports desk files them (written for this test, names invented).
MATCH = "\n\n".join([
    " date 1996-10-20 VALENCIA, Spain -- Valencia beat Sevilla 2-1 in the Spanish first division on"
    " Sunday, Argentine striker Ramon Ezquerra scoring both goals for the home side.",
    "Ezquerra headed the winner after 82 minutes. Sevilla coach Tomas Arrizabalaga said the referee had"
    " been too quick with his cards.",
    "Leading scorers: 9 - Ezquerra (Valencia), Dragan Ilkic (Serbia)"]) + "\n"


def test_sports_evidence_weighs_a_city_by_its_neighbours():
    """The features a city-named club, a bracketed country and a surname alone give the model: what
    stands either side with the desk and the gazetteer class, a bracket, the longer name it ends."""
    from dateline.extract import features as ft
    ent = importlib.import_module("dateline.extract.entities")
    seed = _seed(MATCH)
    found, _, _ = ent.candidates(seed)
    evidence = ft.article_evidence(found, ent.plc.dateline_places(seed.dateline), seed.text)
    assert evidence.desk == "sports"

    def features(name: str) -> set[ft.Feature]:
        return {f for c in found if c.name == name for f in ft.context_features(c, evidence)}

    assert ("sports|gaz|n1", "city|<num>") in features("Sevilla")  # "Sevilla 2-1"
    assert ("sports|bracketed|gaz", "country") in features("Serbia")
    assert ("sports|bracketed|gaz", "city") in features("Valencia")
    assert ("sports|tail_of_longer|gaz", "no") in features("Ezquerra")
    assert not any(t == "sports|tail_of_longer|gaz" for t, _ in features("Sevilla"))
    news = _seed(" date 1996-10-20 VALENCIA, Spain -- Floods hit Valencia and Sevilla on Sunday, the"
                 " regional government said.\n")
    found, _, _ = ent.candidates(news)
    evidence = ft.article_evidence(found, ent.plc.dateline_places(news.dateline), news.text)
    assert evidence.desk == "news"
    assert not any(t.startswith("sports|") for c in found for t, _ in ft.context_features(c, evidence))


def test_a_table_row_in_capitals_is_read_and_a_heading_is_not():
    """US standings write their teams in capitals ("DENVER 40 22 .645 -"): rows, read as any row;
    the division heading above them names nothing (written for this test)."""
    got = extract(_seed("\n\n".join([
        " date 1996-08-12 NEW YORK -- Major League Baseball standings after Sunday's games (tabulated"
        " under won, lost, winning percentage and games behind):",
        "WESTERN DIVISION", "W L PCT GB", "DENVER 61 52 .540 -", "PORTLAND 58 55 .513 3",
        "SACRAMENTO 52 61 .460 9"]) + "\n"))
    teams = {o.lower() for o in got.organizations}
    assert {"denver", "portland", "sacramento"} <= teams, got.organizations
    assert not {"Western Division", "WESTERN DIVISION"} & {*got.organizations, *got.places}


def test_a_city_named_club_is_an_organization_and_a_country_its_team_a_place():
    """"Valencia beat Sevilla 2-1" in a league report names two clubs; "Norway beat Malta 3-0" two
    countries (the labelling guide's convention, learned from the desk copy; written for this test)."""
    league = extract(_seed(MATCH))
    assert {"Valencia", "Sevilla"} <= set(league.organizations), league.organizations
    assert "Sevilla" not in league.places and "Valencia, Spain" in league.places  # the dateline
    assert {"Ramon Ezquerra", "Tomas Arrizabalaga", "Dragan Ilkic"} <= set(league.people), league.people
    assert "Ezquerra" not in league.people  # the scorer's surname is the full name's
    cup = extract(_seed(" date 1996-11-10 OSLO -- Norway beat Malta 3-0 in a World Cup qualifier on"
                        " Saturday, striker Eirik Hovden scoring twice. Malta coach Pieter Vos said his"
                        " side had defended well.\n"))
    assert {"Norway", "Malta"} <= set(cup.places) and not {"Norway", "Malta"} & set(cup.organizations)
    assert {"Eirik Hovden", "Pieter Vos"} <= set(cup.people), cup.people


def test_a_firm_s_context_elsewhere_in_the_article_is_evidence_for_every_mention():
    """'shares of Zentrix' in one sentence is weighed on 'Zentrix' in another too, and 'Tobias
    Wrenfield' beside 'Tobias Wrenfield Ltd' opens a firm's name (written for this test)."""
    ent = importlib.import_module("dateline.extract.entities")
    ft = importlib.import_module("dateline.extract.features")
    seed = _invented("Traders bought shares of Zentrix on Monday.",
                     "Analysts said Zentrix would grow. Tobias Wrenfield Ltd fell.",
                     "Tobias Wrenfield rose.")
    found, _, _ = ent.candidates(seed)
    evidence = ft.article_evidence(found, [], seed.text)
    later = [c for c in found if c.name == "Zentrix" and "would grow" in c.after]
    assert later and any(f[0] == "firm_context" for f in ft.context_features(later[0], evidence))
    opener = [c for c in found if c.name == "Tobias Wrenfield"]
    assert opener and any(f[0] == "opens_org" for f in ft.context_features(opener[0], evidence))


def test_training_s_offset_search_reads_articles_as_the_entity_decision_does():
    """Tuning the class offsets scores each held-out article once per fold model and adds the
    offsets to its names' scores (scripts/train_entities.py, ``Reading``): the same people, places
    and organizations as ``entities.entities`` with that model and those offsets."""
    spec = importlib.util.spec_from_file_location("train_entities", ROOT / "scripts" / "train_entities.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    body = json.loads(mdl.WEIGHTS_FILE.read_text(encoding="utf-8"))
    weights = {(t, v): w for t, table in body["weights"].items() for v, w in table.items()}
    ent = importlib.import_module("dateline.extract.entities")
    settings = module.ExtractSettings()
    items = [i for i in module.ev.load_gold(ROOT, corpus=Path("/nonexistent"))][:12]
    assert items
    for bias in ((0.0, -8.0, 0.0, 1.0), (0.0, 2.0, -1.0, -4.0)):
        fold_model = mdl.Perceptron(weights, bias)
        for item in items:
            seed = read_seed(item.file)
            slow = ent.entities(seed, settings, module.contributors_from_credit(seed.credit), fold_model)
            reading = module.Reading(item)
            expected = ent.name_scores(reading.found, reading.evidence, fold_model)
            assert reading.name_scores(weights, fold_model) == expected
            fast = reading.entities(weights, fold_model, settings)
            assert (fast.people, fast.places, fast.organizations) == (slow.people, slow.places,
                                                                      slow.organizations), item.file


def test_a_run_taken_whole_gives_way_to_its_one_reading_of_the_same_class_the_model_is_surer_of():
    """'Shares of Kestrel Group Holding Ltd' and 'Kestrel Group Holding Ltd' both read as a firm:
    which words are the firm's is the question, so the name surer of its class per mention wins,
    not always the longer (a model written for the test: the whole run's reading weighs 1 as a
    firm, the rules' firm 5)."""
    ent = importlib.import_module("dateline.extract.entities")
    ft = importlib.import_module("dateline.extract.features")
    seed = _invented("Shares of Kestrel Group Holding Ltd fell 3 pct.")
    found, _, _ = ent.candidates(seed)
    assert {c.kind for c in found} >= {"whole", "org"}
    evidence = ft.article_evidence(found, [], seed.text)
    model = mdl.Perceptron({("rule", "whole"): (0.0, 0.0, 0.0, 1.0), ("rule", "org"): (0.0, 0.0, 0.0, 5.0)})
    read = [(m.kind, m.name) for m in ent.decide(found, evidence, model)]
    assert read == [("org", "Kestrel Group Holding Ltd")]
    surer = mdl.Perceptron({("rule", "whole"): (0.0, 0.0, 0.0, 9.0), ("rule", "org"): (0.0, 0.0, 0.0, 5.0)})
    assert [m.name for m in ent.decide(found, evidence, surer)] == ["Shares of Kestrel Group Holding Ltd"]


def test_what_follows_a_name_s_and_is_evidence_of_its_own():
    """A partnership's 'and Co Inc' (only suffixes after "and") is not two names joined by "and"
    ('Halloran and Vesk'), nor a founder's name and a suffix ('Procter and Gamble Co'; names invented)."""
    ft = importlib.import_module("dateline.extract.features")

    def tail(name: str) -> list[str]:
        return [v for t, v in ft.name_features(name) if t == "and_tail"]

    assert tail("Carden Hobbs and Co Inc") == ["suffixes"]
    assert tail("Halloran and Vesk") == ["1|False"]
    assert tail("Pettigrew and Gamble Co") == ["2|True"]
    assert tail("Bank of Ostravia") == []


def test_names_in_one_list_carry_each_other_s_reading():
    """'Quorvane, Hadrell Electronics Ltd and Telmix': the lone words of a list are weighed with the
    readings of the names beside them (written for the test, names invented)."""
    ent = importlib.import_module("dateline.extract.entities")
    ft = importlib.import_module("dateline.extract.features")
    seed = _invented("Orders went to Quorvane, Hadrell Electronics Ltd and Telmix."
                     " Weather was mild in Ostrava on Monday.")
    found, _, _ = ent.candidates(seed)
    evidence = ft.article_evidence(found, [], seed.text)
    assert "org" in evidence.listed["Quorvane"]
    lone = next(c for c in found if c.name == "Quorvane")
    assert ("listed_with", f"{lone.kind}|org") in ft.context_features(lone, evidence)
    assert "Ostrava" not in evidence.listed


def test_a_body_s_officers_and_an_appositive_s_kind_of_body_are_evidence_for_every_mention():
    """'a spokesman for Kestrava' and 'Vorlandia's chairman' say a body, 'Pellmark, the Danish
    airline,' says which kind: weighed on the name's other mentions too, with its gazetteer class
    (written for this test); a person's own words are no such evidence."""
    ent = importlib.import_module("dateline.extract.entities")
    ft = importlib.import_module("dateline.extract.features")
    seed = _invented("Kestrava cut 400 jobs. A spokesman for Kestrava declined.",
                     "Vorlandia rose. Vorlandia's chairman left on Monday.",
                     "Pellmark, the Danish airline, grew. Pellmark flies to Oslo.",
                     "Tomas Brenner said prices fell.")
    found, _, _ = ent.candidates(seed)
    evidence = ft.article_evidence(found, [], seed.text)

    def templates(name: str, first_words: str) -> set[str]:
        mention = [c for c in found if c.name == name and c.after.startswith(first_words)]
        assert mention, (name, [(c.name, c.after[:20]) for c in found])
        return {f[0] for f in ft.context_features(mention[0], evidence)}

    assert {"body_context", "body_context|gaz"} <= templates("Kestrava", " cut")
    assert "body_context" in templates("Vorlandia", " rose")
    assert {"kind_appositive", "kind_appositive|gaz"} <= templates("Pellmark", " flies")
    assert not {"body_context", "kind_appositive"} & templates("Tomas Brenner", " said")
    assert not {"body_context", "kind_appositive"} & templates("Oslo", ".")


def test_a_body_and_one_word_after_it_are_read_in_parts_and_whole():
    """'Varden Airways and Kestrava': a body, then one word no rule reads alone. The rules read both
    parts, and the run taken whole is a candidate too, so the model weighs one firm against two;
    two lone words are read apart as before (written for this test)."""
    ent = importlib.import_module("dateline.extract.entities")
    seed = _invented("Officials at Varden Airways and Kestrava agreed a deal.",
                     "Analysts said Kolbrand and Pellmark rose.")
    found, _, _ = ent.candidates(seed)
    read = {(c.kind, c.name) for c in found}
    assert {("whole", "Varden Airways and Kestrava"), ("org", "Varden Airways")} <= read, read
    assert any(name == "Kestrava" for _, name in read), read
    assert {("single", "Kolbrand"), ("single", "Pellmark")} <= read, read


def test_the_words_between_a_run_s_joining_words_are_weighed_as_names_of_their_own():
    """'the Northern Puck League for the Halden Otters and Varden Ravens': the run finder joins
    three clubs and a league; each stretch between the joining words is a candidate with its own
    text either side, and a stretch the model names drops the rules' readings inside it (a model
    written for the test: a segment weighs 5 as a body, every other reading 1 as a place)."""
    ent = importlib.import_module("dateline.extract.entities")
    ft = importlib.import_module("dateline.extract.features")
    seed = _invented("He played in the Northern Puck League for the Halden Otters "
                     "and Varden Ravens.")
    found, _, _ = ent.candidates(seed)
    segments = {c.name: c for c in found if c.kind == "segment"}
    assert {"Northern Puck League", "Halden Otters", "Varden Ravens"} <= set(segments), segments
    assert segments["Varden Ravens"].before.endswith("Halden Otters and ")
    assert segments["Northern Puck League"].after.startswith(" for the Halden")
    evidence = ft.article_evidence(found, [], seed.text)
    weights = {("rule", "segment"): (0.0, 0.0, 0.0, 5.0), ("rule", "whole"): (1.0, 0.0, 0.0, 0.0)}
    others = ("place", "org", "single", "candidate", "none")
    weights.update({("rule", k): (0.0, 0.0, 1.0, 0.0) for k in others})
    read = {(m.kind, m.name) for m in ent.decide(found, evidence, mdl.Perceptron(weights))}
    assert {("org", "Varden Ravens"), ("org", "Halden Otters")} <= read, read
    assert not {name for kind, name in read if kind == "place"} & {"Varden", "Halden"}, read
    # A run with no joining word inside has no segments.
    plain, _, _ = ent.candidates(Seed(path="y.txt", id="y", sha256="0", date=seed.date, dateline="LONDON",
                                      paragraphs=("Analysts said Halden Otters Holding fell.",)))
    assert not [c for c in plain if c.kind == "segment"]


def test_the_article_before_a_name_on_any_mention_is_evidence_for_every_mention():
    """'the KVZ' and 'the Velmarists' on one mention are weighed on the name's other mentions too,
    with its shape and gazetteer class (written for this test); a person's name never takes it."""
    ent = importlib.import_module("dateline.extract.entities")
    ft = importlib.import_module("dateline.extract.features")
    seed = _invented("KVZ cut 400 jobs. Analysts said the KVZ would sell.",
                     "Velmarists won seats. Voters backed the Velmarists again.",
                     "Tomas Brenner said prices fell.")
    found, _, _ = ent.candidates(seed)
    evidence = ft.article_evidence(found, [], seed.text)

    def determined(name: str, first_words: str) -> list[str]:
        mention = [c for c in found if c.name == name and c.after.startswith(first_words)]
        assert mention, (name, [(c.name, c.after[:20]) for c in found])
        return [v for t, v in ft.context_features(mention[0], evidence) if t == "determined"]

    assert determined("KVZ", " cut") == ["acronym|no"]
    assert determined("Velmarists", " won") == ["True|no"]
    assert determined("Tomas Brenner", " said") == []


def test_a_full_name_read_as_a_person_is_never_given_up_for_its_surname_alone():
    """'Tomas Brenner' taken whole and 'Brenner', its one reading, both read as a person: the full
    name stays however much surer of the surname the model is per mention (the article's
    unification joins the surname to it). Two firms still go to the surer, as the test of
    "Shares of Kestrel Group Holding Ltd" above has it (candidates written for the test)."""
    ent = importlib.import_module("dateline.extract.entities")
    ft = importlib.import_module("dateline.extract.features")
    whole = ft.Candidate("whole", "Tomas Brenner", "prose", "Fans of ", " left.", False)
    part = ft.Candidate("single", "Brenner", "prose", "Fans of Tomas ", " left.", False, part_of=0)
    said = ft.Candidate("single", "Brenner", "prose", "left. ", " said he", True)
    found = [whole, part, said]
    evidence = ft.article_evidence(found, [], "Fans of Tomas Brenner left. Brenner said he would stay.")
    model = mdl.Perceptron({("rule", "whole"): (0.0, 1.0, 0.0, 0.0),
                            ("rule", "single"): (0.0, 5.0, 0.0, 0.0)})
    names = {m.name for m in ent.decide(found, evidence, model) if m.kind == "person"}
    assert "Tomas Brenner" in names, names
