"""Security headers Django's SecurityMiddleware does not write: CSP and Permissions-Policy.

Both sit under the page cache in MIDDLEWARE, so a page cached there keeps its headers.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy (settings.CONTENT_SECURITY_POLICY), loosened for Wagtail's admin by
    settings.CONTENT_SECURITY_POLICY_ADMIN_UPDATE: the admin writes inline scripts and styles
    that reader pages never need."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        # A view's own @csp_update wins; only the report-only policy is left alone.
        if (
            not report_only
            and parts.update is None
            and request.path_info.startswith(settings.ADMIN_PATH)
        ):
            parts.update = settings.CONTENT_SECURITY_POLICY_ADMIN_UPDATE
        return parts


def permissions_policy(features: dict[str, list[str]]) -> str:
    """The header's value: {"camera": []} → "camera=()"; {"fullscreen": ["self"]} →
    "fullscreen=(self)"."""
    return ", ".join(f"{name}=({' '.join(origins)})" for name, origins in features.items())


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.value = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.value)
        return response
