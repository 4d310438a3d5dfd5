"""A story's body as partners get it: its quotes stay quotes, with who said them, for the
parsers partners import the wire with."""

from urllib.parse import quote

from lxml import etree
from lxml import html as lxml_html

from dateline.test import article_make, auth, partner_make

ITEMS = "/api/wire/v1/items"
XHTML = "{http://www.w3.org/1999/xhtml}"
QUOTE = "We will build new schools in every district.\nAnd we will do it this year."


def item(client, article, format_name: str):
    _, secret = partner_make(editions=["en"])
    uri = quote(f"urn:dateline:{article.translation_key}:en")
    response = client.get(f"{ITEMS}/{uri}?format={format_name}", **auth(secret))
    assert response.status_code == 200
    return response


def superdesk_import(body: etree._Element) -> list[str]:
    """What Superdesk's NewsML-G2 parser takes of an inlineXML body (its
    parse_inline_content): each element under <body> with its own text, up to its first
    child element; an element with no text of its own is dropped."""
    return [element.text for element in body if element.text]


def test_a_quote_reaches_ninjs_partners_as_a_blockquote_followed_by_its_speaker(client, english):
    _, _, rubrics = english
    article = article_make(rubrics["politics"], paragraphs=("One.", "Two."), quote=QUOTE)
    [body] = item(client, article, "ninjs-3.1").json()["bodies"]
    fragment = lxml_html.fragment_fromstring(body["value"], create_parent="div")

    quotes = fragment.findall("blockquote")
    assert [q.text_content() for q in quotes] == QUOTE.splitlines()
    speaker = quotes[-1].getnext()
    assert (speaker.tag, speaker.text_content()) == ("p", "— The minister")
    assert fragment.find("figure") is None


def test_a_newsml_g2_body_keeps_the_quote_and_its_speaker_for_superdesk(client, english):
    _, _, rubrics = english
    article = article_make(rubrics["politics"], paragraphs=("One.", "Two."), quote=QUOTE)
    root = etree.fromstring(item(client, article, "newsml-g2").content)
    body = root.find(f".//{XHTML}body")

    quotes = [element.text for element in body if element.tag == f"{XHTML}blockquote"]
    assert quotes == QUOTE.splitlines()
    imported = superdesk_import(body)
    story = imported[imported.index("One.") :]  # what the wire puts before the body aside
    assert story == ["One.", *QUOTE.splitlines(), "— The minister", "Two."]
