"""Who did it to whom: the sources and targets of a trigger, read from its clause.

- **Active verb** (``menyerang``): the source is the clause's subject (the actors before its
  first verb); the targets its object (the actors right after the verb, or owning what is
  named: ``pos TNI``, ``permohonan … yang diajukan Partai Ummat``) and the actors after
  ``terhadap``, ``kepada``, ``ke posisi`` … A subjectless clause takes its subject from the
  clause it depends on: the speaker for a reported clause (``menyatakan telah merebut``), the
  first verb's subject for a coordinated one (``… dan telah menangkap``), the main clause's
  for a subordinate or fronted one (``Selain melawan SDF …, ISIS …``).
- **Passive verb** (``ditembak``, ``ditargetkan oleh``): the subject is the target, the agent
  (after ``oleh`` or right after the verb) the source.
- **Nominal** (``serangan udara koalisi pimpinan AS``): the possessor after the noun (or a
  role phrase that holds it; the *patient* for a ``peN-an`` noun: ``penangkapan seorang
  ulama``), ``yang dilakukan X``, ``oleh X``; else, as the object of a light verb
  (``menggelar unjuk rasa``, ``merencanakan serangan``), the clause's subject. ``X
  menghadapi operasi …`` and ``X tewas dalam serangan …`` make X the target.
- **Two-sided** (``kontak tembak dengan``, ``antara X dan Y``, ``saling``): every party is a
  source, there is no target. **Mutual** (COOPERATE): the first party is the source.

Unnamed references are resolved in the article: ``timnya``/``pihaknya``/``kami`` → the
speaker's body; ``Ia`` → the speaker, or the previous sentence's subject; ``petugas``,
``aparat``, ``junta`` → the force acting before them; ``kedua pihak`` → the parties of the
previous event; ``tersangka`` → the group arrested before; ``massa`` → the protesters (or
civilians); ``pengemudi ojek``, ``sandera … Israel`` → civilians (of that country); ``pilot
itu`` → the pilot named before; initials (``berinisial MT``) → the group they were introduced
with, else themselves; bare ``pemerintah`` → the government of the article's country. Media
are never parties; a backer named in a relative clause (``yang didukung Turki``) only when
nobody else is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pantau.actors import ActorDictionary
from pantau.article import ActorMention, EventActor
from pantau.events.clauses import Clause, Grammar, SentenceView
from pantau.events.lexicon import TriggerEntry, TriggerLexicon, TriggerMatch
from pantau.events.morphology import Voice
from pantau.events.patterns import Patterns
from pantau.events.phrases import NounPhrases, Participant, Scene, actor_of, merge
from pantau.events.text import PhraseSet, Token

__all__ = ["Participant", "RoleFinder", "Roles", "Scene"]

_QUANTITY = frozenset(
    {"para", "sejumlah", "seorang", "sebuah", "dua", "tiga", "ratusan", "ribuan", "puluhan",
     "belasan", "sebagian", "banyak", "beberapa", "kedua", "ketiga", "seluruh", "semua", "sekitar",
     "sedikitnya", "setidaknya", "lebih", "dari", "anggota", "perwakilan", "delegasi"}
)  # fmt: skip
_STATE_TYPES = frozenset({"country", "government", "head_of_state", "state_military"})
_SEATS = frozenset({"balai", "kantor", "gedung", "istana", "markas"})
"""First words of a body's building named as the body (``Balai Kota``, ``Gedung DPR``)."""
_AGENT_PRONOUNS = frozenset({"kami", "kita", "saya", "aku", "mereka"})
"""Before a bare verb, the agent of the object-first passive (``Pelaku kami tangkap``)."""
_INSTRUMENTAL = frozenset({"dengan", "menggunakan", "memakai", "melalui", "lewat"})


@dataclass(slots=True)
class Roles:
    sources: list[Participant] = field(default_factory=list)
    targets: list[Participant] = field(default_factory=list)
    clause: Clause | None = None
    symmetric: bool = False
    supported: list[Participant] = field(default_factory=list)
    """For a strike named in a backer's relative clause: the party it backs."""
    needs_agent: bool = False
    """A passive without an agent: the extractor looks for it in the article."""
    referent: str | None = None
    """The object names an earlier event (``mengecam operasi tersebut``): its noun."""


_NONSTATE_ARMED = frozenset(
    {"rebel_group", "insurgent_group", "designated_terrorist_group", "militia"}
)
"""Actor types that are the authors, not the objects, of an attack noun they possess."""
_DONE_VERBS = frozenset({"dilakukan", "dilancarkan", "digelar"})
_TOPIC_WORDS = frozenset({"bela", "membela", "solidaritas", "dukung", "tolak", "anti", "peduli"})
_PATIENT_MARKS = frozenset({"terhadap", "atas"})


class RoleFinder:
    """Sources and targets of triggers; built once with the patterns and the dictionary."""

    def __init__(
        self,
        patterns: Patterns,
        grammar: Grammar,
        dictionary: ActorDictionary,
        lexicon: TriggerLexicon,
    ) -> None:
        a, g = patterns.actors, patterns.grammar
        self.grammar = grammar
        self.dictionary = dictionary
        self.lexicon = lexicon
        self.phrases = NounPhrases(patterns, grammar, dictionary)
        self.crowd: PhraseSet = a["crowd"]
        self.light_verbs: PhraseSet = a["light_verbs"]
        self.facilities: PhraseSet = a["facilities"]
        self.reporter_types = self.phrases.reporter_types
        self.target_preps: PhraseSet = g["target_prepositions"]
        self.partner_preps: PhraseSet = g["partner_prepositions"]
        self.target_verbs: PhraseSet = g["target_verbs"]
        self.demonstratives: PhraseSet = g["demonstratives"]
        self.manner: PhraseSet = g["manner_adverbs"]
        self.detention: PhraseSet = a["detention"]
        self.keepers = frozenset({"police", "state_military", "judiciary", "government"})
        self.purpose: PhraseSet = g["purpose"]
        self.killed: PhraseSet = patterns.casualties["killed"]
        self.instruments = PhraseSet(
            " ".join(seq) for words in patterns.instruments.values() for seq in words.phrases
        )
        self._object_cues = self.target_preps.firsts | {"dari", "di", "ke", "menuju", "yang", ";"}
        """The words :meth:`_objects` stops at."""

    def find(
        self,
        view: SentenceView,
        match: TriggerMatch,
        entry: TriggerEntry,
        voice: Voice,
        scene: Scene,
    ) -> Roles:
        g = self.grammar
        clause = g.clause(view, match.i, match.j)
        attribution = g.attribution_start(view)
        end = attribution if match.j <= attribution < clause.end else clause.end
        roles = Roles(clause=clause)
        tokens = view.tokens
        symmetric = entry.symmetric or (match.i > 0 and tokens[match.i - 1].low == "saling")
        roles.symmetric = symmetric
        inside = self._covering(view, match)
        if inside is not None and self.phrases.supporter(inside[2]):
            roles.sources = [Participant(actor_of(inside[2]), "supporter")]
            roles.supported = self._supported_party(view, inside[0], scene)
            return roles
        if voice == "active" and self._pronoun_passive(view, match, clause):
            # "Keempatnya kami tangkap …": the pronoun acts, the words before it undergo
            roles.sources = self.phrases.np(view, match.i - 1, match.i, scene)
            roles.targets = self.phrases.np(
                view, clause.start, match.i - 1, scene, objects=True
            ) or self._objects(view, match, end, scene, entry, direct=True)
        elif voice == "passive":
            self._passive(view, match, entry, clause, end, roles, scene)
        elif voice == "nominal":
            self._nominal(view, match, entry, clause, end, roles, scene, inside)
        else:
            head = self._relative_head(view, match, clause, scene)
            roles.sources = head or self._subject(view, match, clause, scene)
            roles.targets = self._objects(view, match, end, scene, entry, direct=True)
        if symmetric:
            if voice != "nominal" and all(p.how == "speaker" for p in roles.sources):
                # "mengatakan bentrok antarwarga … pecah": the parties, not the speaker
                roles.sources = self._between(view, match.j, end, scene) or roles.sources
            partners = self._partners(view, match.j, end, scene)
            joined = [
                t
                for t in roles.targets
                if t.how in ("named", "entity") and t.actor.type != "civilians"
            ]
            roles.sources = merge(roles.sources, partners, joined if not partners else [])
            roles.targets = []
        elif entry.mutual:
            parties = merge(roles.sources, self._partners(view, match.j, end, scene))
            roles.sources, roles.targets = parties[:1], merge(parties[1:], roles.targets)
        if not roles.sources and voice != "passive":
            backers = [
                Participant(actor_of(m), "supporter")
                for i, _, m in view.mentions
                if clause.start <= i < end and self.phrases.supporter(m)
            ]
            roles.sources = backers[:1]
        if entry.type == "COOPERATE" and len(roles.targets) > 1:
            # "menyerahkan buronan berinisial HS kepada Kejaksaan Agung": the recipient
            recipient = next(
                (k for k in range(clause.start, end) if tokens[k].low == "kepada"), None
            )
            if recipient is not None:
                after = [t for t in roles.targets if t.actor.start >= tokens[recipient].end]
                roles.targets = after or roles.targets
        if entry.type == "THREATEN" and not roles.targets:
            roles.targets = self._conditioned(view, match.j, scene)
        if entry.type == "ACCUSE" and voice == "active" and not roles.targets:
            # "menyayangkan lambatnya penanganan kasus oleh kepolisian": who acts so
            for k in range(match.j, end):
                if tokens[k].low == "oleh":
                    roles.targets = [
                        p
                        for p in self.phrases.np(
                            view, k + 1, self.phrases.np_end(view, k + 1, end), scene
                        )
                        if p.named
                    ]
                    break
        if not symmetric and (not roles.targets or all(not t.named for t in roles.targets)):
            roles.referent = self._referent(view, match.j, end)
        if roles.targets:  # (else nothing to filter: no set built)
            names = {s.actor.name for s in roles.sources if "(generic)" not in s.actor.name}
            spans = {s.actor.start for s in roles.sources}
            countries = {
                s.actor.country
                for s in roles.sources
                if s.actor.country and s.actor.type in _STATE_TYPES
            }  # a state's own troops, never an insurgent's compatriots
            roles.targets = [
                t
                for t in roles.targets
                if t.actor.name not in names
                and t.actor.start not in spans
                and not (t.how == "force" and t.actor.country in countries)
            ]  # "rudal-rudalnya … menewaskan 60 tentara": not the attacker's own troops
        else:
            roles.targets = []
        if len(roles.targets) > 1:
            roles.targets = [t for t in roles.targets if t.actor.type != "person"] or roles.targets
        return roles

    def _passive(
        self,
        view: SentenceView,
        match: TriggerMatch,
        entry: TriggerEntry,
        clause: Clause,
        end: int,
        roles: Roles,
        scene: Scene,
    ) -> None:
        subject = self._subject(view, match, clause, scene)
        agent = self._agent(view, match, end, scene)
        if entry.type == "MOBILIZE":
            roles.sources = agent or subject
            return
        if not agent and entry.type == "COERCE":
            agent = self._keeper(view, match.j, end, scene)
        roles.sources, roles.targets = agent, subject
        roles.needs_agent = not agent

    def _nominal(
        self,
        view: SentenceView,
        match: TriggerMatch,
        entry: TriggerEntry,
        clause: Clause,
        end: int,
        roles: Roles,
        scene: Scene,
        inside: tuple[int, int, ActorMention] | None,
    ) -> None:
        tokens = view.tokens
        owner: list[Participant] = []
        patient = self.lexicon.patient_possessor(match)
        if inside is not None and inside[2].actor.type not in self.reporter_types:
            owner = [Participant(actor_of(inside[2]), "named")]
        done_by = [] if owner else self._done_by(view, match.j, end, scene)
        possessor = [] if owner or done_by else self._possessor(view, match.j, end, scene)
        if done_by:
            owner = done_by
        elif patient and possessor and not self._possessor_acts(view, match, end, entry, possessor):
            roles.targets = possessor
        else:
            owner = owner or possessor
        if not owner:
            owner = self._agent(view, match, end, scene, after_oleh_only=True)
        if (
            not owner
            and entry.mode == "crowd-control"
            and match.j < end
            and _passive_verb(view, match.j)
        ):
            # "Gas air mata ditembakkan (oleh) polisi": the agent of the passive; with none,
            # whoever the context gives (the police, in Indonesia)
            k = match.j + 1
            if k < end and tokens[k].low == "oleh":
                k += 1
            if k < end and not self.grammar.is_preposition(tokens[k]):
                owner = self.phrases.np(view, k, self.phrases.np_end(view, k, end), scene)
            roles.needs_agent = not owner
        first_verb = self.grammar.first_verb(view, clause.start, end)
        before = self._word_before(view, match.i, clause.start)
        undergoer = False
        framed = False
        if match.i > first_verb:
            verb = self._verb_before(view, clause.start, match.i)
            if verb is not None and self.target_verbs.match_at(tokens, verb[0]):
                undergoer = True
            if (
                before is not None
                and tokens[before].low in ("dalam", "akibat", "oleh")
                and verb is not None
            ):
                if self.killed.ends_at(tokens, verb[1], clause.start) is not None or tokens[
                    verb[0]
                ].low in ("gugur", "tewas", "terluka", "tertimbun"):
                    undergoer = True
                elif tokens[before].low == "dalam":
                    framed = True
        if owner:
            roles.sources = owner
        if undergoer and not entry.symmetric:
            roles.targets = merge(roles.targets, self._subject(view, match, clause, scene))
        elif not owner and self._light(view, match, clause, first_verb, before, framed):
            head = self._relative_head(view, match, clause, scene)
            roles.sources = head or self._subject(view, match, clause, scene)
        if undergoer and entry.symmetric and not owner:
            roles.sources = self._subject(view, match, clause, scene)
        if not roles.targets:
            roles.targets = self._objects(view, match, end, scene, entry, direct=False)
        if not roles.targets and match.i > first_verb < end and not undergoer:
            window = range(max(first_verb + 1, match.i - 3), match.i)
            instrument = next((k for k in window if tokens[k].low in _INSTRUMENTAL), None)
            if instrument is not None:
                roles.targets = self._governed(view, first_verb, instrument, scene, entry)
        if entry.symmetric and not owner:
            between = self._between(view, match.j, end, scene)
            if between:  # "korban tewas akibat baku tembak antara X dan Y": X and Y, not the dead
                roles.sources = between if undergoer else merge(roles.sources, between)

    def _light(
        self,
        view: SentenceView,
        match: TriggerMatch,
        clause: Clause,
        first_verb: int,
        before: int | None,
        framed: bool,
    ) -> bool:
        """May the clause's subject be the nominal's agent? As the subject-position noun's own
        clause (``turun ke jalan``), the object of a light verb (``menggelar unjuk rasa``,
        ``merencanakan serangan``) or a frame (``dalam kontak tembak``)."""
        if match.i <= first_verb:
            if clause.kind == "complement" and match.i == clause.start:
                # "mengumumkan pengakuan resmi …": announcing it is doing it; but in
                # "mengatakan bentrokan … pecah" the noun is its own clause's subject
                return self.grammar.first_verb(view, match.j, clause.end) >= clause.end
            return first_verb == match.i
        if framed or not _INSTRUMENTAL.isdisjoint(
            view.tokens.lows[max(clause.start, match.i - 3) : match.i]
        ):
            return True
        tokens = view.tokens
        k = match.i - 1
        steps = 0
        while k >= clause.start and steps < 5:
            if self.light_verbs.ends_at(tokens, k + 1, clause.start) is not None:
                return True
            if view.verbs[k] and not self.grammar.is_auxiliary(tokens[k]):
                return False
            k -= 1
            steps += 1
        return False

    def _subject(
        self, view: SentenceView, match: TriggerMatch, clause: Clause, scene: Scene
    ) -> list[Participant]:
        g = self.grammar
        tokens = view.tokens
        start = clause.start
        while start < match.i and not tokens[start].is_word:
            start += 1
        if start < match.i and g.is_preposition(tokens[start]):  # "Dari tangan pelaku, petugas …"
            comma = _next_comma(tokens, start)
            if comma is not None and comma < match.i:
                start = comma + 1
        first = g.first_verb(view, start, match.i + 1)
        region_end = min(first, match.i)
        found = self.phrases.np(view, start, region_end, scene)
        if not found:
            comma = _last_comma(tokens, clause.start, match.i)
            if comma is not None:
                verb = g.first_verb(view, comma + 1, match.i + 1)
                found = self.phrases.np(view, comma + 1, min(verb, match.i), scene)
        if found:
            return found
        empty = all(not t.is_word or g.is_auxiliary(t) for t in tokens[start:region_end])
        if match.i > 0 and tokens[match.i - 1].low == "sebagai":
            empty = True  # "Hamas menyebut pengumuman itu sebagai bukti kegagalan …": Hamas judges
        if not empty or clause.opener is None:
            return []
        current = clause
        for _ in range(4):  # climb to the clause the subjectless one depends on
            if current.opener is None:
                break
            outer = g.clause(view, current.opener, current.opener + 1)
            if current.kind == "complement":
                verb = g.first_verb(view, outer.start, current.opener + 1)
                speaker = self.phrases.np(
                    view, outer.start, min(verb, current.opener), scene, speaker=True
                )
                if speaker:
                    return [
                        Participant(p.actor, "speaker") if p.how == "named" else p for p in speaker
                    ]
                body = scene.speaker_body(view, match.i)
                return [Participant(body, "speaker")] if body else []
            if current.kind == "main":
                break
            if current.kind == "coordinate" or current.start > 1:
                lo = outer.start
                if lo < current.opener and g.is_preposition(tokens[lo]):  # "Menurut laporan …,"
                    comma = _next_comma(tokens, lo)
                    if comma is not None and comma < current.opener:
                        lo = comma + 1
                verb = g.first_verb(view, lo, current.opener)
                found = self.phrases.np(view, lo, verb, scene)
                if found:
                    return found
            current = outer
        comma = _next_comma(tokens, match.j)
        if clause.kind != "complement" and comma is not None and clause.start <= 2:
            verb = g.first_verb(view, comma + 1, len(tokens))  # "Setelah menguasai X, RSF …"
            return self.phrases.np(view, comma + 1, verb, scene)
        return []

    def _agent(
        self,
        view: SentenceView,
        match: TriggerMatch,
        end: int,
        scene: Scene,
        *,
        after_oleh_only: bool = False,
    ) -> list[Participant]:
        tokens = view.tokens
        limit = min(end, len(tokens))
        w = after = match.j
        while w < min(limit, match.j + 5) or (w == limit == match.j and w + 1 < len(tokens)):
            low = tokens[w].low
            if low in ("dan", "serta") and w + 1 < len(tokens) and _passive_verb(view, w + 1):
                # "dipukul dan diinjak oleh …": the agent of both
                limit = max(limit, self.grammar.clause(view, w + 1, w + 2).end)
                w += 2
                after = w
                continue
            if low == "yang":
                if not after_oleh_only and w + 1 < limit and _passive_verb(view, w + 1):
                    return self._instrument_agent(view, match.j, w, limit, scene)
                break
            if view.verbs[w]:
                break
            if low == "oleh":
                return self.phrases.np(view, w + 1, self.phrases.np_end(view, w + 1, limit), scene)
            w += 1
        if after_oleh_only:
            return []
        for w in range(match.i, match.j):  # "dihakimi massa": the agent inside the trigger
            if self.crowd.match_at(tokens, w):
                return self.phrases.np(view, w, match.j, scene)
        k = after
        while k < limit and tokens[k].low in _QUANTITY and not self.phrases.mention_at(view, k):
            k += 1
        if k < limit and (self.phrases.mention_at(view, k) or self.phrases.reference_at(view, k)):
            return self.phrases.np(view, after, self.phrases.np_end(view, after, limit), scene)
        return []

    def _keeper(self, view: SentenceView, j: int, end: int, scene: Scene) -> list[Participant]:
        """``ditahan di Rutan Bareskrim Polri``: the body that keeps the place of detention."""
        tokens = view.tokens
        for k in range(j, min(end, j + 4)):
            if tokens[k].low != "di":
                continue
            n = self.detention.match_at(tokens, k + 1)
            here = self.phrases.mention_at(view, k + 1)
            if n or (here is not None and here.text.casefold().startswith(("mapol", "mako"))):
                start = k + 1 + n
                mention = self.phrases.mention_at(view, start)
                if mention is not None and mention.actor.type in self.keepers:
                    return [Participant(actor_of(mention), "named")]
            break
        return []

    def _relative_head(
        self, view: SentenceView, match: TriggerMatch, clause: Clause, scene: Scene
    ) -> list[Participant]:
        """``… kepada dua anggota TPNPB yang terbukti menembak …``: the subject of an active
        verb of a relative clause is the phrase the clause qualifies."""
        tokens = view.tokens
        g = self.grammar
        k = match.i - 1
        while k > clause.start and k > match.i - 4 and (view.verbs[k] or g.is_auxiliary(tokens[k])):
            k -= 1
        if k <= clause.start or tokens[k].low != "yang":
            return []
        lo = k
        while lo > clause.start and not (
            view.verbs[lo - 1]
            or tokens[lo - 1].low in (",", ";", "yang")
            or (g.is_preposition(tokens[lo - 1]) and tokens[lo - 1].low not in ("dari", "asal"))
        ):
            lo -= 1
        return self.phrases.np(view, lo, k, scene)

    def _pronoun_passive(self, view: SentenceView, match: TriggerMatch, clause: Clause) -> bool:
        """A bare verb right after a pronoun (``… kami tangkap``, ``… kita serang``)."""
        if match.i <= clause.start:
            return False
        tokens = view.tokens
        return tokens[match.i - 1].low in _AGENT_PRONOUNS and not tokens[match.i].low.startswith(
            ("me", "ber", "di", "ter", "pe")
        )

    def _conditioned(self, view: SentenceView, j: int, scene: Scene) -> list[Participant]:
        """``mengancam mogok jika direksi PT X tetap memangkas …``: whoever must comply, the
        named subject of the condition."""
        g = self.grammar
        tokens = view.tokens
        for k in range(j, len(tokens)):
            n = g.conditional.match_at(tokens, k)
            if n:
                start = k + n
                verb = g.first_verb(view, start, len(tokens))
                found = self.phrases.np(view, start, verb, scene)
                return [p for p in found if p.named]
        return []

    def _instrument_agent(
        self, view: SentenceView, j: int, rel: int, limit: int, scene: Scene
    ) -> list[Participant]:
        """``dihantam bom yang dijatuhkan jet tempur militer Myanmar``: the weapon's user, when
        the words before ``yang`` name a weapon, not a party."""
        tokens = view.tokens
        if rel == j or any(self.phrases.mention_at(view, k) for k in range(j, rel)):
            return []
        if not any(self.instruments.match_at(tokens, k) for k in range(j, rel)):
            return []
        k = rel + 2
        if k < limit and tokens[k].low == "oleh":
            k += 1
        return self.phrases.np(view, k, self.phrases.np_end(view, k, limit), scene)

    def _done_by(self, view: SentenceView, j: int, end: int, scene: Scene) -> list[Participant]:
        """``penyerangan yang dilakukan (oleh) X``, ``Penangkapan terhadap … dilakukan X``: X
        did it, whatever the noun (the first verb after the noun is the one that says so)."""
        tokens = view.tokens
        verbs = view.verbs
        verb = None
        for k in range(j, min(end, j + 16)):  # (a plain loop, not a generator: one call less)
            if verbs[k]:
                verb = k
                break
        if verb is None or tokens[verb].low not in _DONE_VERBS:
            return []
        k = verb + 1
        if k < end and tokens[k].low == "oleh":
            k += 1
        return self.phrases.np(view, k, self.phrases.np_end(view, k, end), scene)

    @staticmethod
    def _possessor_acts(
        view: SentenceView,
        match: TriggerMatch,
        end: int,
        entry: TriggerEntry,
        possessor: list[Participant],
    ) -> bool:
        """Is the possessor of a peN-an noun of violence its agent after all? Yes when the
        patient follows with ``terhadap`` (``penyerangan KKB terhadap pos TNI``) or when the
        possessor is a non-state armed group (``gugur dalam penyerangan KKB``): groups are
        named as the authors of attacks, not as their objects, unless ``terhadap`` says so."""
        if entry.type != "ASSAULT":
            return False
        tokens = view.tokens
        after = range(match.j, min(end, match.j + 8))
        if any(tokens[k].low == "terhadap" for k in after):
            return True
        return all(p.actor.type in _NONSTATE_ARMED for p in possessor)

    def _possessor(self, view: SentenceView, j: int, end: int, scene: Scene) -> list[Participant]:
        tokens = view.tokens
        k = j
        steps = 0
        while k < end and steps < 4:
            token = tokens[k]
            if (
                not token.is_word
                or self.grammar.is_preposition(token)
                or view.verbs[k]
                or token.low == "yang"
            ):
                break
            if token.low.startswith("antar"):
                break  # "tawuran antarpelajar": the parties, not an owner
            if token.low in _TOPIC_WORDS:
                break  # "aksi bela Palestina": whom the protest is for, not who protests
            if self.phrases.mention_at(view, k) is not None or self.phrases.reference_at(view, k):
                return self.phrases.np(view, k, self.phrases.np_end(view, k, end), scene)
            k += 1
            steps += 1
        return []

    def _objects(
        self,
        view: SentenceView,
        match: TriggerMatch,
        end: int,
        scene: Scene,
        entry: TriggerEntry,
        *,
        direct: bool,
    ) -> list[Participant]:
        tokens = view.tokens
        found: list[Participant] = []
        j = match.j
        if direct:
            stop = self.phrases.np_end(view, j, end)
            found = self.phrases.np(view, j, stop, scene, objects=True)
            found = merge(found, self._filer(view, stop, end, scene))
        if entry.absorbs and entry.type != "PROTEST":
            return found  # "mendesak X …", "mengancam X …": what follows is the content
        territory = "territory" in entry.contexts
        lows = tokens.lows
        stops = self._object_cues
        k = j
        while k < end:
            low = lows[k]
            if low not in stops:
                k += 1  # no preposition of a target, no end of the search
                continue
            n = self.target_preps.match_at(tokens, k) or (1 if territory and low == "dari" else 0)
            facility = low in ("di", "ke", "menuju") and self._facility_after(view, k + 1, end)
            if n or facility:
                start = k + (n or 1)
                while (
                    start < end
                    and self.phrases.mention_at(view, start) is None
                    and (
                        self.facilities.match_at(tokens, start)
                        or tokens[start].low in ("arah", "depan", "pasukan")
                        or tokens[start].low in _QUANTITY
                    )
                ):
                    start += 1
                if low == "ke" and self._court_at(view, start):
                    k = start
                    continue
                stop = self.phrases.np_end(view, start, end)
                found = merge(found, self.phrases.np(view, start, stop, scene, objects=True))
                if not found and entry.type not in ("ASSAULT", "COERCE"):
                    found = self._filer(view, stop, end, scene)  # "dukungan terhadap proposal
                    # … yang diumumkan Presiden AS": its author
                if not found and low in ("ke", "terhadap") and entry.type == "ASSAULT":
                    found = self._country_place(view, start, stop)
                k = max(start, k + 1)
                continue
            if low == "yang" or low == ";":
                break
            k += 1
        if (
            not found
            and entry.type in ("ASSAULT", "COERCE")
            and end < len(tokens)
            and self.purpose.match_at(tokens, end)
        ):
            verb = end + 1
            if verb < len(tokens) and view.verbs[verb]:
                found = self.phrases.np(
                    view,
                    verb + 1,
                    self.phrases.np_end(view, verb + 1, len(tokens)),
                    scene,
                    objects=True,
                )
        return found

    def _governed(
        self, view: SentenceView, verb: int, before: int, scene: Scene, entry: TriggerEntry
    ) -> list[Participant]:
        """``membubarkan massa dengan gas air mata``, ``menyerahkan buronan kepada Kejaksaan
        Agung melalui mekanisme ekstradisi``: the objects of the governing verb."""
        tokens = view.tokens
        found = self.phrases.np(
            view, verb + 1, self.phrases.np_end(view, verb + 1, before), scene, objects=True
        )
        for k in range(verb + 1, before):
            n = self.target_preps.match_at(tokens, k)
            if n and tokens[k].low != "dengan":
                start = k + n
                stop = self.phrases.np_end(view, start, before)
                found = merge(found, self.phrases.np(view, start, stop, scene, objects=True))
        return found

    def _filer(self, view: SentenceView, stop: int, end: int, scene: Scene) -> list[Participant]:
        """``permohonan … yang diajukan Partai Ummat``: the owner of the object."""
        tokens = view.tokens
        if (
            stop + 1 < end
            and tokens[stop].low == "yang"
            and tokens[stop + 1].low
            in (
                "diajukan",
                "dilakukan",
                "dibuat",
                "dikeluarkan",
                "disampaikan",
                "dilancarkan",
                "diumumkan",
                "diusulkan",
                "ditawarkan",
                "digagas",
            )
        ):
            k = stop + 2
            if k < end and tokens[k].low == "oleh":
                k += 1
            return self.phrases.np(view, k, self.phrases.np_end(view, k, end), scene)
        return []

    def _facility_after(self, view: SentenceView, k: int, end: int) -> bool:
        tokens = view.tokens
        while k < end and (tokens[k].low == "depan" or tokens[k].low in _QUANTITY):
            k += 1
        if k < end and (m := self.phrases.mention_at(view, k)) is not None:
            # "di depan Balai Kota Medan": a building named for the body that sits there
            return m.text.split(None, 1)[0].casefold() in _SEATS
        return k < end and bool(self.facilities.match_at(tokens, k))

    def _court_at(self, view: SentenceView, k: int) -> bool:
        mention = self.phrases.mention_at(view, k)
        return mention is not None and mention.actor.type == "judiciary"

    def _country_place(self, view: SentenceView, start: int, stop: int) -> list[Participant]:
        """``invasi Rusia ke Ukraina``: a country named as a place is the attacked state."""
        for i, _, place in view.places:
            if start <= i < max(stop, start + 1) and place.kind == "country":
                actor = self.dictionary.lookup(place.text)
                if actor is not None and actor.type == "country":
                    return [
                        Participant(
                            EventActor(
                                actor.name,
                                place.text,
                                place.start,
                                place.end,
                                actor.id,
                                actor.type,
                                actor.country,
                            ),
                            "named",
                        )
                    ]
        return []

    def _partners(self, view: SentenceView, j: int, end: int, scene: Scene) -> list[Participant]:
        tokens = view.tokens
        for k in range(j, end):
            n = self.partner_preps.match_at(tokens, k)
            if n:
                start = k + n
                return self.phrases.np(
                    view, start, self.phrases.np_end(view, start, end, conj=True), scene
                )
            if tokens[k].low == "yang":
                break
        return []

    def _between(self, view: SentenceView, j: int, end: int, scene: Scene) -> list[Participant]:
        tokens = view.tokens
        for k in range(j, min(end, j + 3)):
            if tokens[k].low == "antara":
                return self.phrases.np(
                    view, k + 1, self.phrases.np_end(view, k + 1, end, conj=True), scene
                )
            if tokens[k].low.startswith("antar") and len(tokens[k].low) > 5:
                return self._among(tokens[k]) or self.phrases.np(view, k, k + 1, scene)
        return []

    def _among(self, token: Token) -> list[Participant]:
        """``antarwarga``, ``antarpelajar``: the group the prefix joins, when the dictionary
        knows the noun."""
        actor = self.dictionary.lookup(token.low[5:].lstrip("-"))
        if actor is None or actor.type in ("country", "government", "head_of_state"):
            return []
        name = EventActor(
            actor.name, token.text, token.start, token.end, actor.id, actor.type, actor.country
        )
        return [Participant(name, "named")]

    def _referent(self, view: SentenceView, j: int, end: int) -> str | None:
        """``mengecam operasi tersebut``: the noun of an earlier event the object refers to."""
        tokens = view.tokens
        lows = tokens.lows
        demonstratives = self.demonstratives.firsts
        for k in range(j, min(end, j + 9)):
            if not lows[k][0].isalnum():  # not a word (Token.is_word)
                break
            if k > j and lows[k] in demonstratives and self.demonstratives.match_at(tokens, k):
                head = j
                while head < k and (
                    self.grammar.is_auxiliary(tokens[head])
                    or view.verbs[head]
                    or self.grammar.is_preposition(tokens[head])
                    or self.manner.match_at(tokens, head)
                ):
                    head += self.manner.match_at(tokens, head) or 1
                return tokens[head].low if head < k else None
        return None

    def _covering(
        self, view: SentenceView, match: TriggerMatch
    ) -> tuple[int, int, ActorMention] | None:
        for i, j, m in view.mentions:
            if i <= match.i and match.j <= j:
                return i, j, m
        return None

    def _word_before(self, view: SentenceView, i: int, lo: int) -> int | None:
        return i - 1 if i - 1 >= lo else None

    def _verb_before(self, view: SentenceView, lo: int, i: int) -> tuple[int, int] | None:
        for k in range(i - 1, lo - 1, -1):
            if view.verbs[k]:
                return (k, k + 1)
        return None

    def _supported_party(self, view: SentenceView, start: int, scene: Scene) -> list[Participant]:
        """The party right before a backer's relative clause (``SDF yang didukung oleh …``)."""
        tokens = view.tokens
        lo = start
        while (
            lo > 0
            and tokens[lo - 1].low not in (",", ";")
            and not self.partner_preps.match_at(tokens, lo - 1)
        ):
            if view.verbs[lo - 1]:
                break
            lo -= 1
        return self.phrases.np(view, lo, start, scene)


def _last_comma(tokens: Sequence[Token], lo: int, hi: int) -> int | None:
    depth = 0
    for k in range(hi - 1, lo - 1, -1):
        low = tokens[k].low
        if low == ")":
            depth += 1
        elif low == "(":
            depth = max(0, depth - 1)
        elif low == "," and depth == 0:
            return k
    return None


def _next_comma(tokens: Sequence[Token], j: int) -> int | None:
    for k in range(j, len(tokens)):
        if tokens[k].low == ",":
            return k
    return None


def _passive_verb(view: SentenceView, k: int) -> bool:
    """A verb in ``di-`` (``diinjak``, ``dijatuhkan``)."""
    low = view.tokens[k].low
    return bool(view.verbs[k]) and low.startswith("di") and len(low) > 4
