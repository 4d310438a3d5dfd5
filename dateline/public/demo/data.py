"""The demo's words, read from the TOML files beside this module."""

import tomllib
import uuid
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"

# English comes first: the first edition's home page becomes the site root.
LANGUAGES = ("en", "ru", "be", "zh")

# Translation keys derive from stable names, so that an edition re-created later links up
# with the others again.
NAMESPACE = uuid.UUID("6f1c2a0e-5d0b-4b8e-9a51-d47e0a5c1e35")


def translation_key(name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, name)


def _load(name: str) -> dict:
    with open(DATA_DIR / name, "rb") as file:
        return tomllib.load(file)


@cache
def editions() -> dict:
    return _load("editions.toml")


@cache
def people() -> dict:
    return _load("people.toml")


@cache
def places() -> dict:
    return _load("places.toml")


@cache
def directory() -> dict:
    return _load("directory.toml")


@cache
def stories(language: str) -> dict:
    return _load(f"stories/{language}.toml")


def check_parallel() -> None:
    """Fail early when a stories file is not parallel to the English one.

    One article plan picks variants by index and renders in every language, so each file
    must offer the same kinds, lists and numbers of variants.
    """
    reference = _shape(stories("en"))
    for language in LANGUAGES[1:]:
        shape = _shape(stories(language))
        if shape != reference:
            differences = sorted(set(shape.items()) ^ set(reference.items()))
            raise ValueError(f"stories/{language}.toml is not parallel to en: {differences}")


def _shape(texts: dict) -> dict[str, int]:
    shape = {f"generic.{key}": _size(value) for key, value in texts["generic"].items()}
    shape |= {f"lists.{key}": len(value) for key, value in texts["lists"].items()}
    for kind, parts in texts["stories"].items():
        shape |= {f"{kind}.{key}": _size(value) for key, value in parts.items()}
    return shape


def _size(value) -> int | tuple[str, ...]:
    if isinstance(value, dict):
        return tuple(sorted(value))
    return len(value) if isinstance(value, list) else 1
