"""IPTC ninjs 3.1, 2.2 and 1.6 documents of a WireItem.

2.x and 3.x forbid any property their schema does not name, so every key here is one of
IPTC's; 3.x spells properties in camelCase, 2.x in lowercase, 1.6 has flat `headline`,
`body_html`, `description_*` properties and keyed `associations` / `renditions` objects.
A killed article is sent as pubStatus "canceled", an unpublished one as "withheld", with only
what identifies it.
"""

from datetime import UTC, datetime

from ..items import MEDIA_TOPIC_URI, Picture, WireItem

SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_{}.json#"


def time(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def ninjs_31(item: WireItem) -> dict:
    doc = _core(item, "3.1", camel=True)
    if item.withdrawn:
        return doc
    doc.update(
        {
            "urgency": item.urgency,
            "copyrightHolder": item.provider,
            "located": item.city,
            "descriptions": _descriptions(item, "contentType"),
            "bodies": [_body(item, "contentType", "wordCount")],
            "altIds": [{"role": "url", "value": item.web_url}],
            "infoSources": [
                {"name": item.provider, "uri": item.provider_url, "role": "originator"}
            ],
        }
    )
    _add_concepts(doc, item, people="people", places="places", subjects="subjects")
    if item.byline:
        doc["by"] = item.byline
    if item.picture:
        doc["associations"] = [_association(item.picture, camel=True)]
    return doc


def ninjs_22(item: WireItem) -> dict:
    doc = _core(item, "2.2", camel=False)
    if item.withdrawn:
        return doc
    doc.update(
        {
            "urgency": item.urgency,
            "copyrightholder": item.provider,
            "located": item.city,
            "descriptions": _descriptions(item, "contenttype"),
            "bodies": [_body(item, "contenttype", "wordcount")],
            "altids": [{"role": "url", "value": item.web_url}],
            "infosources": [
                {"name": item.provider, "uri": item.provider_url, "role": "originator"}
            ],
        }
    )
    _add_concepts(doc, item, people="people", places="places", subjects="subjects")
    if item.byline:
        doc["by"] = item.byline
    if item.picture:
        doc["associations"] = [_association(item.picture, camel=False)]
    return doc


def ninjs_16(item: WireItem) -> dict:
    doc = {
        "uri": item.uri,
        "$standard": {"name": "ninjs", "version": "1.6", "schema": SCHEMA.format("1.6")},
        "type": "text",
        # 1.6 has its own words for what 2.x and 3.x call partial and full.
        "representationtype": "incomplete" if item.withdrawn else "complete",
        "version": str(item.version),
        "firstcreated": time(item.first_created),
        "versioncreated": time(item.version_created),
        "pubstatus": item.pubstatus,
        "language": item.language,
        "headline": item.headline,
    }
    if item.embargoed:
        doc["embargoed"] = time(item.embargoed)
    if item.ednote:
        doc["ednote"] = item.ednote
    if item.withdrawn:
        return doc
    doc.update(
        {
            "contentcreated": time(item.content_created),
            "urgency": item.urgency,
            "copyrightholder": item.provider,
            "located": item.city,
            "description_text": item.lead,
            "description_dateline": item.dateline,
            "body_html": item.body_html,
            "wordcount": item.word_count,
            "altids": {"url": item.web_url},
            "infosource": [{"name": item.provider}],
        }
    )
    if item.byline:
        doc["byline"] = item.byline
    if item.topic:
        doc["subject"] = [_subject_16(item)]
    doc["subject"] = doc.get("subject", []) + [{"name": word} for word in item.keywords]
    if item.people:
        doc["person"] = [
            {"name": person.name, "rel": "mentions", "code": person.uri} for person in item.people
        ]
    if item.places:
        doc["place"] = [{"name": place.name} for place in item.places]
    if item.picture:
        doc["associations"] = {"featureimage": _picture_16(item.picture)}
    return doc


def _core(item: WireItem, version: str, *, camel: bool) -> dict:
    def key(name: str) -> str:
        return name if camel else name.lower()

    doc = {
        "uri": item.uri,
        "standard": {"name": "ninjs", "version": version, "schema": SCHEMA.format(version)},
        "type": "text",
        key("representationType"): "partial" if item.withdrawn else "full",
        "version": str(item.version),
        key("firstCreated"): time(item.first_created),
        key("versionCreated"): time(item.version_created),
        key("pubStatus"): item.pubstatus,
        "language": item.language,
        "headlines": [{"role": "main", "value": item.headline}],
    }
    if not item.withdrawn:
        doc[key("contentCreated")] = time(item.content_created)
    if item.embargoed:
        doc["embargoedUntil" if camel else "embargoed"] = time(item.embargoed)
    if item.ednote:
        doc[key("edNote")] = item.ednote
    return doc


def _descriptions(item: WireItem, content_type: str) -> list[dict]:
    return [
        {"role": "summary", content_type: "text/plain", "value": item.lead},
        {"role": "dateline", content_type: "text/plain", "value": item.dateline},
    ]


def _body(item: WireItem, content_type: str, word_count: str) -> dict:
    return {
        "role": "main",
        content_type: "text/html",
        word_count: item.word_count,
        "value": item.body_html,
    }


def _add_concepts(doc: dict, item: WireItem, *, people: str, places: str, subjects: str) -> None:
    found = []
    if item.topic:
        topic = {"name": item.topic.name, "rel": "about"}
        if item.topic.uri:
            topic["uri"] = item.topic.uri
        found.append(topic)
    found += [{"name": word} for word in item.keywords]
    if found:
        doc[subjects] = found
    if item.people:
        doc[people] = [
            {"name": person.name, "rel": "mentions", "uri": person.uri} for person in item.people
        ]
    if item.places:
        doc[places] = [{"name": place.name} for place in item.places]


def _association(picture: Picture, *, camel: bool) -> dict:
    content_type = "contentType" if camel else "contenttype"
    association = {
        "name": "featureimage",
        "uri": picture.uri,
        "type": "picture",
        "headlines": [{"role": "main", "value": picture.caption or picture.title}],
        "renditions": [
            {
                "name": rendition.name,
                "href": rendition.href,
                content_type: rendition.content_type,
                "width": rendition.width,
                "height": rendition.height,
            }
            for rendition in picture.renditions
        ],
    }
    if camel:
        association["rel"] = "featureimage"
    if picture.caption:
        association["descriptions"] = [
            {"role": "caption", content_type: "text/plain", "value": picture.caption}
        ]
    if picture.credit:
        association["by"] = picture.credit
    return association


def _subject_16(item: WireItem) -> dict:
    subject = {"name": item.topic.name, "rel": "about"}
    if item.topic.uri:
        subject["scheme"] = MEDIA_TOPIC_URI
        subject["code"] = item.topic.uri.removeprefix(MEDIA_TOPIC_URI)
    return subject


def _picture_16(picture: Picture) -> dict:
    doc = {
        "uri": picture.uri,
        "type": "picture",
        "headline": picture.caption or picture.title,
        "renditions": {
            rendition.name: {
                "href": rendition.href,
                "mimetype": rendition.content_type,
                "width": rendition.width,
                "height": rendition.height,
            }
            for rendition in picture.renditions
        },
    }
    if picture.caption:
        doc["description_text"] = picture.caption
    if picture.credit:
        doc["byline"] = picture.credit
    return doc
