import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from wagtail.contrib.frontend_cache.utils import get_backends

from dateline.lib.backoff import backoff_delay

logger = logging.getLogger(__name__)

PRIORITY = 20  # ahead of the wire's deliveries: a reader waits for both, and a purge is quick


@task(priority=PRIORITY)
def frontend_purge(urls: list[str], attempt: int) -> str:
    """Purge `urls` from every configured frontend cache; on failure, again later."""
    failed = []
    for name, backend in get_backends().items():
        try:
            backend.purge_batch(urls)
        except Exception as error:  # any backend failing must not stop the others
            logger.warning("frontend purge via %s failed (attempt %s): %s", name, attempt, error)
            failed.append(name)
    if not failed:
        return f"purged {len(urls)} URLs"
    if attempt >= settings.PAGE_PURGE_MAX_ATTEMPTS:
        logger.error("frontend purge gave up after %s attempts: %s", attempt, urls)
        return f"gave up: {', '.join(failed)}"
    retry = frontend_purge
    if retry.get_backend().supports_defer:
        delay = timedelta(seconds=backoff_delay(attempt, first=2, longest=300))
        retry = retry.using(run_after=timezone.now() + delay)
    retry.enqueue(urls=urls, attempt=attempt + 1)
    return f"failed: {', '.join(failed)}; retry queued"
