from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from dateline.newsroom.admin_views import SiteHistoryView
from dateline.public import sitemaps, views
from dateline.wire.api import api as wire_api

handler400 = "dateline.public.errors.bad_request"
handler404 = "dateline.public.errors.page_not_found"
handler500 = "dateline.public.errors.server_error"

urlpatterns = [
    # Wagtail's site history report without the articles the user may not see: ahead of the
    # admin's own URLs, which Wagtail's hooks cannot replace.
    path(
        "admin/reports/site-history/",
        never_cache(require_admin_access(SiteHistoryView.as_view())),
    ),
    path(
        "admin/reports/site-history/results/",
        never_cache(require_admin_access(SiteHistoryView.as_view(results_only=True))),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The partner API (ninjs, NewsML-G2), outside the editions: /api/wire/v1/items…
    path("api/wire/v1/", wire_api.urls),
    # Search engines: robots.txt, a sitemap index, then sitemaps per edition and month.
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap_index"),
    path("sitemaps/pages.xml", sitemaps.pages_sitemap, name="sitemap_pages"),
    re_path(
        r"^sitemaps/articles-(?P<language>[a-z]{2,3})-(?P<year>\d{4})-(?P<month>\d{2})\.xml$",
        sitemaps.articles_sitemap,
        name="sitemap_articles",
    ),
    re_path(
        r"^sitemaps/news-(?P<language>[a-z]{2,3})\.xml$",
        sitemaps.news_sitemap,
        name="sitemap_news",
    ),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

# Each edition lives under its language: /en/, /ru/, /be/, /zh/.
urlpatterns += i18n_patterns(
    # Feeds of the edition (rss.xml, atom.xml, feed.json) and of each rubric (<rubric>/rss.xml…).
    path("", include("dateline.public.feeds.urls")),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("authors/<slug:slug>/", views.author_detail, name="author"),
    path("corrections/", views.corrections, name="corrections"),
    # Search, the date archive and tag pages: /en/search/, /en/archive/2026/11/30/, /en/tags/…
    path("", include("dateline.public.search_urls")),
    # An article: /en/politics/parliament-adopts-the-budget-123/ (other pages go on to Wagtail).
    re_path(
        r"^(?P<rubric_slug>[-\w]+)/(?P<slug>[-\w]*)-(?P<article_id>\d+)/$",
        views.article_detail,
        name="article",
    ),
    # The edition's home, All news and rubrics without Wagtail's routing (others go on to it).
    path("", views.edition_page, name="edition_home"),
    path("<slug:page_slug>/", views.edition_page, name="edition_page"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
