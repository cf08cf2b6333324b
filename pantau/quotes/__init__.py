"""Reported speech in Indonesian news: direct and indirect quotes, with their speakers.

:class:`QuoteFinder` reads an article's clean body and its sentence spans and returns
:class:`~pantau.article.Quote` records. Its word lists (speech verbs, titles, role words, stop
words, quote marks, place and body words) live in ``pantau/data/speech.toml``.

Direct quotes
    Text between quote marks (“ ” " ‘ ’ « » „ “): the content span excludes the marks and a
    trailing comma. A quote is attributed by a cue after it (``“…,” kata X.``, ``“…,”
    ujarnya.``, ``“…,” X menambahkan.``, ``“…,” demikian pernyataan X.``) or before it (``X
    mengatakan, “…”``, ``Kata X: “…”``, ``Menurut X, “…”``). A quote with no cue that fills its
    sentence, or goes on after the previous quote's attribution (``“A,” kata X, “B.”``),
    continues the last speaker named in the same or the previous paragraph; a following
    ``Hal itu disampaikan X …`` names the speaker of such quotes, and a quote left open at the end
    of a paragraph takes the speaker of the quote that closes it in the next one. Quote marks
    inside running text with no cue (terms, scare quotes) are no quotes.
Indirect quotes
    ``X mengatakan (bahwa) …`` and the other clause verbs; ``menurut X, …`` and ``…, menurut
    X.``; ``…, kata X.`` / ``…, katanya.`` and the other after-verbs; ``Kata dia, …``; verbs that
    need ``bahwa`` (``kelompok aktivis melaporkan bahwa …``); sourceless ``dilaporkan (pula)
    bahwa …`` (speaker ``None``). A negated verb (``Pentagon tidak menyebutkan jumlah …``) is no
    quote. The content is the reported clause, less adjuncts before it (``kepada wartawan di
    Jayapura, Senin (12/2), bahwa``); after a trailing cue it starts at the sentence start.
Speakers
    A person is given with the title written right before the name (ranks, honorifics,
    ``Presiden``) and the fullest form of the name in the article: ``Kapten Davis`` → ``Kapten
    Jeff Davis``. Positions are roles, not titles: ``Kapolda Papua Irjen Pol. Albertus Rumbiak``
    → ``Irjen Pol. Albertus Rumbiak``. A speaker with no name is kept as written (``juru bicara
    militer``, ``Kapolres``, ``polisi``), less a leading ``seorang``, a statement noun
    (``pernyataan UKMTO`` → ``UKMTO``) and adjuncts (``warga di lokasi`` → ``warga``).
    ``ia``, ``dia``, ``beliau`` and ``-nya`` (``katanya``, ``menurutnya``) stand for the last
    speaker, or for a person named after that speaker and before the pronoun (outside quotes).
    ``speaker_start``/``speaker_end`` give the mention that attributes the quote (the name, the
    pronoun, the ``nya`` of ``katanya``, or the name in ``Hal itu disampaikan X``), wherever it
    is; they are ``None`` when the speaker is carried over from an earlier quote.
    ``verb`` is the cue in lower case as written (``kata``, ``katanya``, ``membantah``); a cue of
    :attr:`QuoteFinder.denial_verbs` marks a denial.

PER and ORG entity spans from the NER, when given, delimit names and bodies; without them the
finder uses titles, runs of capitalised words and the word lists. ``python -m pantau.quotes
score`` scores the finder on ``tests/gold/quotes.jsonl`` (see :func:`score_quotes`).

The package: :mod:`~pantau.quotes.lexicon` (the word lists), :mod:`~pantau.quotes.records` (the
working records of one call), :mod:`~pantau.quotes.names` (persons' names),
:mod:`~pantau.quotes.speakers` (speaker phrases), :mod:`~pantau.quotes.cues` (cue words and
indirect speech), :mod:`~pantau.quotes.finder` (:class:`QuoteFinder`),
:mod:`~pantau.quotes.scoring` (:func:`score_quotes`, :func:`time_quotes`) and
:mod:`~pantau.quotes.cli` (the command).
"""

from __future__ import annotations

from pantau.quotes.cli import main as main
from pantau.quotes.finder import QuoteFinder
from pantau.quotes.lexicon import SpeechLexicon
from pantau.quotes.scoring import QuoteMiss as QuoteMiss
from pantau.quotes.scoring import QuoteScores, QuoteTiming, score_quotes, time_quotes

__all__ = [
    "QuoteFinder",
    "QuoteScores",
    "QuoteTiming",
    "SpeechLexicon",
    "score_quotes",
    "time_quotes",
]
