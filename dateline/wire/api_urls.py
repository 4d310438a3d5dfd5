"""The partner API's URLs alone: the URLconf its requests are answered in.

The site's URLconf also holds the editions under /en/, /ru/…; seen from there, an API path
that answers 404 looks like an edition page missing its prefix, and Django's LocaleMiddleware
would redirect a partner's program to /en/api/… (see api_errors.answering_in_json).
"""

from django.urls import path

from .api import api

urlpatterns = [path("api/wire/v1/", api.urls)]
