""":mod:`claimx.errors`: the errors claimx raises on purpose.

Each message names what (which file, which option), what is wrong and what to
do about it, so the CLI can print it as it is.
"""


class ClaimxError(Exception):
    """Base class: an error a user can act on, with a message that says how."""


class RulePackError(ClaimxError):
    """A rule pack in ``models/`` is missing or malformed."""


class ModelNotFoundError(ClaimxError):
    """The spaCy pipeline asked for is not installed."""


class ReadError(ClaimxError):
    """A corpus file cannot be read; the message is one line naming the reason."""


class GoldError(ClaimxError):
    """A gold directory or gold file is missing or malformed."""
