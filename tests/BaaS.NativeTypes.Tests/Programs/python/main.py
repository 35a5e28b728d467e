"""Signs in, creates, queries, patches and deletes restaurants with the generated DTOs (dtos.py, from /types/python)
and the standard-library client, then echoes every shape and survives an expired access token.

Run: BAAS_BASE_URL=http://localhost:5000 PYTHONPATH=clients/python python3 main.py
It prints one 'ok <step>' line per step and exits non-zero at the first failure. After 'waiting-for-expiry' it reads
one line from stdin (the test expires the tokens meanwhile), so the next call must refresh them.
"""

import datetime
import decimal
import os
import sys
import uuid

from baas_client import JsonServiceClient, WebServiceException
from dtos import (AllShapes, Authenticate, CreateRestaurant, DeleteRestaurant, EchoShapes, GetPointsPage, GetStock, Inner,
                  Page, Pair, PatchRestaurant, Point, Priority, QueryRestaurants, Status, Toppings)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def main():
    client = JsonServiceClient(os.environ.get("BAAS_BASE_URL", "http://localhost:5000"))

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
    for name, cuisine, rating in [("Py Thai One", "Thai", "4.5"), ("Py Thai Two", "thai street", "3.9"), ("Py Pizza", "Italian", "4.8")]:
        created = client.send(CreateRestaurant(name=name, cuisine=cuisine, rating=decimal.Decimal(rating), is_open=True))
        check(created.id, "create answered no id")
        ids.append(int(created.id))
    print("ok created", len(ids))

    # region snippet:python-query
    page = client.send(QueryRestaurants(cuisine_contains="thai", rating_greater_than=decimal.Decimal("3.5"), order_by="-rating",
                                        skip=0, take=1, include="total"))
    # endregion
    check(page.total == 2, f"total {page.total}")
    check(len(page.results) == 1 and page.results[0].name == "Py Thai One", f"first page {page.results}")
    check(page.results[0].rating == decimal.Decimal("4.5"), f"rating {page.results[0].rating!r}")
    check(isinstance(page.results[0].created_date, datetime.datetime), "createdDate is not a datetime")
    second = client.send(QueryRestaurants(cuisine_contains="thai", order_by="-rating", skip=1, take=1))
    check(len(second.results) == 1 and second.results[0].name == "Py Thai Two", f"second page {second.results}")
    print("ok queried")

    patched = client.send(PatchRestaurant(id=ids[1], rating=decimal.Decimal("4.9")))
    check(int(patched.id) == ids[1], "patch answered another id")
    top = client.send(QueryRestaurants(cuisine_contains="thai", order_by="-rating", take=1))
    check(top.results[0].name == "Py Thai Two" and top.results[0].cuisine == "thai street", f"after patch {top.results}")
    print("ok patched")

    check(client.send(DeleteRestaurant(id=ids[2])) is None, "delete answered a body")
    left = client.send(QueryRestaurants(include="total"))
    check(ids[2] not in [r.id for r in left.results], "deleted restaurant still listed")
    print("ok deleted")

    # region snippet:python-errors
    try:
        client.send(CreateRestaurant(name="", rating=decimal.Decimal(7)))
        raise AssertionError("an invalid create must be refused")
    except WebServiceException as e:
        check(e.status_code == 400, f"invalid create answered {e.status_code}")
        check(e.field_error_message("Name") == "'Name' must not be empty.", e.field_errors)
        check(e.field_error("Rating").error_code == "InclusiveBetween", e.field_errors)
    # endregion
    result = client.api(CreateRestaurant(name=""))
    check(result.failed and result.field_error_message("Name") == "'Name' must not be empty.", "api() error")
    print("ok validation", result.field_error_message("Name"))

    shapes = AllShapes(
        label="py", int_=42, long=9007199254740993, double=1.5, decimal_=decimal.Decimal("12345678901234.56789"), bool_=True,
        text="héllo, \"world\"", nullable_int=None, nullable_bool=False,
        date_time=datetime.datetime(2026, 11, 22, 10, 30, 15, 250000, tzinfo=datetime.timezone.utc),
        date_only=datetime.date(2026, 2, 28), time_only=datetime.time(18, 30, 5), time_span=datetime.timedelta(hours=1, minutes=30, seconds=1.5),
        nullable_time_span=datetime.timedelta(days=2), guid=str(uuid.UUID("6f9619ff-8b86-d011-b42d-00cf4fc964ff")), bytes_=b"\x00\x01\xfe\xff",
        strings=["a", "b,c"], numbers=[1, 2, 3], points=[Point(x=1, y=2)], point_array=[Point(x=3, y=4)],
        counts={"a": 1}, points_by_name={"p": Point(x=5, y=6)}, lists_by_name={"l": [7, 8]},
        status=Status.InProgress, maybe_status=Status.Done, toppings=Toppings.Cheese | Toppings.Basil, priority=Priority.High,
        nested=Inner(note="deep", depth=2), point_page=Page(number=3, items=[Point(x=9, y=9)]), pages=[Page(number=1, items=["x"])],
        pair=Pair(key="k", value=Point(x=0, y=1)))
    echoed = client.send(EchoShapes(shapes=shapes)).shapes
    for name in shapes.__dataclass_fields__:
        check(getattr(echoed, name) == getattr(shapes, name), f"{name}: sent {getattr(shapes, name)!r}, got {getattr(echoed, name)!r}")
    check(isinstance(echoed.point_page.items[0], Point) and isinstance(echoed.pair.value, Point), "generic arguments not typed")
    points = client.send(GetPointsPage(count=3))
    check(points.title == "points" and isinstance(points.items[2], Point) and points.items[2].y == 9, f"points page {points}")
    stock = client.send(GetStock())
    check(stock.items[0].quantity == 3 and stock.featured.price == decimal.Decimal("2.25"), f"stock {stock}")
    print("ok shapes")

    print("waiting-for-expiry", flush=True)
    sys.stdin.readline()
    old = client.bearer_token
    refreshed = client.send(CreateRestaurant(name="After refresh", cuisine="Any", rating=decimal.Decimal(1)))
    check(refreshed.id and client.bearer_token != old, "the call after expiry did not refresh the token")
    print("ok refreshed")


if __name__ == "__main__":
    main()
    print("done", flush=True)
