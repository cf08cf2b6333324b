"""Indonesian verb and noun morphology for trigger words: affixed forms generated from a root.

The trigger lexicon lists roots (``serang``) with the affix patterns it uses (``meN``, ``di``,
``peN-an``, ``-an``); :func:`inflect` builds the written forms with the nasal assimilation of
the ``meN-`` and ``peN-`` prefixes:

    >>> inflect("serang", "meN"), inflect("tembak", "peN-an"), inflect("pukul", "meN")
    ('menyerang', 'penembakan', 'memukul')
    >>> inflect("culik", "meN"), inflect("bakar", "peN-an"), inflect("bom", "meN")
    ('menculik', 'pembakaran', 'mengebom')
    >>> inflect("runding", "per-an"), inflect("tewas", "meN-kan"), inflect("duduk", "meN-i")
    ('perundingan', 'menewaskan', 'menduduki')

Where the rules fail (``memperkuat``, ``bekerja``, loan words that keep their first consonant),
the lexicon writes the form out in ``phrases`` instead. Every pattern has a *voice*: ``active``
(the subject acts), ``passive`` (``di-``, ``ter-``: the subject undergoes; the agent follows,
with or without ``oleh``) or ``nominal`` (the event named as a noun: ``serangan``,
``penembakan``).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Literal

__all__ = ["PATTERNS", "Voice", "inflect", "voice_of"]

Voice = Literal["active", "passive", "nominal"]

_VOWELS = frozenset("aeiou")

PATTERNS: MappingProxyType[str, Voice] = MappingProxyType(
    {
        "base": "active",
        "meN": "active",
        "meN-kan": "active",
        "meN-i": "active",
        "memper": "active",
        "memper-kan": "active",
        "ber": "active",
        "di": "passive",
        "di-kan": "passive",
        "di-i": "passive",
        "diper": "passive",
        "diper-kan": "passive",
        "ter": "passive",
        "peN-an": "nominal",
        "per-an": "nominal",
        "ke-an": "nominal",
        "-an": "nominal",
    }
)
"""Affix pattern → the voice of the forms it makes."""


def voice_of(pattern: str) -> Voice:
    """The voice of an affix pattern; :class:`KeyError` for an unknown one."""
    return PATTERNS[pattern]


def inflect(root: str, pattern: str) -> str:
    """The form of ``root`` (lower case) with the affix ``pattern`` (a key of :data:`PATTERNS`)."""
    if pattern not in PATTERNS:
        raise KeyError(f"unknown affix pattern {pattern!r}; use one of {', '.join(PATTERNS)}")
    prefix, _, suffix = pattern.partition("-")
    if pattern.startswith("-"):
        prefix, suffix = "", pattern[1:]
    stem = root + suffix
    if prefix == "base":
        return root
    if prefix in ("meN", "peN"):
        return _nasal(prefix[0:2].lower(), root) + suffix
    if prefix == "ber":
        return ("be" if root.startswith("r") else "ber") + stem
    if prefix == "per":
        return ("pe" if root.startswith("r") else "per") + stem
    if prefix in ("memper", "diper"):
        return prefix + stem
    if prefix in ("di", "ter", "ke"):
        return prefix + stem
    return stem


def _nasal(head: str, root: str) -> str:
    """``me``/``pe`` + root with the nasal that assimilates to the root's first sound."""
    first = root[0]
    cluster = len(root) > 1 and root[1] not in _VOWELS and first not in _VOWELS
    if _syllables(root) == 1:
        return head + "nge" + root  # bom → mengebom, cat → mengecat
    if first in _VOWELS:
        return head + "ng" + root  # ancam → mengancam
    if first == "k":
        return head + "ng" + (root if cluster else root[1:])  # kecam → mengecam, kritik
    if first in "gh":
        return head + "ng" + root  # ganggu → mengganggu
    if first == "p":
        return head + "m" + (root if cluster else root[1:])  # pukul → memukul, protes
    if first in "bfv":
        return head + "m" + root  # bakar → membakar
    if first == "t":
        return head + "n" + (root if cluster else root[1:])  # tembak → menembak
    if first in "dcjz":
        return head + "n" + root  # culik → menculik
    if first == "s":
        if root.startswith("sy") or cluster:
            return head + "n" + root
        return head + "ny" + root[1:]  # serang → menyerang
    return head + root  # l m n r w y: lempar → melempar


def _syllables(root: str) -> int:
    count, previous = 0, False
    for char in root:
        vowel = char in _VOWELS
        if vowel and not previous:
            count += 1
        previous = vowel
    return count
