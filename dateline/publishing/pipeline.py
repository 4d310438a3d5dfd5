"""The publishing pipeline, top to bottom: publish (first, update, correction, minor change),
unpublish (withhold), kill, restore.

Each action records the public version in its transaction, then `_consequences` lists what
that version sets off, in order, each a named call. Wagtail publishes (from the editor, a
workflow approval or the schedule) and hands over to `article_published` through the one
receiver in receivers.py; kill and restore are called by the admin's views (admin_views.py).
Someone following an article from "Publish" to a partner's inbox reads this module.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from modelsearch.tasks import insert_or_update_object_task
from wagtail.actions.unpublish import UnpublishAction
from wagtail.log_actions import log
from wagtail.models import Revision
from wagtail.search import index as search_index

from dateline.newsroom.models import Article, ArticleVersion, ChangeKind, VersionKind
from dateline.pagecache.invalidation import article_invalidate, frontend_purge_enqueue
from dateline.wire.push.deliveries import wire_fan_out

from .tasks import embargo_lift


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
    _consequences(article, version, now=now)
    return version


def _consequences(article: Article, version: ArticleVersion, *, now: datetime) -> None:
    """What a new public version sets off, in order. The first steps run in the action's
    transaction (they commit with the version or not at all); the rest are tasks queued once
    it commits, so the editor's request waits on no network."""
    urls = article_invalidate(article)  # 1. page cache: the editions' generations
    frontend_purge_enqueue(urls)  # 2. nginx / CDN: a task after commit
    search_index_update(article)  # 3. search: out of the index at once, or indexing queued
    embargo_lift_schedule(article, now=now)  # 4. readers' pages again when the embargo ends
    wire_fan_out_enqueue(version)  # 5. partners: one delivery each, after commit
    # 6. Channels still to come join here as named calls, each a task after commit:
    #    subscriptions (newsletter, Telegram) and ingest (agencies' corrections back).


def search_index_update(article: Article) -> None:
    """A killed article leaves the search index at once, in this transaction (kills are often
    for legal reasons). Any other change is queued for the worker, behind the partners and
    the purges: the reader's search asks the database which articles are public, so a late
    index row never shows an unpublished one. Wagtail also queues the same task on each save
    (its own handler, which keeps drafts searchable in the admin); indexing twice is harmless
    and this path does not depend on it."""
    if article.killed_at is not None:
        search_index.remove_object(article)
        return
    # Queued in the transaction: the database queue commits the task with the version.
    meta = article._meta
    insert_or_update_object_task.enqueue(meta.app_label, meta.model_name, str(article.pk))


def embargo_lift_schedule(article: Article, *, now: datetime) -> None:
    """Under embargo: at its end, invalidate the pages the article joins."""
    if not (article.public_at and article.public_at > now):
        return
    task, article_id, at = embargo_lift, article.pk, article.public_at
    if task.get_backend().supports_defer:
        transaction.on_commit(
            lambda: task.using(run_after=at).enqueue(article_id=article_id), robust=True
        )


def wire_fan_out_enqueue(version: ArticleVersion) -> None:
    """Partners get the version (embargoed ones marked so) from the worker."""
    transaction.on_commit(lambda: wire_fan_out.enqueue(version_id=version.pk), robust=True)


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
    """Take an article off the site, feeds, search and sitemaps for now (Wagtail's Unpublish or
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
    """Withdraw an article everywhere at once. The reason is kept; restoring is explicit."""
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
    # Out of the search index in this transaction (see search_index_update): Wagtail's own
    # indexing of the save below does nothing, killed ones are not among the indexed objects.
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
    """Bring a killed article back: a deliberate act, recorded as a new version."""
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
    """Save the changed `fields` with a new version number, record it, set off the rest."""
    article.version += 1
    article.save(update_fields=[*fields, "version"])
    version = ArticleVersion.objects.create(
        article=article, number=article.version, kind=kind, note=note, created_at=now, user=user
    )
    _consequences(article, version, now=now)
    return version
