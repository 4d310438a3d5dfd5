"""A small per-process copy in front of the shared cache, for values that never change
under their key (the key names the generation or version they were made from)."""

import threading
import time
from collections import OrderedDict
from collections.abc import Hashable

from django.core.cache import cache


class LocalMemo:
    """The `size` most recently used values of this process, each until its expiry time."""

    def __init__(self, size: int):
        self._values: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: Hashable, now: float):
        with self._lock:
            found = self._values.get(key)
            if found is None:
                return None
            expires, value = found
            if expires <= now:
                del self._values[key]
                return None
            self._values.move_to_end(key)
            return value

    def put(self, key: Hashable, value, expires: float) -> None:
        with self._lock:
            self._values[key] = (expires, value)
            self._values.move_to_end(key)
            while len(self._values) > self._size:
                self._values.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


# Page parts (menus, Recent news cards, an article's rendered text): ~1–30 KB each.
_parts = LocalMemo(size=300)
# Articles' cards (public/cards.py): ~0.5 KB each, the newest few thousand of every edition.
_here = LocalMemo(size=5000)


def cached(key: str, compute, *, seconds: int):
    """compute(), cached `seconds` in this process and in the shared cache under `key`.

    The key must change whenever the value would (a generation, a version in it): a copy
    is never checked against the shared cache. With the shared cache down (Redis away)
    every process computes and caches its own copy. `seconds` <= 0: compute every time."""
    if seconds <= 0:
        return compute()
    now = time.time()
    value = _parts.get(key, now)
    if value is None:
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, seconds)
        # From the shared cache its copy may live up to twice `seconds` in all: harmless, as
        # the key changes with the value.
        _parts.put(key, value, now + seconds)
    return value


def cached_here(key, compute, *, seconds: int):
    """compute(), cached `seconds` in this process only, under `key` (any hashable that
    changes with the value). For small values cheaper to make again than to fetch from the
    shared cache one by one: a page of 20 cards would ask Redis 20 times."""
    if seconds <= 0:
        return compute()
    now = time.time()
    value = _here.get(key, now)
    if value is None:
        value = compute()
        _here.put(key, value, now + seconds)
    return value


def forget_cached() -> None:
    """Drop this process's copies (tests: a rolled-back database reuses generations)."""
    _parts.clear()
    _here.clear()
