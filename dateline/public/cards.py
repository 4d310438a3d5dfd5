"""An article's card (headline, time, rubric, picture, lead) in lists: the edition home, All
news, rubric, person and author pages, Recent news and related stories.

A listing shows 12–30 cards, and before these were cached each was rendered for every
request (its picture's rendition looked up, its times formatted, its link built): 40 % of an
uncached edition home. A card is cached in the process under everything it shows, so a
publish, which invalidates every page of the edition, leaves the cards of the other
articles as they were. A picture re-cropped after publication shows within
ARTICLE_CACHE_SECONDS, as in the article's own text (article_part.py).
"""

import functools

from django.conf import settings
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString

from dateline.lib.memo import cached_here
from dateline.newsroom import style
from dateline.newsroom.generations import articles_scope, generation_key
from dateline.newsroom.models import Article, Edition

TEMPLATE = "public/includes/article_card.html"
VARIANTS = ("with_image", "with_rubric", "with_lead", "full_date", "clock_only")


def card_html(article: Article, *, edition: Edition, **variant: bool) -> SafeString:
    """The card as TEMPLATE renders it with these `variant` flags (VARIANTS)."""
    flags = tuple(bool(variant.get(name)) for name in VARIANTS)
    context = {"article": article, "edition": edition, **dict(zip(VARIANTS, flags, strict=True))}
    return cached_here(
        _key(article, edition, flags),
        lambda: render_to_string(TEMPLATE, context),
        seconds=settings.ARTICLE_CACHE_SECONDS,
    )


def _key(article: Article, edition: Edition, flags: tuple[bool, ...]) -> tuple:
    with_image, with_rubric, with_lead, full_date, clock_only = flags
    rubric = article.rubric
    # A list time shows the clock for today's articles and the date for older ones.
    today = (
        not (full_date or clock_only)
        and article.public_at is not None
        and style.same_local_day(article.public_at, timezone.now(), edition)
    )
    return (
        _template_fingerprint(),
        edition.pk,
        # Raised when a rubric (or anything else an article shows besides itself) is renamed.
        generation_key(articles_scope(edition.language)),
        flags,
        today,
        article.pk,
        article.headline,
        article.slug,
        article.urgency,
        article.public_at,
        rubric.url_path,
        rubric.title if with_rubric else None,
        article.lead if with_lead else None,
        (article.lead_image_id, article.lead_image_caption) if with_image else None,
    )


@functools.cache
def _template_fingerprint() -> int:
    return hash(get_template(TEMPLATE).template.source)
