"""An article's body as the wire sends it: sanitized HTML with absolute links, and its
XHTML twin."""

import html
from collections.abc import Callable
from urllib.parse import urljoin

import nh3
from lxml import etree
from lxml import html as lxml_html
from wagtail.rich_text import expand_db_html

XHTML = "http://www.w3.org/1999/xhtml"

TAGS = {
    "p",
    "h2",
    "h3",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    "a",
    "strong",
    "em",
    "b",
    "i",
    "br",
    "ul",
    "ol",
    "li",
    "small",
}
ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "width", "height"}}
URL_ATTRIBUTES = {("a", "href"), ("img", "src")}


def lead_paragraph(*, dateline: str, lead: str) -> str:
    """The body's first paragraph as readers see it: “MINSK, 30 November (DNA) - ” + the lead.

    Partners republish the body; without this paragraph their copy would start mid-article.
    """
    return f"<p>{html.escape(f'{dateline} {lead}'.strip())}</p>"


def body_html(blocks, *, base_url: str, image_url: Callable) -> str:
    """The StreamField body as clean HTML: paragraphs, headings, quotes as blockquote, figures.

    `image_url(image)` gives (absolute URL, width, height) of an inline picture's rendition.
    """
    parts = []
    for block in blocks:
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            parts.append(expand_db_html(value.source))
        elif kind == "heading":
            parts.append(f"<h2>{html.escape(value)}</h2>")
        elif kind == "quote":
            parts.append(_quote(value))
        elif kind == "image" and value.get("image") is not None:
            parts.append(_figure(value, image_url))
    return sanitize("".join(parts), base_url=base_url)


def _quote(value) -> str:
    """A blockquote per line of the quote, then its speaker: a partner's importer keeps them.

    Superdesk's NewsML-G2 parser keeps an element under <body> only with the text it holds
    itself, up to its first child: a <figure> around the quote, a <p> inside it or a <br>
    between its lines lost the quote, or all but its first line."""
    lines = [line.strip() for line in value["text"].splitlines() if line.strip()]
    quotes = "".join(f"<blockquote>{html.escape(line)}</blockquote>" for line in lines)
    attribution = value.get("attribution")
    speaker = f"<p>— {html.escape(attribution)}</p>" if attribution else ""
    return quotes + speaker


def _figure(value, image_url: Callable) -> str:
    url, width, height = image_url(value["image"])
    caption, credit = value.get("caption") or "", value.get("credit") or ""
    img = (
        f'<img src="{html.escape(url)}" alt="{html.escape(caption)}" '
        f'width="{width}" height="{height}">'
    )
    if caption or credit:
        small = f" <small>{html.escape(credit)}</small>" if credit else ""
        img += f"<figcaption>{html.escape(caption)}{small}</figcaption>"
    return f"<figure>{img}</figure>"


def sanitize(markup: str, *, base_url: str) -> str:
    """Only the tags a partner's page can take as they are; links made absolute."""

    def absolute(tag: str, attribute: str, value: str) -> str | None:
        if (tag, attribute) in URL_ATTRIBUTES:
            return urljoin(base_url, value)
        return value

    return nh3.clean(
        markup,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        attribute_filter=absolute,
        strip_comments=True,
    )


# Elements that end a line of text: "…reading.</p><p>The session…" is two words, not one.
BLOCK_TAGS = ("p", "li", "blockquote", "figcaption", "h2", "h3", "h4", "h5", "h6", "br")


def text_of(markup: str) -> str:
    if not markup:
        return ""
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    return root.text_content()


def xhtml_document(markup: str, *, title: str, language: str) -> etree._Element:
    """A well-formed XHTML document of the sanitized body, for NewsML-G2's inlineXML."""
    root = etree.Element(f"{{{XHTML}}}html", nsmap={None: XHTML})
    root.set("lang", language)
    head = etree.SubElement(root, f"{{{XHTML}}}head")
    etree.SubElement(head, f"{{{XHTML}}}title").text = title
    body = etree.SubElement(root, f"{{{XHTML}}}body")
    if not markup:
        return root
    container = lxml_html.fragment_fromstring(markup, create_parent="div")
    for element in container.iter():
        if isinstance(element.tag, str):
            element.tag = f"{{{XHTML}}}{element.tag}"
    body.text = container.text
    body.extend(list(container))
    return root
