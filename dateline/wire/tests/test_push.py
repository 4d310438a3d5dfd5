"""Signed pushes to partners' webhooks, through the real database queue and a real receiver."""

import importlib.util
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django_tasks_db.models import DBTaskResult
from lxml import etree

from dateline.conftest import run_worker
from dateline.publishing.pipeline import article_kill, article_restore
from dateline.test import admin_publish, article_make, partner_make
from dateline.wire.models import Delivery, DeliveryStatus, Webhook
from dateline.wire.push.deliveries import delivery_redeliver
from dateline.wire.schemas import newsml_schema, ninjs_validator

NINE = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)  # 09:00 in Minsk


def _verify_module():
    path = Path(settings.BASE_DIR) / "docs" / "verify_signature.py"
    spec = importlib.util.spec_from_file_location("verify_signature", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


verify_signature = _verify_module()


@pytest.fixture
def desk(client, chief, english, task_queue, django_capture_on_commit_callbacks):
    """Publishes as the chief does in the admin; the worker runs when the test says."""

    class Desk:
        rubrics = english[2]

        def publish(self, article, **changes):
            client.force_login(chief)
            with django_capture_on_commit_callbacks(execute=True):
                response = admin_publish(client, article, **changes)
            assert response.status_code == 302, response.content.decode()[:500]
            article.refresh_from_db()
            return article

        def kill(self, article, reason="The figures were wrong."):
            with django_capture_on_commit_callbacks(execute=True):
                article_kill(article=article, user=chief, reason=reason)

        def restore(self, article, note=""):
            with django_capture_on_commit_callbacks(execute=True):
                article_restore(article=article, user=chief, note=note)

        def draft(self, headline="Parliament meets in special session", rubric="politics"):
            return article_make(self.rubrics[rubric], headline=headline, live=False)

    return Desk()


def webhook_make(receiver, name="Regional Daily", *, format="ninjs-3.1", **partner):
    found, _ = partner_make(name, **partner)
    return Webhook.objects.create(partner=found, url=receiver.url, format=format)


def test_publishing_pushes_the_story_signed_to_the_partners_webhook(desk, receiver):
    webhook = webhook_make(receiver)
    story = desk.publish(desk.draft())
    assert receiver.received == [], "publishing itself makes no HTTP call"

    run_worker()

    [push] = receiver.received
    assert verify_signature.verify(webhook.secret, push.headers, push.body)
    assert not verify_signature.verify(webhook.secret, push.headers, push.body + b" ")
    assert not verify_signature.verify("whsec_other", push.headers, push.body)
    assert push.headers["Content-Type"] == "application/ninjs+json; version=3.1"
    assert push.headers["Dateline-Event"] == "first"
    item = json.loads(push.body)
    assert not list(ninjs_validator("ninjs-3.1").iter_errors(item))
    assert item["uri"] == f"urn:dateline:{story.translation_key}:en"
    assert (item["version"], item["pubStatus"]) == ("1", "usable")
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.status_code, delivery.attempts) == ("delivered", 200, 1)
    assert delivery.attempt_log.get().duration_ms is not None


def test_an_old_signature_is_refused_by_the_verification_script(desk, receiver):
    webhook = webhook_make(receiver)
    desk.publish(desk.draft())
    run_worker()
    [push] = receiver.received
    signed_at = int(push.headers["Dateline-Timestamp"])
    assert verify_signature.verify(webhook.secret, push.headers, push.body, now=signed_at + 299)
    assert not verify_signature.verify(webhook.secret, push.headers, push.body, now=signed_at + 301)


def test_a_failed_push_is_retried_with_growing_delays_until_it_arrives(desk, receiver, settings):
    settings.WIRE_PUSH_RETRY_BASE = 30
    webhook_make(receiver)
    receiver.answer(500, 503)
    with time_machine.travel(NINE, tick=False):
        desk.publish(desk.draft())
        run_worker()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.status_code, delivery.attempts) == ("pending", 500, 1)
    assert delivery.error == "HTTP 500"
    assert delivery.next_attempt_at == NINE + timedelta(seconds=30)

    with time_machine.travel(NINE + timedelta(seconds=29), tick=False):
        run_worker()
    assert len(receiver.received) == 1, "not before its time"
    with time_machine.travel(NINE + timedelta(seconds=30), tick=False):
        run_worker()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("pending", 2)
    assert delivery.next_attempt_at == NINE + timedelta(seconds=90), "30 s, then 60 s"
    with time_machine.travel(NINE + timedelta(seconds=90), tick=False):
        run_worker()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.status_code, delivery.attempts) == ("delivered", 200, 3)
    assert [a.status_code for a in delivery.attempt_log.all()] == [500, 503, 200]
    assert len({push.headers["Dateline-Delivery"] for push in receiver.received}) == 1


def test_push_gives_up_after_the_configured_attempts_and_an_operator_can_redeliver(
    desk, receiver, settings
):
    settings.WIRE_PUSH_MAX_ATTEMPTS = 3
    webhook_make(receiver)
    receiver.answer(500, 500, 500)
    desk.publish(desk.draft())
    run_worker()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 3)
    assert not DBTaskResult.objects.filter(status="READY").exists()

    assert delivery_redeliver(delivery=delivery)
    run_worker()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DELIVERED, 4)
    assert len(receiver.received) == 4


def test_a_partner_server_that_is_down_loses_nothing(desk, receiver, settings):
    settings.WIRE_PUSH_MAX_ATTEMPTS = 2
    webhook = webhook_make(receiver)
    Webhook.objects.filter(pk=webhook.pk).update(url="http://127.0.0.1:1/hooks")  # refuses
    desk.publish(desk.draft("Budget adopted"))
    run_worker()
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.error.startswith("cannot connect")

    Webhook.objects.filter(pk=webhook.pk).update(url=receiver.url)  # back up
    delivery_redeliver(delivery=delivery)
    run_worker()
    [push] = receiver.received
    assert json.loads(push.body)["headlines"][0]["value"] == "Budget adopted"


def test_a_kill_is_pushed_as_canceled_without_the_story(desk, receiver):
    webhook_make(receiver)
    story = desk.publish(desk.draft())
    run_worker()
    desk.kill(story, reason="The quoted figures were wrong.")
    run_worker()

    assert [push.headers["Dateline-Event"] for push in receiver.received] == ["first", "kill"]
    killed = json.loads(receiver.received[1].body)
    assert not list(ninjs_validator("ninjs-3.1").iter_errors(killed))
    assert (killed["version"], killed["pubStatus"]) == ("2", "canceled")
    assert killed["edNote"] == "Kill: withdrawn, do not use. The quoted figures were wrong."
    assert "bodies" not in killed and "associations" not in killed

    desk.restore(story, note="Figures checked.")
    run_worker()
    restored = json.loads(receiver.received[2].body)
    assert (restored["version"], restored["pubStatus"]) == ("3", "usable")
    assert "bodies" in restored


def test_a_correction_is_pushed_with_its_note_in_the_webhooks_format(desk, receiver):
    webhook_make(receiver, "Broadcaster", format="newsml-g2")
    story = desk.publish(desk.draft())
    run_worker()
    desk.publish(
        story, change_kind="correction", change_note="The session lasted five hours, not four."
    )
    run_worker()

    first, corrected = receiver.received
    assert corrected.headers["Content-Type"].startswith("application/vnd.iptc.g2.newsitem+xml")
    assert corrected.headers["Dateline-Event"] == "correction"
    document = etree.fromstring(corrected.body)
    assert newsml_schema().validate(document), newsml_schema().error_log
    nar = {"g2": "http://iptc.org/std/nar/2006-10-01/"}
    assert document.get("version") == "2"
    assert document.find("g2:itemMeta/g2:signal", nar).get("qcode") == "sig:correction"
    assert document.findtext("g2:itemMeta/g2:edNote", namespaces=nar) == (
        "Correction: The session lasted five hours, not four."
    )


def test_an_embargoed_story_goes_at_once_only_to_partners_allowed_to_see_embargoes(desk, receiver):
    webhook_make(receiver, "Trusted Broadcaster", embargo_allowed=True)
    webhook_make(receiver, "Regional Daily")
    release = NINE + timedelta(hours=6)
    with time_machine.travel(NINE, tick=False):
        desk.publish(desk.draft("Budget figures"), embargo_until="2026-11-26 15:00")
        run_worker()
    [early] = receiver.received
    assert early.headers["Dateline-Delivery"] == str(
        Delivery.objects.get(webhook__partner__name="Trusted Broadcaster").pk
    )
    assert json.loads(early.body)["embargoedUntil"] == "2026-11-26T12:00:00Z"

    with time_machine.travel(release - timedelta(seconds=1), tick=False):
        run_worker()
    assert len(receiver.received) == 1, "nothing for the others before the release"
    with time_machine.travel(release, tick=False):
        run_worker()
    late = json.loads(receiver.received[1].body)
    assert late["headlines"][0]["value"] == "Budget figures"
    assert "embargoedUntil" not in late


def test_a_story_killed_under_embargo_never_reaches_partners_without_embargo_access(desk, receiver):
    webhook_make(receiver, "Regional Daily")
    with time_machine.travel(NINE, tick=False):
        story = desk.publish(desk.draft("Budget figures"), embargo_until="2026-11-26 15:00")
        desk.kill(story)
        run_worker()
    with time_machine.travel(NINE + timedelta(hours=7), tick=False):
        run_worker()
    assert receiver.received == []
    assert set(Delivery.objects.values_list("status", flat=True)) == {"superseded"}


def test_partners_without_the_product_get_nothing(desk, receiver, russian):
    webhook_make(receiver, "Russian daily", editions=["ru"])
    webhook_make(receiver, "Business weekly", editions=["en"], rubrics=["economy"])
    desk.publish(desk.draft("Parliament meets", rubric="politics"))
    run_worker()
    assert receiver.received == []
    desk.publish(desk.draft("Exports grow", rubric="economy"))
    run_worker()
    [push] = receiver.received
    assert json.loads(push.body)["headlines"][0]["value"] == "Exports grow"


@pytest.mark.system
def test_the_docs_receiver_script_verifies_a_real_push(desk, receiver, tmp_path):
    """docs/verify_signature.py run as partners run it: a server that answers 204 or 401."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    webhook = webhook_make(receiver)
    desk.publish(desk.draft())
    run_worker()
    [push] = receiver.received
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    script = Path(settings.BASE_DIR) / "docs" / "verify_signature.py"
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, str(script), "--secret", webhook.secret, "--port", str(port)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:

        def post(body: bytes) -> int:
            headers = {k: v for k, v in push.headers.items() if k.lower() != "content-length"}
            request = urllib.request.Request(  # noqa: S310
                f"http://127.0.0.1:{port}/", data=body, headers=headers, method="POST"
            )
            for _ in range(50):
                try:
                    with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310
                        return response.status
                except urllib.error.HTTPError as error:
                    return error.code
                except urllib.error.URLError:
                    time.sleep(0.1)  # still starting
            raise AssertionError("the receiver script did not start")

        assert post(push.body) == 204
        assert post(push.body.replace(b"Parliament", b"Parlament")) == 401
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=5)
    assert "first: urn:dateline:" in output and "REFUSED" in output
