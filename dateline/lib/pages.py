import threading

from django.core.signals import request_finished, request_started
from django.dispatch import receiver


class EditionPageMixin:
    """For Wagtail pages of an edition (directory, standard pages): served through
    "public/edition_page.html", whose tag renders the page's own template with the layout
    (header, footer), the canonical address and the hreflang links added. The layout is
    public's, a layer above the apps that have such pages: a template name is no import."""

    def get_template(self, request, *args, **kwargs):
        return "public/edition_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_template"] = super().get_template(request, *args, **kwargs)
        return context


class SiteRootPathsPerRequest:
    """For pages whose URL is asked many times a request (a rubric, for each article linked):
    Wagtail keeps the site root paths on each page object, so a list of 40 articles (each
    with its own rubric object) asks the cache 40 times. Inside a request, ask it once; a
    page object that was given them (the menu's, cached with the page layout) asks nobody."""

    def _get_site_root_paths(self, request=None):
        given = "_wagtail_cached_site_root_paths" in self.__dict__
        if request is None and not given and getattr(_request_memo, "active", False):
            paths = getattr(_request_memo, "site_root_paths", None)
            if paths is None:
                paths = _request_memo.site_root_paths = super()._get_site_root_paths()
            return paths
        return super()._get_site_root_paths(request)


_request_memo = threading.local()


@receiver(request_started)
def _request_started(**kwargs):
    _request_memo.active = True
    _request_memo.site_root_paths = None


@receiver(request_finished)
def _request_finished(**kwargs):
    _request_memo.active = False
    _request_memo.site_root_paths = None
