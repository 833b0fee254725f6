"""Pure cleaning functions: no I/O, no Prefect. ``clean_page`` is the entry point."""

from transforms.models import Document, Metadata, Reject, Removed, Section
from transforms.pipeline import CleanOptions, clean_page

__all__ = ["CleanOptions", "Document", "Metadata", "Reject", "Removed", "Section", "clean_page"]
