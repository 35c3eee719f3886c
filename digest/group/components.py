"""Item pairs for the grouping stage; connected components come from ``digest.unionfind``."""

from __future__ import annotations

from ..unionfind import connected_components

Pair = tuple[int, int]
"""Two item numbers, the smaller first."""

__all__ = ["Pair", "connected_components"]
