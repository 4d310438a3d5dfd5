"""`manage.py wire_partner`: partners and keys from the shell."""

import io

import pytest
from django.core.management import CommandError, call_command

from dateline.wire.models import ApiKey, Partner

from .personas import auth


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
