"""The background worker and its schedule, on the real database queue."""

from datetime import UTC, datetime, timedelta

import time_machine
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from wagtail.search.backends import get_search_backend

from dateline.conftest import run_worker
from dateline.newsroom.models import Article
from dateline.ops.periodic import Scheduler
from dateline.test import admin_publish, article_make

NINE = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)  # 09:00 in Minsk
RELEASE = "dateline.newsroom.tasks.release_scheduled"


def test_scheduled_story_is_released_by_the_worker_once_its_time_comes(
    client, english, task_queue, desk_editor
):
    _, _, rubrics = english
    draft = article_make(rubrics["politics"], headline="Scheduled statement", live=False)
    client.force_login(desk_editor)
    with time_machine.travel(NINE, tick=False):
        response = admin_publish(client, draft, go_live_at="2026-11-26 12:00")
        assert response.status_code == 302
    scheduler = Scheduler(schedule={RELEASE: 30})

    with time_machine.travel(NINE + timedelta(hours=2, minutes=59), tick=False):
        assert scheduler.tick(now=0) == [RELEASE]
        run_worker()
        draft.refresh_from_db()
        assert not draft.live
        assert client.get("/en/news/").content.count(b"Scheduled statement") == 0

    with time_machine.travel(NINE + timedelta(hours=3, seconds=20), tick=False):
        assert scheduler.tick(now=30) == [RELEASE]
        run_worker()
        draft.refresh_from_db()
        assert draft.live and draft.version == 1
        assert draft.public_at == NINE + timedelta(hours=3, seconds=20)
        assert b"Scheduled statement" in client.get("/en/news/").content


def test_releasing_again_changes_nothing(english, task_queue):
    _, _, rubrics = english
    story = article_make(rubrics["politics"], headline="Already out")
    call_command("publish_scheduled", verbosity=0)
    call_command("publish_scheduled", verbosity=0)
    story.refresh_from_db()
    assert story.version == 1 and story.versions.count() == 1


def test_schedule_enqueues_each_task_at_start_then_every_interval(db, task_queue):
    scheduler = Scheduler(schedule={RELEASE: 30})
    assert scheduler.tick(now=0) == [RELEASE]
    run_worker()
    assert scheduler.tick(now=10) == []
    assert scheduler.tick(now=30) == [RELEASE]
    run_worker()
    assert DBTaskResult.objects.filter(task_path=RELEASE, status="SUCCESSFUL").count() == 2


def test_schedule_does_not_pile_up_runs_behind_a_busy_worker(db, task_queue):
    scheduler = Scheduler(schedule={RELEASE: 30})
    scheduler.tick(now=0)
    assert scheduler.tick(now=30) == []  # the first run still waits in the queue
    assert DBTaskResult.objects.filter(task_path=RELEASE).count() == 1


def test_publishing_in_the_admin_queues_search_indexing_for_the_worker(
    client, english, task_queue, desk_editor
):
    _, _, rubrics = english
    draft = article_make(rubrics["politics"], headline="Indexed by the worker", live=False)
    client.force_login(desk_editor)
    admin_publish(client, draft)
    assert DBTaskResult.objects.filter(status="READY").exists()
    assert list(get_search_backend().search("Indexed by the worker", Article)) == []
    run_worker()
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert not DBTaskResult.objects.filter(status="FAILED").exists()
    found = get_search_backend().search("Indexed by the worker", Article)
    assert [article.pk for article in found] == [draft.pk]
