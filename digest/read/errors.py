"""The errors a corpus can raise while it is read."""

from __future__ import annotations


class SourceError(Exception):
    """A file that cannot be read as an article; the message names the reason."""


class ManifestError(Exception):
    """A ``sources.yml`` that cannot be used; the message names the file and line."""


class MissingDependencyError(Exception):
    """A package needed to read saved web pages is not installed, or is broken."""
