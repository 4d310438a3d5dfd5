"""Reader-facing views: parse the request, call one selector, render."""

from itertools import groupby

from django.core.exceptions import BadRequest
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.views import serve as wagtail_serve

from dateline.lib.cursors import BadCursor, Cursor
from dateline.newsroom import selectors, style
from dateline.newsroom.models import (
    Article,
    ArticleVersion,
    Author,
    Edition,
    Person,
    Rubric,
    VersionKind,
)
from dateline.public.feeds.links import rubric_feed_links

from . import seo
from .article_part import ArticlePart, article_part_cached, article_part_render
from .layout import (
    home_rubric_blocks,
    languages_translated,
    latest_articles,
    page_layout,
    page_translations,
    recent_cards,
)
from .models import AllNewsPage, EditionHomePage


def layout_or_404(**kwargs) -> dict:
    layout = page_layout(**kwargs)
    if layout is None:
        raise Http404("No such edition")
    return layout


def _cursor_param(request, name: str) -> Cursor | None:
    value = request.GET.get(name)
    if not value:
        return None
    try:
        return Cursor.parse(value)
    except BadCursor as error:
        raise BadRequest(str(error)) from error


def listing_page_at(request, articles, page_of=selectors.listing_page) -> selectors.ListingPage:
    before = _cursor_param(request, "before")
    after = _cursor_param(request, "after")
    if before and after:
        raise BadRequest("Give either ?before= or ?after=, not both.")
    return page_of(articles, before=before, after=after)


def group_by_day(articles: list[Article], edition: Edition) -> list[tuple[str, list[Article]]]:
    """[(“26 November 2026”, [articles of that local day, newest first]), …]."""

    def local_day(article):
        return timezone.localtime(article.public_at, edition.tz).date()

    return [
        (style.day_heading(items[0].public_at, edition), items)
        for _day, group in groupby(articles, key=local_day)
        for items in [list(group)]
    ]


def listing_context(request, articles, layout: dict, **context) -> dict:
    page = listing_page_at(request, selectors.as_cards(articles))
    return {
        **layout,
        **context,
        "page": page,
        "days": group_by_day(page.articles, layout["edition"]),
    }


def listing_response(request, template: str, articles, layout: dict, **context):
    return TemplateResponse(
        request, template, listing_context(request, articles, layout, **context)
    )


def edition_page(request, page_slug: str = ""):
    """An edition's home, All news or rubric page, found from the cached menu instead of by
    Wagtail's routing (the site, the locale, a walk down the tree: five queries a page), then
    served by Wagtail as usual: its hooks (view restrictions, methods, the edition's
    language) run as for any page. Other pages go on to Wagtail's routing."""
    layout = page_layout(language=translation.get_language())
    path = f"{page_slug}/" if page_slug else ""
    page = _edition_page(layout, page_slug) if layout else None
    if page is not None:
        # Wagtail's own per-request memo of the route (Page.route_for_request), as the page
        # itself routes the rest of the path (none: a rubric's listing is its "" route).
        request._wagtail_route_for_request = page.route(request, [])
    return wagtail_serve(request, path)


def _edition_page(layout: dict, slug: str):
    locale_id = layout["edition"].locale_id
    if not slug:
        return EditionHomePage.objects.live().filter(locale_id=locale_id, depth=2).first()
    rubric = next((r for r in layout["rubric_pages"] if r.slug == slug), None)
    if rubric is not None:
        return Rubric.objects.filter(pk=rubric.pk).first()
    all_news = layout["all_news"]
    if all_news and all_news.url == f"{layout['home_url']}{slug}/":
        return AllNewsPage.objects.filter(pk=all_news.page_id).first()
    return None


def edition_home_context(request, home) -> dict:
    """An edition's front page (Wagtail serves it: its template's tag renders this)."""
    layout = layout_or_404(locale_id=home.locale_id)
    edition = layout["edition"]
    latest = latest_articles(edition)
    main = _main_article(home, latest)
    latest = [a for a in latest if a.pk != (main and main.pk)][:12]
    blocks = home_rubric_blocks(edition, layout["rubric_pages"])
    homes = {language["code"]: language["url"] for language in layout["languages"]}
    urls = seo.PageUrls(
        canonical=request.build_absolute_uri(layout["home_url"]),
        home=request.build_absolute_uri(layout["home_url"]),
        languages=sorted(homes),
    )
    return {
        **layout,
        "page": home,
        "main_article": main,
        "latest": latest,
        "rubric_blocks": blocks,
        "canonical_url": urls.canonical,
        # "/" sends a reader to their language's edition: the x-default of Google's hreflang.
        "alternates": [
            *((code, request.build_absolute_uri(url)) for code, url in sorted(homes.items())),
            ("x-default", request.build_absolute_uri("/")),
        ],
        "share": seo.edition_home_share(
            request,
            edition=edition,
            description=home.search_description,
            main_article=main,
            urls=urls,
        ),
    }


def _main_article(home, latest: list[Article]) -> Article | None:
    if home.main_article_id:
        chosen = (
            selectors.as_cards(selectors.published_articles(locale_id=home.locale_id))
            .filter(pk=home.main_article_id)
            .first()
        )
        if chosen:
            return chosen
    with_photo = [a for a in latest if a.lead_image_id]
    return with_photo[0] if with_photo else (latest[0] if latest else None)


def _page_links(request, url: str, translations: dict[str, str]) -> dict:
    """The canonical URL of a listing's first page and its translations for search engines
    (hreflang); its older pages (a cursor) name none: no other edition has the same page."""
    if "before" in request.GET or "after" in request.GET:
        return {}
    return seo.page_links(request, url, {**translations, translation.get_language(): url})


def all_news_context(request, page) -> dict:
    """The edition's All news (Wagtail serves it: its template's tag renders this)."""
    translations = page_translations(page)
    layout = layout_or_404(locale_id=page.locale_id, translations=translations)
    articles = selectors.published_articles(locale_id=page.locale_id)
    return listing_context(
        request,
        articles,
        layout,
        self=page,
        **_page_links(request, page.url, translations),
    )


def rubric_listing_context(request, rubric: Rubric) -> dict:
    """A rubric's page (Wagtail serves it; the tag of its template renders this)."""
    translations = page_translations(rubric)
    layout = layout_or_404(locale_id=rubric.locale_id, translations=translations)
    articles = selectors.published_articles(locale_id=rubric.locale_id).filter(rubric=rubric)
    return listing_context(
        request,
        articles,
        layout,
        self=rubric,
        rubric=rubric,
        current_rubric_id=rubric.pk,
        feeds=[*rubric_feed_links(rubric, layout["edition"]), *layout["feeds"]],
        **_page_links(request, rubric.url, translations),
    )


def edition_page_context(request, page) -> dict:
    """The layout (header, footer) and the canonical and hreflang links of one of the
    edition's other pages (Wagtail's: directory, standard pages), added to its own context."""
    translations = page_translations(page)
    layout = layout_or_404(locale_id=page.locale_id, translations=translations)
    # Its address and translations for search engines, as the pages sitemap lists them.
    language = layout["edition"].language
    return {**layout, **seo.page_links(request, page.url, {**translations, language: page.url})}


def article_context(
    request,
    article: Article,
    layout: dict | None = None,
    part: ArticlePart | None = None,
    translations: dict[str, str] | None = None,
) -> dict:
    """Everything the article template shows; also used by the admin preview.

    `layout`, `part` and `translations` when the caller has them already. The preview has
    none: its article is rendered afresh from what it holds in memory (byline, people, tags)."""
    if translations is None:
        translations = selectors.translation_urls(article) if article.pk else {}
    layout = layout or layout_or_404(locale_id=article.locale_id)
    edition = layout["edition"]
    part = part or article_part_render(
        request,
        article,
        edition=edition,
        mentions=selectors.Mentions.held_by(article),
        translations=translations,
        home_url=layout["home_url"],
    )
    # Recent news: the edition's cards, rendered once for all its articles, less this one.
    cards = recent_cards(edition, now=timezone.now())
    recent = [(pk, card) for pk, card in cards if pk != article.pk][:8]
    related = (
        selectors.related_articles(
            article,
            people=part.person_ids,
            tags=part.tag_ids,
            exclude_ids=[pk for pk, _card in recent],
            rubrics=layout["rubric_pages"],
        )
        if article.pk
        else []
    )
    article_url = article.url if article.pk else ""
    return {
        **layout,
        "languages": languages_translated(layout["languages"], translations),
        "article": article,
        "article_part": part,
        "share": part.share,
        "recent_cards": [card for _pk, card in recent],
        "related": related,
        **(
            seo.page_links(request, article_url, {**translations, edition.language: article_url})
            if article.pk
            else {}
        ),
        "current_rubric_id": article.rubric_id,
        "current_rubric_aria": "location",
        "feeds": [*layout["feeds"], *rubric_feed_links(article.rubric, edition)],
    }


def article_detail(request, rubric_slug: str, slug: str, article_id: str):
    """An article's page. Served without Wagtail's page routing (four queries a page); a path
    that only looks like an article's (a project called "plan-2030") goes on to Wagtail."""
    layout = layout_or_404(language=translation.get_language())
    edition = layout["edition"]
    if not any(rubric.slug == rubric_slug for rubric in layout["rubric_pages"]):
        return wagtail_serve(request, f"{rubric_slug}/{slug}-{article_id}/")
    article = selectors.published_article(
        article_id=int(article_id), locale_id=edition.locale_id, rubrics=layout["rubric_pages"]
    )
    if article is None:
        killed = selectors.killed_article(article_id=int(article_id), locale_id=edition.locale_id)
        if killed is not None:
            return withdrawn_article(request, killed)
        raise Http404("No such article in this edition")
    if article.rubric.slug != rubric_slug or article.slug != slug:
        # Old slug or moved rubric: one canonical URL per article.
        return redirect(article.url, permanent=True)
    translations = selectors.translation_urls(article)
    part = article_part_cached(
        request,
        article,
        edition=edition,
        translations=translations,
        home_url=layout["home_url"],
    )
    context = article_context(request, article, layout, part, translations)
    return TemplateResponse(request, "newsroom/article.html", context)


def withdrawn_article(request, article: Article):
    """A killed article's URL: 410 Gone with a short notice, nothing of the article itself."""
    layout = layout_or_404(locale_id=article.locale_id)
    return TemplateResponse(request, "newsroom/withdrawn.html", layout, status=410)


def person_detail(request, slug: str):
    layout = layout_or_404(language=translation.get_language())
    edition = layout["edition"]
    person = get_object_or_404(
        Person.objects.select_related("portrait"), locale_id=edition.locale_id, slug=slug
    )
    articles = selectors.published_articles(locale_id=edition.locale_id).filter(people=person)
    # The language switcher leads to the same person's page where the edition has one.
    translations = selectors.translation_page_urls(person)
    layout = {**layout, "languages": languages_translated(layout["languages"], translations)}
    return listing_response(request, "newsroom/person.html", articles, layout, person=person)


def author_detail(request, slug: str):
    """A reporter's page: their articles in this edition, newest first."""
    layout = layout_or_404(language=translation.get_language())
    edition = layout["edition"]
    author = get_object_or_404(
        Author.objects.only("id", "name", "slug", "translation_key"),
        locale_id=edition.locale_id,
        slug=slug,
    )
    articles = selectors.published_articles(locale_id=edition.locale_id).filter(authors=author)
    # The language switcher and hreflang lead to the same author's page in other editions.
    translations = selectors.translation_page_urls(author)
    layout = {**layout, "languages": languages_translated(layout["languages"], translations)}
    url = reverse("author", kwargs={"slug": author.slug})
    return listing_response(
        request,
        "public/author.html",
        articles,
        layout,
        author=author,
        **_page_links(request, url, translations),
    )


def corrections(request):
    """The edition's public corrections, newest first: what was wrong, and where."""
    layout = layout_or_404(language=translation.get_language())
    edition = layout["edition"]
    public = selectors.published_articles(locale_id=edition.locale_id).values("pk")
    notes = (
        ArticleVersion.objects.filter(kind=VersionKind.CORRECTION, article__in=public)
        .select_related("article__rubric")
        .order_by("-created_at")[:100]
    )
    return TemplateResponse(request, "public/corrections.html", {**layout, "corrections": notes})
