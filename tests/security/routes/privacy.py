"""Routes of /me/ for one's data: overview, privacy choices, export, account deletion."""

from reconnect.privacy.models import DataExport, ErasureRequest
from tests.security.matrix import LOGIN, NOT_FOUND, OK, REAUTH, Route, everyone, only, roles

SIGNED_IN = ("member", "other_member", "moderator", "provider", "other_provider", "admin")


def _member_export(world):
    export = DataExport.objects.create(user=world.member, status=DataExport.Status.PENDING)
    return export.get_download_url()


ROUTES = {
    "privacy:overview": Route("/me/data/", only(OK, *SIGNED_IN)),
    # Only people with a forum presence have a profile to hide.
    "privacy:settings": Route("/me/privacy/", only(OK, "member", "other_member", "moderator")),
    "privacy:export": Route("/me/export/", only(OK, *SIGNED_IN)),
    # Asking for a copy is sensitive: the owner confirms their password first.
    "privacy:export_download": Route(
        _member_export,
        roles(
            anonymous=LOGIN,
            member=REAUTH,
            other_member=NOT_FOUND,
            moderator=NOT_FOUND,
            provider=NOT_FOUND,
            admin=NOT_FOUND,
        ),
    ),
    "privacy:delete": Route("/me/delete/", only(OK, "member", "other_member")),
    "privacy:deleted": Route("/me/deleted/", everyone(OK)),
}

ADMIN_SAMPLES = {
    "privacy.dataexport": lambda world: DataExport.objects.create(user=world.member),
    "privacy.erasurerequest": lambda world: ErasureRequest.objects.create(user=world.member),
}
