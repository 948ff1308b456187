"""Work done once per shared object while a report is written.

The check hands out one object per distinct resolution, count and body of evidence, so a
catalogue's lines share them; a writer that turns each into text once saves most of its work."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class PerObject(Generic[T]):
    """`make(obj)` once per object identity; the object is kept, so its id cannot be reused."""

    def __init__(self, make: Callable[[Any], T]) -> None:
        self._make = make
        self._done: dict[int, tuple[object, T]] = {}

    def __call__(self, obj: Any) -> T:
        hit = self._done.get(id(obj))
        if hit is None:
            hit = self._done[id(obj)] = (obj, self._make(obj))
        return hit[1]

    def of(self, key: Any, obj: Any) -> T:
        """`make(obj)` once per identity of `key` (a part of `obj` that decides the result)."""
        hit = self._done.get(id(key))
        if hit is None:
            hit = self._done[id(key)] = (key, self._make(obj))
        return hit[1]
