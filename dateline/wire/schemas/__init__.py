"""IPTC's own schemas for the formats the wire emits, loaded offline (see NOTICE).

ninjs 2.x and 3.x refer to GeoJSON by its web address; it is registered here from the local
copy so that validating never reaches the network. The NewsML-G2 XSD imports xml.xsd from
its own folder.
"""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft7Validator, Draft202012Validator
from jsonschema.protocols import Validator
from lxml import etree
from referencing import Registry, Resource

HERE = Path(__file__).resolve().parent
NINJS_FILES = {
    "ninjs-3.1": "ninjs-schema_3.1.json",
    "ninjs-2.2": "ninjs-schema_2.2.json",
    "ninjs-1.6": "ninjs-schema_1.6.json",
}
GEOJSON_URI = "https://geojson.org/schema/GeoJSON.json"


def _load(name: str) -> dict:
    return json.loads((HERE / name).read_text(encoding="utf-8"))


@cache
def ninjs_validator(format_name: str) -> Validator:
    """A validator for one ninjs version that also checks "uri" and "date-time" formats."""
    schema = _load(NINJS_FILES[format_name])
    if format_name == "ninjs-1.6":
        return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
    registry = Registry().with_resource(
        GEOJSON_URI, Resource.from_contents(_load("GeoJSON-schema.json"))
    )
    return Draft202012Validator(
        schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


@cache
def newsml_schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    document = etree.parse(str(HERE / "NewsML-G2_2.35-spec-All-Power.xsd"), parser)
    return etree.XMLSchema(document)
