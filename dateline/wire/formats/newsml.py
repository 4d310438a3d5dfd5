"""IPTC NewsML-G2 2.35 newsItems (and a newsMessage of several) of a WireItem.

itemMeta carries the item's life: class ninat:text, provider, versionCreated, firstCreated,
embargoed, pubStatus (stat:canceled for a kill, stat:withheld for an unpublish), edNote and
signal (sig:update, sig:correction). contentMeta describes it: urgency, located, creators,
language, subjects (medtop: for the rubric, cpnat:person, cpnat:geoArea), keywords, headline,
dateline, by and the lead as a summary. The body is XHTML in contentSet/inlineXML.
"""

from datetime import datetime

from lxml import etree

from ..body import xhtml_document
from ..items import WireItem
from .ninjs import time

NAR = "http://iptc.org/std/nar/2006-10-01/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The IPTC catalog that resolves the scheme aliases used here (ninat, stat, sig, medtop…).
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml"
SIGNALS = {"update": "sig:update", "correction": "sig:correction"}


def _el(parent: etree._Element | None, name: str, text: str | None = None, **attributes):
    qualified = f"{{{NAR}}}{name}"
    if parent is None:
        element = etree.Element(qualified, nsmap={None: NAR})
    else:
        element = etree.SubElement(parent, qualified)
    for attribute, value in attributes.items():
        element.set(attribute, str(value))
    if text is not None:
        element.text = text
    return element


def news_item(item: WireItem) -> etree._Element:
    root = _el(
        None,
        "newsItem",
        guid=item.uri,
        version=item.version,
        standard="NewsML-G2",
        standardversion="2.35",
        conformance="power",
    )
    root.set(XML_LANG, item.language)
    _el(root, "catalogRef", href=IPTC_CATALOG)
    rights = _el(root, "rightsInfo")
    _named(_el(rights, "copyrightHolder", uri=item.provider_url), item.provider)
    _item_meta(root, item)
    _content_meta(root, item)
    if not item.withdrawn:
        inline = _el(
            _el(root, "contentSet"),
            "inlineXML",
            contenttype="application/xhtml+xml",
            wordcount=item.word_count,
        )
        inline.append(xhtml_document(item.body_html, title=item.headline, language=item.language))
    return root


def news_item_bytes(item: WireItem) -> bytes:
    return etree.tostring(news_item(item), xml_declaration=True, encoding="UTF-8")


def news_message_bytes(items: list[WireItem], *, sent: datetime) -> bytes:
    """Several newsItems in one newsMessage, as a page of the pull API answers."""
    message = _el(None, "newsMessage")
    _el(_el(message, "header"), "sent", time(sent))
    item_set = _el(message, "itemSet")
    for item in items:
        item_set.append(news_item(item))
    return etree.tostring(message, xml_declaration=True, encoding="UTF-8")


def _named(element: etree._Element, name: str) -> etree._Element:
    _el(element, "name", name)
    return element


def _item_meta(root: etree._Element, item: WireItem) -> None:
    meta = _el(root, "itemMeta")
    _el(meta, "itemClass", qcode="ninat:text")
    _named(_el(meta, "provider", uri=item.provider_url), item.provider)
    _el(meta, "versionCreated", time(item.version_created))
    _el(meta, "firstCreated", time(item.first_created))
    if item.embargoed:
        _el(meta, "embargoed", time(item.embargoed))
    _el(meta, "pubStatus", qcode=f"stat:{item.pubstatus}")
    if item.ednote:
        _el(meta, "edNote", item.ednote)
    if signal := SIGNALS.get(item.signal):
        _el(meta, "signal", qcode=signal)
    if item.withdrawn:
        return
    _el(meta, "link", rel="irel:seeAlso", href=item.web_url, contenttype="text/html")
    if item.picture:
        high_res = item.picture.renditions[0]
        _el(
            meta,
            "link",
            rel="irel:seeAlso",
            href=high_res.href,
            contenttype=high_res.content_type,
            title=item.picture.caption or item.picture.title,
        )


def _content_meta(root: etree._Element, item: WireItem) -> None:
    meta = _el(root, "contentMeta")
    if item.withdrawn:
        _el(meta, "headline", item.headline)
        return
    if item.picture:
        thumbnail = item.picture.renditions[-1]
        _el(
            meta,
            "icon",
            href=thumbnail.href,
            rendition="rnd:thumbnail",
            contenttype=thumbnail.content_type,
            width=thumbnail.width,
            height=thumbnail.height,
        )
    _el(meta, "urgency", str(item.urgency))
    _el(meta, "contentCreated", time(item.content_created))
    _el(meta, "contentModified", time(item.version_created))
    if item.city:
        _named(_el(meta, "located", type="cpnat:geoArea"), item.city)
    for author in item.authors:
        _named(_el(meta, "creator", role="crol:author"), author)
    _el(meta, "language", tag=item.language)
    _subjects(meta, item)
    for word in item.keywords:
        _el(meta, "keyword", word)
    _el(meta, "headline", item.headline)
    _el(meta, "dateline", item.dateline)
    if item.byline:
        _el(meta, "by", item.byline)
    _el(meta, "description", item.lead, role="drol:summary")


def _subjects(meta: etree._Element, item: WireItem) -> None:
    if item.topic and item.topic.qcode:
        _named(_el(meta, "subject", type="cpnat:abstract", qcode=item.topic.qcode), item.topic.name)
    elif item.topic:
        _named(_el(meta, "subject", type="cpnat:abstract"), item.topic.name)
    for person in item.people:
        _named(_el(meta, "subject", type="cpnat:person", uri=person.uri), person.name)
    for place in item.places:
        _named(_el(meta, "subject", type="cpnat:geoArea"), place.name)
