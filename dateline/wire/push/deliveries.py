"""Pushing article versions to partners' webhooks: who gets what, each attempt, retries, redelivery.

The publishing path (dateline.publishing.pipeline) queues `wire_fan_out` once a version is
recorded. Fan-out creates one Delivery per webhook whose partner may see the article and queues
an attempt for each; partners without embargo access get theirs queued for the release time.
An attempt sends the article as the partner sees it at that moment, signed; a failure is
retried later (doubling delays), until WIRE_PUSH_MAX_ATTEMPTS, then the delivery is marked
failed and waits for an operator's redelivery. Nothing is lost while the target is down: the
delivery row says what is owed. A URL that leads to a forbidden address (push/destinations.py)
fails at once, unsent: retrying would not make it public.
"""

import logging
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from dateline.lib.backoff import backoff_delay
from dateline.newsroom.models import ArticleVersion, VersionKind

from ..formats.render import render_item
from ..items import item_from_version
from ..models import Delivery, DeliveryAttempt, DeliveryStatus, Webhook
from ..selectors import partner_scope, partner_versions, with_item_relations
from .signing import signed_headers
from .transport import PostResult, http_post

logger = logging.getLogger(__name__)
USER_AGENT = "Dateline-Wire/1 (+docs/wire.md)"


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failed attempt: base, 2×base, 4×base…"""
    seconds = backoff_delay(
        attempts, first=settings.WIRE_PUSH_RETRY_BASE, longest=settings.WIRE_PUSH_RETRY_LONGEST
    )
    return timedelta(seconds=seconds)


@transaction.atomic
def deliveries_create(*, version_id: int, now: datetime | None = None) -> list[Delivery]:
    """One delivery per webhook whose partner may see this version (idempotent)."""
    now = now or timezone.now()
    version = ArticleVersion.objects.select_related("article").get(pk=version_id)
    article = version.article
    embargoed = article.public_at is not None and article.public_at > now
    created = []
    webhooks = Webhook.objects.filter(is_active=True, partner__is_active=True).select_related(
        "partner"
    )
    for webhook in webhooks:
        partner = webhook.partner
        if not partner_scope(partner).covers(
            locale_id=article.locale_id, rubric_id=article.rubric_id
        ):
            continue
        due = now
        if embargoed and not partner.embargo_allowed:
            if version.kind in (VersionKind.KILL, VersionKind.WITHHOLD):
                continue  # the article never existed for this partner
            due = article.public_at
        delivery, new = Delivery.objects.get_or_create(
            webhook=webhook,
            article=article,
            version=version.number,
            defaults={"event": version.kind, "next_attempt_at": due},
        )
        if new:
            attempt_schedule(delivery, at=due, now=now)
            created.append(delivery)
    return created


def attempt_schedule(delivery: Delivery, *, at: datetime, now: datetime, manual=False) -> None:
    """Queue the next attempt of `delivery` for `at`.

    The database queue writes its task row in the caller's transaction, so a delivery and
    the task that sends it are committed together or not at all.
    """
    task = wire_deliver
    if at > now:
        if not task.get_backend().supports_defer:
            # Only the in-process backends of tests and development get here; the
            # delivery row stays pending with its time, for a redelivery.
            logger.warning("Task backend cannot defer; delivery %s waits", delivery.pk)
            return
        task = task.using(run_after=at)
    task.enqueue(delivery_id=delivery.pk, attempt=delivery.attempts + 1, manual=manual)


def delivery_attempt(*, delivery_id: int, attempt: int, manual: bool = False) -> str:
    """Make attempt number `attempt` of a delivery, unless another worker or attempt won."""
    now = timezone.now()
    claimed = Delivery.objects.filter(
        pk=delivery_id, status=DeliveryStatus.PENDING, attempts=attempt - 1
    ).update(status=DeliveryStatus.SENDING, attempts=attempt, last_attempt_at=now)
    if not claimed:
        return "skipped: delivered, superseded or taken by another attempt"
    delivery = Delivery.objects.select_related("webhook__partner").get(pk=delivery_id)
    partner = delivery.webhook.partner
    if not (delivery.webhook.is_active and partner.is_active):
        # Kept as failed, so that it can be redelivered once the webhook is switched on.
        return _close(delivery, DeliveryStatus.FAILED, "webhook or partner switched off")
    version = (
        with_item_relations(partner_versions(partner=partner, now=now))
        .filter(article_id=delivery.article_id)
        .first()
    )
    if version is None:
        return _close(delivery, DeliveryStatus.SUPERSEDED, "no longer visible to the partner")
    if version.number > delivery.version and not manual:
        return _close(delivery, DeliveryStatus.SUPERSEDED, f"version {version.number} is newer")
    try:
        result = _post(delivery, version)
    except Exception as error:  # a bug must not leave the delivery stuck in "sending"
        logger.exception("Could not build delivery %s", delivery.pk)
        result = PostResult(None, f"internal error: {error!r}"[:300], 0)
    return _record(delivery, result, now=now, manual=manual)


def _post(delivery: Delivery, version: ArticleVersion) -> PostResult:
    webhook = delivery.webhook
    item = item_from_version(version, show_embargo=webhook.partner.embargo_allowed)
    body, content_type = render_item(item, webhook.format)
    headers = {
        "Content-Type": content_type,
        "User-Agent": USER_AGENT,
        # The same for every attempt of a delivery: receivers can drop duplicates by it.
        "Dateline-Delivery": str(delivery.pk),
        "Dateline-Event": version.kind,
        "Dateline-Attempt": str(delivery.attempts),
        **signed_headers(webhook.secret, int(time.time()), body),
    }
    return http_post(webhook.url, body=body, headers=headers, timeout=settings.WIRE_PUSH_TIMEOUT)


def _record(delivery: Delivery, result: PostResult, *, now: datetime, manual: bool) -> str:
    DeliveryAttempt.objects.create(
        delivery=delivery,
        number=delivery.attempts,
        started_at=now,
        status_code=result.status_code,
        error=result.error,
        duration_ms=result.duration_ms,
    )
    delivery.status_code = result.status_code
    delivery.error = result.error
    delivery.duration_ms = result.duration_ms
    if result.delivered:
        delivery.status = DeliveryStatus.DELIVERED
        delivery.delivered_at = timezone.now()
        delivery.next_attempt_at = None
    elif result.refused or _out_of_attempts(delivery):
        delivery.status = DeliveryStatus.FAILED
        delivery.next_attempt_at = None
    else:
        delivery.status = DeliveryStatus.PENDING
        delivery.next_attempt_at = now + retry_delay(delivery.attempts - delivery.series_start)
    with transaction.atomic():
        delivery.save()
        if delivery.status == DeliveryStatus.PENDING:
            attempt_schedule(delivery, at=delivery.next_attempt_at, now=now, manual=manual)
    return f"{delivery.status}: {result.status_code or result.error}"


def _out_of_attempts(delivery: Delivery) -> bool:
    return delivery.attempts - delivery.series_start >= settings.WIRE_PUSH_MAX_ATTEMPTS


def _close(delivery: Delivery, status: str, reason: str) -> str:
    Delivery.objects.filter(pk=delivery.pk).update(
        status=status, error=reason, next_attempt_at=None
    )
    return f"{status}: {reason}"


@transaction.atomic
def delivery_redeliver(*, delivery: Delivery, now: datetime | None = None) -> bool:
    """Send the article again as the partner sees it now, with a fresh round of retries.

    False when an attempt is under way (it will finish on its own).
    """
    now = now or timezone.now()
    updated = Delivery.objects.filter(pk=delivery.pk).exclude(status=DeliveryStatus.SENDING)
    if not updated.update(
        status=DeliveryStatus.PENDING, series_start=F("attempts"), next_attempt_at=now
    ):
        return False
    delivery.refresh_from_db()
    attempt_schedule(delivery, at=now, now=now, manual=True)
    return True


# The background work of the push (`manage.py worker`), beside the code it runs: a delivery
# queues its own next attempt. Both run ahead of routine work such as search indexing: a
# partner waits for them.
PRIORITY = 10


@task(priority=PRIORITY)
def wire_fan_out(version_id: int) -> int:
    """Create and queue the deliveries of one new article version; returns how many."""
    return len(deliveries_create(version_id=version_id))


@task(priority=PRIORITY)
def wire_deliver(delivery_id: int, attempt: int, manual: bool = False) -> str:
    """One attempt of one delivery; returns what happened, for the task log."""
    return delivery_attempt(delivery_id=delivery_id, attempt=attempt, manual=manual)
