"""Tests of pantau.codebook and of the event gold set (tests/gold/events.jsonl)."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path
from typing import get_args

import pytest

from pantau.article import ActorType, Modality, PloverType
from pantau.codebook import Codebook
from pantau.errors import ConfigurationError, ResourceError
from pantau.event_scoring import GoldArticle, load_gold

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "pantau" / "data" / "codebook.toml"
DOCS = ROOT / "docs" / "codebook.md"

ACLED = {
    "Battles": {
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    },
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    },
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}
"""ACLED's 6 event types and 25 sub-event types."""

MANUAL_MODES = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": (
        "seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
        "misinformation", "cyber",
    ),
    "ASSAULT": (
        "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
        "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
        "unconventional",
    ),
}  # fmt: skip
"""The modes as the PLOVER manual names them."""

MANUAL_CONTEXTS = [
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
    "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
    "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
    "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
    "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
]  # fmt: skip

NOT_IN_DICTIONARY = frozenset({"PT Agro Lestari Nusantara", "HS"})
"""Gold actor names written as in the text because the actor dictionary has no entry."""


@pytest.fixture(scope="module")
def book() -> Codebook:
    return Codebook()


@pytest.fixture(scope="module")
def gold() -> tuple[GoldArticle, ...]:
    return load_gold()


# -- the codebook ----------------------------------------------------------------------------


def test_sixteen_types_in_plover_order(book: Codebook) -> None:
    assert tuple(book.types) == get_args(PloverType)
    assert len(book.types) == 16
    for t in book.types.values():
        assert t.definition and t.gloss and t.label


def test_modes_are_the_manuals_plus_documented_extensions(book: Codebook) -> None:
    for name, modes in MANUAL_MODES.items():
        plover = tuple(m.name for m in book.types[name].modes if m.origin == "plover")
        assert plover == modes, name
        for mode in book.types[name].modes:
            assert mode.origin in ("plover", "pantau")
            if mode.origin == "pantau":
                assert mode.note, f"{name} {mode.name}: an extension needs a note"
    assert book.modes("MOBILIZE")[-2:] == ("fortify", "base")


def test_contexts_and_modalities(book: Codebook) -> None:
    assert set(MANUAL_CONTEXTS) <= set(book.contexts)
    extra = set(book.contexts) - set(MANUAL_CONTEXTS)
    assert all(book.contexts[c].origin != "plover" for c in extra)
    assert tuple(book.modalities) == get_args(Modality)


def test_acled_table(book: Codebook) -> None:
    table = {k: set(v) for k, v in book.acled_types.items()}
    assert table == ACLED
    assert sum(len(v) for v in table.values()) == 25


def test_crosswalk_rules_are_valid(book: Codebook) -> None:
    kinds = set(book.kinds) | {"any", "none"}
    for rule in book.crosswalk:
        assert rule.type in book.types
        assert set(rule.modes) <= set(book.modes(rule.type)), rule
        assert {rule.source_kind, rule.target_kind} <= kinds
        assert rule.any_kind is None or rule.any_kind in book.kinds
        assert set(rule.contexts) <= set(book.contexts)
        if rule.acled_type is not None:
            assert rule.acled_subtype in ACLED[rule.acled_type], rule
        else:
            assert rule.acled_subtype is None


def test_every_acled_subtype_is_reachable(book: Codebook) -> None:
    reached = {(r.acled_type, r.acled_subtype) for r in book.crosswalk if r.acled_type}
    assert reached == {(t, s) for t, subs in ACLED.items() for s in subs}


def test_every_actor_type_has_a_kind(book: Codebook) -> None:
    covered = set().union(*(book.kind_types(k) for k in book.kinds))
    assert covered == set(get_args(ActorType))


ER, VAC, SD = "Explosions/Remote violence", "Violence against civilians", "Strategic developments"
PR, INT = "Protests", "Protest with intervention"
ABD, EXC = "Abduction/forced disappearance", "Excessive force against protesters"
NSA, GRT = "Non-state actor overtakes territory", "Government regains territory"
NO = (None, None)
T = ("territory",)


@pytest.mark.parametrize(
    ("args", "contexts", "expected"),
    [
        (("ASSAULT", "aerial"), (), (ER, "Air/drone strike")),
        (("ASSAULT", "drone", "state_military", "civilians"), (), (ER, "Air/drone strike")),
        (("ASSAULT", "heavy-weapons", "militia"), (), (ER, "Shelling/artillery/missile attack")),
        (("ASSAULT", "explosives", "rebel_group"), (), (ER, "Remote explosive/landmine/IED")),
        (("ASSAULT", "suicide-attack"), (), (ER, "Suicide bomb")),
        (("ASSAULT", "firearms", "rebel_group", "state_military"), (), ("Battles", "Armed clash")),
        (("ASSAULT", "firearms", ["police", "rebel_group"], None), (), ("Battles", "Armed clash")),
        (("ASSAULT", "firearms", "rebel_group", "civilians"), (), (VAC, "Attack")),
        (("ASSAULT", "abduct", "militia", "civilians"), (), (VAC, ABD)),
        (("ASSAULT", "sexual", "militia", "civilians"), (), (VAC, "Sexual violence")),
        (("ASSAULT", "crowd-control", "police", "protesters"), (), (PR, INT)),
        (("ASSAULT", "firearms", "police", "protesters"), (), (PR, EXC)),
        (("ASSAULT", "beat", "civilians", "civilians"), (), ("Riots", "Mob violence")),
        (("ASSAULT", "destroy", "rebel_group"), (), (SD, "Looting/property destruction")),
        (("ASSAULT", None, "rebel_group", "police"), T, ("Battles", NSA)),
        (("ASSAULT", None, "state_military", "militia"), T, ("Battles", GRT)),
        (("ASSAULT", "firearms", "person", "civilians"), (), NO),
        (("COERCE", "arrest"), (), (SD, "Arrests")),
        (("COERCE", "arrest", "police", "designated_terrorist_group"), (), (SD, "Arrests")),
        (("COERCE", "arrest", "police", "protesters"), (), (PR, INT)),
        (("COERCE", "arrest", "rebel_group", "civilians"), (), (VAC, ABD)),
        (("COERCE", "seize", "police", "militia"), (), (SD, "Disrupted weapons use")),
        (("COERCE", "martial-law", "state_military"), (), (SD, "Other")),
        (("COERCE", "censor", "government"), (), NO),
        (("PROTEST", "demo", "civilians"), (), ("Protests", "Peaceful protest")),
        (("PROTEST", "riot", "civilians"), (), ("Riots", "Violent demonstration")),
        (("PROTEST", "boycott", "civilians"), (), NO),
        (("MOBILIZE", "fortify", "militia"), (), (SD, "Change to group/activity")),
        (("MOBILIZE", "base", "rebel_group"), (), (SD, "Headquarters or base established")),
        (("MOBILIZE", "police", "police"), (), NO),
        (("RETREAT", "withdraw", "rebel_group"), T, (SD, "Non-violent transfer of territory")),
        (("RETREAT", "withdraw", "state_military"), (), (SD, "Change to group/activity")),
        (("RETREAT", "release", "insurgent_group", "civilians"), (), (SD, "Agreement")),
        (("RETREAT", "release", "country", "civilians"), (), NO),
        (("AGREE", None, ["government", "rebel_group"]), (), (SD, "Agreement")),
        (("AGREE", None, ["government", "government"]), (), NO),
        (("CONSULT", "visit", "government", "government"), (), NO),
        (("THREATEN", "violence", "rebel_group"), (), NO),
    ],
)  # fmt: skip
def test_acled_crosswalk_examples(
    book: Codebook, args: tuple, contexts: tuple[str, ...], expected: tuple
) -> None:
    assert book.acled(*args, contexts=contexts) == expected


def test_acled_memo_gives_the_same_answers() -> None:
    """A question asked again (with kinds and contexts as lists or generators) is answered
    the same; a refused one is refused again."""
    fresh = Codebook()
    for _ in range(2):
        sources = (k for k in ["police", "rebel_group"])
        assert fresh.acled("ASSAULT", "firearms", sources, None) == ("Battles", "Armed clash")
        assert fresh.acled("ASSAULT", None, "rebel_group", "police", contexts=iter(T)) == (
            "Battles",
            NSA,
        )
        assert fresh.acled("COERCE", "censor", "government") == NO
        with pytest.raises(ConfigurationError, match="soldiers"):
            fresh.acled("ASSAULT", "firearms", "soldiers")


def test_acled_refuses_unknown_names(book: Codebook) -> None:
    with pytest.raises(ConfigurationError, match="FIGHT"):
        book.acled("FIGHT")
    with pytest.raises(ConfigurationError, match="soldiers"):
        book.acled("ASSAULT", "firearms", "soldiers")
    with pytest.raises(ConfigurationError, match="unknown event type"):
        book.modes("fight")


def test_docs_are_generated_from_the_data(book: Codebook) -> None:
    rendered = book.render_markdown()
    assert DOCS.read_text(encoding="utf-8") == rendered, (
        "docs/codebook.md is stale; regenerate it: python -m pantau.codebook render > "
        "docs/codebook.md"
    )
    assert f"Version **{book.version}**" in rendered
    assert "CC BY-SA 4.0" in rendered


def test_version_is_stamped(book: Codebook) -> None:
    assert re.fullmatch(r"\d{4}\.\d{1,2}-\d+", book.version)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('mode = "grenade"\nacled_type', 'mode = "rocket"\nacled_type', "rule #4"),
        ('acled_subtype = "Grenade"', 'acled_subtype = "Hand grenade"', "not an ACLED type"),
        ('source_kind = "state_forces"', 'source_kind = "troops"', "is not a kind"),
        ('name = "SANCTION"', 'name = "PUNISH"', "PUNISH"),
        ('name = "hunger"', 'name = "demo"', "listed twice"),
        ('types = ["civilians"', 'types = ["villagers"', "'villagers' is not an actor type"),
        ('version = "', 'versio = "', "version"),
    ],
)
def test_bad_entries_are_named(tmp_path: Path, old: str, new: str, message: str) -> None:
    text = DATA.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "codebook.toml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ResourceError, match=re.escape(message)):
        Codebook(bad)


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="check the path"):
        Codebook(tmp_path / "missing.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("version = ", encoding="utf-8")
    with pytest.raises(ResourceError, match="not valid UTF-8 TOML"):
        Codebook(broken)


# -- the gold set ----------------------------------------------------------------------------


def test_gold_size_and_coverage(gold: tuple[GoldArticle, ...]) -> None:
    assert len(gold) >= 64
    per_type = Counter(t for a in gold for t in {e.type for e in a.events})
    assert set(per_type) == set(get_args(PloverType))
    assert min(per_type.values()) >= 3, per_type
    negatives = [
        a
        for a in gold
        if all(e.modality in ("denied", "hypothetical") for e in a.events) or not a.events
    ]
    assert len(negatives) >= 10
    assert sum(1 for a in gold if not a.events) >= 10
    modalities = {e.modality for a in gold for e in a.events}
    assert modalities == set(get_args(Modality))


def test_gold_articles_are_short(gold: tuple[GoldArticle, ...]) -> None:
    for article in gold:
        assert 2 <= len(article.text.splitlines()) <= 7, article.id
        assert article.published is not None, article.id


def test_gold_events_fit_the_codebook(book: Codebook, gold: tuple[GoldArticle, ...]) -> None:
    for article in gold:
        for event in article.events:
            where = f"{article.id} {event.type} {event.evidence[:40]!r}"
            assert event.evidence in article.text, where
            assert event.mode is None or event.mode in book.modes(event.type), where
            assert set(event.contexts) <= set(book.contexts), where
            if event.acled_type is not None:
                assert event.acled_subtype in ACLED[event.acled_type], where
            assert (event.date is None) == (event.date_precision is None), where
            if event.modality == "threatened":
                assert event.type == "THREATEN", where


def test_gold_evidence_never_comes_from_boilerplate(gold: tuple[GoldArticle, ...]) -> None:
    for article in gold:
        links = [
            line for line in article.text.splitlines() if line.casefold().startswith("baca juga")
        ]
        for event in article.events:
            assert not any(event.evidence in line for line in links), article.id


def test_gold_actor_names_are_canonical(gold: tuple[GoldArticle, ...]) -> None:
    actors = tomllib.loads((ROOT / "pantau" / "data" / "actors.toml").read_text("utf-8"))
    names = {a["name"] for a in actors["actor"]}
    for article in gold:
        for event in article.events:
            for name in event.sources + event.targets:
                assert name in names or name in NOT_IN_DICTIONARY, f"{article.id}: {name}"


def test_gold_acled_follows_the_crosswalk(book: Codebook, gold: tuple[GoldArticle, ...]) -> None:
    """The gold ACLED columns are what the crosswalk gives for the gold actors' types; the
    sources of a PROTEST in the same article count as ``protesters``."""
    actors = tomllib.loads((ROOT / "pantau" / "data" / "actors.toml").read_text("utf-8"))
    types = {a["name"]: a["type"] for a in actors["actor"]}
    for article in gold:
        protesters = {n for e in article.events if e.type == "PROTEST" for n in e.sources}

        def kinds(names: tuple[str, ...], role: str, protesters: set[str] = protesters) -> list:
            if role == "target":
                return ["protesters" if n in protesters else types.get(n, "other") for n in names]
            return [types.get(n, "other") for n in names]

        for event in article.events:
            got = book.acled(
                event.type,
                event.mode,
                kinds(event.sources, "source"),
                kinds(event.targets, "target"),
                contexts=event.contexts,
            )
            assert got == (event.acled_type, event.acled_subtype), (article.id, event.evidence)
