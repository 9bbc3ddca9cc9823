"""One URL module per audience: the public ledger, the reviewer workbench, the API, the admin."""

from django.contrib import admin
from django.urls import include, path

from factcheck.views import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("review/", include(("factcheck.views.review", "review"))),
    path("api/", include("factcheck.api")),
    path("", include(("factcheck.views.export", "export"))),
    path("", include(("factcheck.views.public", "public"))),
]
