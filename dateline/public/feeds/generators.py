"""The three feed formats, as Django feed generators with what an agency's feed adds.

Each item carries, besides Django's fields: `content_html` (full text), `summary` (the lead as
plain text), `authors` (every byline) and `image` (a FeedImage or None).
"""

import json

from django.utils.feedgenerator import (
    Atom1Feed,
    Rss201rev2Feed,
    SyndicationFeed,
    rfc3339_date,
)

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
MEDIA_NS = "http://search.yahoo.com/mrss/"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


class RssFeed(Rss201rev2Feed):
    """RSS 2.0 with content:encoded, one dc:creator per byline and Media RSS for the picture."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DC_NS,
            "xmlns:media": MEDIA_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        handler.addQuickElement("content:encoded", item["content_html"])
        image = item["image"]
        if image is not None:
            handler.startElement(
                "media:content",
                {
                    "url": image.url,
                    "medium": "image",
                    "type": image.mime_type,
                    "fileSize": str(image.length),
                    "width": str(image.width),
                    "height": str(image.height),
                },
            )
            if image.caption:
                handler.addQuickElement("media:description", image.caption)
            if image.credit:
                handler.addQuickElement("media:credit", image.credit)
            handler.endElement("media:content")


class AtomFeed(Atom1Feed):
    """Atom 1.0 with the full text as content and every byline as an author."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        handler.addQuickElement("content", item["content_html"], {"type": "html"})


class JsonFeed(SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        outfile.write(json.dumps(self.document(), ensure_ascii=False))

    def document(self) -> dict:
        feed = self.feed
        document = {
            "version": JSON_FEED_VERSION,
            "title": feed["title"],
            "home_page_url": feed["link"],
            "feed_url": feed["feed_url"],
            "description": feed["description"],
            "language": feed["language"],
            "authors": [{"name": feed["author_name"]}] if feed["author_name"] else [],
            "items": [self.item_document(item) for item in self.items],
        }
        # Optional members are left out rather than null; `items` is required, even empty.
        return {k: v for k, v in document.items() if k == "items" or v not in (None, [])}

    def item_document(self, item: dict) -> dict:
        document = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "content_html": item["content_html"],
            "summary": item["summary"],
            "image": item["image"].url if item["image"] else None,
            "date_published": rfc3339_date(item["pubdate"]),
            "date_modified": rfc3339_date(item["updateddate"]),
            "authors": [{"name": name} for name in item["authors"]],
            "tags": list(item["categories"]),
            "language": self.feed["language"],
        }
        return {k: v for k, v in document.items() if v not in (None, [])}
