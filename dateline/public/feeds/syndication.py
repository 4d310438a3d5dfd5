"""Django syndication feeds of a FeedScope: one class per format."""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape
from wagtail.images import get_image_model

from .entries import LEAD_RENDITION, FeedEntry, feed_entry
from .generators import AtomFeed, JsonFeed, RssFeed
from .scope import FEED_SIZE, FeedScope


class ArticleFeed(Feed):
    """The newest articles of a scope. Called with `scope=` by the feed views."""

    def get_object(self, request, *, scope: FeedScope) -> FeedScope:
        return scope

    def title(self, scope: FeedScope) -> str:
        return scope.title

    def link(self, scope: FeedScope) -> str:
        return scope.page_url

    def description(self, scope: FeedScope) -> str:
        return scope.rubric.intro if scope.rubric and scope.rubric.intro else scope.title

    def author_name(self, scope: FeedScope) -> str:
        return scope.edition.agency_name

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        # The edition's language, not the request's: "zh" rather than Django's "zh-hans".
        feed.feed["language"] = obj.edition.language
        return feed

    def items(self, scope: FeedScope) -> list[FeedEntry]:
        renditions = (
            get_image_model().get_rendition_model().objects.filter(filter_spec=LEAD_RENDITION)
        )
        articles = (
            scope.articles()
            .select_related("locale")
            .prefetch_related("authors", Prefetch("lead_image__renditions", queryset=renditions))
        )
        return [
            feed_entry(article, edition=scope.edition, base_url=scope.base_url)
            for article in articles[:FEED_SIZE]
        ]

    def item_title(self, entry: FeedEntry) -> str:
        return entry.title

    def item_description(self, entry: FeedEntry) -> str:
        # RSS descriptions and Atom summaries are HTML; the lead is plain text.
        return escape(entry.summary)

    def item_link(self, entry: FeedEntry) -> str:
        return entry.url

    def item_guid(self, entry: FeedEntry) -> str:
        return entry.guid

    item_guid_is_permalink = False

    def item_pubdate(self, entry: FeedEntry):
        return entry.published

    def item_updateddate(self, entry: FeedEntry):
        return entry.updated

    def item_categories(self, entry: FeedEntry) -> list[str]:
        return [entry.category]

    def item_enclosures(self, entry: FeedEntry) -> list[Enclosure]:
        image = entry.image
        if image is None:
            return []
        return [Enclosure(url=image.url, length=str(image.length), mime_type=image.mime_type)]

    def item_extra_kwargs(self, entry: FeedEntry) -> dict:
        return {
            "content_html": entry.content_html,
            "summary": entry.summary,
            "authors": entry.authors,
            "image": entry.image,
        }


class RssArticleFeed(ArticleFeed):
    feed_type = RssFeed


class AtomArticleFeed(ArticleFeed):
    feed_type = AtomFeed


class JsonArticleFeed(ArticleFeed):
    feed_type = JsonFeed


FEED_CLASSES: dict[str, type[ArticleFeed]] = {
    "rss": RssArticleFeed,
    "atom": AtomArticleFeed,
    "json": JsonArticleFeed,
}
