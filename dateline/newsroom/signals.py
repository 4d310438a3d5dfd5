"""The hand-off from Wagtail's publish and unpublish to the publishing pipeline.

Wagtail calls Article.publish and Article.unpublish (the editor, a workflow approval, the
scheduled release, expiry). The pipeline (dateline.publishing.pipeline) sits above every app,
so the model cannot import it; the model sends one of these instead, and the pipeline's
single receiver (dateline.publishing.receivers) runs the named steps. Unlike Wagtail's own
`published`/`unpublished` signals these carry the acting user, and `article_publish_done` is
sent inside the publish's transaction.
"""

from django.core.exceptions import ImproperlyConfigured
from django.dispatch import Signal

# Wagtail has made a revision live (or scheduled it): record the public version. Sent inside
# the publish's transaction, kwargs article_id, revision, user.
article_publish_done = Signal()

# Wagtail asks to unpublish a live article (Unpublish, expiry): withhold it. kwargs article,
# user, set_expired, log_action.
article_unpublish_asked = Signal()


def pipeline_send(signal: Signal, sender, **kwargs) -> None:
    """Send `signal`; a publish that nothing records would leave an article live without its
    public version, so a missing receiver is an error, not a silent skip."""
    if not signal.send(sender=sender, **kwargs):
        raise ImproperlyConfigured("dateline.publishing is not installed: nothing records this")
