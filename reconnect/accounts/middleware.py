from django.http import HttpRequest, HttpResponse
from django.urls import reverse


class ClearSiteDataOnSignOutMiddleware:
    """Signing out leaves nothing of the person on the device: the browser drops its caches and the
    site's storage (the kept crisis plan, the service worker that kept it). Cookies stay, so that the
    language choice survives; the session cookie is already worthless."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.method == "POST"
            and response.status_code in (302, 303)
            and request.path == reverse("account_logout")
        ):
            response.headers["Clear-Site-Data"] = '"cache", "storage"'
        return response
