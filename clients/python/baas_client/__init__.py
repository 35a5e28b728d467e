"""A typed client for BaaS servers, standard library only. DTOs come from ``/types/python``."""

from .client import ApiResult, JsonServiceClient
from .errors import RefreshTokenException, ResponseError, ResponseStatus, WebServiceException
from .markers import IDelete, IGet, IPatch, IPost, IPut, IReturn, IReturnVoid, IVerb

__all__ = [
    "ApiResult", "JsonServiceClient", "RefreshTokenException", "ResponseError", "ResponseStatus", "WebServiceException",
    "IDelete", "IGet", "IPatch", "IPost", "IPut", "IReturn", "IReturnVoid", "IVerb",
]
