"""Errors whose message is one clear sentence for the user."""

from __future__ import annotations


class KitError(Exception):
    """A refusal or failure the user can act on; str(error) is the sentence to show."""


class PackError(KitError):
    """A pack file or source is not acceptable."""


class FutureFormatError(PackError):
    """The pack was written for a newer Training Kit."""


class SignatureError(PackError):
    """A signature does not match."""


class Cancelled(KitError):
    """The user cancelled a long job."""
