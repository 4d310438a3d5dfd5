"""The publishing path of a story, top to bottom: publish, correct, unpublish, kill, restore.

Wagtail publishes (from the editor, a workflow approval or the schedule) and then calls
`article_published`, which records the public version readers and partners get. Follow-ups
that reach outside (cache purge, wire delivery, notifications) are queued from here too, so
someone following a story from "Publish" to a partner's inbox reads one module.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.actions.unpublish import UnpublishAction
from wagtail.log_actions import log
from wagtail.models import Revision
from wagtail.search import index as search_index

from dateline.pagecache.purge import article_purge
from dateline.pagecache.tasks import embargo_lift
from dateline.wire.push.tasks import wire_fan_out

from .models import Article, ArticleVersion, ChangeKind, VersionKind


class PublishingError(Exception):
    """An editorial action that cannot be done, with a message for the editor."""


@transaction.atomic
def article_published(*, article_id: int, revision: Revision, user=None) -> ArticleVersion | None:
    """Record the public version a publish created. None when Wagtail only scheduled it."""
    article = Article.objects.select_for_update().get(pk=article_id)
    if article.live_revision_id != revision.pk or not article.live:
        return None  # scheduled for later: the release task publishes it when due
    now = timezone.now()
    if article.version == 0:
        kind = VersionKind.FIRST
        article.public_at = _public_from(article, now)
    else:
        kind = VersionKind(article.change_kind) if article.change_kind else VersionKind.REVISION
        if article.public_at and article.public_at > now:
            # Still under embargo: a changed embargo time moves the public release with it.
            article.public_at = _public_from(article, now)
    article.version += 1
    version = ArticleVersion.objects.create(
        article=article,
        number=article.version,
        kind=kind,
        note=article.change_note,
        created_at=now,
        user=user,
        revision=revision,
    )
    article.change_kind = ChangeKind.REVISION
    article.change_note = ""
    article.save(update_fields=["public_at", "version", "change_kind", "change_note"])
    _forget_change_label(revision)
    _follow_ups(article, version, now=now)
    return version


def _follow_ups(article: Article, version: ArticleVersion, *, now: datetime) -> None:
    """Readers' pages are retired at once (or when the embargo ends); partners get the
    version. Both after commit, both off the editor's request."""
    article_purge(article)
    if article.public_at and article.public_at > now:
        at = article.public_at
        transaction.on_commit(lambda: _embargo_lift_schedule(article.pk, at), robust=True)
    transaction.on_commit(lambda: wire_fan_out.enqueue(version_id=version.pk), robust=True)


def _embargo_lift_schedule(article_id: int, at: datetime) -> None:
    task = embargo_lift
    if task.get_backend().supports_defer:
        task.using(run_after=at).enqueue(article_id=article_id)


def _public_from(article: Article, now: datetime) -> datetime:
    if article.embargo_until and article.embargo_until > now:
        return article.embargo_until
    return article.first_published_at or now


def _forget_change_label(revision: Revision) -> None:
    # The next draft starts from this revision; "correction" must not stick to it.
    revision.content["change_kind"] = ""
    revision.content["change_note"] = ""
    revision.save(update_fields=["content"])


@transaction.atomic
def article_unpublish(
    *, article: Article, user=None, set_expired: bool = False, log_action=True
) -> ArticleVersion | None:
    """Take a story off the site, feeds, search and sitemaps for now (Wagtail's Unpublish or
    expiry): partners are told to withhold it; publishing it again brings it back as a new
    version. A kill is the permanent withdrawal. None when it was not published."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    if not article.live:
        return None
    UnpublishAction(article, set_expired=set_expired, user=user, log_action=log_action).execute(
        skip_permission_checks=True
    )
    if article.killed_at is not None:
        return None  # already withdrawn everywhere: partners keep the cancellation
    return _version_record(
        article, kind=VersionKind.WITHHOLD, note="", user=user, now=timezone.now(), fields=[]
    )


@transaction.atomic
def article_kill(*, article: Article, user, reason: str) -> ArticleVersion:
    """Withdraw a story everywhere at once. The reason is kept; restoring is explicit."""
    reason = reason.strip()
    if not reason:
        raise PublishingError("Give the reason for the kill: partners and the archive keep it.")
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.killed_at is not None:
        raise PublishingError("This story was already killed.")
    now = timezone.now()
    article.killed_at = now
    article.kill_reason = reason
    article.killed_by = user
    log(instance=article, action="dateline.kill", user=user, data={"reason": reason})
    # Out of the search index in the same transaction (the index is a table of this database).
    # The save below indexes nothing: killed stories are not among Article's indexed objects.
    search_index.remove_object(article)
    return _version_record(
        article,
        kind=VersionKind.KILL,
        note=reason,
        user=user,
        now=now,
        fields=["killed_at", "kill_reason", "killed_by"],
    )


@transaction.atomic
def article_restore(*, article: Article, user, note: str = "") -> ArticleVersion:
    """Bring a killed story back: a deliberate act, recorded as a new version."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.killed_at is None:
        raise PublishingError("This story is not killed.")
    now = timezone.now()
    article.killed_at = None
    article.killed_by = None
    article.kill_reason = ""  # kept on the kill's ArticleVersion
    log(instance=article, action="dateline.restore", user=user, data={"note": note})
    return _version_record(
        article,
        kind=VersionKind.RESTORE,
        note=note,
        user=user,
        now=now,
        fields=["killed_at", "killed_by", "kill_reason"],
    )


def _version_record(article, *, kind, note, user, now, fields) -> ArticleVersion:
    """Save the changed `fields` with a new version number, record it, tell the wire."""
    article.version += 1
    article.save(update_fields=[*fields, "version"])
    version = ArticleVersion.objects.create(
        article=article, number=article.version, kind=kind, note=note, created_at=now, user=user
    )
    _follow_ups(article, version, now=now)
    return version
