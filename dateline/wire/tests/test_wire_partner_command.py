"""`manage.py wire_partner`: partners and keys from the shell."""

import io

import pytest
from django.core.management import CommandError, call_command

from dateline.test import auth
from dateline.wire.models import ApiKey, Partner, Webhook


def wire_partner(*args) -> str:
    out = io.StringIO()
    call_command("wire_partner", *args, stdout=out)
    return out.getvalue()


def printed_key(output: str) -> str:
    return output.strip().splitlines()[-1]


def test_create_prints_a_working_key_once_and_stores_its_digest(client, english, russian):
    output = wire_partner(
        "create", "Regional Daily", "--editions", "en,ru", "--rubrics", "politics,economy"
    )
    secret = printed_key(output)
    partner = Partner.objects.get(name="Regional Daily")
    assert partner.products.count() == 4 and not partner.embargo_allowed
    assert not ApiKey.objects.filter(digest=secret).exists()
    assert secret not in wire_partner("list")
    assert client.get("/api/wire/v1/items", **auth(secret)).status_code == 200


def test_revoke_and_rotate(client, english):
    secret = printed_key(wire_partner("create", "Daily", "--editions", "en", "--embargoed"))
    assert "embargoed" in wire_partner("list")
    new_secret = printed_key(wire_partner("rotate", "Daily"))
    assert client.get("/api/wire/v1/items", **auth(secret)).status_code == 401
    assert client.get("/api/wire/v1/items", **auth(new_secret)).status_code == 200
    wire_partner("revoke", new_secret[:12])
    assert client.get("/api/wire/v1/items", **auth(new_secret)).status_code == 401
    assert "revoked" in wire_partner("list")


def test_mistakes_are_reported_not_raised(english):
    with pytest.raises(CommandError, match="Unknown edition"):
        wire_partner("create", "Daily", "--editions", "xx")
    with pytest.raises(CommandError, match="no rubric"):
        wire_partner("create", "Daily", "--editions", "en", "--rubrics", "astrology")
    assert not Partner.objects.exists()
    wire_partner("create", "Daily", "--editions", "en")
    with pytest.raises(CommandError, match="exists already"):
        wire_partner("create", "Daily", "--editions", "en")
    with pytest.raises(CommandError, match="No key"):
        wire_partner("revoke", "dlw_nothing")


def test_webhook_prints_its_signing_secret(english):
    wire_partner("create", "Daily", "--editions", "en")
    url = "https://1.1.1.1/hooks"  # a public address; nothing is sent to it
    output = wire_partner("webhook", "Daily", url, "--format", "newsml-g2")
    assert printed_key(output).startswith("whsec_")
    assert "newsml-g2" in wire_partner("list")


def test_a_webhook_can_be_moved_to_a_new_url_format_and_secret(english):
    wire_partner("create", "Daily", "--editions", "en")
    old = "https://1.1.1.1/hooks"
    first_secret = printed_key(wire_partner("webhook", "Daily", old))
    new = "https://1.0.0.1/v2/hooks"
    output = wire_partner(
        "webhook-change", "Daily", old, "--url", new, "--format", "ninjs-1.6", "--new-secret"
    )
    webhook = Webhook.objects.get()
    assert (webhook.url, webhook.format) == (new, "ninjs-1.6")
    assert printed_key(output) == webhook.secret != first_secret
    wire_partner("webhook-change", "Daily", new, "--off")
    assert f"webhook {new} (ninjs-1.6, OFF)" in wire_partner("list")
    assert not Webhook.objects.get().is_active


def test_a_webhook_cannot_be_moved_to_an_address_inside(english):
    wire_partner("create", "Daily", "--editions", "en")
    wire_partner("webhook", "Daily", "https://1.1.1.1/hooks")
    for inside in ("http://169.254.169.254/latest/meta-data/", "http://[::1]:6000/"):
        with pytest.raises(CommandError, match="not a public internet address"):
            wire_partner("webhook-change", "Daily", "https://1.1.1.1/hooks", "--url", inside)
    assert Webhook.objects.get().url == "https://1.1.1.1/hooks"


def test_a_webhook_can_be_removed_and_pushes_to_it_stop(english):
    wire_partner("create", "Daily", "--editions", "en")
    wire_partner("webhook", "Daily", "https://1.1.1.1/hooks")
    assert "Removed webhook" in wire_partner("webhook-remove", "Daily", "https://1.1.1.1/hooks")
    assert not Webhook.objects.exists()
    assert "webhook" not in wire_partner("list")


def test_changing_a_webhook_that_is_not_there_says_so(english):
    wire_partner("create", "Daily", "--editions", "en")
    with pytest.raises(CommandError, match="has no webhook"):
        wire_partner("webhook-remove", "Daily", "https://1.1.1.1/hooks")
    wire_partner("webhook", "Daily", "https://1.1.1.1/hooks")
    with pytest.raises(CommandError, match="Nothing to change"):
        wire_partner("webhook-change", "Daily", "https://1.1.1.1/hooks")
    with pytest.raises(CommandError, match="No partner"):
        wire_partner("webhook-change", "Weekly", "https://1.1.1.1/hooks", "--off")


def test_a_partners_products_can_be_replaced(english, russian):
    wire_partner("create", "Daily", "--editions", "en")
    output = wire_partner("products", "Daily", "--editions", "ru", "--rubrics", "economy")
    partner = Partner.objects.get()
    [product] = partner.products.all()
    assert (product.edition.language, product.rubric.slug) == ("ru", "economy")
    assert str(product) in output
    with pytest.raises(CommandError, match="Unknown edition"):
        wire_partner("products", "Daily", "--editions", "xx")
