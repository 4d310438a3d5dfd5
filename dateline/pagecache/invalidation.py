"""What to invalidate when content changes, here and in a frontend cache (nginx, a CDN).

Here: raise the generations of the editions a change shows in (see generations.py); every
page of those editions is then rendered afresh on its next request. A frontend cache cannot
be told "everything in this edition", so it gets the URLs the change is known to appear on
(the article, its rubric, the edition's home and All news, feeds, sitemaps, people and tag
pages) and keeps other pages for PAGE_CACHE_SHARED_SECONDS at most.
"""

from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from dateline.newsroom.generations import ALL, articles_scope, generations_raise
from dateline.newsroom.models import Article
from dateline.public.feeds.links import FORMATS
from dateline.public.models import AllNewsPage

from .tasks import frontend_purge


def article_invalidate(article) -> list[str]:
    """Invalidate the cached pages `article` is or was on (inside the change's transaction);
    returns the addresses a frontend cache must purge."""
    translations = list(
        Article.objects.filter(translation_key=article.translation_key, live=True)
        .exclude(pk=article.pk)
        .select_related("rubric", "locale")
    )
    generations_raise(article.locale.language_code, *(t.locale.language_code for t in translations))
    # A translation's page links this article; one readers may not see yet is in no frontend
    # cache, and its address (the slug says the headline) must not reach a third-party CDN.
    now = timezone.now()
    shown = [t for t in translations if t.killed_at is None and t.public_at and t.public_at <= now]
    return article_urls(article) + [t.url for t in shown]


def edition_invalidate(*languages: str, urls: Iterable[str] = (), articles: bool = True) -> None:
    """Invalidate an edition's pages (or, with no language, the pages of every edition), and
    with `articles` the text of its articles cached apart from their pages too."""
    scopes = languages or [ALL]
    if articles:
        scopes = [*scopes, *(articles_scope(language) for language in languages)]
    generations_raise(*scopes)
    frontend_purge_enqueue([url for url in urls if url])


def article_urls(article) -> list[str]:
    """Paths of the pages an article appears on, first pages of listings included."""
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
    return AllNewsPage.objects.live().filter(locale_id=locale_id)


def _month_sitemap(language: str, at: datetime) -> str:
    return f"/sitemaps/articles-{language}-{at:%Y}-{at:%m}.xml"


def frontend_purge_enqueue(paths: list[str]) -> None:
    """Queue the purge of `paths` from the frontend cache once the change is committed."""
    if not settings.WAGTAILFRONTENDCACHE or not paths:
        return
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    urls = [path if "://" in path else f"{base}{path}" for path in paths]
    # A task, not a call: the editor's request never waits on nginx or a CDN. The worker
    # takes it within a second (its priority is above the wire's); a failure queues retries.
    transaction.on_commit(lambda: frontend_purge.enqueue(urls=urls, attempt=1), robust=True)
