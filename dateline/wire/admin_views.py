"""The two actions operators take on the wire in the admin: revoke a key, redeliver a push."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from .models import ApiKey, Delivery
from .partners import api_key_revoke
from .push.deliveries import delivery_redeliver


def _confirm(request, *, title: str, message: str, action: str, cancel_url: str, icon: str):
    context = {
        "title": title,
        "message": message,
        "action": action,
        "cancel_url": cancel_url,
        "icon": icon,
    }
    return TemplateResponse(request, "wire/admin/confirm.html", context)


def api_key_revoke_view(request, pk: int):
    if not request.user.has_perm("wire.change_apikey"):
        raise PermissionDenied
    api_key = get_object_or_404(ApiKey.objects.select_related("partner"), pk=pk)
    index = reverse("wire_api_keys:index")
    if request.method == "POST":
        api_key_revoke(api_key=api_key)
        messages.success(request, f"Key {api_key.prefix}… of {api_key.partner} revoked.")
        return redirect(index)
    return _confirm(
        request,
        title=f"Revoke key {api_key.prefix}…",
        message=f"{api_key.partner}'s requests with this key will be refused at once.",
        action="Revoke",
        cancel_url=index,
        icon="key",
    )


def delivery_redeliver_view(request, pk: int):
    if not request.user.has_perm("wire.change_delivery"):
        raise PermissionDenied
    delivery = get_object_or_404(Delivery.objects.select_related("webhook__partner"), pk=pk)
    index = reverse("wire_deliveries:index")
    if request.method == "POST":
        if delivery_redeliver(delivery=delivery):
            messages.success(request, f"Redelivery to {delivery.webhook.url} queued.")
        else:
            messages.warning(request, "An attempt is under way; wait for its outcome.")
        return redirect(index)
    return _confirm(
        request,
        title=f"Redeliver to {delivery.webhook.partner}",
        message=f"Send the story again, as it is now, to {delivery.webhook.url}, "
        "with a fresh round of retries.",
        action="Redeliver",
        cancel_url=index,
        icon="resubmit",
    )
