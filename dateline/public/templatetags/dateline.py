from django import template
from django.utils import timezone

from dateline.newsroom import style
from dateline.public.cards import card_html

register = template.Library()


@register.simple_tag
def published(moment, edition):
    """“30 November 2020, 12:46” in the edition's style."""
    return style.published_time(moment, edition) if moment else ""


@register.simple_tag
def clock(moment, edition):
    """“12:46” in the edition's time zone."""
    return style.clock_time(moment, edition) if moment else ""


@register.simple_tag
def list_time(moment, edition):
    """“12:46” for today's articles, with the date for older ones."""
    return style.list_time(moment, edition, now=timezone.now()) if moment else ""


@register.filter
def iso(moment):
    """Machine-readable time for <time datetime>, to the second (HTML allows at most ms)."""
    return moment.isoformat(timespec="seconds") if moment else ""


@register.simple_tag(takes_context=True)
def card(context, article, **variant):
    """An article's card (public/includes/article_card.html), cached: see public/cards.py."""
    return card_html(article, edition=context["edition"], **variant)
