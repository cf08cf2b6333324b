"""Candidates become :class:`~pantau.article.Event` records: ids, ACLED type, claim, confidence.

The ACLED columns come from the codebook's crosswalk (:meth:`pantau.codebook.Codebook.acled`)
with the kinds of the participants (the sources of a protest in the article count as
``protesters``). The claim source falls back to the outlet: the original outlet the article
names first (``demikian The New Arab memberitakan``), else the publishing one. Confidence is
the trigger's strength, lowered for a source only referred to (×0.8), a missing date (×0.95)
or place (×0.95), and a hearsay or hypothetical modality (×0.9).
"""

from __future__ import annotations

from operator import attrgetter

from pantau.article import Article, Event, EventActor
from pantau.codebook import Codebook
from pantau.events.candidates import ArticleState, Candidate, union

__all__ = ["Records"]

_TEXT_ORDER = attrgetter("sentence", "match.start")
"""A candidate's place in the text: ``(sentence, trigger start)``."""


class Records:
    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook

    def events(self, state: ArticleState) -> tuple[Event, ...]:
        article = state.article
        protesters = {
            p.actor.name for c in state.candidates if c.type == "PROTEST" for p in c.roles.sources
        }
        out: list[Event] = []
        for cand in sorted(state.candidates, key=_TEXT_ORDER):
            if cand.roles.sources:
                out.append(self._event(article, cand, protesters, len(out) + 1))
        return tuple(out)

    def _event(self, article: Article, cand: Candidate, protesters: set[str], n: int) -> Event:
        # (plain loops: an event has one or two parties, and each comprehension is a call)
        protest = cand.type == "PROTEST"
        source_list: list[EventActor] = []
        source_kinds: list[str] = []
        names: set[str] = set()
        for p in union(cand.roles.sources, []):
            source_list.append(p.actor)
            source_kinds.append(_kind(p.actor, protesters, protest))
            if "(generic)" not in p.actor.name:
                names.add(p.actor.name)
        target_list: list[EventActor] = []
        target_kinds: list[str] = []
        for p in union(cand.roles.targets, []):
            if p.actor.name not in names:
                target_list.append(p.actor)
                target_kinds.append(_kind(p.actor, protesters, False))
        sources, targets = tuple(source_list), tuple(target_list)
        contexts = cand.entry.contexts if cand.type == cand.entry.type else ()
        mode = cand.mode if cand.mode in self.codebook.modes(cand.type) else None
        acled = self.codebook.acled(cand.type, mode, source_kinds, target_kinds, contexts=contexts)
        claim, claim_kind = cand.claim or self._outlet(article, cand)
        sentence = article.sentences[cand.sentence]
        return Event(
            id=f"{article.id}-{n}",
            type=cand.type,  # type: ignore[arg-type]
            mode=mode,
            contexts=contexts,
            acled_type=acled[0],
            acled_subtype=acled[1],
            sources=sources,
            targets=targets,
            place=cand.place,
            date=cand.date,
            date_precision=cand.precision if cand.date else None,  # type: ignore[arg-type]
            date_basis=cand.basis if cand.date else "none",  # type: ignore[arg-type]
            modality=cand.modality,  # type: ignore[arg-type]
            background=cand.background,
            fatalities=cand.fatalities,
            injured=cand.injured,
            claim_source=claim,
            claim_kind=claim_kind,  # type: ignore[arg-type]
            trigger=article.text[cand.match.start : cand.match.end],
            trigger_start=cand.match.start,
            trigger_end=cand.match.end,
            sentence=cand.sentence,
            evidence_start=sentence.start,
            evidence_end=sentence.end,
            supporting_sentences=tuple(sorted({cand.sentence, *cand.supporting})),
            confidence=self._confidence(cand),
            codebook_version=self.codebook.version,
        )

    def _outlet(self, article: Article, cand: Candidate) -> tuple[str, str]:
        outlet = (
            article.original_outlets[0] if article.original_outlets else None
        ) or article.outlet
        if outlet is None and article.dateline is not None:
            outlet = article.dateline.agency
        return (outlet or "unknown"), "outlet"  # no outlet known: say so, never guess one

    def _confidence(self, cand: Candidate) -> float:
        """Trigger strength, lowered for a source only referred to, a missing date or place,
        and a hearsay or hypothetical modality."""
        score = cand.entry.strength
        if not cand.named_source:
            score *= 0.8
        if cand.date is None:
            score *= 0.95
        if cand.place is None:
            score *= 0.95
        if cand.modality in ("reported", "hypothetical"):
            score *= 0.9
        return round(score, 2)


def _kind(actor: EventActor, protesters: set[str], protest: bool) -> str:
    if protest or actor.name in protesters:
        return "protesters"
    return actor.type or "other"
