"""Background work of the wire's push, run by django-tasks (`manage.py worker`).

Both run ahead of routine work such as search indexing: a partner waits for them.
"""

from django_tasks import task

from .deliveries import deliveries_create, delivery_attempt

PRIORITY = 10


@task(priority=PRIORITY)
def wire_fan_out(version_id: int) -> int:
    """Create and queue the deliveries of one new story version; returns how many."""
    return len(deliveries_create(version_id=version_id))


@task(priority=PRIORITY)
def wire_deliver(delivery_id: int, attempt: int, manual: bool = False) -> str:
    """One attempt of one delivery; returns what happened, for the task log."""
    return delivery_attempt(delivery_id=delivery_id, attempt=attempt, manual=manual)
