"""An article's own part of its page — the article element and the tags shared links read —
rendered once per published version and cached across the edition's publishes.

Every publish in an edition invalidates all of its pages (Recent news changes on each), so on a
busy day each article's page is rendered again many times while the article itself has not
changed. What it shows of itself is cached under a key naming everything that text depends
on: the article's version, the edition's articles scope (raised when a rubric, a person, an
author or a tag is renamed: see newsroom.generations.articles_scope), the lead photo (or,
for an article without one, the edition's default picture) as cropped, the site address of
the request (shared links are absolute), the editions it is translated into and the code
that renders it (rendering_fingerprint). Body photos re-cropped after publication show
within ARTICLE_CACHE_SECONDS.
"""

import functools
import hashlib
import inspect
import sys
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString

from dateline.lib import cachekeys
from dateline.lib.memo import cached
from dateline.newsroom import blocks, selectors, style
from dateline.newsroom.generations import articles_scope, generation_key
from dateline.newsroom.models import Article, Edition, VersionKind

from . import seo
from .templatetags import dateline as tags

TEMPLATE = "newsroom/includes/article_part.html"


@dataclass(frozen=True)
class ArticlePart:
    html: SafeString  # the <article> element
    share: seo.ShareMeta | None  # None for an article not yet saved (a preview)
    person_ids: tuple[int, ...]  # for its related articles
    tag_ids: tuple[int, ...]


def article_part_cached(
    request, article: Article, *, edition: Edition, translations: dict[str, str], home_url: str
) -> ArticlePart:
    """A published article's part, cached for ARTICLE_CACHE_SECONDS under its version."""
    return cached(
        _key(request, article, edition, translations),
        lambda: article_part_render(
            request,
            article,
            edition=edition,
            mentions=selectors.article_mentions(article),
            translations=translations,
            home_url=home_url,
        ),
        seconds=settings.ARTICLE_CACHE_SECONDS,
    )


def article_part_render(
    request,
    article: Article,
    *,
    edition: Edition,
    mentions: selectors.Mentions,
    translations: dict[str, str],
    home_url: str,
) -> ArticlePart:
    """The article as the article template shows it; a preview's (unsaved) article too."""
    published_at = article.public_at or timezone.now()
    announced = (
        list(
            article.versions.filter(kind__in=(VersionKind.UPDATE, VersionKind.CORRECTION)).order_by(
                "number"
            )
        )
        if article.pk and article.version > 1  # a first version announces nothing
        else []
    )
    updated_at = announced[-1].created_at if announced else None
    html = render_to_string(
        TEMPLATE,
        {
            "article": article,
            "edition": edition,
            "mentions": mentions,
            "dateline": style.dateline(
                city=article.dateline_city, published_at=published_at, edition=edition
            ),
            "published_display": style.published_time(published_at, edition),
            "published_at": published_at,
            "updated_at": updated_at,
            "updated_display": _updated_display(updated_at, published_at, edition),
            "corrections": [v for v in announced if v.kind == VersionKind.CORRECTION],
        },
    )
    share = None
    if article.pk:
        share = seo.article_share(
            request,
            article,
            mentions=mentions,
            edition=edition,
            published_at=published_at,
            urls=seo.PageUrls(
                canonical=request.build_absolute_uri(article.url),
                home=request.build_absolute_uri(home_url),
                languages=sorted({*translations, edition.language}),
            ),
        )
    return ArticlePart(
        html=html,
        share=share,
        person_ids=tuple(person.pk for person in mentions.people),
        tag_ids=tuple(tag.pk for tag in mentions.tags),
    )


def _updated_display(updated_at, published_at, edition: Edition) -> str:
    if not updated_at:
        return ""
    if style.same_local_day(updated_at, published_at, edition):
        return style.clock_time(updated_at, edition)
    return style.published_time(updated_at, edition)


@functools.cache
def rendering_fingerprint() -> str:
    """Changes with a release that changes how an article is rendered (its template and its
    blocks', the agency's style, the share tags): a cached text never outlives its code."""
    templates = [
        TEMPLATE,
        *(
            block.meta.template
            for block in blocks.ArticleBodyBlock().child_blocks.values()
            if getattr(block.meta, "template", None)
        ),
    ]
    sources = [get_template(name).template.source for name in templates]
    sources += [
        inspect.getsource(module) for module in (style, seo, tags, blocks, sys.modules[__name__])
    ]
    return hashlib.md5("".join(sources).encode()).hexdigest()[:12]  # noqa: S324 (a fingerprint)


def _key(request, article: Article, edition: Edition, translations: dict[str, str]) -> str:
    image = seo.share_image(article, edition)
    photo = f"{image.pk}.{image.file.name}.{image.get_focal_point()}" if image is not None else "-"
    published = article.last_published_at.timestamp() if article.last_published_at else 0
    return cachekeys.article_part(
        *[
            rendering_fingerprint(),
            generation_key(articles_scope(edition.language)),
            f"{article.pk}.{article.version}.{published}",
            f"{request.scheme}://{request.get_host()}",
            ",".join(sorted(translations)),
            photo,
        ]
    )
