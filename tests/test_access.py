"""One access helper per object type: 404 for people who may not see, 403 for read-only writes."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from factcheck.access import can_change, can_see_workbench, get_article_for_user, get_claim_for_user, get_source_for_user
from tests.conftest import make_user


def request_for(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.fixture
def read_only(db):
    user = make_user("vera")
    user.user_permissions.add(Permission.objects.get(codename="view_claim"))
    return user


def test_reviewers_and_editors_see_and_change(reviewer, editor, claim):
    for user in (reviewer, editor):
        assert get_claim_for_user(request_for(user), claim.pk, write=True) == claim
        assert can_see_workbench(user) and can_change(user)


def test_claim_helper_loads_what_the_panel_needs_in_one_query(reviewer, claim, django_assert_num_queries):
    request = request_for(reviewer)
    request.user.has_perm("factcheck.view_claim")  # warm the permission cache
    with django_assert_num_queries(1):
        loaded = get_claim_for_user(request, claim.pk)
        assert loaded.article.title and loaded.assignee is None


def test_outsiders_get_404_for_everything(outsider, claim, source):
    request = request_for(outsider)
    with pytest.raises(Http404):
        get_claim_for_user(request, claim.pk)
    with pytest.raises(Http404):
        get_article_for_user(request, claim.article_id)
    with pytest.raises(Http404):
        get_source_for_user(request, source.pk)


def test_anonymous_gets_404(claim):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(Http404):
        get_claim_for_user(request_for(AnonymousUser()), claim.pk)


def test_read_only_people_see_but_cannot_change(read_only, claim):
    request = request_for(read_only)
    assert get_claim_for_user(request, claim.pk) == claim
    with pytest.raises(PermissionDenied):
        get_claim_for_user(request, claim.pk, write=True)
    with pytest.raises(PermissionDenied):
        get_article_for_user(request, claim.article_id, write=True)


def test_read_only_people_get_403_on_posts(read_only, claim):
    from tests.conftest import client_for

    client = client_for(read_only)
    assert client.get(f"/review/claims/{claim.pk}/").status_code == 200
    response = client.post(f"/review/claims/{claim.pk}/edit/", {"version": claim.version, "kind": "other", "claim_as_checked": "X"})
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.claim_as_checked == ""


def test_missing_objects_are_404(reviewer, db):
    request = request_for(reviewer)
    for helper in (get_claim_for_user, get_article_for_user, get_source_for_user):
        with pytest.raises(Http404):
            helper(request, 12345)


def test_read_only_people_see_no_change_forms(read_only, claim):
    from tests.conftest import client_for

    body = client_for(read_only).get(f"/review/claims/{claim.pk}/").content.decode()
    assert "You can read this claim but not change it." in body
    assert "Add note" not in body and "Merge" not in body and "Assign to me" not in body


def test_people_without_a_role_are_told_what_to_do(outsider_client):
    response = outsider_client.get("/review/")
    assert response.status_code == 403 and "Ask an editor or an administrator" in response.content.decode()
