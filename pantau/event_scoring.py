"""Scoring an event extractor against the event gold set (``tests/gold/events.jsonl``).

:func:`score_events` runs ``extract(text, published)`` on every gold article and compares its
events with the gold ones. ``extract`` returns the events, either as an
:class:`~pantau.article.Article` (its ``events`` and its clean ``text``) or as a bare sequence
of :class:`~pantau.article.Event`; with a bare sequence the evidence offsets must point into the
text given to ``extract`` (an event record that carries an ``evidence`` string is read as is).

Matching, one to one, article by article:

detection
    a predicted event matches a gold event when the types are equal and the evidence
    sentences are equal after white space is collapsed. Predictions with the same (type,
    evidence) beyond the number of gold events with that key are duplicates: they count once
    (a key with no gold event costs one false positive however often it is predicted).
full match
    a detected pair whose sources, targets, place and date are equal as well.
fields
    accuracy over detected pairs, field by field: mode, sources, targets, place,
    place_country, date, date_precision, modality, background, fatalities, injured,
    claim_source, acled_type, acled_subtype.

How fields compare:

- ``sources``/``targets``: sets of canonical actor names (:attr:`EventActor.name`), folded
  (case, diacritics, apostrophes, hyphens and white space do not count).
- ``place``: both absent, or the gold name equals the predicted place's gazetteer ``name`` or
  its mention ``text`` after folding and dropping an administrative prefix (``Kabupaten``,
  ``Kota``, ``Distrik``, ``Provinsi``, ``Negara Bagian`` …), and the countries agree when the
  gold gives one. ``place_country`` compares the ISO codes alone.
- ``date``: the same calendar day (``None`` equals only ``None``).
- ``claim_source``: equal after folding and dropping a web suffix (``KOMPAS.com`` = ``Kompas``),
  or the shorter one's words appear in a row in the longer (``Irjen Pol. Dwi Santoso`` =
  ``Kapolda Metro Jaya Irjen Pol. Dwi Santoso``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from pantau.article import Article, DatePrecision, Event, Modality, PloverType
from pantau.errors import PantauError, ResourceError

__all__ = [
    "PRF",
    "EventScores",
    "FieldMiss",
    "GoldArticle",
    "GoldEvent",
    "Miss",
    "default_gold_path",
    "load_gold",
    "score_events",
]

Extract = Callable[[str, dt.date | None], Sequence[Event] | Article]

FIELDS: tuple[str, ...] = (
    "mode",
    "sources",
    "targets",
    "place",
    "place_country",
    "date",
    "date_precision",
    "modality",
    "background",
    "fatalities",
    "injured",
    "claim_source",
    "acled_type",
    "acled_subtype",
)
FULL_FIELDS: tuple[str, ...] = ("sources", "targets", "place", "date")
_TYPES = frozenset(get_args(PloverType))
_MODALITIES = frozenset(get_args(Modality))
_PRECISIONS = frozenset(get_args(DatePrecision))
_PLACE_PREFIX = re.compile(
    r"^(?:kabupaten|kab\.?|kota|kotamadya|kotapraja|distrik|kecamatan|kelurahan|desa|kampung"
    r"|provinsi|negara bagian|wilayah|region|city of) +"
)
_WEB_SUFFIX = re.compile(r"(?:\.co\.id|\.com|\.co|\.id|\.net|\.org)$")
_WORD = re.compile(r"\w+")
_KEYS = frozenset(
    {"type", "mode", "evidence", "trigger", "sources", "targets", "place", "place_country"}
    | {"date", "date_precision", "modality", "background", "fatalities", "injured"}
    | {"claim_source", "acled_type", "acled_subtype", "contexts"}
)


# -- gold ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One event of the gold set."""

    type: str
    mode: str | None
    evidence: str
    trigger: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    place: str | None
    place_country: str | None
    date: dt.date | None
    date_precision: str | None
    modality: str
    background: bool
    fatalities: int | None
    injured: int | None
    claim_source: str
    acled_type: str | None
    acled_subtype: str | None
    contexts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    style: str
    published: dt.date | None
    text: str
    events: tuple[GoldEvent, ...]


def default_gold_path() -> Path:
    """``tests/gold/events.jsonl`` of the project."""
    return Path(__file__).resolve().parents[1] / "tests" / "gold" / "events.jsonl"


def load_gold(path: Path | None = None) -> tuple[GoldArticle, ...]:
    """Read and check a gold file; a bad line raises :class:`ResourceError` naming it."""
    path = default_gold_path() if path is None else Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise ResourceError(f"cannot read the gold file {path}: {e}; check the path") from e
    articles: list[GoldArticle] = []
    seen: set[str] = set()
    for line_no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{line_no}"
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as e:
            raise ResourceError(f"{where} is not JSON: {e}") from e
        article = _gold_article(doc, where)
        if article.id in seen:
            raise ResourceError(f"{where}: article id {article.id!r} is used twice")
        seen.add(article.id)
        articles.append(article)
    return tuple(articles)


def _gold_article(doc: Any, where: str) -> GoldArticle:
    if not isinstance(doc, dict):
        raise ResourceError(f"{where}: a line must hold one JSON object")
    for key in ("id", "style", "text"):
        if not isinstance(doc.get(key), str) or not doc[key]:
            raise ResourceError(f"{where}: {key} must be a non-empty string")
    text: str = doc["text"]
    published = _date(doc.get("published"), f"{where}: published")
    raw_events = doc.get("events")
    if not isinstance(raw_events, list):
        raise ResourceError(f"{where}: events must be a list (empty for an article with none)")
    events = tuple(
        _gold_event(e, text, f"{where}, event #{i + 1}") for i, e in enumerate(raw_events)
    )
    return GoldArticle(doc["id"], doc["style"], published, text, events)


def _gold_event(raw: Any, text: str, where: str) -> GoldEvent:
    if not isinstance(raw, dict):
        raise ResourceError(f"{where} is not an object")
    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        raise ResourceError(f"{where}: unknown key(s) {', '.join(unknown)}")
    if raw.get("type") not in _TYPES:
        raise ResourceError(f"{where}: type {raw.get('type')!r} is not a PLOVER type")
    if raw.get("modality") not in _MODALITIES:
        raise ResourceError(f"{where}: modality {raw.get('modality')!r} is not a modality")
    evidence = raw.get("evidence")
    if not isinstance(evidence, str) or not evidence or evidence not in text:
        raise ResourceError(f"{where}: evidence must occur verbatim in the text: {evidence!r}")
    trigger = raw.get("trigger")
    if not isinstance(trigger, str) or trigger not in evidence:
        raise ResourceError(f"{where}: trigger {trigger!r} must occur in the evidence")
    precision = raw.get("date_precision")
    date = _date(raw.get("date"), f"{where}: date")
    if (date is None) != (precision is None) or (
        precision is not None and precision not in _PRECISIONS
    ):
        raise ResourceError(
            f"{where}: date_precision {precision!r} must be one of {sorted(_PRECISIONS)} "
            "when there is a date, and null without one"
        )
    if not isinstance(raw.get("background"), bool):
        raise ResourceError(f"{where}: background must be true or false")
    claim = raw.get("claim_source")
    if not isinstance(claim, str) or not claim:
        raise ResourceError(f"{where}: claim_source must be a non-empty string")
    return GoldEvent(
        type=raw["type"],
        mode=_opt_str(raw, "mode", where),
        evidence=evidence,
        trigger=trigger,
        sources=_names(raw, "sources", where),
        targets=_names(raw, "targets", where),
        place=_opt_str(raw, "place", where),
        place_country=_opt_str(raw, "place_country", where),
        date=date,
        date_precision=precision,
        modality=raw["modality"],
        background=raw["background"],
        fatalities=_count(raw, "fatalities", where),
        injured=_count(raw, "injured", where),
        claim_source=claim,
        acled_type=_opt_str(raw, "acled_type", where),
        acled_subtype=_opt_str(raw, "acled_subtype", where),
        contexts=_names(raw, "contexts", where),
    )


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError) as e:
        raise ResourceError(f"{where} {value!r} is not an ISO date (YYYY-MM-DD) or null") from e


def _opt_str(raw: Mapping[str, Any], key: str, where: str) -> str | None:
    value = raw.get(key)
    if value is not None and (not isinstance(value, str) or not value):
        raise ResourceError(f"{where}: {key} must be a non-empty string or null")
    return value


def _names(raw: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ResourceError(f"{where}: {key} must be a list of names")
    return tuple(value)


def _count(raw: Mapping[str, Any], key: str, where: str) -> int | None:
    value = raw.get(key)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ResourceError(f"{where}: {key} must be a non-negative integer or null")
    return value


# -- scores ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts of true positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True, slots=True)
class FieldMiss:
    field: str
    gold: Any
    predicted: Any


@dataclass(frozen=True, slots=True)
class Miss:
    """A gold event not found (``missed``), a false positive (``spurious``), a detected event
    with wrong fields (``fields``) or an article the extractor failed on (``failed``)."""

    article: str
    kind: str
    type: str | None
    evidence: str | None
    fields: tuple[FieldMiss, ...] = ()
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "kind": self.kind,
            "type": self.type,
            "evidence": self.evidence,
            "fields": [
                {"field": f.field, "gold": _plain(f.gold), "predicted": _plain(f.predicted)}
                for f in self.fields
            ],
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class EventScores:
    """How an extractor does on the gold set."""

    articles: int
    gold_events: int
    predicted_events: int
    """Predictions counted, duplicates left out."""
    detection: PRF
    full: PRF
    fields: Mapping[str, tuple[int, int]]
    """Field → (correct, compared) over detected pairs."""
    per_type: Mapping[str, PRF]
    """Detection counts by event type (false positives under the predicted type)."""
    misses: tuple[Miss, ...]
    failed: int = 0
    """Articles on which ``extract`` raised a :class:`~pantau.errors.PantauError`."""

    def accuracy(self, field: str) -> float:
        correct, total = self.fields[field]
        return correct / total if total else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "failed": self.failed,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "detection": self.detection.as_dict(),
            "full": self.full.as_dict(),
            "fields": {
                name: {"correct": c, "total": t, "accuracy": self.accuracy(name)}
                for name, (c, t) in self.fields.items()
            },
            "per_type": {name: prf.as_dict() for name, prf in self.per_type.items()},
            "misses": [m.as_dict() for m in self.misses],
        }


def score_events(gold_path: Path | None, extract: Extract) -> EventScores:
    """Run ``extract(text, published)`` on every gold article and score its events."""
    gold = load_gold(gold_path)
    detection = full = PRF()
    per_type: dict[str, PRF] = {t: PRF() for t in get_args(PloverType)}
    fields: dict[str, list[int]] = {f: [0, 0] for f in FIELDS}
    misses: list[Miss] = []
    n_gold = n_pred = failed = 0
    for article in gold:
        n_gold += len(article.events)
        try:
            result = extract(article.text, article.published)
        except PantauError as e:
            failed += 1
            misses.append(Miss(article.id, "failed", None, None, reason=str(e)))
            for g in article.events:
                per_type[g.type] += PRF(fn=1)
            detection += PRF(fn=len(article.events))
            full += PRF(fn=len(article.events))
            continue
        predicted = _predicted(result, article.text)
        outcome = _score_article(article, predicted)
        n_pred += outcome.counted
        detection += outcome.detection
        full += outcome.full
        for type_, prf in outcome.per_type.items():
            per_type[type_] += prf
        for name, ok in outcome.field_results:
            fields[name][1] += 1
            fields[name][0] += ok
        misses.extend(outcome.misses)
    return EventScores(
        articles=len(gold),
        gold_events=n_gold,
        predicted_events=n_pred,
        detection=detection,
        full=full,
        fields={k: (v[0], v[1]) for k, v in fields.items()},
        per_type=per_type,
        misses=tuple(misses),
        failed=failed,
    )


@dataclass(frozen=True, slots=True)
class _Outcome:
    counted: int
    detection: PRF
    full: PRF
    per_type: Mapping[str, PRF]
    field_results: tuple[tuple[str, bool], ...]
    misses: tuple[Miss, ...]


def _predicted(result: Sequence[Event] | Article, text: str) -> list[tuple[Event, str]]:
    if isinstance(result, Article):
        events, body = result.events, result.text
    else:
        events, body = tuple(result), text
    out: list[tuple[Event, str]] = []
    for event in events:
        evidence = getattr(event, "evidence", None)
        if not isinstance(evidence, str):
            evidence = body[event.evidence_start : event.evidence_end]
        out.append((event, evidence))
    return out


def _score_article(article: GoldArticle, predicted: list[tuple[Event, str]]) -> _Outcome:
    gold_by_key: dict[tuple[str, str], list[GoldEvent]] = {}
    for g in article.events:
        gold_by_key.setdefault((g.type, _ws(g.evidence)), []).append(g)
    pred_by_key: dict[tuple[str, str], list[Event]] = {}
    for event, evidence in predicted:
        pred_by_key.setdefault((event.type, _ws(evidence)), []).append(event)
    counted = 0
    detection = full = PRF()
    per_type: Counter[tuple[str, str]] = Counter()
    field_results: list[tuple[str, bool]] = []
    misses: list[Miss] = []
    for key in list(gold_by_key) + [k for k in pred_by_key if k not in gold_by_key]:
        golds = gold_by_key.get(key, [])
        preds = pred_by_key.get(key, [])
        type_, evidence = key
        if not golds:
            counted += 1
            detection += PRF(fp=1)
            full += PRF(fp=1)
            per_type[(type_, "fp")] += 1
            misses.append(Miss(article.id, "spurious", type_, evidence))
            continue
        pairs = _pair(golds, preds)
        counted += len(pairs)
        n_full = 0
        for g, p in pairs:
            results = _compare(g, p)
            field_results.extend(results.items())
            if all(results[f] for f in FULL_FIELDS):
                n_full += 1
            wrong = tuple(
                FieldMiss(f, _gold_value(g, f), _pred_value(p, f))
                for f, ok in results.items()
                if not ok
            )
            if wrong:
                misses.append(Miss(article.id, "fields", type_, g.evidence, wrong))
        paired = {id(g) for g, _ in pairs}
        for g in golds:
            if id(g) not in paired:
                misses.append(Miss(article.id, "missed", type_, g.evidence))
        detection += PRF(tp=len(pairs), fn=len(golds) - len(pairs))
        full += PRF(tp=n_full, fp=len(pairs) - n_full, fn=len(golds) - n_full)
        per_type[(type_, "tp")] += len(pairs)
        per_type[(type_, "fn")] += len(golds) - len(pairs)
    types = {t for t, _ in per_type}
    return _Outcome(
        counted=counted,
        detection=detection,
        full=full,
        per_type={
            t: PRF(per_type[(t, "tp")], per_type[(t, "fp")], per_type[(t, "fn")]) for t in types
        },
        field_results=tuple(field_results),
        misses=tuple(misses),
    )


def _pair(golds: list[GoldEvent], preds: list[Event]) -> list[tuple[GoldEvent, Event]]:
    """One-to-one pairs of one (type, evidence) key, the best agreeing pairs first."""
    candidates = []
    for i, g in enumerate(golds):
        for j, p in enumerate(preds):
            results = _compare(g, p)
            is_full = all(results[f] for f in FULL_FIELDS)
            candidates.append((not is_full, -sum(results.values()), i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[GoldEvent, Event]] = []
    for _, _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((golds[i], preds[j]))
    return pairs


# -- field comparison ------------------------------------------------------------------------


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[\-‐‑–—'’‘`ʼ]", " ", plain.casefold())
    return " ".join(plain.split())


def _ws(text: str) -> str:
    return " ".join(text.split())


def _fold_place(name: str) -> str:
    return _PLACE_PREFIX.sub("", _fold(name))


def _names_equal(gold: Iterable[str], predicted: Iterable[str]) -> bool:
    return {_fold(n) for n in gold} == {_fold(n) for n in predicted}


def _claim_equal(gold: str, predicted: str | None) -> bool:
    if not predicted:
        return False
    a = _WEB_SUFFIX.sub("", _fold(gold))
    b = _WEB_SUFFIX.sub("", _fold(predicted))
    if a == b:
        return True
    short, long = sorted((_WORD.findall(a), _WORD.findall(b)), key=len)
    if not short:
        return False
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _place_equal(gold: GoldEvent, event: Event) -> bool:
    place = event.place
    if gold.place is None or place is None:
        return gold.place is None and place is None
    if gold.place_country is not None and place.country != gold.place_country:
        return False
    return _fold_place(gold.place) in {_fold_place(place.name), _fold_place(place.text)}


def _compare(gold: GoldEvent, event: Event) -> dict[str, bool]:
    return {
        "mode": gold.mode == event.mode,
        "sources": _names_equal(gold.sources, (a.name for a in event.sources)),
        "targets": _names_equal(gold.targets, (a.name for a in event.targets)),
        "place": _place_equal(gold, event),
        "place_country": gold.place_country
        == (event.place.country or None if event.place is not None else None),
        "date": gold.date == event.date,
        "date_precision": gold.date_precision == event.date_precision,
        "modality": gold.modality == event.modality,
        "background": gold.background == event.background,
        "fatalities": gold.fatalities == event.fatalities,
        "injured": gold.injured == event.injured,
        "claim_source": _claim_equal(gold.claim_source, event.claim_source),
        "acled_type": gold.acled_type == event.acled_type,
        "acled_subtype": gold.acled_type == event.acled_type
        and gold.acled_subtype == event.acled_subtype,
    }


def _gold_value(gold: GoldEvent, field: str) -> Any:
    return getattr(gold, field)


def _pred_value(event: Event, field: str) -> Any:
    if field in ("sources", "targets"):
        return tuple(a.name for a in getattr(event, field))
    if field == "place":
        return None if event.place is None else event.place.name
    if field == "place_country":
        return None if event.place is None else event.place.country or None
    return getattr(event, field)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value
