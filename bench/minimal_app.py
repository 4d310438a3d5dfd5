"""The reference of bench/site.py: the smallest Django app that answers with a saved page.

No middleware, no database, one view returning the bytes of BENCH_SAVED_PAGE: what any Django
site pays per request before doing anything of its own.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

PAGE = Path(os.environ["BENCH_SAVED_PAGE"]).read_bytes()


def saved_page(request, anything=""):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    SECRET_KEY="bench-only",  # noqa: S106
)
urlpatterns = [path("<path:anything>", saved_page), path("", saved_page)]
application = get_wsgi_application()
