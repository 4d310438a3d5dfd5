"""The desk's view of the newsroom in the admin: dashboard and the article list."""

from datetime import UTC, datetime, timedelta

import time_machine
from django.urls import reverse
from lxml import html

from dateline.newsroom.models import Urgency
from dateline.test import admin_publish, article_make, chief_editor_make

NINE = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)  # 09:00 in Minsk


def test_dashboard_lists_scheduled_embargoed_and_latest_stories_with_their_times(client, english):
    _, _, rubrics = english
    client.force_login(chief_editor_make())
    with time_machine.travel(NINE, tick=False):
        scheduled = article_make(rubrics["politics"], headline="Scheduled story", live=False)
        admin_publish(client, scheduled, go_live_at="2026-11-26 13:00")
        embargoed = article_make(rubrics["economy"], headline="Embargoed story", live=False)
        admin_publish(client, embargoed, embargo_until="2026-11-26 15:00")
        article_make(
            rubrics["sport"], headline="Published story", published_at=NINE - timedelta(hours=1)
        )
        tree = html.fromstring(client.get(reverse("wagtailadmin_home")).content)
    panel = tree.cssselect("#desk-dashboard-heading")[0].getparent().getparent()
    text = " ".join(panel.text_content().split())
    assert "Scheduled story" in text and "goes live 26 Nov 2026, 13:00" in text
    assert "Embargoed story" in text and "embargoed until 26 Nov 2026, 15:00" in text
    assert "Published story" in text


def test_article_list_filters_by_urgency_and_sorts_by_it(client, english):
    _, _, rubrics = english
    article_make(rubrics["politics"], headline="Flash story", urgency=Urgency.FLASH)
    article_make(rubrics["politics"], headline="Routine story", urgency=Urgency.ROUTINE)
    client.force_login(chief_editor_make())
    list_url = reverse("wagtailsnippets_newsroom_article:list")
    flash_only = client.get(list_url, {"urgency": Urgency.FLASH}).content.decode()
    assert "Flash story" in flash_only and "Routine story" not in flash_only
    by_urgency = html.fromstring(client.get(list_url, {"ordering": "urgency"}).content)
    titles = [
        t.text_content().strip() for t in by_urgency.cssselect("td.title a, .title-wrapper a")
    ]
    titles = [t for t in titles if t in ("Flash story", "Routine story")]
    assert titles == ["Flash story", "Routine story"]
