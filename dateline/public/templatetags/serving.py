"""How Wagtail's pages and previews become reader pages: the page's template is one of these
tags, which builds the context with public's views and renders the real template. A model
names a template and never imports a view; the models of the rubric, the directory's pages
and the article live below public (docs/architecture.md)."""

from django import template
from django.template.loader import render_to_string

from dateline.public import views

register = template.Library()


def _render(context, template_name: str, page_context: dict) -> str:
    return render_to_string(template_name, page_context, request=context["request"])


@register.simple_tag(takes_context=True)
def edition_home(context):
    """An edition's front page."""
    home_context = views.edition_home_context(context["request"], context["page"])
    return _render(context, "public/edition_home_page.html", home_context)


@register.simple_tag(takes_context=True)
def all_news(context):
    """The edition's All news, a page of it at a time."""
    listing = views.all_news_context(context["request"], context["page"])
    return _render(context, "public/all_news_page.html", listing)


@register.simple_tag(takes_context=True)
def edition_page(context):
    """The page's own template, with the edition's layout and links added to its context."""
    request, page = context["request"], context["page"]
    page_context = {**context.flatten(), **views.edition_page_context(request, page)}
    return render_to_string(context["page_template"], page_context, request=request)


@register.simple_tag(takes_context=True)
def rubric_page(context):
    """A rubric's listing (Wagtail serves rubric pages, see views.edition_page)."""
    request = context["request"]
    listing = views.rubric_listing_context(request, context["page"])
    return render_to_string("newsroom/rubric.html", listing, request=request)


@register.simple_tag(takes_context=True)
def article_preview(context):
    """The admin's preview of an article: the reader's page, from the draft in memory."""
    request = context["request"]
    article_context = views.article_context(request, context["object"])
    return render_to_string("newsroom/article.html", article_context, request=request)
