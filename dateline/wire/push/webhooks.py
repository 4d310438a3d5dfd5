"""Partners' webhooks from the shell: add, change, remove, each URL vetted on the way in.

The admin's form runs the same model validation (the URL field's validator resolves the host
and refuses non-public destinations, see destinations.py); these functions run it for callers
without a form, so `wire_partner` cannot store what the admin would refuse.
"""

from django.db import transaction

from ..formats import DEFAULT_FORMAT
from ..models import Partner, Webhook, webhook_secret_make


def webhook_add(*, partner: Partner, url: str, format: str = DEFAULT_FORMAT) -> Webhook:
    """A new webhook with its own signing secret; ValidationError for a refused URL."""
    webhook = Webhook(partner=partner, url=url, format=format)
    webhook.full_clean()
    webhook.save()
    return webhook


def webhook_change(
    *,
    webhook: Webhook,
    url: str | None = None,
    format: str | None = None,
    is_active: bool | None = None,
    new_secret: bool = False,
) -> Webhook:
    """Change what is given (None: unchanged); a new secret invalidates the partner's copy."""
    if url is not None:
        webhook.url = url
    if format is not None:
        webhook.format = format
    if is_active is not None:
        webhook.is_active = is_active
    if new_secret:
        webhook.secret = webhook_secret_make()
    webhook.full_clean()
    webhook.save()
    return webhook


@transaction.atomic
def webhook_remove(*, webhook: Webhook) -> int:
    """Delete the webhook and its delivery log; queued attempts find nothing and stop.

    Returns how many deliveries went with it.
    """
    deliveries = webhook.deliveries.count()
    webhook.delete()
    return deliveries
