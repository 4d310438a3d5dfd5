"""`manage.py wire_partner`: partners, their products, keys and webhooks from the shell.

    wire_partner create "Regional Daily" --editions en,ru [--rubrics politics,economy] [--embargoed]
    wire_partner list
    wire_partner products "Regional Daily" --editions en [--rubrics economy]   (replaces them)
    wire_partner revoke dlw_AbCdEfGh        (a key's prefix, as `list` shows it)
    wire_partner rotate "Regional Daily"    (revokes its keys, prints a new one)
    wire_partner webhook "Regional Daily" https://partner.example/hooks [--format ninjs-2.2]
    wire_partner webhook-change "Regional Daily" https://partner.example/hooks \
        [--url https://partner.example/v2/hooks] [--format newsml-g2] [--new-secret] [--off|--on]
    wire_partner webhook-remove "Regional Daily" https://partner.example/hooks

Keys are printed once and stored only as digests: copy them when they are shown. Webhook URLs
are refused unless they lead to public addresses (dateline/wire/push/destinations.py).
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count, Q

from dateline.wire.formats import DEFAULT_FORMAT, FORMATS
from dateline.wire.models import ApiKey, Partner, Webhook
from dateline.wire.partners import (
    PartnerError,
    api_key_revoke,
    api_key_rotate,
    partner_create,
    products_set,
)
from dateline.wire.push.webhooks import webhook_add, webhook_change, webhook_remove


def _names(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


class Command(BaseCommand):
    help = "Wire partners: create, list, products; API keys; webhooks (add, change, remove)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="A new partner and its first key.")
        create.add_argument("name")
        create.add_argument("--editions", required=True, help="Language codes, e.g. en,ru.")
        create.add_argument("--rubrics", default="", help="Rubric slugs; all when omitted.")
        create.add_argument(
            "--embargoed", action="store_true", help="May see embargoed stories at once."
        )
        actions.add_parser("list", help="Partners, products and keys.")
        revoke = actions.add_parser("revoke", help="Revoke one key by its prefix.")
        revoke.add_argument("prefix")
        rotate = actions.add_parser("rotate", help="Revoke a partner's keys, issue a new one.")
        rotate.add_argument("name")
        products = actions.add_parser("products", help="Replace a partner's products.")
        products.add_argument("name")
        products.add_argument("--editions", required=True, help="Language codes, e.g. en,ru.")
        products.add_argument("--rubrics", default="", help="Rubric slugs; all when omitted.")
        webhook = actions.add_parser("webhook", help="Add a webhook; prints its secret.")
        webhook.add_argument("name")
        webhook.add_argument("url")
        webhook.add_argument("--format", default=DEFAULT_FORMAT, choices=FORMATS)
        self._add_webhook_change(actions)
        remove = actions.add_parser("webhook-remove", help="Delete a webhook and its log.")
        remove.add_argument("name")
        remove.add_argument("url", help="The webhook's URL, as `list` shows it.")

    def _add_webhook_change(self, actions):
        change = actions.add_parser("webhook-change", help="Change a webhook's URL, format…")
        change.add_argument("name")
        change.add_argument("url", help="The webhook's URL, as `list` shows it.")
        change.add_argument("--url", dest="new_url", help="Its new URL.")
        change.add_argument("--format", dest="new_format", choices=FORMATS)
        change.add_argument(
            "--new-secret", action="store_true", help="Sign with a new secret; prints it."
        )
        switch = change.add_mutually_exclusive_group()
        switch.add_argument("--off", dest="active", action="store_false", default=None)
        switch.add_argument("--on", dest="active", action="store_true", default=None)

    def handle(self, *args, action, **options):
        try:
            getattr(self, f"_{action.replace('-', '_')}")(**options)
        except PartnerError as error:
            raise CommandError(str(error)) from error
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error

    def _create(self, *, name, editions, rubrics, embargoed, **options):
        partner, issued = partner_create(
            name=name,
            editions=_names(editions),
            rubrics=_names(rubrics) or None,
            embargo_allowed=embargoed,
        )
        self.stdout.write(f"Created partner “{partner.name}”: {self._product_list(partner)}.")
        self._print_key(issued.secret)

    def _list(self, **options):
        partners = Partner.objects.annotate(
            keys=Count("api_keys", filter=Q(api_keys__revoked_at__isnull=True))
        ).prefetch_related("products__edition", "products__rubric", "api_keys", "webhooks")
        for partner in partners:
            flags = [] if partner.is_active else ["INACTIVE"]
            if partner.embargo_allowed:
                flags.append("embargoed")
            self.stdout.write(f"{partner.name} [{', '.join(flags)}] {self._product_list(partner)}")
            for key in partner.api_keys.all():
                state = f"revoked {key.revoked_at:%Y-%m-%d}" if key.revoked_at else "active"
                used = f"{key.last_used_at:%Y-%m-%d %H:%M}" if key.last_used_at else "never"
                self.stdout.write(f"  key {key.prefix}… {state}, last used {used}")
            for hook in partner.webhooks.all():
                state = "" if hook.is_active else ", OFF"
                self.stdout.write(f"  webhook {hook.url} ({hook.format}{state})")

    def _revoke(self, *, prefix, **options):
        api_key = ApiKey.objects.filter(prefix=prefix[:12]).select_related("partner").first()
        if api_key is None:
            raise CommandError(f"No key starts with {prefix}.")
        api_key_revoke(api_key=api_key)
        self.stdout.write(f"Revoked {api_key.prefix}… of {api_key.partner}.")

    def _rotate(self, *, name, **options):
        issued = api_key_rotate(partner=self._partner(name))
        self.stdout.write(f"Revoked the keys of “{name}”.")
        self._print_key(issued.secret)

    def _products(self, *, name, editions, rubrics, **options):
        partner = self._partner(name)
        with transaction.atomic():  # a rubric missing from one edition leaves them as they were
            products_set(partner=partner, editions=_names(editions), rubrics=_names(rubrics))
        self.stdout.write(f"“{partner.name}” receives {self._product_list(partner)}.")

    def _webhook(self, *, name, url, format, **options):
        hook = webhook_add(partner=self._partner(name), url=url, format=format)
        self.stdout.write(f"Webhook {hook.url} ({hook.format}); signing secret, keep it safe:")
        self.stdout.write(hook.secret)

    def _webhook_change(self, *, name, url, new_url, new_format, new_secret, active, **options):
        if new_url is None and new_format is None and not new_secret and active is None:
            raise CommandError("Nothing to change: see --help for what can be.")
        hook = webhook_change(
            webhook=self._webhook_of(name, url),
            url=new_url,
            format=new_format,
            is_active=active,
            new_secret=new_secret,
        )
        state = "on" if hook.is_active else "OFF"
        self.stdout.write(f"Webhook {hook.url} ({hook.format}, {state}) changed.")
        if new_secret:
            self.stdout.write("New signing secret; the old one no longer verifies:")
            self.stdout.write(hook.secret)

    def _webhook_remove(self, *, name, url, **options):
        deliveries = webhook_remove(webhook=self._webhook_of(name, url))
        self.stdout.write(f"Removed webhook {url} and its {deliveries} deliveries.")

    def _webhook_of(self, name: str, url: str) -> Webhook:
        hook = Webhook.objects.filter(partner=self._partner(name), url=url).first()
        if hook is None:
            raise CommandError(f"“{name}” has no webhook {url}; `wire_partner list` shows them.")
        return hook

    def _partner(self, name: str) -> Partner:
        partner = Partner.objects.filter(name=name).first()
        if partner is None:
            raise CommandError(f"No partner named “{name}”.")
        return partner

    def _product_list(self, partner: Partner) -> str:
        return ", ".join(str(product) for product in partner.products.all()) or "no products"

    def _print_key(self, secret: str) -> None:
        self.stdout.write("API key (shown once, stored only as a digest):")
        self.stdout.write(secret)
