"""Search, the date archive and tag pages of an edition, under its language prefix (the
namespace keeps its name: "search:tag", "search:archive_day"…)."""

from django.urls import path, re_path

from . import search as views

app_name = "search"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("archive/", views.archive, name="archive"),
    re_path(r"^archive/(?P<year>\d{4})/$", views.archive_year, name="archive_year"),
    re_path(
        r"^archive/(?P<year>\d{4})/(?P<month>\d{2})/$", views.archive_month, name="archive_month"
    ),
    re_path(
        r"^archive/(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})/$",
        views.archive_day,
        name="archive_day",
    ),
    path("tags/<str:slug>/", views.tag_listing, name="tag"),
]
