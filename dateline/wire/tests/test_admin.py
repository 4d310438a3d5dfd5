"""The wire in the admin: partners, keys issued and revoked, webhooks, the delivery log."""

import re

import pytest
from django.urls import reverse

from dateline.conftest import run_worker
from dateline.test import article_make, auth, partner_make
from dateline.wire.models import ApiKey, Delivery, DeliveryStatus, Partner, Webhook


@pytest.fixture
def admin_client(client, partner_manager):
    client.force_login(partner_manager)
    return client


def test_every_wire_page_of_the_admin_opens(admin_client, english, receiver):
    partner, _ = partner_make(editions=["en"])
    webhook = Webhook.objects.create(partner=partner, url=receiver.url)
    for name in ("wire_partners", "wire_api_keys", "wire_webhooks", "wire_deliveries"):
        response = admin_client.get(reverse(f"{name}:index"))
        assert response.status_code == 200, name
    inspect = admin_client.get(reverse("wire_webhooks:inspect", args=[webhook.pk]))
    assert webhook.secret in inspect.content.decode()
    assert admin_client.get(reverse("wire_partners:edit", args=[partner.pk])).status_code == 200


def test_a_key_issued_in_the_admin_is_shown_once_and_works(admin_client, client, english):
    partner, _ = partner_make(editions=["en"])
    response = admin_client.post(
        reverse("wire_api_keys:add"), {"partner": partner.pk, "label": "staging"}, follow=True
    )
    [secret] = re.findall(r"dlw_[A-Za-z0-9_-]{43}", response.content.decode())
    assert ApiKey.objects.filter(partner=partner, label="staging").exists()
    assert client.get("/api/wire/v1/items", **auth(secret)).status_code == 200
    assert secret not in admin_client.get(reverse("wire_api_keys:index")).content.decode()


def test_revoking_a_key_in_the_admin(admin_client, client, english):
    partner, secret = partner_make(editions=["en"])
    api_key = partner.api_keys.get()
    url = reverse("wire_api_keys:revoke", args=[api_key.pk])
    assert url in admin_client.get(reverse("wire_api_keys:index")).content.decode()
    assert "Revoke" in admin_client.get(url).content.decode()
    assert admin_client.post(url).status_code == 302
    assert client.get("/api/wire/v1/items", **auth(secret)).status_code == 401


def test_redelivering_a_failed_push_from_the_delivery_log(
    admin_client, english, receiver, task_queue, settings
):
    settings.WIRE_PUSH_MAX_ATTEMPTS = 1
    partner, _ = partner_make(editions=["en"])
    webhook = Webhook.objects.create(partner=partner, url=receiver.url)
    story = article_make(english[2]["politics"])
    delivery = Delivery.objects.create(webhook=webhook, article=story, version=1, event="first")
    receiver.answer(502)
    from dateline.wire.push.deliveries import attempt_schedule

    attempt_schedule(delivery, at=delivery.created_at, now=delivery.created_at)
    run_worker()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED

    listing = admin_client.get(reverse("wire_deliveries:index")).content.decode()
    url = reverse("wire_deliveries:redeliver", args=[delivery.pk])
    assert url in listing and "502" in listing
    inspect = admin_client.get(reverse("wire_deliveries:inspect", args=[delivery.pk]))
    assert "502" in inspect.content.decode()
    assert "partner CMS is down" not in inspect.content.decode(), "replies' bodies are not kept"
    assert admin_client.post(url).status_code == 302
    run_worker()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DELIVERED, 2)


def test_the_delivery_log_is_read_only(admin_client, english):
    assert b"/new/" not in admin_client.get(reverse("wire_deliveries:index")).content
    assert admin_client.get("/admin/wire_deliveries/new/").status_code in (302, 403)
    assert not Partner.objects.exists()
