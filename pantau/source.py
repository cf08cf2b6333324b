"""From raw input (bytes or str) to normalised text: size limits, encodings, binary detection.

The rules, in order:

1. Input over ``Limits.max_bytes`` (bytes) or ``Limits.max_chars`` (str) is refused with
   :class:`~pantau.errors.InputTooLargeError` before any work is done.
2. Bytes with a byte-order mark are decoded with it (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE).
3. Bytes with NUL bytes or many control bytes are binary: :class:`~pantau.errors.BinaryInputError`.
4. Otherwise UTF-8 is tried; on failure, text that contains valid multi-byte UTF-8 sequences is
   decoded as UTF-8 with replacement characters, anything else as Windows-1252. Both record a
   warning.
5. The text is normalised: Unicode NFC, ``\\r\\n``/``\\r`` to ``\\n``, non-breaking and other
   Unicode spaces to a plain space, zero-width characters and other control characters removed.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from pantau.errors import BinaryInputError, EmptyInputError, InputTooLargeError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters other than tab and newline; C1 controls included.
_CONTROL_CHARS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SPACE_CHARS = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v"
_CONTROL = re.compile(f"[{_CONTROL_CHARS}]")
_ASCII_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_ASCII_BYTES = bytes(range(128))
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
_SPACES = re.compile(f"[{_SPACE_CHARS}]")
# Every character :func:`normalize` replaces or removes: text without any (most articles) is
# only NFC-normalised, after one scan instead of six.
_TO_NORMALIZE = re.compile(f"[\r\u2028{_CONTROL_CHARS}{_ZERO_WIDTH_CHARS}{_SPACE_CHARS}]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"<(?:p|div|article|section|span|br|h[1-6]|meta|a\s)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep time and memory in check on hostile input.

    The defaults take any real news article with a wide margin: the longest Indonesian news pages
    are under 1 MB of HTML and under 100,000 characters of text.
    """

    max_bytes: int = 5_000_000
    """Largest input accepted, in bytes (for ``bytes`` input) ."""
    max_chars: int = 5_000_000
    """Largest input accepted, in characters (for ``str`` input)."""
    max_text_chars: int = 500_000
    """Longest normalised article text kept; longer text is cut with a ``truncated`` warning."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from the input, with what was noticed on the way."""

    text: str
    encoding: str
    format: Literal["text", "html"]
    warnings: tuple[str, ...] = ()


def decode(source: str | bytes, *, limits: Limits) -> Decoded:
    """Decode ``source`` to text, enforcing ``limits``; raise :class:`~pantau.errors.InputError`."""
    warnings: list[str] = []
    if isinstance(source, bytes | bytearray | memoryview):
        raw = bytes(source)
        if len(raw) > limits.max_bytes:
            raise InputTooLargeError(
                f"input is {len(raw):,} bytes; the limit is {limits.max_bytes:,} "
                "(Limits.max_bytes): split the file or raise the limit"
            )
        text, encoding = _decode_bytes(raw, warnings)
    elif isinstance(source, str):
        if len(source) > limits.max_chars:
            raise InputTooLargeError(
                f"input is {len(source):,} characters; the limit is {limits.max_chars:,} "
                "(Limits.max_chars): split the text or raise the limit"
            )
        text, encoding = source, "str"
        _refuse_binary_text(text)
    else:
        raise TypeError(f"source must be str or bytes, not {type(source).__name__}")
    if not text.strip():
        raise EmptyInputError("input is empty (no text after decoding): give an article's text")
    return Decoded(
        text=text, encoding=encoding, format=detect_format(text), warnings=tuple(warnings)
    )


def detect_format(text: str) -> Literal["text", "html"]:
    """``html`` when the text starts like a page or carries block-level tags near its start."""
    if _HTML_START.match(text):
        return "html"
    head = text[:4096]
    return "html" if len(_HTML_TAGS.findall(head)) >= 2 else "text"


def normalize(text: str) -> str:
    """NFC, ``\\n`` line ends, plain spaces, no zero-width or control characters."""
    if _TO_NORMALIZE.search(text) is None:
        return unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def _decode_bytes(raw: bytes, warnings: list[str]) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as e:
                raise BinaryInputError(
                    f"input starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"at byte {e.start + len(bom)}: re-save the file as UTF-8"
                ) from e
    _refuse_binary_bytes(raw)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        first_bad = e.start
    if _UTF8_MULTIBYTE.search(raw):
        text = raw.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        warnings.append(
            f"invalid UTF-8 from byte {first_bad}: {bad} undecodable sequence(s) replaced by U+FFFD"
        )
        return text, "utf-8"
    text = raw.decode("cp1252", errors="replace")
    warnings.append("input is not UTF-8; decoded as Windows-1252")
    return text, "cp1252"


def _refuse_binary_bytes(raw: bytes) -> None:
    head = raw[:65536]
    if b"\x00" in head or len(_BINARY_BYTES.findall(head)) > max(8, len(head) // 100):
        raise BinaryInputError(
            "input looks binary (NUL or control bytes in its first 64 KB): "
            "give a text or HTML file; PDF, Word and image files are not read"
        )


def _refuse_binary_text(text: str) -> None:
    head = text[:65536]
    if "\x00" in head or _control_count(head) > max(8, len(head) // 100):
        raise BinaryInputError(
            "input text holds NUL or many control characters: it looks binary, "
            "give the article's text or HTML"
        )


def _control_count(text: str) -> int:
    """``len(_CONTROL.findall(text))``, in C byte passes: the ASCII controls are the bytes a
    translation deletes from the UTF-8 form; a C1 control (U+0080-U+009F) is possible only
    after a 0xC2 byte, and only then is the expression run."""
    data = text.encode("utf-8", "surrogatepass")
    if b"\xc2" in data:
        return len(_CONTROL.findall(text))
    return len(data) - len(data.translate(None, _ASCII_CONTROL_BYTES))


def non_ascii(text: str) -> set[str]:
    """The distinct characters of ``text`` outside ASCII: its UTF-8 less the ASCII bytes (the
    bytes of other characters are all above 127), decoded. News text holds few (curly quotes,
    dashes), and telling them apart once each costs less than testing every character of the
    text with an expression."""
    raw = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return set(raw.decode("utf-8", "surrogatepass"))
