from django.urls import reverse


def test_healthz_answers_after_a_query(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200 and response.content == b"ok\n"


def test_healthz_is_get_only(client, db):
    assert client.post(reverse("healthz")).status_code == 405
