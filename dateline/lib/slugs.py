from anyascii import anyascii
from django.utils.text import slugify

SLUG_MAX_LENGTH = 100


def slug_from_text(text: str, max_length: int = SLUG_MAX_LENGTH) -> str:
    """A readable ASCII slug in any script: “Президент” → “prezident”, “明斯克” → “mingsike”."""
    slug = slugify(anyascii(text))[:max_length].strip("-")
    return slug or "item"


def slug_unused(slug: str, taken: set[str]) -> str:
    """`slug`, or the first of `slug`-2, -3… not in `taken`."""
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate
