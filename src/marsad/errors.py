"""Errors a user can act on: each names the input and the reason."""


class MarsadError(Exception):
    """Base class for marsad errors."""


class InputError(MarsadError):
    """An input that cannot be processed (binary, undecodable, empty, too large...)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
