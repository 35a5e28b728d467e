""" Options:
Date: 2000-01-01 00:00:00
Version: 1.0.0
Tip: To override a DTO option, remove "//" prefix before updating
BaseUrl: http://localhost:5000

//AddDescriptionAsComments: True
//ClientModule: baas_client
//IncludeTypes:
//ExcludeTypes:
"""

from __future__ import annotations

import datetime
import decimal
import enum
import typing
from dataclasses import dataclass, field

from baas_client import IReturn, IReturnVoid, IGet, IPost, IPut, IPatch, IDelete, ResponseStatus, ResponseError

T = typing.TypeVar('T')
TKey = typing.TypeVar('TKey')
TValue = typing.TypeVar('TValue')


class Priority(enum.IntEnum):
    """A number enum with explicit values."""
    Low = 1
    Normal = 5
    High = 9


class Status(str, enum.Enum):
    """A string enum, one member with a wire name of its own."""
    Draft = 'Draft'
    # Being worked on.
    InProgress = 'in-progress'
    # Finished
    Done = 'Done'


class Toppings(enum.IntFlag):
    """Flags travel as numbers."""
    None_ = 0
    Cheese = 1
    Olives = 2
    Basil = 4


@dataclass
class ShapeBase:
    """The parts every shape shares."""
    # Who made it.
    label: typing.Optional[str] = None


@dataclass
class AllShapes(ShapeBase):
    """Every property shape the generators must write."""
    # A whole number.
    int_: int = 0
    long: int = 0
    double: float = 0.0
    # Money: exact.
    decimal_: decimal.Decimal = decimal.Decimal(0)
    bool_: bool = False
    text: typing.Optional[str] = None
    nullable_int: typing.Optional[int] = None
    nullable_bool: typing.Optional[bool] = None
    date_time: datetime.datetime = datetime.datetime(1, 1, 1)
    nullable_date_time: typing.Optional[datetime.datetime] = None
    date_only: datetime.date = datetime.date(1, 1, 1)
    time_only: datetime.time = datetime.time()
    time_span: datetime.timedelta = datetime.timedelta()
    nullable_time_span: typing.Optional[datetime.timedelta] = None
    guid: str = '00000000-0000-0000-0000-000000000000'
    bytes_: typing.Optional[bytes] = None
    strings: typing.Optional[typing.List[str]] = None
    numbers: typing.Optional[typing.List[int]] = None
    points: typing.Optional[typing.List[Point]] = None
    point_array: typing.Optional[typing.List[Point]] = None
    counts: typing.Optional[typing.Dict[str, int]] = None
    points_by_name: typing.Optional[typing.Dict[str, Point]] = None
    lists_by_name: typing.Optional[typing.Dict[str, typing.List[int]]] = None
    status: Status = Status.Draft
    maybe_status: typing.Optional[Status] = None
    toppings: Toppings = Toppings.None_
    priority: Priority = Priority.Low
    nested: typing.Optional[Inner] = None
    # A generic type of the app, closed.
    point_page: typing.Optional[Page[Point]] = None
    pages: typing.Optional[typing.List[Page[str]]] = None
    pair: typing.Optional[Pair[str, Point]] = None


@dataclass
class AuditBase:
    """Audit columns for a data model, filled by AutoQuery's audit behaviours: who created, last changed and (soft) deleted a row, and when."""
    # When the row was created (UTC).
    created_date: datetime.datetime = datetime.datetime(1, 1, 1)
    # Who created it.
    created_by: typing.Optional[str] = None
    # When it was last changed (UTC).
    modified_date: datetime.datetime = datetime.datetime(1, 1, 1)
    # Who last changed it.
    modified_by: typing.Optional[str] = None
    # When it was soft-deleted (UTC), or null while it is live.
    deleted_date: typing.Optional[datetime.datetime] = None
    # Who soft-deleted it.
    deleted_by: typing.Optional[str] = None


@dataclass
class AuthenticateResponse:
    """Who signed in, with the tokens to send next."""
    user_id: typing.Optional[str] = None
    user_name: typing.Optional[str] = None
    # Send as Authorization: Bearer ....
    bearer_token: typing.Optional[str] = None
    # Trade for a new bearer token at /api/GetAccessToken when it expires.
    refresh_token: typing.Optional[str] = None
    roles: typing.Optional[typing.List[str]] = None
    response_status: typing.Optional[ResponseStatus] = None


@dataclass
class EchoShapesResponse:
    """What EchoShapes answers."""
    shapes: typing.Optional[AllShapes] = None
    response_status: typing.Optional[ResponseStatus] = None


@dataclass
class GetAccessTokenResponse:
    access_token: typing.Optional[str] = None
    response_status: typing.Optional[ResponseStatus] = None


@dataclass
class IdResponse:
    """The response of create/update operations: { \"id\": \"42\" }."""
    # The id of the row that was written, as a string.
    id: typing.Optional[str] = None
    response_status: typing.Optional[ResponseStatus] = None


@dataclass
class Inner:
    """A type declared inside another."""
    note: typing.Optional[str] = None
    depth: int = 0


@dataclass
class Page(typing.Generic[T]):
    """A generic type of the app."""
    number: int = 0
    items: typing.Optional[typing.List[T]] = None


@dataclass
class Pair(typing.Generic[TKey, TValue]):
    """Two generic parameters."""
    key: typing.Optional[TKey] = None
    value: typing.Optional[TValue] = None


@dataclass
class Point:
    """A point on a plane."""
    x: int = 0
    y: int = 0


@dataclass
class PointsPage(Page['Point']):
    """A user generic base closed by a subclass."""
    title: typing.Optional[str] = None


@dataclass
class QueryBase:
    """The paging, ordering and selection every query request takes."""
    skip: typing.Optional[int] = None
    take: typing.Optional[int] = None
    order_by: typing.Optional[str] = None
    order_by_desc: typing.Optional[str] = None
    include: typing.Optional[str] = None
    fields: typing.Optional[str] = None
    meta: typing.Optional[typing.Dict[str, str]] = None


@dataclass
class QueryDb(QueryBase, typing.Generic[T]):
    """A query API over the data model T that AutoQuery implements: declare public class QueryRestaurants : QueryDb<Restaurant> { public string? CuisineContains { get; set; } }."""


@dataclass
class QueryResponse(typing.Generic[T]):
    """The answer of a query: { \"offset\", \"total\", \"results\", \"meta\" }."""
    # The number of rows skipped.
    offset: int = 0
    # All matching rows, when the request asked with include=total; else the rows returned.
    total: int = 0
    # The rows.
    results: typing.Optional[typing.List[T]] = None
    # Aggregates asked for with include, and other extras.
    meta: typing.Optional[typing.Dict[str, str]] = None
    response_status: typing.Optional[ResponseStatus] = None


@dataclass
class Restaurant(AuditBase):
    """A restaurant that delivers."""
    id: int = 0
    name: typing.Optional[str] = None
    # The kind of food, e.g. Thai.
    cuisine: typing.Optional[str] = None
    # Average review rating, 0 to 5.
    rating: decimal.Decimal = decimal.Decimal(0)
    is_open: bool = False


@dataclass
class Shop_Item:
    """An item on sale."""
    sku: typing.Optional[str] = None
    price: decimal.Decimal = decimal.Decimal(0)


@dataclass
class StockReport:
    """The warehouse's items, with the shop's item of each."""
    items: typing.Optional[typing.List[Warehouse_Item]] = None
    featured: typing.Optional[Shop_Item] = None


@dataclass
class Warehouse_Item:
    """An item in stock: the same short name as the shop's."""
    sku: typing.Optional[str] = None
    quantity: int = 0


@dataclass
class Authenticate(IReturn['AuthenticateResponse'], IPost):
    """Signs in with a user name and password (ServiceStack's protocol: POST /auth/credentials)."""
    provider: typing.Optional[str] = None
    user_name: typing.Optional[str] = None
    password: typing.Optional[str] = None
    remember_me: typing.Optional[bool] = None


@dataclass
class CreateRestaurant(IReturn['IdResponse'], IPost):
    """Adds a restaurant."""
    name: typing.Optional[str] = None
    cuisine: typing.Optional[str] = None
    rating: decimal.Decimal = decimal.Decimal(0)
    is_open: bool = False


@dataclass
class DeleteRestaurant(IReturnVoid, IDelete):
    """Removes a restaurant: owners only."""
    id: int = 0


@dataclass
class EchoShapes(IReturn['EchoShapesResponse'], IPost):
    """Sends every shape to the server and gets it back unchanged."""
    # The values to echo.
    shapes: typing.Optional[AllShapes] = None


@dataclass
class GetAccessToken(IReturn['GetAccessTokenResponse'], IPost):
    """A new access token for a refresh token."""
    refresh_token: typing.Optional[str] = None
    use_token_cookie: typing.Optional[bool] = None


@dataclass
class GetPointsPage(IReturn['PointsPage'], IGet):
    """A page of points."""
    count: int = 0


@dataclass
class GetShopItem(IReturn['Shop_Item'], IGet):
    """An item of the shop."""
    sku: typing.Optional[str] = None


@dataclass
class GetStock(IReturn['StockReport'], IGet):
    """Stock of the warehouse."""


@dataclass
class PatchRestaurant(IReturn['IdResponse'], IPatch):
    """Changes the fields that are sent."""
    id: int = 0
    name: typing.Optional[str] = None
    cuisine: typing.Optional[str] = None
    rating: typing.Optional[decimal.Decimal] = None
    is_open: typing.Optional[bool] = None


@dataclass
class Ping(IReturnVoid, IPost):
    """Says nothing back."""
    message: typing.Optional[str] = None


@dataclass
class QueryRestaurants(QueryDb['Restaurant'], IReturn['QueryResponse[Restaurant]'], IGet):
    """Finds restaurants."""
    # Only cuisines containing this text.
    cuisine_contains: typing.Optional[str] = None
    rating_greater_than: typing.Optional[decimal.Decimal] = None
