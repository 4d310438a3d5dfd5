"""Webhooks reach partners' public servers only: never the agency's own machines or network.

A partner manager chooses webhook URLs, and the worker that pushes sits inside the agency's
network; every address below is one it must not be aimed at. No test here sends anything to
an address other than this machine's loopback.
"""

import contextlib
import io
import socket
import ssl
import threading

import pytest
from django.core import checks
from django.core.management import CommandError, call_command
from django.urls import reverse

from dateline.conftest import run_worker
from dateline.fake_http import Answer
from dateline.newsroom.desks import PARTNER_MANAGERS
from dateline.test import article_make, partner_make, user_in_role
from dateline.wire.models import Delivery, DeliveryStatus, Partner, Webhook
from dateline.wire.push.deliveries import attempt_schedule
from dateline.wire.push.transport import http_post
from dateline.wire.push.webhooks import webhook_add

NOT_PUBLIC = "is not a public internet address"
FORBIDDEN = [
    ("http://localhost:8080/hooks", NOT_PUBLIC),  # a name that resolves to loopback
    ("http://127.0.0.2/hooks", NOT_PUBLIC),
    ("http://[::1]/hooks", NOT_PUBLIC),
    ("http://0.0.0.0/hooks", NOT_PUBLIC),
    ("http://[::]/hooks", NOT_PUBLIC),
    ("http://169.254.169.254/latest/meta-data/", NOT_PUBLIC),  # cloud metadata
    ("http://[fe80::1]/hooks", NOT_PUBLIC),
    ("http://10.0.0.1/hooks", NOT_PUBLIC),
    ("http://172.16.5.4/hooks", NOT_PUBLIC),
    ("http://192.168.1.1/hooks", NOT_PUBLIC),
    ("http://[fd12:3456::1]/hooks", NOT_PUBLIC),
    ("http://100.64.0.1/hooks", NOT_PUBLIC),  # carrier-grade NAT
    ("http://224.0.0.1/hooks", NOT_PUBLIC),  # multicast
    ("http://240.0.0.1/hooks", NOT_PUBLIC),  # reserved
    ("http://[::ffff:127.0.0.1]/hooks", NOT_PUBLIC),  # IPv4-mapped loopback
    ("http://[::ffff:10.0.0.1]/hooks", NOT_PUBLIC),
    ("http://[64:ff9b::a9fe:a9fe]/hooks", NOT_PUBLIC),  # 169.254.169.254 through NAT64
    # 127.0.0.1 as one decimal number, in hex, in octal: what the resolver reads them as.
    ("http://2130706433/hooks", NOT_PUBLIC),
    ("http://0x7f.1/hooks", NOT_PUBLIC),
    ("http://0177.0.0.1/hooks", NOT_PUBLIC),
    ("http://1.1.1.1:5432/hooks", "Port 5432 is PostgreSQL's"),
    ("http://1.1.1.1:6379/hooks", "Port 6379 is Redis's"),
    ("ftp://1.1.1.1/hooks", "Only http:// and https://"),
    ("file:///etc/passwd", "Only http:// and https://"),
    ("http://no-such-host.invalid/hooks", "cannot be resolved"),
]


# The admin's form refuses these before the destination is looked at, as not URLs at all.
INVALID_IN_FORMS = {
    "http://2130706433/hooks",
    "http://0x7f.1/hooks",
    "http://0177.0.0.1/hooks",
    "file:///etc/passwd",
}


@pytest.fixture
def manager_client(client, db):
    client.force_login(user_in_role("partners", PARTNER_MANAGERS))
    return client


def admin_add_webhook(client, partner, url: str):
    data = {"partner": partner.pk, "url": url, "format": "ninjs-3.1", "is_active": "on"}
    return client.post(reverse("wire_webhooks:add"), data)


@pytest.mark.parametrize(("url", "reason"), FORBIDDEN)
def test_a_partner_manager_cannot_save_a_webhook_that_leads_inside(manager_client, url, reason):
    partner = Partner.objects.create(name="Regional Daily")
    response = admin_add_webhook(manager_client, partner, url)
    assert response.status_code == 200, "the form comes back with the reason"
    reason = "Enter a valid URL." if url in INVALID_IN_FORMS else reason
    assert reason in response.content.decode().replace("&#x27;", "'")
    assert not Webhook.objects.exists()


@pytest.mark.parametrize(("url", "reason"), FORBIDDEN)
def test_the_command_refuses_a_webhook_that_leads_inside(db, url, reason):
    Partner.objects.create(name="Daily")
    with pytest.raises(CommandError, match=reason):
        call_command("wire_partner", "webhook", "Daily", url, stdout=io.StringIO())
    assert not Webhook.objects.exists()


def test_a_partner_manager_can_save_a_public_webhook(manager_client, english):
    partner, _ = partner_make()
    response = admin_add_webhook(manager_client, partner, "https://1.1.1.1/hooks")
    assert response.status_code == 302
    assert Webhook.objects.get().url == "https://1.1.1.1/hooks"


def test_an_on_premises_partner_is_allowed_by_name_or_network(manager_client, english, settings):
    partner, _ = partner_make()
    settings.WIRE_PUSH_ALLOWED_HOSTS = ["localhost", "10.20.0.0/16"]
    for url in ("http://localhost:8080/hooks", "http://10.20.3.4/hooks"):
        assert admin_add_webhook(manager_client, partner, url).status_code == 302, url
    assert admin_add_webhook(manager_client, partner, "http://10.21.0.1/").status_code == 200


def _delivery_due(webhook: Webhook, english) -> Delivery:
    story = article_make(english[2]["politics"])
    delivery = Delivery.objects.create(webhook=webhook, article=story, version=1, event="first")
    attempt_schedule(delivery, at=delivery.created_at, now=delivery.created_at)
    return delivery


def test_a_webhook_that_leads_inside_by_the_time_of_sending_is_refused_unsent(
    english, receiver, task_queue, settings
):
    """As if its DNS answer had changed since it was saved: the address is checked again."""
    settings.WIRE_PUSH_ALLOWED_HOSTS = ["localhost"]
    partner, _ = partner_make()
    webhook = webhook_add(partner=partner, url=receiver.url.replace("127.0.0.1", "localhost"))
    settings.WIRE_PUSH_ALLOWED_HOSTS = []
    delivery = _delivery_due(webhook, english)

    run_worker()

    assert receiver.received == []
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 1), "no retries"
    assert delivery.error.startswith("refused: localhost (127.0.0.1) is not a public")
    assert delivery.attempt_log.get().status_code is None


def test_a_push_goes_to_the_vetted_address_with_the_urls_host_name(
    english, receiver, task_queue, settings
):
    settings.WIRE_PUSH_ALLOWED_HOSTS = ["localhost"]
    partner, _ = partner_make()
    webhook = webhook_add(partner=partner, url=receiver.url.replace("127.0.0.1", "localhost"))
    _delivery_due(webhook, english)
    run_worker()
    [push] = receiver.received
    assert push.headers["Host"] == f"localhost:{receiver.url.split(':')[2].split('/')[0]}"
    assert Delivery.objects.get().status == DeliveryStatus.DELIVERED


def test_a_redirect_is_not_followed(english, receiver, task_queue, settings):
    settings.WIRE_PUSH_MAX_ATTEMPTS = 1
    partner, _ = partner_make()
    webhook = webhook_add(partner=partner, url=receiver.url)
    moved = {"Location": "http://169.254.169.254/latest/meta-data/"}
    receiver.script.append(Answer(307, b"", moved))
    delivery = _delivery_due(webhook, english)
    run_worker()
    assert len(receiver.received) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.status_code) == (DeliveryStatus.FAILED, 307)
    assert delivery.error == "HTTP 307 (redirects are not followed)"


def test_the_delivery_log_shows_a_replys_status_and_time_never_its_body(
    manager_client, english, receiver, task_queue, settings
):
    settings.WIRE_PUSH_MAX_ATTEMPTS = 1
    partner, _ = partner_make()
    webhook = webhook_add(partner=partner, url=receiver.url)
    receiver.script.append(Answer(500, b"db-password=hunter2 (internal page)"))
    delivery = _delivery_due(webhook, english)
    run_worker()

    pages = [
        manager_client.get(reverse("wire_deliveries:index")),
        manager_client.get(reverse("wire_deliveries:inspect", args=[delivery.pk])),
    ]
    for page in pages:
        assert page.status_code == 200
        assert "hunter2" not in page.content.decode()
    assert "500" in pages[1].content.decode()
    attempt = Delivery.objects.get().attempt_log.get()
    assert (attempt.status_code, attempt.error) == (500, "HTTP 500")
    assert attempt.duration_ms is not None
    assert "hunter2" not in str(Delivery.objects.values().get())


def test_a_mistyped_allowed_network_is_a_configuration_error(settings):
    settings.WIRE_PUSH_ALLOWED_HOSTS = ["10.20.0.0/33", "cms.partner.lan", "fd00::/8"]
    errors = [e for e in checks.run_checks() if e.id == "wire.E004"]
    assert [e.msg for e in errors] == [
        "WIRE_PUSH_ALLOWED_HOSTS: “10.20.0.0/33” is neither a network nor a host name."
    ]


def test_an_https_push_asks_for_the_urls_host_name_at_the_vetted_address(settings):
    """TLS is checked against the name in the URL, though the socket goes to the address."""
    names = []
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)  # no certificate: the handshake stops early
    tls.sni_callback = lambda sock, name, context: names.append(name)
    server = socket.create_server(("127.0.0.1", 0))

    def handshake():
        connection, _ = server.accept()
        with contextlib.suppress(ssl.SSLError), connection:
            tls.wrap_socket(connection, server_side=True)

    thread = threading.Thread(target=handshake, daemon=True)
    thread.start()
    settings.WIRE_PUSH_ALLOWED_HOSTS = ["localhost"]
    port = server.getsockname()[1]
    with server:
        result = http_post(f"https://localhost:{port}/hooks", body=b"{}", headers={}, timeout=2)
        thread.join(timeout=5)
    assert names == ["localhost"]
    assert result.status_code is None and result.error.startswith("cannot connect: [SSL")
