"""Marker base classes the generated DTOs (/types/python) derive from: the response type and the HTTP verb."""

from __future__ import annotations

import typing

T = typing.TypeVar("T")


class IReturn(typing.Generic[T]):
    """A request answered by a ``T``: ``class GetOrder(IReturn['Order'], IGet)``."""


class IReturnVoid:
    """A request answered with no body (204)."""


class IVerb:
    """Names the verb a request is sent with."""

    _baas_method = "POST"


class IGet(IVerb):
    """Sent as GET: properties in the query string."""

    _baas_method = "GET"


class IPost(IVerb):
    """Sent as POST with a JSON body."""

    _baas_method = "POST"


class IPut(IVerb):
    """Sent as PUT with a JSON body."""

    _baas_method = "PUT"


class IPatch(IVerb):
    """Sent as PATCH with a JSON body."""

    _baas_method = "PATCH"


class IDelete(IVerb):
    """Sent as DELETE: properties in the query string."""

    _baas_method = "DELETE"
