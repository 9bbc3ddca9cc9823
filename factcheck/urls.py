"""One URL module per audience: the public ledger, the reviewer workbench, the API, the admin."""

from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from factcheck.views import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("factcheck/favicon.svg"), permanent=True)),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("review/", include(("factcheck.views.review", "review"))),
    path("api/", include("factcheck.api")),
    path("", include(("factcheck.views.export", "export"))),
    path("", include(("factcheck.views.public", "public"))),
]
