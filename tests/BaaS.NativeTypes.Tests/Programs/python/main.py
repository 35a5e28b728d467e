"""Signs in, creates, queries, patches and deletes restaurants with the generated DTOs (dtos.py, from /types/python)
and the standard-library client, reads a validation error, then survives an expired access token. Runs against the
native-types test server (then also echoes every shape, shapes.py) or, with BAAS_SERVER=myapp, against MyApp signed
in as an Owner.

Run: BAAS_BASE_URL=http://localhost:5000 PYTHONPATH=clients/python python3 main.py
It prints one 'ok <step>' line per step and exits non-zero at the first failure. After 'waiting-for-expiry' it reads
one line from stdin (the test expires the tokens meanwhile), so the next call must refresh them.
"""

import datetime
import decimal
import os
import sys
import time

from baas_client import JsonServiceClient, WebServiceException
from dtos import Authenticate, CreateRestaurant, DeleteRestaurant, PatchRestaurant, QueryRestaurants

MY_APP = os.environ.get("BAAS_SERVER") == "myapp"


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def main():
    client = JsonServiceClient(os.environ.get("BAAS_BASE_URL", "http://localhost:5000"))
    run = format(time.time_ns() // 1_000_000, "x")  # names of this run, so runs against a shared server do not meet

    try:
        client.send(CreateRestaurant(name="Anonymous", cuisine="None"))
        raise AssertionError("an anonymous create must be refused")
    except WebServiceException as e:
        check(e.status_code == 401, f"anonymous create answered {e.status_code}")
    print("ok anonymous-refused")

    # region snippet:python-sign-in
    auth = client.send(Authenticate(provider="credentials", user_name=os.environ.get("BAAS_USER", "ann@example.org"),
                                    password=os.environ.get("BAAS_PASSWORD", "correct horse")))
    check(auth.bearer_token and auth.refresh_token, "sign-in answered no tokens")
    client.bearer_token = auth.bearer_token
    client.refresh_token = auth.refresh_token
    # endregion
    print("ok signed-in")

    ids = []
    for name, cuisine in [(f"Py {run} One", f"Thai {run}"), (f"Py {run} Two", f"thai {run} street"), (f"Py {run} Pizza", f"Italian {run}")]:
        created = client.send(CreateRestaurant(name=name, cuisine=cuisine, is_open=True))
        check(created.id, "create answered no id")
        ids.append(int(created.id))
    print("ok created", len(ids))

    # region snippet:python-query
    page = client.send(QueryRestaurants(cuisine_contains=f"thai {run}", order_by="name", skip=0, take=1, include="total"))
    # endregion
    check(page.total == 2, f"total {page.total}")
    check(len(page.results) == 1 and page.results[0].name == f"Py {run} One", f"first page {page.results}")
    check(isinstance(page.results[0].rating, decimal.Decimal), f"rating {page.results[0].rating!r}")
    if not MY_APP:  # the test server answers whole rows; MyApp's public query answers RestaurantInfo, without audit columns
        check(isinstance(page.results[0].created_date, datetime.datetime), "createdDate is not a datetime")
    second = client.send(QueryRestaurants(cuisine_contains=f"thai {run}", order_by="name", skip=1, take=1))
    check(len(second.results) == 1 and second.results[0].name == f"Py {run} Two", f"second page {second.results}")
    rated = client.send(QueryRestaurants(cuisine_contains=run, rating_greater_than=decimal.Decimal(4), include="total"))
    check(rated.total == 0, f"new restaurants have no rating yet: {rated.results}")
    print("ok queried")

    patched = client.send(PatchRestaurant(id=ids[1], name=f"Py {run} Alpha"))
    check(int(patched.id) == ids[1], "patch answered another id")
    top = client.send(QueryRestaurants(cuisine_contains=f"thai {run}", order_by="name", take=1))
    check(top.results[0].name == f"Py {run} Alpha" and top.results[0].cuisine == f"thai {run} street", f"after patch {top.results}")
    print("ok patched")

    check(client.send(DeleteRestaurant(id=ids[2])) is None, "delete answered a body")
    left = client.send(QueryRestaurants(cuisine_contains=run, include="total"))
    check(left.total == 2 and ids[2] not in [r.id for r in left.results], "deleted restaurant still listed")
    print("ok deleted")

    # region snippet:python-errors
    try:
        client.send(CreateRestaurant(name=""))
        raise AssertionError("an invalid create must be refused")
    except WebServiceException as e:
        check(e.status_code == 400, f"invalid create answered {e.status_code}")
        check(e.field_error_message("Name") == "'Name' must not be empty.", e.field_errors)
        check(e.field_error("Name").error_code == "NotEmpty", e.field_errors)
    # endregion
    # A number out of range: the test server's Rating (0 to 5), MyApp's DeliveryMinutes (5 to 180).
    field, request = ("DeliveryMinutes", CreateRestaurant(name="x", delivery_minutes=1)) if MY_APP else \
        ("Rating", CreateRestaurant(name="x", rating=decimal.Decimal(7)))
    try:
        client.send(request)
        raise AssertionError(f"{field} out of range must be refused")
    except WebServiceException as e:
        check(e.field_error(field) and e.field_error(field).error_code == "InclusiveBetween", f"{field} error {e.field_errors}")
    result = client.api(CreateRestaurant(name=""))
    check(result.failed and result.field_error_message("Name") == "'Name' must not be empty.", "api() error")
    print("ok validation", result.field_error_message("Name"))

    if not MY_APP:
        from shapes import run_shapes
        run_shapes(client)
        print("ok shapes")

    print("waiting-for-expiry", flush=True)
    sys.stdin.readline()
    old = client.bearer_token
    refreshed = client.send(CreateRestaurant(name="After refresh", cuisine="Any"))
    check(refreshed.id and client.bearer_token != old, "the call after expiry did not refresh the token")
    print("ok refreshed")


if __name__ == "__main__":
    main()
    print("done", flush=True)
