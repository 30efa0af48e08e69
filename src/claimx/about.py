"""Package metadata, importable without spaCy."""

__version__ = "0.1.0"
