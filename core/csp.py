"""Two Content Security Policies: a strict one for the public site, a looser one for
the admin.

The public pages carry no inline script or style at all (tests/core/test_csp.py
scans every page type), so they run under CONTENT_SECURITY_POLICY. Wagtail's admin
relies on inline scripts and styles and does not yet run under a strict policy
(wagtail/wagtail#1288); paths under ADMIN_CSP_URL_PREFIXES get
ADMIN_CONTENT_SECURITY_POLICY instead. Remove the admin policy once Wagtail's admin
runs under a strict one.
"""

from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings


class QuartierCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin policy swapped in by path.

    django-csp is customised by extending get_policy_parts (its documented hook); a
    policy a view sets itself with django-csp's decorators still wins."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith(tuple(settings.ADMIN_CSP_URL_PREFIXES)):
            return PolicyParts(
                config=settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts
