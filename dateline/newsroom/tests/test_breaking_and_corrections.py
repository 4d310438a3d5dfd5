"""Breaking-news banner for flash and urgent stories; the public Corrections page."""

from datetime import UTC, datetime, timedelta

import time_machine
from lxml import html

from dateline.newsroom.models import ArticleVersion, Urgency, VersionKind
from dateline.publishing.pipeline import article_kill
from dateline.test import article_make, chief_editor_make

NOON = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def banner(client, url="/en/"):
    nodes = html.fromstring(client.get(url).content).cssselect(".breaking")
    return " ".join(nodes[0].text_content().split()) if nodes else None


def test_flash_story_shows_a_banner_for_an_hour_on_every_edition_page(client, english):
    _, _, rubrics = english
    article_make(
        rubrics["politics"],
        headline="Earthquake felt in Minsk",
        urgency=Urgency.FLASH,
        published_at=NOON,
    )
    with time_machine.travel(NOON + timedelta(minutes=59), tick=False):
        assert banner(client) == "Breaking news Earthquake felt in Minsk"
        assert banner(client, "/en/economy/") == "Breaking news Earthquake felt in Minsk"
    with time_machine.travel(NOON + timedelta(minutes=61), tick=False):
        assert banner(client) is None


def test_urgent_story_shows_for_half_an_hour_and_routine_never(client, english):
    _, _, rubrics = english
    article_make(
        rubrics["economy"],
        headline="Central bank cuts rate",
        urgency=Urgency.URGENT,
        published_at=NOON,
    )
    article_make(
        rubrics["economy"], headline="Routine story", published_at=NOON + timedelta(minutes=1)
    )
    with time_machine.travel(NOON + timedelta(minutes=29), tick=False):
        assert banner(client) == "Urgent Central bank cuts rate"
    with time_machine.travel(NOON + timedelta(minutes=31), tick=False):
        assert banner(client) is None


def test_embargoed_flash_story_gets_no_banner_before_release(client, english):
    _, _, rubrics = english
    story = article_make(
        rubrics["politics"], headline="Embargoed flash", urgency=Urgency.FLASH, published_at=NOON
    )
    story.public_at = NOON + timedelta(hours=2)
    story.save()
    with time_machine.travel(NOON + timedelta(minutes=5), tick=False):
        assert banner(client) is None


def test_corrections_page_lists_public_corrections_with_their_notes(client, english):
    _, _, rubrics = english
    corrected = article_make(rubrics["economy"], headline="Exports grow", published_at=NOON)
    ArticleVersion.objects.create(
        article=corrected,
        number=2,
        kind=VersionKind.CORRECTION,
        note="An earlier version gave the growth as 21%.",
        created_at=NOON + timedelta(hours=1),
    )
    killed = article_make(rubrics["economy"], headline="Withdrawn story", published_at=NOON)
    ArticleVersion.objects.create(
        article=killed, number=2, kind=VersionKind.CORRECTION, note="Wrong name.", created_at=NOON
    )
    killed.version = 2
    killed.save()
    article_kill(article=killed, user=chief_editor_make(), reason="Legal")
    tree = html.fromstring(client.get("/en/corrections/").content)
    assert tree.cssselect("h1")[0].text_content() == "Corrections"
    entries = tree.cssselect("article.correction")
    assert [e.cssselect("h2 a")[0].text_content() for e in entries] == ["Exports grow"]
    assert "An earlier version gave the growth as 21%." in entries[0].text_content()
    assert entries[0].cssselect("h2 a")[0].get("href") == corrected.url
    footer_link = tree.cssselect(".site-footer a[href='/en/corrections/']")
    assert footer_link
