"""Sitemaps for search engines that stay cheap at a million articles, and robots.txt.

/sitemap.xml is an index of: the structural pages (/sitemaps/pages.xml), each edition's Google
News sitemap (/sitemaps/news-<lang>.xml: the last two days, at most 1,000 articles) and one
sitemap per edition and calendar month, UTC (/sitemaps/articles-<lang>-<yyyy>-<mm>.xml).

Nothing here counts or pages through the archive but the index's lastmods: the newest change
of each month's articles, one range read per month. A month's sitemap is one range scan of
the public-listing index on (locale, public_at). Django's sitemap framework renders the files;
its own index view is not used because it counts every section's rows to paginate it.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, sitemap, x_robots_tag
from django.core.cache import cache
from django.db.models import Max, QuerySet
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from wagtail.models import Page

from dateline.lib import cachekeys
from dateline.lib.locales import locale_language
from dateline.newsroom.models import Article, Edition, Rubric
from dateline.newsroom.selectors import public_filter

from .seo import hreflang

NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000
URLSET = "public/sitemaps/urlset.xml"
# The index's lastmods of months older than these are cached this long (see _month_lastmods).
RECENT_MONTHS = 2
OLDER_MONTHS_SECONDS = 3600


def month_start(moment: datetime) -> datetime:
    moment = moment.astimezone(UTC)
    return datetime(moment.year, moment.month, 1, tzinfo=UTC)


def next_month(start: datetime) -> datetime:
    return (start + timedelta(days=32)).replace(day=1)


def previous_month(start: datetime) -> datetime:
    return (start - timedelta(days=1)).replace(day=1)


def public_articles(edition: Edition, now: datetime) -> QuerySet[Article]:
    """Filters the partial index article_public_by_locale covers, and nothing it does not."""
    return Article.objects.filter(public_filter(now), locale_id=edition.locale_id)


@dataclass(frozen=True)
class ArticlePaths:
    """Article URLs without asking Wagtail for the rubric's URL once per article."""

    rubrics: dict[int, str]  # live rubric id → its path, e.g. /en/politics/

    @classmethod
    def load(cls, request) -> "ArticlePaths":
        rubrics = Rubric.objects.live().only("id", "url_path", "locale_id")
        return cls({rubric.pk: rubric.get_url(request) for rubric in rubrics})

    def of(self, row: dict) -> str:
        # The same URL as Article.url (a test holds them together).
        return f"{self.rubrics[row['rubric_id']]}{row['slug']}-{row['pk']}/"

    def routable(self, rows) -> list[dict]:
        """Rows whose rubric is live. Filtered here: in SQL, PostgreSQL would bitmap-AND the
        whole rubric index with the month's range."""
        return [row for row in rows if row["rubric_id"] in self.rubrics]


ROW_FIELDS = ("pk", "slug", "rubric_id", "public_at", "last_published_at", "translation_key")


def _lastmod(row: dict) -> datetime:
    return max(row["public_at"], row["last_published_at"] or row["public_at"])


def w3c(moment: datetime | None) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else ""


class DatedSitemap(Sitemap):
    """Gives each URL its lastmod as W3C text, formatted here: the template's date filter
    costs several times more on a month's thousands of entries."""

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["lastmod_w3c"] = w3c(url["lastmod"])
        return urls


class ArticleSitemap(DatedSitemap):
    """The articles of one edition that readers first saw in one month, oldest first."""

    limit = 50_000  # the protocol's maximum per file

    def __init__(self, *, edition: Edition, start: datetime, paths: ArticlePaths, now: datetime):
        self.edition, self.start, self.paths, self.now = edition, start, paths, now

    def month(self) -> QuerySet[Article]:
        return public_articles(self.edition, self.now).filter(
            public_at__gte=self.start, public_at__lt=next_month(self.start)
        )

    def items(self) -> list[dict]:
        return self.paths.routable(self.month().order_by("public_at", "id").values(*ROW_FIELDS))

    def location(self, row: dict) -> str:
        return self.paths.of(row)

    def lastmod(self, row: dict) -> datetime:
        return _lastmod(row)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        root = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        translations = self._translations(root)
        for url in urls:
            others = translations.get(url["item"]["translation_key"], [])
            versions = dict([*others, (self.edition.language, url["location"])])
            url["alternates"] = _alternates(versions)
        return urls

    def _translations(self, root: str) -> dict:
        """translation_key → [(language, URL)] of the month's public translations: one query,
        probing the unique (translation_key, locale) index once per article."""
        rows = (
            Article.objects.filter(
                public_filter(self.now),
                translation_key__in=self.month().values("translation_key"),
            )
            .exclude(locale_id=self.edition.locale_id)
            .order_by()
            .values("translation_key", "locale_id", "pk", "slug", "rubric_id")
        )
        found = defaultdict(list)
        for row in self.paths.routable(rows):
            language = locale_language(row["locale_id"])
            found[row["translation_key"]].append((language, root + self.paths.of(row)))
        return found


class NewsSitemap(DatedSitemap):
    """Google News: the edition's articles of the last two days, newest first."""

    limit = NEWS_LIMIT

    def __init__(self, *, edition: Edition, paths: ArticlePaths, now: datetime):
        self.edition, self.paths, self.now = edition, paths, now

    def items(self) -> list[dict]:
        rows = (
            public_articles(self.edition, self.now)
            .filter(public_at__gte=self.now - NEWS_WINDOW)
            .order_by("-public_at", "-id")
            .values(*ROW_FIELDS, "headline")[:NEWS_LIMIT]
        )
        return self.paths.routable(rows)

    def location(self, row: dict) -> str:
        return self.paths.of(row)

    def lastmod(self, row: dict) -> datetime:
        return _lastmod(row)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        publication = {"name": self.edition.agency_name, "language": news_language(self.edition)}
        for url in urls:
            url["publication"] = publication
            url["published_w3c"] = w3c(url["item"]["public_at"])
        return urls


def news_language(edition: Edition) -> str:
    # Google News takes ISO 639 codes, except zh-cn / zh-tw for Chinese.
    return {"zh": "zh-cn"}.get(edition.language, edition.language)


class PageSitemap(DatedSitemap):
    """Every live, public page of every edition: homes, rubrics, sections, directory."""

    def __init__(self, request):
        self.request = request

    def items(self):
        pages = Page.objects.live().public().filter(depth__gt=1).order_by("path")
        return [page for page in pages if page.get_url(self.request)]

    def location(self, page: Page) -> str:
        return page.get_url(self.request)

    def lastmod(self, page: Page) -> datetime | None:
        return page.last_published_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        by_key = defaultdict(dict)
        for url in urls:
            language = locale_language(url["item"].locale_id)
            by_key[url["item"].translation_key][language] = url["location"]
        # The editions' homes name the site root, which sends readers to their language's.
        root = f"{self.get_protocol(protocol)}://{self.get_domain(site)}/"
        for url in urls:
            x_default = root if url["item"].depth == 2 else ""
            url["alternates"] = _alternates(by_key[url["item"].translation_key], x_default)
        return urls


def _alternates(versions: dict[str, str], x_default: str = "") -> list[dict]:
    """The hreflang links of a URL, the same as its page names (seo.hreflang)."""
    return [
        {"lang_code": language, "location": location}
        for language, location in hreflang(versions, x_default=x_default)
    ]


def _edition_or_404(language: str) -> Edition:
    edition = Edition.objects.select_related("locale").filter(locale__language_code=language)
    edition = edition.first()
    if edition is None:
        raise Http404("No such edition")
    return edition


def _first_public_at(edition: Edition, now: datetime) -> datetime | None:
    return (
        public_articles(edition, now)
        .order_by("public_at")
        .values_list("public_at", flat=True)
        .first()
    )


@require_safe
def articles_sitemap(request, language: str, year: str, month: str):
    edition = _edition_or_404(language)
    now = timezone.now()
    first = _first_public_at(edition, now)
    if not 1 <= int(month) <= 12 or int(year) < 1 or first is None:
        raise Http404("No such month")
    start = datetime(int(year), int(month), 1, tzinfo=UTC)
    if not month_start(first) <= start <= month_start(now):
        raise Http404("No stories of this edition in this month")
    section = ArticleSitemap(
        edition=edition, start=start, paths=ArticlePaths.load(request), now=now
    )
    return sitemap(request, {"articles": section}, section="articles", template_name=URLSET)


@require_safe
def news_sitemap(request, language: str):
    edition = _edition_or_404(language)
    section = NewsSitemap(edition=edition, paths=ArticlePaths.load(request), now=timezone.now())
    return sitemap(
        request, {"news": section}, section="news", template_name="public/sitemaps/news.xml"
    )


@require_safe
def pages_sitemap(request):
    return sitemap(request, {"pages": PageSitemap(request)}, section="pages", template_name=URLSET)


@x_robots_tag
@require_safe
def sitemap_index(request):
    now = timezone.now()
    pages = Page.objects.live().public().aggregate(latest=Max("last_published_at"))
    pages_url = request.build_absolute_uri(reverse("sitemap_pages"))
    entries = [SitemapIndexItem(pages_url, pages["latest"])]
    for edition in Edition.objects.select_related("locale"):
        entries += _edition_entries(request, edition, now)
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


def _edition_entries(request, edition: Edition, now: datetime) -> list[SitemapIndexItem]:
    """The edition's news sitemap and its months with articles, newest first, each with the
    newest change of what it lists."""
    months = _month_lastmods(edition, now)
    if not months:
        return []
    language = edition.language
    news_url = reverse("sitemap_news", kwargs={"language": language})
    entries = [SitemapIndexItem(request.build_absolute_uri(news_url), _news_lastmod(edition, now))]
    for start, lastmod in sorted(months.items(), reverse=True):
        url = reverse(
            "sitemap_articles",
            kwargs={"language": language, "year": f"{start.year:04}", "month": f"{start.month:02}"},
        )
        entries.append(SitemapIndexItem(request.build_absolute_uri(url), lastmod))
    return entries


def _month_lastmods(edition: Edition, now: datetime) -> dict[datetime, datetime]:
    """{month: the newest publication or republication among its articles}, for the months
    the edition has articles in: one range read of the public-listing index a month. Those
    reads together read every row of the archive (3–5 s at 200,000 articles on SQLite), so
    the older months' answers are cached an hour: a correction to an old article dates its month
    in the index within the hour (its own sitemap at once); recent months are read afresh."""
    first = _first_public_at(edition, now)
    if first is None:
        return {}
    months = [month_start(now)]
    while months[-1] > month_start(first):
        months.append(previous_month(months[-1]))
    fresh, older = months[:RECENT_MONTHS], months[RECENT_MONTHS:]
    keys = {start: cachekeys.sitemap_lastmod(edition.pk, f"{start:%Y-%m}") for start in older}
    known = cache.get_many(keys.values())
    found = {start: known[keys[start]] for start in older if keys[start] in known}
    read = {
        start: _month_lastmod(edition, start, now) for start in fresh + older if start not in found
    }
    # "" for a month without articles: the cache cannot keep None.
    kept_now = {keys[start]: lastmod or "" for start, lastmod in read.items() if start in keys}
    cache.set_many(kept_now, timeout=OLDER_MONTHS_SECONDS)
    return {start: lastmod for start, lastmod in {**found, **read}.items() if lastmod}


def _month_lastmod(edition: Edition, start: datetime, now: datetime) -> datetime | None:
    latest = (
        public_articles(edition, now)
        .filter(public_at__gte=start, public_at__lt=next_month(start))
        .aggregate(published=Max("public_at"), republished=Max("last_published_at"))
    )
    if latest["published"] is None:
        return None
    return max(latest["published"], latest["republished"] or latest["published"])


def _news_lastmod(edition: Edition, now: datetime) -> datetime | None:
    """The newest change among the news sitemap's articles; with none left in its window, the
    moment the last one left it."""
    latest = (
        public_articles(edition, now)
        .filter(public_at__gte=now - NEWS_WINDOW)
        .aggregate(published=Max("public_at"), republished=Max("last_published_at"))
    )
    if latest["published"] is not None:
        return max(latest["published"], latest["republished"] or latest["published"])
    newest = _newest_public_at(edition, now)
    return newest + NEWS_WINDOW if newest else None


def _newest_public_at(edition: Edition, now: datetime) -> datetime | None:
    newest = public_articles(edition, now).order_by("-public_at")
    return newest.values_list("public_at", flat=True).first()


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
