"""RSS 2.0 per edition, through Django's syndication framework."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import translation
from django.utils.feedgenerator import Rss201rev2Feed

from dateline.newsroom import selectors
from dateline.newsroom.models import Edition

from .chrome import edition_home_url

FEED_SIZE = 50


class EditionFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request):
        language = translation.get_language()
        edition = (
            Edition.objects.select_related("locale").filter(locale__language_code=language).first()
        )
        if edition is None:
            raise Http404("No such edition")
        return edition

    def title(self, edition):
        return f"{edition.agency_name} — {edition.name}"

    def link(self, edition):
        return edition_home_url(edition.language)

    def description(self, edition):
        return edition.agency_name

    def items(self, edition):
        return selectors.published_articles(locale_id=edition.locale_id).prefetch_related(
            "authors"
        )[:FEED_SIZE]

    def item_title(self, article):
        return article.headline

    def item_description(self, article):
        return article.lead

    def item_link(self, article):
        return article.url

    def item_guid(self, article):
        return f"{article.translation_key}:{article.locale_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        return article.public_at

    def item_updateddate(self, article):
        return article.last_published_at

    def item_author_name(self, article):
        return ", ".join(author.name for author in article.authors.all()) or None

    def item_categories(self, article):
        return [article.rubric.title]
