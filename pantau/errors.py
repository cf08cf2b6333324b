"""Exceptions raised by pantau.

::

    PantauError                    base of everything pantau raises on purpose
    ├── InputError                 the input cannot be read as an article
    │   ├── EmptyInputError        nothing but white space (or nothing at all)
    │   ├── BinaryInputError       bytes that are not text in any encoding we accept
    │   ├── InputTooLargeError     over the size limit (see ``pantau.source.Limits``)
    │   ├── EncodingError          undecodable text with strict decoding
    │   └── MarkupError            HTML that cannot be parsed (too deep, broken beyond repair)
    ├── ResourceError              a shipped or shared resource is missing or corrupt
    │   └── CorpusNotFoundError    a corpus in ``../shared`` is absent
    └── ConfigurationError         an option given by the caller is invalid

Messages name the bad value and say how to fix it.
"""

from __future__ import annotations


class PantauError(Exception):
    """Base of every exception pantau raises on purpose."""


class InputError(PantauError, ValueError):
    """The input cannot be read as an article."""


class EmptyInputError(InputError):
    """The input holds no text."""


class BinaryInputError(InputError):
    """The input is binary data, not text."""


class InputTooLargeError(InputError):
    """The input exceeds the configured size limit."""


class EncodingError(InputError):
    """The input's bytes cannot be decoded."""


class MarkupError(InputError):
    """The HTML cannot be parsed within the limits."""


class ResourceError(PantauError):
    """A resource pantau needs (model, data file, corpus) is missing or corrupt."""


class CorpusNotFoundError(ResourceError, FileNotFoundError):
    """A corpus expected under ``../shared`` is absent."""


class ConfigurationError(PantauError, ValueError):
    """An option given by the caller is invalid."""
