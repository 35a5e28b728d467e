"""The shape steps of main.py, for the native-types test server only (its DTOs have every shape; MyApp's do not):
echoes every shape and reads generic responses. Imported by main.py when BAAS_SERVER is not 'myapp'.
"""

import datetime
import decimal
import uuid

from dtos import AllShapes, EchoShapes, GetPointsPage, GetStock, Inner, Page, Pair, Point, Priority, Status, Toppings


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def run_shapes(client):
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
