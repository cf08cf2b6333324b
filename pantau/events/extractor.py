"""Events of an article: triggers found sentence by sentence, then merged and completed.

For each sentence of ``article.sentences`` (boilerplate is already out of the text; a
fragment that looks like a headline is skipped):

1. triggers of the lexicon, with their conditions (``context``, ``near``, ``unless`` …);
2. what is not an event: a trigger inside a purpose clause (``untuk mengamankan``), a passive
   participle (``yang disandera``), the content of a demand, threat or accusation
   (``mengancam akan menembak``), the topic of a protest (``berunjuk rasa …, menolak``), a weak
   trigger next to a stronger one, a trend (``serangan … meningkat``), an event named back
   (``serangan tersebut``: it only completes the event it names);
3. roles (:mod:`pantau.events.roles`), then the reading of the trigger whose source kind fits
   (``membakar`` by a crowd is a riot), mode (instruments, cue words, the source's kind),
   modality, written date and place, claim source;
4. triggers of one type in one sentence are one event unless their modes, places or parties
   differ (``menyandera … setelah membakar``: two).

Then for the article (:meth:`Episodes.merge`, :meth:`Episodes.complete`): an
event stated again later (named back, or with no new party) is merged into the first
statement, its sentence kept as support; a passive without agent takes the force acting
before it (or the speaker's body); a denial takes the parties, date and place of the event it
denies; an undated event takes the date and place of the event it continues (``Dalam operasi
itu, …``, the same actors, the arrests at a protest); casualty counts go to the violent event
they are about; background, ACLED type and confidence are set last. An event with no source
at all is dropped: every record names who acted.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from pantau.actors import ActorDictionary
from pantau.article import Article, Event, Place, Quote
from pantau.codebook import Codebook
from pantau.events.candidates import (
    STATEMENTS,
    ArticleState,
    Candidate,
    Live,
    SentenceLayer,
    event_actor,
    union,
)
from pantau.events.casualties import Casualties
from pantau.events.claims import Claims
from pantau.events.clauses import Clause, Grammar, SentenceView
from pantau.events.dating import Dater, published_day
from pantau.events.episodes import Episodes
from pantau.events.lexicon import TriggerEntry, TriggerLexicon, TriggerMatch
from pantau.events.location import Placer, Spot
from pantau.events.modality import ModalityReader
from pantau.events.morphology import Voice
from pantau.events.patterns import Patterns
from pantau.events.records import Records
from pantau.events.roles import Participant, RoleFinder, Roles, Scene
from pantau.events.scene import Scenes
from pantau.events.text import PhraseSet, first_word

__all__ = ["EventExtractor"]

_INSTRUMENT_ORDER = (
    "crowd-control", "suicide-attack", "aerial", "drone", "heavy-weapons", "grenade", "explosives",
    "firearms", "primitive",
)  # fmt: skip
_MODE_RANK = {"riot": 2}
_INVOLVED = frozenset({"yang", "diduga", "dituduh", "disebut"})
_PARTY_NOUNS = frozenset({"pelaku", "tersangka", "terdakwa", "terpidana", "korban"})
_THREAT_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE", "SANCTION"})
"""Acts announced under a condition (``akan mogok jika …``) are threats (gold conventions)."""


class EventExtractor:
    """Typed events of an article; build once (it loads the lexicon, patterns and codebook).

    ``extract(article)`` needs the article's sentences, dates, actors, places, quotes and
    provenance (the reader and the entity, actor, place and quote components).
    """

    def __init__(
        self,
        *,
        codebook: Codebook | None = None,
        lexicon: TriggerLexicon | None = None,
        patterns: Patterns | None = None,
        dictionary: ActorDictionary | None = None,
    ) -> None:
        self.codebook = codebook or Codebook()
        self.lexicon = lexicon or TriggerLexicon(codebook_types=self.codebook.types)
        self.patterns = patterns or Patterns()
        self.dictionary = dictionary or ActorDictionary()
        self.grammar = Grammar(self.patterns, self.lexicon.verb_forms)
        self.roles = RoleFinder(self.patterns, self.grammar, self.dictionary, self.lexicon)
        self.modality = ModalityReader(self.patterns, self.grammar)
        self.dater = Dater(self.patterns, self.grammar)
        self.placer = Placer(self.patterns, self.grammar)
        self.casualties = Casualties(self.patterns, self.grammar)
        self.claims = Claims(self.patterns, self.grammar)
        self.scenes = Scenes(self.patterns, self.grammar, self.dictionary, self.codebook)
        self.episodes = Episodes(
            codebook=self.codebook,
            lexicon=self.lexicon,
            patterns=self.patterns,
            grammar=self.grammar,
            roles=self.roles,
            modality=self.modality,
            dater=self.dater,
            placer=self.placer,
            scenes=self.scenes,
        )
        self.records = Records(self.codebook)
        self.version = f"{self.lexicon.version}/{self.patterns.version}"
        """Versions of the trigger lexicon and the patterns (the codebook's is on each event)."""
        g, m = self.patterns.grammar, self.patterns.modality
        self.demonstratives: PhraseSet = g["demonstratives"]
        self.additive: PhraseSet = g["additive"]
        self.trend_verbs: PhraseSet = g["trend_verbs"]
        self.habitual: PhraseSet = g["habitual"]
        self.opinion_verbs: PhraseSet = g["opinion_verbs"]
        self.series: PhraseSet = g["series"]
        self.recent_period: PhraseSet = g["recent_period"]
        self.concessive: PhraseSet = g["concessive"]
        self.clause_openers = PhraseSet(
            " ".join(p)
            for key in ("subordinators", "conditional", "purpose")
            for p in g[key].phrases
        )
        self.deny_verbs: PhraseSet = m["deny_verbs"]
        self.instruments = [
            (mode, self.patterns.instruments[mode])
            for mode in _INSTRUMENT_ORDER
            if mode in self.patterns.instruments
        ]
        self.future_types: dict[str, str] = dict(m["future_types"])
        self.protest_forms = PhraseSet(
            " ".join(words)
            for entry in self.lexicon
            for words, _ in entry.forms
            if entry.type == "PROTEST" and not entry.source_kind
        )
        self.protesters_id: str = self.patterns.actors["protesters_id"]
        self.political_crowd: PhraseSet = self.patterns.actors["political_crowd"]
        self._force_kind = self.codebook.kind_types("state_forces")
        self._belligerent = self.codebook.kind_types("belligerent")
        self._state_bodies = self.codebook.kind_types("state") - {"country", "head_of_state"}
        self._mobilize_kinds = {
            kind: self.codebook.kind_types(kind) for kind in self.patterns.mobilize_modes
        }

    def extract(self, article: Article) -> tuple[Event, ...]:
        """The events of ``article``, in text order."""
        published = published_day(article)
        views: dict[int, SentenceView] = {}
        state = ArticleState(
            article,
            published,
            views,
            refs=SentenceLayer(partial(self.dater.refs, published=published), views),
            spots=SentenceLayer(self.placer.spots, views),
        )
        state.government = self.scenes.government(article)
        state.organisations = tuple(e for e in article.entities if e.label == "ORG")
        for view in self.grammar.views(article):
            if _headline_like(article.text[view.start : view.end]):
                continue
            state.views[view.index] = view
            state.protest_article = state.protest_article or (
                not self.protest_forms.firsts.isdisjoint(view.tokens.low_set)
                and self.protest_forms.contains(view.tokens)
            )
        state.initials = self.scenes.initials(state)
        # A scene reads the state when asked, so one per trigger type serves every sentence;
        # kept here, not in ``state`` (see :meth:`Scenes.scene`).
        scenes: dict[str, Scene] = {}
        for view in state.views.values():
            self._sentence(view, state, scenes)
        if any(c.type in ("ASSAULT", "PROTEST") for c in state.candidates):
            # casualty counts only ever go to a violent event
            state.counts = {i: self.casualties.counts(v) for i, v in state.views.items()}
        self.episodes.merge(state)
        self.episodes.complete(state)
        return self.records.events(state)

    def _sentence(self, view: SentenceView, state: ArticleState, scenes: dict[str, Scene]) -> None:
        article = state.article
        tokens = view.tokens
        found = self.lexicon.find(tokens)
        if not found:
            return  # most sentences
        # (plain loops below, not comprehensions: a sentence has one or two triggers, and
        # each comprehension is a call)
        live: Live = []
        for m in found:
            rs = []
            for r in m.readings:
                if self._conditions(view, m, r[0]):
                    rs.append(r)
            if rs:
                live.append((m, rs))
        if not live:
            return
        refs = state.refs.of(view)
        spots = state.spots.of(view)
        attribution = self.grammar.attribution_start(view)
        protest_here = False
        for _, rs in live:
            for r in rs:
                protest_here = protest_here or r[0].type == "PROTEST"
        scopes = self._absorption(view, live, protest_here)
        named: set[int] = set()
        for m, _ in live:
            if self._alluded(view, m, live):
                named.add(id(m))
        anaphoric: set[int] = set()
        for m, _ in live:
            if self._anaphoric(view, m, live, id(m) in named):
                anaphoric.add(id(m))
        strong: list[TriggerMatch] = []
        alluded: list[tuple[int, int]] = []
        for m, rs in live:
            if not rs[0][0].weak and id(m) not in anaphoric:
                strong.append(m)
            if id(m) in named:
                alluded.append((m.i, self.grammar.clause(view, m.i, m.j).end))
        quotes = self._quotes(article, view)
        side_clauses: list[tuple[int, int]] = []
        for m, _ in live:
            c = self.grammar.clause(view, m.i, m.j)
            if c.kind == "subordinate" and c.opener is not None:
                side_clauses.append((c.opener, c.end))
        events: list[Candidate] = []
        for m, readings in live:
            entry, voice = readings[0]
            if entry.weak and any(other is not m for other in strong):
                continue
            if self._suppressed(view, m, entry, voice, scopes, protest_here):
                continue
            clause = self.grammar.clause(view, m.i, m.j)
            framed = m.i > 0 and tokens[m.i - 1].low == "dalam"
            if clause.kind == "purpose" and not entry.purpose_ok and not framed:
                continue
            if voice == "nominal" and (
                self._trend(view, m, clause) or self._tally(view, m, clause, found)
            ):
                continue
            scene = scenes.get(entry.type)
            if scene is None:
                scene = scenes[entry.type] = self.scenes.scene(state, entry.type)
            roles = self.roles.find(view, m, entry, voice, scene)
            protest = state.protest_article or self.political_crowd.contains(tokens)
            chosen = self._reading(readings, roles, protest=protest)
            if chosen is None:
                continue
            entry, voice = chosen
            if entry.type != "PROTEST":
                for other, _ in readings:
                    if other.source_kind == "crowd":
                        roles.sources = [self._mob(p) for p in roles.sources]
                        break
            reading = self.modality.read(view, m, clause, entry.type)
            cand = Candidate(view, m, entry, voice, entry.type, entry.mode, roles, reading, clause)
            if reading.future and entry.type in self.future_types and reading.modality != "denied":
                cand.type = self.future_types[entry.type]
                cand.modality = "asserted"
                if entry.mutual:  # a promise of cooperation: every party commits
                    roles.sources, roles.targets = union(roles.sources, roles.targets), []
            else:
                cand.modality = reading.modality
            if (
                cand.modality == "planned"
                and cand.type in _THREAT_TYPES
                and self.modality.conditional.contains(tokens, 0, len(tokens))
                and not self.opinion_verbs.contains(tokens, 0, m.i)
            ):  # "tetap akan turun ke jalan apabila janji itu tidak ditepati": a threat
                cand.type, cand.modality = "THREATEN", "threatened"
            if entry.type == "MOBILIZE":
                forces = [
                    t
                    for t in roles.targets
                    if t.actor.type in self._force_kind and (t.named or not roles.sources)
                ]  # but "pihaknya menyiagakan satu peleton pasukan": its own troops
                if forces:  # "menyiagakan 200 personel gabungan TNI-Polri": the forces move
                    roles.sources = forces
                roles.targets = [t for t in roles.targets if t not in forces and t.how != "force"]
            cand.anaphoric = id(m) in anaphoric
            cand.subordinate = clause.kind == "subordinate"
            cand.alluded = (bool(alluded) and any(lo == m.i for lo, _ in alluded)) or (
                self._conceded(view, m)
            )
            cand.additive = self._additive(view, m)
            others = [(o.i, o.j) for o, _ in live if o is not m] if len(live) > 1 else []
            cand.mode = self._mode(view, cand, clause, others)
            if entry.mode:
                cand.modes.add(entry.mode)
            cand.background_cue = self.modality.background_cue(view, m, clause)
            statement = cand.type in STATEMENTS
            commitment = cand.type in ("AGREE", "CONCEDE")
            excluded = (
                [(lo, hi) for lo, hi in alluded if lo > m.i]
                + [(lo, hi) for lo, hi in side_clauses if not lo <= m.i < hi]
                if (statement or cand.type == "CONSULT") and not commitment
                else []
            )
            usable_refs = (
                [r for r in refs if not any(lo <= r.i < hi for lo, hi in excluded)]
                if excluded
                else list(refs)  # (most events exclude nothing: no test per date then)
            )
            cand.time = self.dater.own(
                view, clause, m.i, usable_refs, statement=statement, attribution=attribution
            )
            if cand.time is not None and cand.time.relation == "date":
                cand.date, cand.precision, cand.basis = cand.time.date, cand.time.precision, "body"
            if entry.absorbs and cand.type in ("REQUEST", "REJECT", "ACCUSE"):
                excluded.append((m.j, attribution))
            usable = self.placer.usable(spots, cand.type, cand.mode, excluded)
            spot = self.placer.own(
                clause, m.i, m.j, usable, cand.type, cand.mode, attribution=attribution
            )
            cand.place = (
                spot.place if spot is not None else self.placer.named_back(view, clause, article)
            )
            if cand.place is None and (commitment or not statement) and not cand.anaphoric:
                near = self.placer.nearest(m.i, usable, attribution)
                cand.place = near.place if near is not None else None
            cand.seat = self._seat(view, spots, roles)
            cand.claim = self.claims.find(
                article,
                view,
                m,
                clause,
                roles,
                reading,
                cand.type,
                quotes,
                article.entities,
                act=entry.act,
            )
            cand.background = cand.background_cue or self.episodes.old(cand, state, main=None)
            if cand.anaphoric:
                state.anaphors.append(cand)
                continue
            events.append(cand)
        merged = self._merge_sentence(events)
        for cand in merged:
            if cand.entry.cause_source:
                cause = next((e for e in merged if e.type == "ASSAULT" and e.roles.sources), None)
                cand.roles.targets = cand.roles.sources
                cand.roles.sources = list(cause.roles.sources) if cause is not None else []
            self.episodes.inherit_agent(cand, state)
            if cand.type == "PROTEST" and not cand.roles.sources:
                cand.roles.sources = self.episodes.civilians_named(view)
            if cand.roles.symmetric and not cand.roles.sources:
                cand.roles.sources = self._sides(view)
            self._sequence_date(cand, merged)
            state.candidates.append(cand)

    def _conditions(self, view: SentenceView, m: TriggerMatch, entry: TriggerEntry) -> bool:
        tokens = view.tokens
        # ``.phrases``: whether a condition is set, without a call to PhraseSet.__bool__
        # (this runs for every reading of every trigger)
        if entry.context.phrases and not entry.context.contains(tokens):
            return False
        if entry.unless.phrases and entry.unless.contains(tokens):
            return False
        if entry.near.phrases:
            lo, hi = max(0, m.i - 4), min(len(tokens), m.j + 4)
            if not (entry.near.contains(tokens, lo, m.i) or entry.near.contains(tokens, m.j, hi)):
                return False
        return not (
            entry.unless_next.phrases
            and entry.unless_next.contains(tokens, m.j, min(len(tokens), m.j + 2))
        )

    def _absorption(
        self, view: SentenceView, live: Live, protest_here: bool
    ) -> list[tuple[int, int, frozenset[str]]]:
        """Token ranges whose triggers are another event's content, and the types absorbed."""
        scopes: list[tuple[int, int, frozenset[str]]] = []
        for k, (m, readings) in enumerate(live):
            entry = readings[0][0]
            if not entry.absorbs or entry.type == "PROTEST":
                continue
            if protest_here and entry.type in ("REJECT", "REQUEST"):
                continue  # the topic of a protest absorbs nothing
            if self.deny_verbs.ends_at(view.tokens, m.i, max(0, m.i - 3)) is not None:
                continue  # "membantah tudingan bahwa …": the denied act is told, not alleged
            end = len(view.tokens)
            if self._participle(view, m, readings[0][1]):
                end = self._complement_end(view, m.j)  # "pria yang dituduh mencuri …"
            for later, later_readings in live[k + 1 :]:
                statement = later_readings[0][0].type in STATEMENTS
                if (
                    statement
                    and later.i > 0
                    and view.tokens[later.i - 1].low in ("dan", "serta", ",")
                ):
                    end = later.i
                    break
            scopes.append((m.j, end, entry.absorbs))
        return scopes

    def _suppressed(
        self,
        view: SentenceView,
        m: TriggerMatch,
        entry: TriggerEntry,
        voice: Voice,
        scopes: list[tuple[int, int, frozenset[str]]],
        protest_here: bool,
    ) -> bool:
        tokens = view.tokens
        if self._participle(view, m, voice):
            return True  # "pilot … yang disandera": a state, told as a participle
        if self.habitual.ends_at(tokens, m.i, max(0, m.i - 2)) is not None:
            return True  # "kerap disiksa": a practice, not an event
        if scopes and any(lo <= m.i < hi and entry.type in types for lo, hi, types in scopes):
            return True
        if (
            entry.type == "ACCUSE"
            and self.deny_verbs.ends_at(tokens, m.i, max(0, m.i - 3)) is not None
        ):
            return True  # "membantah tudingan …": the denied accusation is no event of its own
        return protest_here and entry.type in ("REJECT", "REQUEST")

    def _mob(self, p: Participant) -> Participant:
        """A crowd that assaults outside a protest is a mob of civilians, not protesters."""
        if p.actor.actor_id != self.protesters_id:
            return p
        civilians = self.roles.phrases.civilians
        actor = replace(
            p.actor,
            name=civilians.name,
            actor_id=civilians.actor_id,
            type=civilians.type,
            country=civilians.country,
        )
        return Participant(actor, p.how)

    def _tally(
        self, view: SentenceView, m: TriggerMatch, clause: Clause, found: list[TriggerMatch]
    ) -> bool:
        """``rentetan serangan … dalam sebulan terakhir``: many events counted, not one; and
        ``menghantam pertemuan komandan``: a meeting that is attacked is the target."""
        tokens = view.tokens
        if m.i > 0 and self.series.match_at(tokens, m.i - 1):
            return self.recent_period.contains(tokens, m.j, clause.end)
        entry = m.readings[0][0]
        return entry.type == "CONSULT" and any(
            o.j <= m.i <= o.j + 2
            and any(e.type == "ASSAULT" and voice != "nominal" for e, voice in o.readings)
            for o in found
        )

    def _participle(self, view: SentenceView, m: TriggerMatch, voice: Voice) -> bool:
        """``yang disandera``: a passive trigger told as a participle."""
        if voice != "passive" or m.i == 0:
            return False
        tokens = view.tokens
        k = m.i - 1
        while k > 0 and tokens[k].low in ("telah", "sudah", "pernah", "sedang", "masih"):
            k -= 1
        return tokens[k].low == "yang"

    def _conceded(self, view: SentenceView, m: TriggerMatch) -> bool:
        """``… meski pasukannya mundur``: a concessive clause grants what is known; its
        event is the one told before, when there is one."""
        return self.concessive.contains(view.tokens, max(0, m.i - 4), m.i)

    def _complement_end(self, view: SentenceView, start: int) -> int:
        """End of the verb phrase that completes a participle (``yang dituduh mencuri kotak
        amal``): the next verb after the first one, else the sentence's end."""
        verbs = [k for k in range(start, len(view.tokens)) if view.verbs[k]]
        return verbs[1] if len(verbs) > 1 else len(view.tokens)

    def _trend(self, view: SentenceView, m: TriggerMatch, clause: Clause) -> bool:
        """``Serangan … meningkat sejak awal tahun``: a statistic, not an event."""
        verb = self.grammar.first_verb(view, m.j, clause.end)
        return verb < clause.end and bool(self.trend_verbs.match_at(view.tokens, verb))

    def _anaphoric(self, view: SentenceView, m: TriggerMatch, live: Live, alluded: bool) -> bool:
        """The trigger names an event told before (``serangan tersebut``, ``Ini merupakan …``);
        ``alluded``: what :meth:`_alluded` says of it."""
        tokens = view.tokens
        nominal = m.readings[0][1] == "nominal"
        k, steps = m.j, 0
        while nominal and k < len(tokens) and steps < 3 and tokens[k].is_word:
            if self.demonstratives.match_at(tokens, k):
                return True
            if (
                self.grammar.is_preposition(tokens[k])
                or view.verbs[k]
                or tokens[k].low == "yang"
                or self.clause_openers.match_at(tokens, k)
            ):
                break  # "turun ke jalan apabila janji tersebut …": another clause's noun
            k += 1
            steps += 1
        first = first_word(tokens) or 0  # (0 when the sentence has no word)
        if tokens[first].low in ("ini", "hal") and live and live[0][0] is m and m.i <= first + 3:
            return True
        if nominal and alluded:
            k = m.j
            while k < len(tokens) and tokens[k].is_word and k < m.j + 8:
                if self.demonstratives.match_at(tokens, k):
                    return True
                if view.verbs[k] or tokens[k].low == "yang":
                    break
                k += 1
        return False

    def _alluded(self, view: SentenceView, m: TriggerMatch, live: Live) -> bool:
        """A nominal trigger that is the object of another trigger of its clause (``mengecam
        serangan Israel``, ``membahas eskalasi setelah serangan Iran``)."""
        if m.readings[0][1] != "nominal":
            return False
        tokens = view.tokens
        if m.i >= 2 and tokens[m.i - 1].low == "terlibat" and tokens[m.i - 2].low in _INVOLVED:
            return True  # "warga yang terlibat pengeroyokan": the beating, named as a charge
        if m.i >= 1 and tokens[m.i - 1].low in _PARTY_NOUNS:
            return True  # "pelaku tawuran", "korban penembakan": the event names a person
        clause = self.grammar.clause(view, m.i, m.j)
        lo = (
            clause.opener
            if clause.kind == "subordinate" and clause.opener is not None
            else clause.start
        )
        for other, readings in live:
            if other is m:
                continue
            if readings[0][0].type in STATEMENTS | {"CONSULT"}:
                other_clause = self.grammar.clause(view, other.i, other.j)
                if (lo <= other.i and other.j <= m.i) or (
                    other_clause.start <= other.i < m.i and other_clause.end >= m.i
                ):
                    return True
        return False

    def _additive(self, view: SentenceView, m: TriggerMatch) -> bool:
        tokens = view.tokens
        lows, firsts = tokens.lows, self.additive.firsts
        for k in range(max(0, m.i - 3), m.i):
            if lows[k] in firsts and self.additive.match_at(tokens, k):
                return True
        first = first_word(tokens) or 0  # (0 when the sentence has no word)
        return self.additive.match_at(tokens, first) > 1

    def _reading(
        self, readings: list[tuple[TriggerEntry, Voice]], roles: Roles, *, protest: bool
    ) -> tuple[TriggerEntry, Voice] | None:
        """The first reading whose source kind fits; a crowd's act is a riot only in an
        article about a protest or by a political crowd (a mob that burns a thief's motorbike
        assaults)."""
        for entry, voice in readings:
            kind = entry.source_kind
            if kind is None:
                return entry, voice
            sources = roles.sources
            if not sources:
                continue
            if kind == "crowd":
                if not protest:
                    continue
                if all(p.how == "crowd" or p.actor.actor_id == self.protesters_id for p in sources):
                    return entry, voice
                continue
            if kind == "civilian" and all(p.how in ("crowd", "civilians") for p in sources):
                return entry, voice
            allowed = self.codebook.kind_types(kind)
            if all(p.actor.type in allowed for p in sources):
                return entry, voice
        return None

    def _mode(
        self, view: SentenceView, cand: Candidate, clause: Clause, others: list[tuple[int, int]]
    ) -> str | None:
        """The mode: the trigger's own, else (or, for a refinable one, first) the instrument
        words of its clause that are not another event's trigger, cue words, the source's kind."""
        entry, tokens = cand.entry, view.tokens
        mode = cand.mode
        if cand.type != entry.type:
            return None
        lo, hi = clause.start, clause.end
        if cand.type == "ASSAULT" and (mode is None or entry.refine):
            present = tokens.low_set
            for name, words in self.instruments:
                if words.firsts.isdisjoint(present):
                    continue  # no instrument of this kind in the sentence
                spans = words.find(tokens, lo, hi) + words.find(tokens, cand.match.i, cand.match.j)
                if any(not any(a <= s < b for a, b in others) for s, _ in spans):
                    return name if name in self.codebook.modes(cand.type) else mode
            return mode
        if mode is None:
            for cue in self.patterns.mode_cues:
                if cue.type == cand.type and cue.words.contains(tokens, lo, len(tokens)):
                    return cue.mode
            if cand.type == "MOBILIZE" and cand.roles.sources:
                for kind, name in self.patterns.mobilize_modes.items():
                    if all(p.actor.type in self._mobilize_kinds[kind] for p in cand.roles.sources):
                        return name
                return "troops"
        return mode

    def _merge_sentence(self, events: list[Candidate]) -> list[Candidate]:
        """Triggers of one type in one sentence are one event unless they differ."""
        out: list[Candidate] = []
        for cand in events:
            host = next((e for e in out if self._same_in_sentence(e, cand)), None) if out else None
            if host is None:
                out.append(cand)
                continue
            frame = cand.match.i > 0 and cand.view.tokens[cand.match.i - 1].low == "dalam"
            if cand.roles.symmetric and (host.roles.symmetric or frame):
                host.roles.symmetric = True
                host.roles.sources = union(host.roles.sources, cand.roles.sources)
                named = [t for t in host.roles.targets if t.named and t.actor.type != "civilians"]
                host.roles.sources = union(host.roles.sources, named)
                host.roles.targets = []
            elif not host.roles.sources or _completes(host, cand):
                hit = {t.actor.name for t in host.roles.targets}  # never a target as an author
                more = [p for p in cand.roles.sources if p.actor.name not in hit]
                host.roles.sources = union(host.roles.sources, more)
            if not host.roles.targets and not host.roles.symmetric:
                own = {s.actor.name for s in host.roles.sources}
                host.roles.targets = [t for t in cand.roles.targets if t.actor.name not in own]
            if _MODE_RANK.get(cand.mode or "", 0) > _MODE_RANK.get(host.mode or "", 0):
                host.mode = cand.mode
            host.mode = host.mode or cand.mode
            host.modes |= cand.modes
            if host.date is None:
                host.date, host.precision, host.basis = cand.date, cand.precision, cand.basis
            host.time = host.time or cand.time
            host.place = host.place or cand.place
        return out

    def _same_in_sentence(self, a: Candidate, b: Candidate) -> bool:
        if a.type != b.type or a.modality != b.modality:
            return False
        if a.entry.mode and b.entry.mode and a.entry.mode != b.entry.mode and a.type != "PROTEST":
            return False
        if (
            a.place is not None
            and b.place is not None
            and a.place.gazetteer_id != b.place.gazetteer_id
        ):
            return False
        tokens = b.view.tokens
        if b.match.i > a.match.i and b.match.i > 0 and tokens[b.match.i - 1].low == "yang":
            return True  # "serangan Israel … yang menewaskan tujuh pekerja": the same attack
        names = {p.name for p in a.parties}
        named_b = [p for p in b.roles.sources if p.named]
        if named_b and not all(p.actor.name in names for p in named_b):
            if _completes(a, b):
                return True
            return bool(
                a.roles.symmetric and b.roles.symmetric and {p.actor.name for p in named_b} & names
            )
        return True

    def _sequence_date(self, cand: Candidate, merged: list[Candidate]) -> None:
        """``TPNPB menyandera … setelah membakar … pada 7 Februari 2023``: one actor's sequence
        told in one sentence shares its date."""
        if cand.date is not None or cand.subordinate or cand.entry.cause_source:
            return
        names = {p.actor.name for p in cand.roles.sources}
        for other in merged:
            if (
                other.subordinate
                and other.date is not None
                and other.precision == "day"
                and names
                and names == {p.actor.name for p in other.roles.sources}
            ):
                cand.date, cand.precision, cand.basis = other.date, other.precision, other.basis
                return

    def _sides(self, view: SentenceView) -> list[Participant]:
        """A two-sided event told without its sides (``… setelah gencatan senjata mulai
        berlaku``): the states and armed groups the sentence names."""
        sides: list[Participant] = []
        for _, _, m in view.mentions:
            if m.actor.type in self._belligerent and m.role not in ("pendukung",):
                sides = union(sides, [Participant(event_actor(m), "named")])
        return sides if len(sides) >= 2 else []

    def _seat(self, view: SentenceView, spots: list[Spot], roles: Roles) -> Place | None:
        """The seat of a state body named with its region (``Bawaslu Tapanuli Selatan``,
        ``Pengadilan Negeri Jakarta Timur``): where it acts."""
        sources: set[str] | None = None  # (read only when a seat is there: rarely)
        for spot in spots:
            if not spot.seat:
                continue
            if sources is None:
                sources = {
                    p.actor.name for p in roles.sources if p.actor.type in self._state_bodies
                }
            for _, mj, m in view.mentions:
                if (mj == spot.i or mj + 1 == spot.i) and m.actor.name in sources:
                    # an official ("Kapolda Sulawesi Tengah … meminta maaf") speaks anywhere
                    return spot.place if m.person is None else None
        return None

    def _quotes(self, article: Article, view: SentenceView) -> list[Quote]:
        out: list[Quote] = []
        for q in article.quotes:  # (a plain loop: one call less per sentence)
            if q.start < view.end and view.start < q.end:
                out.append(q)
        return out


def _headline_like(text: str) -> bool:
    """A fragment without closing punctuation and short: a headline, not a sentence."""
    stripped = text.strip()
    if not stripped:
        return True
    if stripped[-1] in ".!?\"”’')":
        return False
    return len(stripped.split()) <= 16


def _completes(a: Candidate, b: Candidate) -> bool:
    """``Serangan udara pasukan Suriah dan Rusia menghantam … dan menewaskan 14 orang``: a
    later verb of the sentence whose subject is an attack named before it tells the same
    attack, and may name its authors more fully."""
    if b.match.i <= a.match.i or a.match.readings[0][1] != "nominal" or b.roles.symmetric:
        return False
    own = {p.actor.name for p in a.roles.sources}
    return bool(own) and own <= {p.actor.name for p in b.roles.sources}
