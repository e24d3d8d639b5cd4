"""Errors the user can act on: the message is one line of Vietnamese naming what and where."""


class UserError(Exception):
    """Bad input or an unusable file; str(e) is shown to the user as it is."""
