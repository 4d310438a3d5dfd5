"""Pages whose models live below public (a rubric, directory pages, an article's preview):
their template is one of these tags, which builds the reader's page here, in public. A
model names a template; it never imports public (docs/architecture.md)."""

from django import template
from django.template.loader import render_to_string

from dateline.public import views

register = template.Library()


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
