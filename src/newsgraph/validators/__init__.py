"""Checks of documents against the model and the official schemas.

Each checker takes the bytes of a document and returns a list of :class:`Problem`;
an empty list means valid. They are registered per format in :mod:`newsgraph.formats`.
"""

from .problem import Problem

__all__ = ["Problem"]
