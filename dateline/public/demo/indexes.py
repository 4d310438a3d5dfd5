"""What Wagtail's save() signals would have done for rows the demo bulk-creates."""

from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends


def indexes_update(model, objects: list) -> None:
    """Index `objects` for search and record what they reference (e.g. their images)."""
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, objects)
    for obj in objects:
        ReferenceIndex.create_or_update_for_object(obj)
