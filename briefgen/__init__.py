"""briefgen: turn analytical articles into briefings rendered by MkDocs Material."""

__version__ = "0.1.0"
