from django.http import Http404
from django.utils import translation
from wagtail import hooks

from dateline.lib.locales import locale_language


@hooks.register("before_serve_page")
def serve_pages_only_under_their_own_language(page, request, serve_args, serve_kwargs):
    """/be/… must not show the English home when there is no Belarusian edition.

    Wagtail falls back to the site root's own page when a language has no translation of it;
    for a news agency an edition that does not exist is a 404.
    """
    if locale_language(page.locale_id) != translation.get_language():
        raise Http404("This edition has no such page")
