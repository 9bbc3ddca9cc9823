from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    return {"organization_name": settings.FACTCHECK_ORGANIZATION_NAME}
