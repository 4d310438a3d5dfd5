"""What to retire when content changes, here and in a frontend cache (nginx, a CDN).

Here: raise the generations of the editions a change shows in (see generations.py); every
page of those editions is then rendered afresh on its next request. A frontend cache cannot
be told "everything in this edition", so it gets the URLs the change is known to appear on
(the story, its rubric, the edition's home and All news, feeds, sitemaps, people and tag
pages) and keeps other pages for PAGE_CACHE_SHARED_SECONDS at most.
"""

from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from .generations import ALL, generations_raise, stories_scope


def article_purge(article) -> None:
    """Retire the pages `article` is or was on; call it inside the change's transaction."""
    from dateline.newsroom.models import Article

    translations = list(
        Article.objects.filter(translation_key=article.translation_key, live=True)
        .exclude(pk=article.pk)
        .select_related("rubric", "locale")
    )
    generations_raise(article.locale.language_code, *(t.locale.language_code for t in translations))
    # A translation's page links this story; one readers may not see yet is in no frontend
    # cache, and its address (the slug says the headline) must not reach a third-party CDN.
    now = timezone.now()
    shown = [t for t in translations if t.killed_at is None and t.public_at and t.public_at <= now]
    urls = article_urls(article) + [t.url for t in shown]
    frontend_purge_on_commit(urls)


def edition_purge(*languages: str, urls: Iterable[str] = (), stories: bool = True) -> None:
    """Retire an edition's pages (or, with no language, the pages of every edition), and
    with `stories` the text of its stories kept apart from their pages too."""
    scopes = languages or [ALL]
    if stories:
        scopes = [*scopes, *(stories_scope(language) for language in languages)]
    generations_raise(*scopes)
    frontend_purge_on_commit([url for url in urls if url])


def article_urls(article) -> list[str]:
    """Paths of the pages a story appears on, first pages of listings included."""
    from dateline.wire.feeds.links import FORMATS

    language = article.locale.language_code
    urls = [article.url, article.rubric.url]
    with translation.override(language):
        urls += [_reverse("wagtail_serve", ""), _reverse("corrections")]
        urls += [_reverse(f"edition_feed_{f.name}") for f in FORMATS]
        urls += [_reverse(f"rubric_feed_{f.name}", article.rubric.slug) for f in FORMATS]
        urls += [_reverse("person", person.slug) for person in article.people.all()]
        urls += [_reverse("author", author.slug) for author in article.authors.all()]
        urls += [_reverse("search:tag", tag.slug) for tag in article.tags.all()]
        if article.public_at:
            day = timezone.localtime(article.public_at)
            urls.append(_reverse("search:archive_day", f"{day:%Y}", f"{day:%m}", f"{day:%d}"))
    urls += [page.url for page in _all_news_pages(article.locale_id)]
    urls += ["/sitemap.xml", f"/sitemaps/news-{language}.xml"]
    if article.public_at:
        urls.append(_month_sitemap(language, article.public_at))
    return [url for url in dict.fromkeys(urls) if url]


def _reverse(name: str, *args) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def _all_news_pages(locale_id: int):
    from dateline.public.models import AllNewsPage

    return AllNewsPage.objects.live().filter(locale_id=locale_id)


def _month_sitemap(language: str, at: datetime) -> str:
    return f"/sitemaps/articles-{language}-{at:%Y}-{at:%m}.xml"


def frontend_purge_on_commit(paths: list[str]) -> None:
    """Purge `paths` from the frontend cache once the change is committed."""
    if not settings.WAGTAILFRONTENDCACHE or not paths:
        return
    from .tasks import frontend_purge

    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    urls = [path if "://" in path else f"{base}{path}" for path in paths]
    # The first attempt right after the commit (a PURGE to nginx takes a millisecond; readers
    # see the story within a second); a failure queues the retries for the worker.
    transaction.on_commit(lambda: frontend_purge.call(urls=urls, attempt=1), robust=True)
