"""A partner republishing a story's body gets its first paragraph: the dateline and the lead."""

import json
from datetime import UTC, datetime

import pytest
import time_machine
from lxml import etree, html

from dateline.test import article_make, partner_make
from dateline.wire.formats import FORMATS, NEWSML_G2, NINJS_16
from dateline.wire.formats.render import render_item
from dateline.wire.items import item_from_version
from dateline.wire.selectors import partner_versions, with_item_relations

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
XHTML = {"x": "http://www.w3.org/1999/xhtml", "g2": "http://iptc.org/std/nar/2006-10-01/"}


def first_paragraph(body: bytes, format_name: str) -> str:
    if format_name == NEWSML_G2:
        paragraph = etree.fromstring(body).find(".//g2:inlineXML/x:html/x:body/x:p", XHTML)
        return " ".join("".join(paragraph.itertext()).split())
    document = json.loads(body)
    markup = document["body_html"] if format_name == NINJS_16 else document["bodies"][0]["value"]
    paragraph = html.fragment_fromstring(markup, create_parent="div").find("p")
    return " ".join(paragraph.text_content().split())


def lead_on_the_page(client, story) -> str:
    page = html.fromstring(client.get(story.url).content)
    return " ".join(page.cssselect("article p.lead")[0].text_content().split())


@pytest.mark.parametrize("format_name", FORMATS)
@time_machine.travel(NOW, tick=False)
def test_the_bodys_first_paragraph_is_the_dateline_and_lead_as_readers_see_them(
    client, english, format_name
):
    story = article_make(
        english[2]["politics"],
        published_at=datetime(2026, 11, 26, 9, 46, tzinfo=UTC),
        lead="Deputies approved the budget in the second reading.",
        paragraphs=("The session lasted four hours.",),
    )
    partner, _ = partner_make()
    [version] = with_item_relations(partner_versions(partner=partner, now=NOW))
    item = item_from_version(version, show_embargo=False)
    body, _ = render_item(item, format_name)

    seen = lead_on_the_page(client, story)
    assert seen.startswith("MINSK, 26 November (")
    assert first_paragraph(body, format_name) == seen
    assert body.decode().count("Deputies approved the budget") == 2, "the body and the summary"
    assert "The session lasted four hours." in body.decode()
