"""The article's events as one story: restatements merged, implicit roles, dates and places
filled from the events around them.

After the sentences are read, :meth:`Episodes.merge` folds an event told again (named back:
``Dalam serangan tersebut``; or with no new party: ``Sebagian massa melempari aparat``) into
its first statement, keeping the sentence as support. :meth:`Episodes.complete` then walks
the events in order:

- a denial takes the parties, date and place of the event it denies;
- implicit targets: the doers of an event named back (``mengecam operasi tersebut``), the
  owner of seized goods (``dari tangan pelaku``), the protesters arrested at a protest, the
  addressee of a conditional threat;
- relative dates: ``sehari sebelumnya``, ``sehari setelah``, ``… yang sama``;
- an undated event continuing another (``Dalam operasi itu``, ``langsung``, the same actors
  acting on, the arrests at a protest, ``Ia juga …``) takes its date and place;
- background (old news) from the cues and dates;
- a place from the body's seat, the event continued, the scene of the previous sentence,
  the dateline for a court.

Casualty counts go to the violent event they are about; an attack on a place held by an
armed actor targets it; a strike in a backer's relative clause hits the other side.
"""

from __future__ import annotations

import datetime as dt

from pantau.article import Article, EventActor, Place
from pantau.codebook import Codebook
from pantau.events.candidates import (
    ON_THE_GROUND,
    PRONOUNS,
    REFERENT_TYPES,
    STATEMENTS,
    ArticleState,
    Candidate,
    event_actor,
)
from pantau.events.casualties import Count
from pantau.events.clauses import Grammar, SentenceView
from pantau.events.dating import Dater, monday, period_end
from pantau.events.lexicon import TriggerLexicon
from pantau.events.location import Placer
from pantau.events.modality import ModalityReader
from pantau.events.patterns import Patterns
from pantau.events.roles import Participant, RoleFinder
from pantau.events.scene import Scenes
from pantau.events.text import PhraseSet, first_word

__all__ = ["Episodes"]


_POLICE_ACTS = frozenset({("COERCE", "arrest"), ("ASSAULT", "crowd-control")})
"""Acts told in the passive without their doer that, in Indonesia, the police do."""
_WISHES = frozenset(
    {"berharap", "harap", "agar", "supaya", "meminta", "mendesak", "menuntut", "ingin", "segera"}
)
"""Words before such an act that make it a wish, not an act (``berharap pelaku segera
ditangkap``)."""


class Episodes:
    """Article-level rules over the candidates of :class:`~pantau.events.EventExtractor`."""

    def __init__(
        self,
        *,
        codebook: Codebook,
        lexicon: TriggerLexicon,
        patterns: Patterns,
        grammar: Grammar,
        roles: RoleFinder,
        modality: ModalityReader,
        dater: Dater,
        placer: Placer,
        scenes: Scenes,
    ) -> None:
        a, g, m = patterns.actors, patterns.grammar, patterns.modality
        self.codebook = codebook
        self.lexicon = lexicon
        self.grammar = grammar
        self.roles = roles
        self.modality = modality
        self.dater = dater
        self.placer = placer
        self.scenes = scenes
        self.event_nouns: PhraseSet = g["event_nouns"]
        self.control: PhraseSet = a["control"]
        self.seized_from: PhraseSet = a["seized_from"]
        self.planned: PhraseSet = m["planned"]
        self.civilians = scenes.civilians
        self.courts = frozenset(p[0] for p in patterns.places["dateline_actor_types"].phrases)
        self._force_kind = codebook.kind_types("state_forces")
        self._armed = codebook.kind_types("nonstate_armed")
        self._trigger_nouns = {
            words[0]: entry.type
            for entry in lexicon
            for words, voice in entry.forms
            if voice == "nominal"
        }

    def inherit_agent(self, cand: Candidate, state: ArticleState) -> None:
        """A passive without agent (``18 orang diamankan``): the force acting before, a force
        named in a clause of the same moment (``saat polisi membubarkan …``), else the speaker's
        body."""
        roles = cand.roles
        if not roles.needs_agent or roles.sources:
            return
        recent = [
            p for p in state.candidates if cand.sentence - p.sentence <= 2 and not p.background
        ]
        for prev in reversed(recent):
            if prev.type == cand.type and prev.roles.sources:
                roles.sources = [Participant(p.actor, "inherited") for p in prev.roles.sources]
                return
        for prev in reversed(recent):
            parties = (
                prev.parties if prev.type == "COOPERATE" else [p.actor for p in prev.roles.sources]
            )
            if parties and all(a.type in self._force_kind for a in parties):
                roles.sources = [Participant(a, "inherited") for a in parties]
                return
        view = cand.view
        for i, _, m in view.mentions:
            if i > cand.match.j and m.actor.type in self._force_kind:
                clause = self.grammar.clause(view, i, i + 1)
                opener = view.tokens[clause.opener].low if clause.opener is not None else ""
                if clause.kind == "subordinate" and opener in ("saat", "ketika", "sewaktu"):
                    roles.sources = [Participant(event_actor(m), "named")]
                    return
        body = self.scenes.speaker_body(state.article, cand.view, cand.match.i)
        if body is not None and (cand.type != "ASSAULT" or body.type in self._force_kind):
            # who reports an attack did it only if it is a force ("UNRWA melaporkan … dihantam")
            roles.sources = [Participant(body, "speaker")]
            return
        if (cand.type, cand.mode) in _POLICE_ACTS and not any(
            t.low in _WISHES for t in cand.view.tokens[: cand.match.i]
        ):
            police = self.scenes.national_police(state.article, cand.place)
            if police is not None:
                roles.sources = [Participant(police, "inherited")]

    def civilians_named(self, view: SentenceView) -> list[Participant]:
        """A protest told without its protesters: the civilians the sentence names."""
        for _, _, m in view.mentions:
            if m.actor.type == "civilians":
                return [Participant(event_actor(m), "named")]
        return []

    def merge(self, state: ArticleState) -> None:
        kept: list[Candidate] = []
        for cand in state.candidates:
            host = (
                next(
                    (e for e in reversed(kept) if e.type == cand.type and self._restates(e, cand)),
                    None,
                )
                if kept
                else None
            )  # (the type first: _restates says no to any other type, and this loop is long)
            if host is None and cand.alluded:
                # "Iran mengutuk serangan Israel": the attack told before, named as an object
                host = self._named_back(kept, cand)
            if host is None:
                kept.append(cand)
            else:
                self._absorb(host, cand)
        for ana in state.anaphors:
            host = self._named_back(kept, ana)
            if host is not None:
                self._absorb(host, ana)
                if _frames(ana):
                    self._framed(kept, ana, host)
        state.candidates = kept

    def _framed(self, kept: list[Candidate], ana: Candidate, host: Candidate) -> None:
        """``Dalam pertemuan itu, Polda berjanji …``: what the sentence tells happened at the
        event it names first, there and then."""
        for cand in kept:
            if cand.sentence != ana.sentence or cand is host:
                continue
            if cand.place is None:
                cand.place = host.place
            if cand.date is None and host.date is not None:
                cand.date, cand.precision, cand.basis = host.date, host.precision, host.basis

    def _named_back(self, kept: list[Candidate], cand: Candidate) -> Candidate | None:
        """The event a named-back trigger (``serangan tersebut``) refers to: the latest of its
        type before it, in the main clause of its sentence rather than in a clause of time
        (``…, sehari setelah drone Houthi menghantam …``)."""
        earlier = [
            e
            for e in kept
            if e.type == cand.type
            and e.match.start < cand.match.start
            and e.sentence < cand.sentence + (0 if cand.alluded else 1)
        ]
        if cand.alluded and cand.date is not None:
            earlier = [e for e in earlier if e.date is None or e.date == cand.date]
        if not earlier:
            return None
        last = max(e.sentence for e in earlier)
        here = [e for e in earlier if e.sentence == last]
        return ([e for e in here if not e.subordinate] or here)[-1]

    def _restates(self, a: Candidate, b: Candidate) -> bool:
        """Is ``b`` (later) the event ``a`` told again?"""
        if (
            a.type != b.type
            or a.sentence == b.sentence
            or b.additive
            or b.sentence - a.sentence > 3
        ):
            return False
        if a.type in ("AGREE", "CONCEDE") and a.match.text.casefold() != b.match.text.casefold():
            return False  # "sepakat membentuk …", then "siap menjadi tuan rumah …": two promises
        unnamed = not any(p.named for p in b.roles.sources)
        modalities = {a.modality, b.modality}
        if a.modality != b.modality and not (unnamed and modalities == {"asserted", "reported"}):
            return False
        escalation = a.type == "PROTEST" and unnamed  # "Massa membakar ban …": the protest turned
        if b.entry.mode and a.modes and b.entry.mode not in a.modes and not escalation:
            return False
        if not unnamed:
            if (
                a.place is not None
                and b.place is not None
                and a.place.gazetteer_id != b.place.gazetteer_id
            ):
                return False
            if a.date is not None and b.date is not None and a.date != b.date:
                return False
        if unnamed:
            return True  # "Sebagian massa melempari aparat …": the same riot, told in detail
        names = {p.name for p in a.parties}
        named_b = [p for p in b.roles.sources + b.roles.targets if p.named]
        a_targets = {p.actor.name for p in a.roles.targets} - {
            p.actor.name for p in a.roles.sources
        }
        if any(p.actor.name in a_targets for p in b.roles.sources if p.named):
            return False  # the target answers: a new event
        return all(p.actor.name in names for p in named_b)

    def _absorb(self, host: Candidate, other: Candidate) -> None:
        if other.sentence != host.sentence and other.sentence not in host.supporting:
            host.supporting.append(other.sentence)
        if other.entry.type == host.entry.type:
            host.mode = host.mode or other.mode
            if host.type == "PROTEST" and other.mode == "riot":
                host.mode = "riot"  # a protest that turned violent is a riot
            host.modes |= other.modes
        if host.date is None and other.date is not None:
            host.date, host.precision, host.basis = other.date, other.precision, other.basis
        if not other.anaphoric:  # an event named back says where it is talked about, not where
            host.place = host.place or other.place

    def complete(self, state: ArticleState) -> None:
        events = state.candidates
        self._forward_dates(state)
        for k, cand in enumerate(events):
            earlier = events[:k]
            if cand.modality == "denied":
                self._denial(cand, earlier, state)
            if not cand.roles.targets or (
                cand.roles.referent and not any(t.named for t in cand.roles.targets)
            ):
                cand.roles.targets = (
                    self._implied_targets(cand, earlier, state) or cand.roles.targets
                )
            self._relations(cand, earlier, state)
            self._continuation(cand, earlier, state)
            cand.background = self._background(cand, state)
            self._place(cand, earlier, state)
        self._casualties(state)
        self._targets_by_control(state)
        self._supported(state)
        article = state.article
        for cand in events:
            if cand.date is None and self.dater.ongoing_before(cand.view, cand.match.i):
                dateline = (
                    article.dateline.date if article.dateline and article.dateline.date else None
                )
                day = dateline or state.published
                if day is not None:  # "mulai melarikan diri": under way in the week of the report
                    cand.date, cand.precision = monday(day), "week"
                    cand.basis = "dateline" if dateline else "published"

    def _denial(self, cand: Candidate, earlier: list[Candidate], state: ArticleState) -> None:
        """A denial of an event told before takes its parties, date and place."""
        same = next(
            (e for e in reversed(earlier) if e.type == cand.type and not e.background), None
        )
        if same is not None and cand.type not in STATEMENTS:
            if not cand.roles.sources or all(p.how == "speaker" for p in cand.roles.sources):
                cand.roles.sources = list(same.roles.sources)
                if not cand.roles.targets or all(p.how == "speaker" for p in cand.roles.targets):
                    cand.roles.targets = list(same.roles.targets)
            if not cand.roles.targets:
                own = {s.actor.name for s in cand.roles.sources}
                cand.roles.targets = [t for t in same.roles.targets if t.actor.name not in own]
            if cand.date is None and cand.time is None:
                cand.date, cand.precision, cand.basis = same.date, same.precision, same.basis
            cand.place = cand.place or same.place
        if not cand.roles.sources:  # "Polri membantah kabar penangkapan …": the denier's act
            body = self.scenes.speaker_body(state.article, cand.view, cand.match.i)
            if body is not None:
                cand.roles.sources = [Participant(body, "speaker")]

    def _implied_targets(
        self, cand: Candidate, earlier: list[Candidate], state: ArticleState
    ) -> list[Participant]:
        """Targets the clause leaves implicit: the doers of an event named back, the owner of
        seized goods, the protesters arrested at a protest."""
        roles = cand.roles
        noun = roles.referent
        referable = noun is not None and cand.type in REFERENT_TYPES and cand.mode != "investigate"
        if referable and ((noun,) in self.event_nouns.phrases or noun in self._trigger_nouns):
            return self._referred(cand, earlier, noun or "")
        view = cand.view
        if cand.roles.targets:
            return []
        if "territory" in cand.entry.contexts and cand.place is not None:
            for e in reversed(earlier):  # "merebut kota itu": from whoever was attacked there
                same = e.place is not None and e.place.gazetteer_id == cand.place.gazetteer_id
                if same and e.roles.targets:
                    return list(e.roles.targets)
        if cand.type == "THREATEN":
            condition = self._condition_subject(view, state)
            if condition:  # "Jika pemerintah tetap tidak merevisi …, kami akan …"
                return condition
        if cand.type == "COERCE" and cand.mode == "seize":
            found = self.seized_from.first(view.tokens)
            if found is not None:
                scene = self.scenes.scene(state, cand.type)
                owners = self.roles.phrases.np(
                    view,
                    found[1],
                    self.roles.phrases.np_end(view, found[1], len(view.tokens)),
                    scene,
                )
                if owners:
                    return owners
            for e in earlier:
                if e.sentence == cand.sentence and e.type == "COERCE" and e.roles.targets:
                    return list(e.roles.targets)
        if cand.type in ("COERCE", "ASSAULT") and state.protest_article:
            protest = next((e for e in earlier if e.type == "PROTEST" and e.roles.sources), None)
            if protest is not None and cand.mode in ("arrest", "restrict", "crowd-control", "beat"):
                return [Participant(p.actor, "inherited") for p in protest.roles.sources]
        if (
            cand.type == "COERCE"
            and cand.mode == "arrest"
            and any(t.low == "orang" for t in view.tokens)
        ):
            return [Participant(self.civilians, "civilians")]
        return []

    def _condition_subject(self, view: SentenceView, state: ArticleState) -> list[Participant]:
        """The subject of a sentence-initial condition: whom a conditional threat addresses."""
        tokens = view.tokens
        k = first_word(tokens)
        if k is None or not self.grammar.conditional.match_at(tokens, k):
            return []
        verb = self.grammar.first_verb(view, k + 1, len(tokens))
        scene = self.scenes.scene(state, "THREATEN")
        return self.roles.phrases.np(view, k + 1, verb, scene)

    def _referred(self, cand: Candidate, earlier: list[Candidate], noun: str) -> list[Participant]:
        """``mengecam operasi tersebut``: the doers of the event the object names back."""
        named_type = self._trigger_nouns.get(noun)
        own = {p.actor.name for p in cand.roles.sources}
        for strict in (True, False):
            for e in reversed(earlier):
                if strict and named_type is not None and e.type != named_type:
                    continue
                doers = [
                    Participant(p.actor, "inherited")
                    for p in e.roles.sources
                    if p.actor.name not in own
                ]
                if doers:
                    return doers
        return []

    def _relations(self, cand: Candidate, earlier: list[Candidate], state: ArticleState) -> None:
        time = cand.time
        if time is None or time.relation == "date" or cand.date is not None:
            return
        if time.relation == "day_after":
            main = self.main_date(cand, state)
            if main is not None:
                cand.date, cand.precision, cand.basis = main - dt.timedelta(days=1), "day", "body"
            return
        prev = next((e for e in reversed(earlier) if e.date is not None and not e.background), None)
        if prev is None or prev.date is None:
            return
        if time.relation == "day_before":
            cand.date, cand.precision, cand.basis = prev.date - dt.timedelta(days=1), "day", "body"
        else:
            cand.date, cand.precision, cand.basis = prev.date, prev.precision, prev.basis

    def main_date(self, cand: Candidate, state: ArticleState) -> dt.date | None:
        """The date of the sentence's main event (an event named back counts with its own)."""
        for ana in state.anaphors:
            if ana.sentence == cand.sentence and ana.match.i < cand.match.i:
                host = next(
                    (
                        e
                        for e in state.candidates
                        if e.type == ana.type and e.sentence < ana.sentence
                    ),
                    None,
                )
                if host is not None and host.date is not None:
                    return host.date
        for e in state.candidates:
            if (
                e.sentence == cand.sentence
                and e is not cand
                and not e.subordinate
                and not e.alluded
                and e.date
            ):
                return e.date
        return None

    def _continuation(self, cand: Candidate, earlier: list[Candidate], state: ArticleState) -> None:
        """Undated events that continue an earlier one take its date (and place)."""
        if cand.date is not None or not earlier or cand.type in ("AGREE", "CONCEDE"):
            return  # a promise is dated by what it promises, not by what came before
        view = cand.view
        tokens = view.tokens
        k = first_word(tokens)
        first = tokens[k] if k is not None else None
        if cand.type in STATEMENTS and first is not None and first.low in PRONOUNS:
            dated = [r for r in state.refs.get(cand.sentence - 1, []) if r.relation == "date"]
            if dated:  # "Ia juga menyerukan …": said on the occasion just told
                cand.date, cand.precision, cand.basis = dated[0].date, dated[0].precision, "body"
                return
        previous = [
            e
            for e in earlier
            if e.sentence < cand.sentence and e.main and e.modality in ("asserted", "reported")
        ]
        if not previous:
            return
        last = previous[-1].sentence
        for prev in previous:  # the first of the last sentence (a loop: no generator made)
            if prev.sentence == last:
                break
        langsung = "langsung" in tokens.lows[max(0, cand.match.i - 3) : cand.match.i]
        if self.dater.continues(view) or langsung:
            self._take_time(cand, prev)
            return
        if cand.type in ("ASSAULT", "COERCE"):
            protesters = {
                p.actor.name for e in earlier if e.type == "PROTEST" for p in e.roles.sources
            }
            if protesters and any(t.actor.name in protesters for t in cand.roles.targets):
                protest = next(e for e in earlier if e.type == "PROTEST")
                self._take_time(cand, protest)
                return
        names = {p.actor.name for p in cand.roles.sources}
        for e in reversed(previous):
            if cand.sentence - e.sentence > 2 or cand.additive:
                break
            if cand.type in STATEMENTS and e.type not in ON_THE_GROUND:
                continue
            if names and names == {p.actor.name for p in e.roles.sources} and e.date is not None:
                self._take_time(cand, e)  # the same actors, acting on
                return

    def _take_time(self, cand: Candidate, other: Candidate) -> None:
        cand.date, cand.precision, cand.basis = other.date, other.precision, other.basis
        cand.place = cand.place or other.place

    def _forward_dates(self, state: ArticleState) -> None:
        """A plan told without its date takes the date the next sentence gives it
        (``Operasi Lilin 2024 dijadwalkan berlangsung mulai 21 Desember 2024``)."""
        busy = {c.sentence for c in state.candidates} | {a.sentence for a in state.anaphors}
        for cand in state.candidates:
            if cand.date is not None or cand.modality != "planned":
                continue
            nxt = cand.sentence + 1
            view = state.views.get(nxt)
            if view is None or nxt in busy or not self.planned.contains(view.tokens):
                continue
            dated = [
                r for r in state.refs.get(nxt, []) if r.relation == "date" and r.date is not None
            ]
            if dated and (
                state.published is None or dated[0].date is None or dated[0].date >= state.published
            ):
                cand.date, cand.precision, cand.basis = dated[0].date, dated[0].precision, "body"

    def _place(self, cand: Candidate, earlier: list[Candidate], state: ArticleState) -> None:
        """The place of an event whose sentence names none: the seat of the body that acts, the
        place of the event it continues (within three sentences), the scene the previous
        sentence set, the dateline for a court's statement."""
        article = state.article
        if cand.place is not None:
            if cand.place.kind in ("province", "region", "country") and not cand.roles.symmetric:
                finer = self._finer_here(cand, state) or self._finer_before(cand, earlier)
                if finer is not None:  # "Sekretaris Daerah Provinsi Sulawesi Selatan": Makassar
                    cand.place = finer
            return
        if cand.seat is not None and cand.type not in ("AGREE", "CONCEDE"):
            # a promise or concession happens where the promised act does, not at the seat
            cand.place = cand.seat
            return
        statement = cand.type in STATEMENTS or cand.type == "CONSULT"
        if not statement and cand.modality in ("asserted", "reported", "denied"):
            prev = next(
                (
                    e
                    for e in reversed(earlier)
                    if e.place is not None
                    and e.main
                    and e.roles.sources
                    and cand.sentence - e.sentence <= 3
                ),
                None,
            )
            if prev is not None:
                cand.place = prev.place
                return
            spots = state.spots.get(cand.sentence - 1, [])
            scene = self.placer.last_locative(spots)
            placed = any(e.sentence == cand.sentence - 1 and e.place is not None for e in earlier)
            if scene is not None and not placed:
                cand.place = scene
                return
        if statement and any(m.actor.type in self.courts for _, _, m in cand.view.mentions):
            cand.place = self._dateline_place(article)

    def _finer_here(self, cand: Candidate, state: ArticleState) -> Place | None:
        """``Di Sulawesi Selatan, Polda … membantu evakuasi korban banjir di Kabupaten Luwu``:
        a place of the sentence after the trigger, inside the region the event was placed in."""
        coarse = cand.place
        assert coarse is not None
        for spot in state.spots.get(cand.sentence, []):
            place = spot.place
            if spot.i < cand.match.j or spot.seat or spot.origin or not spot.locative:
                continue
            if (
                place.country == coarse.country
                and place.precision < coarse.precision
                and coarse.kind != "country"
                and coarse.name in (place.admin1, place.admin2)
            ):
                return place
        return None

    def _finer_before(self, cand: Candidate, earlier: list[Candidate]) -> Place | None:
        coarse = cand.place
        assert coarse is not None
        for e in reversed(earlier):
            place = e.place
            if place is None or not e.main or cand.sentence - e.sentence > 3:
                continue
            if place.country != coarse.country or place.precision >= coarse.precision:
                continue
            if coarse.kind == "country" or coarse.name in (place.admin1, place.admin2):
                return place
        return None

    def _dateline_place(self, article: Article) -> Place | None:
        dateline = article.dateline
        if dateline is None or not dateline.place_normalized:
            return None
        name = dateline.place_normalized.casefold()
        for place in article.places:
            if place.name.casefold() == name or place.text.casefold() == name:
                return place
        return None

    def _casualties(self, state: ArticleState) -> None:
        events = state.candidates
        for index in sorted(state.counts):
            for count in state.counts[index]:
                target = self._casualty_event(events, index, count, state)
                if target is None:
                    continue
                if count.kind == "killed" and target.fatalities is None:
                    target.fatalities = count.number
                elif count.kind == "injured" and target.injured is None:
                    target.injured = count.number

    def _casualty_event(
        self, events: list[Candidate], index: int, count: Count, state: ArticleState
    ) -> Candidate | None:
        violent = [
            e for e in events if e.type == "ASSAULT" or (e.type == "PROTEST" and e.mode == "riot")
        ]
        here = [e for e in violent if e.sentence == index or index in e.supporting]
        here = [e for e in here if e.sentence == index] or here
        if here:
            return min(
                here, key=lambda e: abs(e.match.i - count.i) if e.sentence == index else 10**6
            )
        victims = self._victims(state, index, count)
        for e in reversed(violent):
            if e.sentence > index or index - e.sentence > 3:
                continue
            if (
                victims
                and not e.roles.symmetric
                and victims & {p.actor.name for p in e.roles.sources}
            ):
                continue
            return e
        return None

    def _victims(self, state: ArticleState, index: int, count: Count) -> set[str]:
        view = state.views.get(index)
        if view is None or count.victims is None:
            return set()
        lo, hi = count.victims
        return {m.actor.name for i, _, m in view.mentions if lo <= i < max(hi, lo + 1)}

    def _targets_by_control(self, state: ArticleState) -> None:
        """An attack on a place held by an armed actor (``Raqqa yang menjadi ibukota de facto
        ISIS``) targets that actor when the sentence names no target."""
        held: dict[str, EventActor] = {}
        for view in state.views.values():
            for _, j, place in view.places:
                hit = self.control.first(view.tokens, j, min(len(view.tokens), j + 14))
                if hit is None:
                    continue
                for mi, _, m in view.mentions:
                    if hit[1] <= mi <= hit[1] + 2 and m.actor.type in self._armed:
                        held.setdefault(place.gazetteer_id, event_actor(m))
        if not held:
            return
        for cand in state.candidates:
            if (
                cand.type != "ASSAULT"
                or cand.roles.targets
                or cand.place is None
                or cand.roles.symmetric
            ):
                continue
            holder = held.get(cand.place.gazetteer_id)
            if holder is not None and holder.name not in {p.actor.name for p in cand.roles.sources}:
                cand.roles.targets = [Participant(holder, "inherited")]

    def _supported(self, state: ArticleState) -> None:
        """A strike in a backer's relative clause hits the other side of the fight it backs."""
        for cand in state.candidates:
            if not cand.roles.supported or cand.roles.targets:
                continue  # (most candidates: no set built)
            supported = {p.actor.name for p in cand.roles.supported}
            for other in state.candidates:
                if other is cand or other.sentence != cand.sentence or other.type != "ASSAULT":
                    continue
                names = {p.actor.name for p in other.roles.sources}
                if names & supported:
                    cand.roles.targets = [
                        p for p in other.roles.sources if p.actor.name not in supported
                    ]
                    break

    def old(self, cand: Candidate, state: ArticleState, *, main: dt.date | None) -> bool:
        if cand.date is None or cand.precision is None or state.published is None:
            return False
        end = period_end(cand.date, cand.precision)  # type: ignore[arg-type]
        position = "alluded" if cand.alluded else "subordinate" if cand.subordinate else "main"
        return self.modality.old(end, state.published, position=position, main=main)

    def _background(self, cand: Candidate, state: ArticleState) -> bool:
        if cand.background_cue:
            return True
        main = self.main_date(cand, state) if (cand.alluded or cand.subordinate) else None
        return self.old(cand, state, main=main)


def _frames(ana: Candidate) -> bool:
    """The named-back event opens its sentence as a frame: ``Dalam pertemuan itu, …``."""
    tokens, i = ana.view.tokens, ana.match.i
    return 0 < i <= 2 and tokens[i - 1].low in ("dalam", "pada", "di")
