from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from dateline.public import views
from dateline.public.feeds import EditionFeed

handler400 = "dateline.public.errors.bad_request"
handler404 = "dateline.public.errors.page_not_found"
handler500 = "dateline.public.errors.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

# Each edition lives under its language: /en/, /ru/, /be/, /zh/.
urlpatterns += i18n_patterns(
    path("rss.xml", EditionFeed(), name="edition_feed"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
