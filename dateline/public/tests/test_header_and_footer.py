"""The frame of every page: portal sections, date, weather, rubrics, editions, subscribe."""

from datetime import UTC, datetime, timedelta

import time_machine
from lxml import html

from dateline.public.models import SubscribeSettings
from dateline.weather.models import Observation

THURSDAY_NOON = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def home(client, language="en"):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    return html.fromstring(response.content)


def texts(tree, css):
    return [" ".join(node.text_content().split()) for node in tree.cssselect(css)]


def test_header_links_the_portal_sections_all_news_and_rubrics_in_order(client, english):
    tree = home(client)
    assert texts(tree, "nav.portal a") == ["Projects", "Services", "Government Bodies"]
    assert texts(tree, "nav.rubrics a") == ["All news", "Politics", "Economy", "Sport"]
    assert tree.cssselect("nav.rubrics a")[0].get("href") == "/en/news/"


@time_machine.travel(THURSDAY_NOON, tick=False)
def test_header_shows_todays_date_in_each_editions_language(client, english):
    from dateline.test import edition_make

    for language in ("ru", "be", "zh"):
        edition_make(language)
    assert texts(home(client, "en"), ".today time") == ["Thursday, 26 November 2026"]
    assert texts(home(client, "ru"), ".today time") == ["четверг, 26 ноября 2026"]
    assert texts(home(client, "be"), ".today time") == ["чацвер, 26 лістапада 2026"]
    assert texts(home(client, "zh"), ".today time") == ["2026年11月26日星期四"]


@time_machine.travel(datetime(2026, 11, 26, 21, 5, tzinfo=UTC), tick=False)
def test_header_date_has_already_turned_at_minsk_midnight(client, english):
    # 21:05 UTC is five past midnight on Friday in Minsk.
    assert texts(home(client), ".today time") == ["Friday, 27 November 2026"]


@time_machine.travel(datetime(2026, 11, 26, 16, 30, tzinfo=UTC), tick=False)
def test_header_date_is_the_editions_own_in_text_and_for_machines(client, english):
    # An edition in another time zone than the server's (Minsk): half past midnight, Friday.
    edition, _, _ = english
    edition.timezone = "Asia/Shanghai"
    edition.save()
    tree = home(client)
    assert texts(tree, ".today time") == ["Friday, 27 November 2026"]
    assert tree.cssselect(".today time")[0].get("datetime") == "2026-11-27"


@time_machine.travel(THURSDAY_NOON, tick=False)
def test_weather_slot_shows_the_latest_fresh_observation(client, english):
    edition, _, _ = english
    Observation.objects.create(
        edition=edition,
        observed_at=THURSDAY_NOON - timedelta(minutes=20),
        temperature_c=-23.2,
        weather_code=1,
        provider="test",
    )
    assert texts(home(client), ".weather") == ["Minsk Mainly clear -23°C"]


@time_machine.travel(THURSDAY_NOON, tick=False)
def test_weather_slot_is_absent_without_a_fresh_observation(client, english):
    edition, _, _ = english
    assert home(client).cssselect(".weather") == []
    Observation.objects.create(
        edition=edition,
        observed_at=THURSDAY_NOON - timedelta(hours=4),
        temperature_c=3,
        weather_code=3,
        provider="test",
    )
    assert home(client).cssselect(".weather") == []


def test_edition_switcher_lists_every_edition_and_marks_this_one(client, russian):
    tree = home(client, "ru")
    links = tree.cssselect("nav.languages a")
    assert [(a.get("hreflang"), a.get("href")) for a in links] == [("en", "/en/"), ("ru", "/ru/")]
    assert tree.cssselect("nav.languages a[aria-current]")[0].get("hreflang") == "ru"
    assert tree.get("lang") == "ru"


def test_footer_subscribe_links_come_from_site_settings(client, english):
    settings = SubscribeSettings.load()
    settings.telegram_url = "https://t.me/dateline_news"
    settings.x_url = "https://x.com/dateline_news"
    settings.newsletter_email = "subscribe@dateline.example"
    settings.save()
    tree = home(client)
    assert texts(tree, ".subscribe h2") == ["Subscribe to us"]
    links = {a.text_content(): a.get("href") for a in tree.cssselect(".subscribe a")}
    assert links == {
        "RSS": "/en/rss.xml",
        "Telegram": "https://t.me/dateline_news",
        "X": "https://x.com/dateline_news",
        "Email": "mailto:subscribe@dateline.example",
    }
    feed = tree.cssselect('link[rel=alternate][type="application/rss+xml"]')[0]
    assert feed.get("href") == "/en/rss.xml"


def test_page_has_skip_link_to_main_and_one_h1(client, english):
    tree = home(client)
    skip = tree.cssselect("a.skip-link")[0]
    assert skip.get("href") == "#main"
    assert tree.cssselect("main#main")
    assert len(tree.cssselect("h1")) == 1


def test_root_redirects_to_an_edition(client, english):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_edition_switcher_on_rubric_all_news_and_section_pages_leads_to_the_same_page(
    client, russian
):
    for path in ("politics", "news", "projects", "government-bodies"):
        tree = html.fromstring(client.get(f"/en/{path}/").content)
        assert tree.cssselect('nav.languages a[hreflang="ru"]')[0].get("href") == f"/ru/{path}/"
        back = html.fromstring(client.get(f"/ru/{path}/").content)
        assert back.cssselect('nav.languages a[hreflang="en"]')[0].get("href") == f"/en/{path}/"
