"""Feed routes, included under each edition's language prefix (before Wagtail's pages).

Wagtail serves only paths that end in a slash, so a rubric page cannot route "rss.xml"
itself; these patterns answer /<lang>/<rubric>/rss.xml before Wagtail is asked.
"""

from django.urls import path

from . import views
from .links import FORMATS

urlpatterns = [
    *(
        path(f.filename, views.edition_feed, {"format_name": f.name}, name=f"edition_feed_{f.name}")
        for f in FORMATS
    ),
    *(
        path(
            f"<slug:rubric>/{f.filename}",
            views.rubric_feed,
            {"format_name": f.name},
            name=f"rubric_feed_{f.name}",
        )
        for f in FORMATS
    ),
]
