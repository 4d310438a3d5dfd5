"""The wire in the admin: partners and their products, keys, webhooks and the delivery log."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy

from .admin_views import api_key_revoke_view, delivery_redeliver_view
from .models import ApiKey, Delivery, Partner, Webhook
from .partners import api_key_issue


class ViewOnlyPolicy(ModelPermissionPolicy):
    """Rows written by the system: operators look, and act through the named actions only."""

    def user_has_permission(self, user, action):
        if action != "view":
            return False
        model = self.model._meta
        return any(
            user.has_perm(f"{model.app_label}.{permission}_{model.model_name}")
            for permission in ("view", "change")
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class PartnerViewSet(ModelViewSet):
    model = Partner
    icon = "group"
    url_namespace = "wire_partners"
    list_display = ["name", "embargo_allowed", "is_active", "created_at"]
    list_filter = ["embargo_allowed", "is_active"]
    search_fields = ["name"]
    copy_view_enabled = False


class ApiKeyCreateView(generic.CreateView):
    def save_instance(self):
        self.issued = api_key_issue(
            partner=self.form.cleaned_data["partner"], label=self.form.cleaned_data["label"]
        )
        return self.issued.api_key

    def get_success_message(self, instance):
        return (
            f"Key for {instance.partner}: {self.issued.secret} — copy it now: it is stored "
            "only as a digest and will not be shown again."
        )


class ApiKeyIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.revoked_at is None:
            url = reverse("wire_api_keys:revoke", args=[instance.pk])
            buttons.append(MenuItem("Revoke", url=url, icon_name="cross", priority=40))
        return buttons


class ApiKeyViewSet(ModelViewSet):
    model = ApiKey
    icon = "key"
    url_namespace = "wire_api_keys"
    menu_label = "API keys"
    form_fields = ["partner", "label"]
    list_display = ["prefix", "partner", "label", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["partner"]
    add_view_class = ApiKeyCreateView
    index_view_class = ApiKeyIndexView
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("revoke/<int:pk>/", api_key_revoke_view, name="revoke"),
        ]


class WebhookViewSet(ModelViewSet):
    model = Webhook
    icon = "link"
    url_namespace = "wire_webhooks"
    list_display = ["url", "partner", "format", "is_active", "created_at"]
    list_filter = ["partner", "format", "is_active"]
    inspect_view_enabled = True
    inspect_view_fields = ["partner", "url", "format", "is_active", "secret", "created_at"]
    copy_view_enabled = False


class DeliveryIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        url = reverse("wire_deliveries:redeliver", args=[instance.pk])
        buttons.append(MenuItem("Redeliver", url=url, icon_name="resubmit", priority=40))
        return buttons

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("webhook__partner", "article")


class DeliveryViewSet(ModelViewSet):
    model = Delivery
    icon = "mail"
    url_namespace = "wire_deliveries"
    menu_label = "Delivery log"
    form_fields = []  # no add or edit: see permission_policy
    list_display = [
        "article",
        "webhook",
        "version",
        "event",
        "status",
        "status_code",
        "attempts",
        "duration_ms",
        "created_at",
    ]
    list_filter = ["status", "event", "webhook__partner"]
    index_view_class = DeliveryIndexView
    inspect_view_enabled = True
    inspect_view_fields = [
        "article",
        "webhook",
        "version",
        "event",
        "status",
        "attempts",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "delivered_at",
        "status_code",
        "error",
        "duration_ms",
        "attempt_log",
    ]
    copy_view_enabled = False

    @property
    def permission_policy(self):
        return ViewOnlyPolicy(self.model)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("redeliver/<int:pk>/", delivery_redeliver_view, name="redeliver"),
        ]


class WireGroup(ModelViewSetGroup):
    menu_label = "Wire"
    menu_icon = "site"
    menu_order = 120
    items = (PartnerViewSet, ApiKeyViewSet, WebhookViewSet, DeliveryViewSet)


@hooks.register("register_admin_viewset")
def register_wire_viewsets():
    return WireGroup()
