"""The exceptions a user can see: each one prints as a single line, never a traceback."""


class BriefgenError(Exception):
    """A problem the user can fix; its message names the file and the fix."""

    exit_code = 1


class InputError(BriefgenError):
    """A seed article that cannot be read or holds no article."""


class ConfigError(BriefgenError):
    """A settings or spec file that is invalid."""


class BuildError(BriefgenError):
    """An external step (MkDocs, PDF engine) failed."""
