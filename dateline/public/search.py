"""Search, the date archive and tag pages: parse the request, call the selectors, render."""

from datetime import date, timedelta

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.views.decorators.cache import cache_control
from taggit.models import Tag

from dateline.lib.ratelimit import client_address
from dateline.lib.searchtext import config_for, query_terms
from dateline.newsroom import selectors as newsroom
from dateline.newsroom import style
from dateline.newsroom.models import Article, ArticleTag
from dateline.search import calendar, selectors
from dateline.search.forms import SearchForm
from dateline.search.highlight import SNIPPET_REACH, Marker
from dateline.search.ratelimit import search_rate_check

from .views import layout_or_404, listing_page_at, listing_response

FIRST_YEAR = 1990


def _edition_layout() -> dict:
    return layout_or_404(language=translation.get_language())


# Not kept by the page cache or a CDN: each search counts against the client's rate limit.
@cache_control(private=True, max_age=0)
def search(request):
    allowance = search_rate_check(client_address(request))
    if not allowance.allowed:
        response = TemplateResponse(request, "search/too_many.html", status=429)
        response["Retry-After"] = str(allowance.reset_after)
        return response
    layout = _edition_layout()
    edition = layout["edition"]
    form = SearchForm(request.GET, edition=edition, rubrics=layout["rubric_pages"])
    asked = form.search_request()
    context = {
        **layout,
        "form": form,
        "asked": asked,
        "searched": bool(asked.query or asked.filters),
        "archive_url": reverse("search:archive"),
        "words_only_query": urlencode({"q": asked.query}),
    }
    if context["searched"]:
        context.update(_results_page(request, asked, edition))
        marker = Marker(query_terms(asked.query, limit=20), config_for(edition.language))
        context["results"] = [_result(article, marker) for article in context["articles"]]
    return TemplateResponse(request, "search/search.html", context)


def _results_page(request, asked, edition) -> dict:
    """One page of results, and the query string its pager links keep."""
    kept = [(k, v) for k, v in request.GET.items() if k not in ("page", "before", "after")]
    search = {
        "locale_id": edition.locale_id,
        "language": edition.language,
        "query": asked.query,
        "filters": asked.filters,
    }
    if asked.by_relevance:
        rows, more = selectors.relevance_page(selectors.best_matches(**search), number=asked.page)
        return {
            "articles": rows,
            "previous_page": asked.page - 1 if asked.page > 1 else None,
            "next_page": asked.page + 1
            if more and asked.page < selectors.MAX_RELEVANCE_PAGES
            else None,
            "kept_query": urlencode(kept),
        }
    found = selectors.find_matches(**search)
    page = listing_page_at(request, found, selectors.newest_first_page)
    return {"articles": page.articles, "page": page, "kept_query": urlencode(kept)}


def _result(article: Article, marker: Marker) -> dict:
    return {
        "article": article,
        "headline": marker.mark(article.headline),
        "snippet": marker.snippet(_text_to_snippet(article, marker)),
    }


def _text_to_snippet(article: Article, marker: Marker) -> str:
    """The lead and as much of the body as the snippet needs: up to a window past the first
    match. Turning every block of twenty bodies into text was a fifth of a search page."""
    parts = [article.lead]
    length, first = len(article.lead), marker.first(article.lead)
    for block in article.body:
        if first is not None and length > first + SNIPPET_REACH:
            break
        for part in block.block.get_searchable_content(block.value):
            text = str(part)
            if first is None and (found := marker.first(text)) is not None:
                first = length + 1 + found  # after the space that joins it on
            parts.append(text)
            length += 1 + len(text)
    return " ".join(parts)


# --- The date archive --------------------------------------------------------------------------


def archive(request):
    layout = _edition_layout()
    edition = layout["edition"]
    span = selectors.edition_span(locale_id=edition.locale_id, tz=edition.tz)
    context = {**layout, "years": [], "month": None}
    context["weekdays"] = calendar.weekday_names(edition.language)
    if span:
        first, last = span
        context["years"] = [
            (year, calendar.year_url(year)) for year in range(last.year, first.year - 1, -1)
        ]
        context["month"] = _month(edition, last.year, last.month)
    return TemplateResponse(request, "search/archive.html", context)


def archive_year(request, year: str):
    layout = _edition_layout()
    edition = layout["edition"]
    number = _year(year)
    counts = selectors.day_counts(
        locale_id=edition.locale_id,
        tz=edition.tz,
        first=date(number, 1, 1),
        last=date(number, 12, 31),
    )
    months = [calendar.month_grid(number, m, counts, edition.language) for m in range(1, 13)]
    return TemplateResponse(
        request,
        "search/archive_year.html",
        {
            **layout,
            "year": number,
            "months": months,
            "stories": sum(counts.values()),
            "weekdays": calendar.weekday_names(edition.language),
            "previous_url": calendar.year_url(number - 1) if number > FIRST_YEAR else "",
            "next_url": calendar.year_url(number + 1) if number < _today(edition).year else "",
        },
    )


def archive_month(request, year: str, month: str):
    layout = _edition_layout()
    edition = layout["edition"]
    first = _date(year, month, "01")
    after_last = (first + timedelta(days=32)).replace(day=1)
    articles = newsroom.published_articles(locale_id=edition.locale_id).filter(
        public_at__gte=selectors.local_midnight(first, edition.tz),
        public_at__lt=selectors.local_midnight(after_last, edition.tz),
    )
    previous = (first - timedelta(days=1)).replace(day=1)
    return listing_response(
        request,
        "search/archive_month.html",
        articles,
        layout,
        month=_month(edition, first.year, first.month),
        weekdays=calendar.weekday_names(edition.language),
        year_url=calendar.year_url(first.year),
        previous_url=calendar.month_url(previous) if previous.year >= FIRST_YEAR else "",
        next_url=calendar.month_url(after_last) if after_last <= _today(edition) else "",
    )


def archive_day(request, year: str, month: str, day: str):
    layout = _edition_layout()
    edition = layout["edition"]
    the_day = _date(year, month, day)
    articles = newsroom.published_articles(locale_id=edition.locale_id).filter(
        public_at__gte=selectors.local_midnight(the_day, edition.tz),
        public_at__lt=selectors.local_midnight(the_day + timedelta(days=1), edition.tz),
    )
    before, after = selectors.neighbour_days(
        locale_id=edition.locale_id, tz=edition.tz, day=the_day
    )
    return listing_response(
        request,
        "search/archive_day.html",
        articles,
        layout,
        heading=style.day_heading(selectors.local_midnight(the_day, edition.tz), edition),
        day=the_day,
        month_url=calendar.month_url(the_day),
        month_title=calendar.month_title(the_day.replace(day=1), edition.language),
        previous_url=calendar.day_url(before) if before else "",
        next_url=calendar.day_url(after) if after else "",
    )


def _month(edition, year: int, month: int) -> calendar.Month:
    first = date(year, month, 1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    counts = selectors.day_counts(
        locale_id=edition.locale_id, tz=edition.tz, first=first, last=last
    )
    return calendar.month_grid(year, month, counts, edition.language)


def _today(edition) -> date:
    return timezone.localtime(timezone.now(), edition.tz).date()


def _year(year: str) -> int:
    number = int(year)
    if not FIRST_YEAR <= number <= timezone.now().year + 1:
        raise Http404("The archive has no such year")
    return number


def _date(year: str, month: str, day: str) -> date:
    try:
        return date(_year(year), int(month), int(day))
    except ValueError as error:
        raise Http404("No such day") from error


# --- Tags --------------------------------------------------------------------------------------


def tag_listing(request, slug: str):
    if "\x00" in slug:  # PostgreSQL refuses the character in a query
        raise Http404("No such tag")
    layout = _edition_layout()
    tag = get_object_or_404(Tag, slug=slug)
    tagged = ArticleTag.objects.filter(tag=tag).values("content_object_id")
    articles = newsroom.published_articles(locale_id=layout["edition"].locale_id).filter(
        pk__in=tagged
    )
    return listing_response(
        request,
        "search/tag.html",
        articles,
        layout,
        tag=tag,
        search_url=reverse("search:search") + "?" + urlencode({"tag": tag.slug}),
    )
