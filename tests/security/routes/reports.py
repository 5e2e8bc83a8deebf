"""The usage report lives in the admin: the portal admin reaches it, everyone else gets the admin's
sign-in page, as on every admin URL. (Its index entry, /admin/reports/usagereport/, follows the
admin rule in routes/admin.py.)"""

from tests.security.matrix import ADMIN_LOGIN, OK, ROLES, Route

NOT_ADMIN = {role: ADMIN_LOGIN for role in ROLES if role != "admin"}

ADMIN_ROUTES = {
    "admin:reports_usagereport_csv": Route("/admin/reports/usagereport/csv/", {**NOT_ADMIN, "admin": OK}),
    "admin:reports_usagereport_print": Route("/admin/reports/usagereport/print/", {**NOT_ADMIN, "admin": OK}),
}
