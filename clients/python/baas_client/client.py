"""JsonServiceClient: sends generated request DTOs to a BaaS server (ServiceStack's JSON protocol)."""

from __future__ import annotations

import json
import sys
import typing
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from . import wire
from .errors import RefreshTokenException, ResponseStatus, WebServiceException
from .markers import IReturn, IReturnVoid, IVerb

_BODY_VERBS = ("POST", "PUT", "PATCH")


@dataclass
class ApiResult:
    """What ``api()`` answers: the response, or the error, never an exception for HTTP failures."""

    response: typing.Any = None
    error: typing.Optional[ResponseStatus] = None
    status_code: int = 200

    @property
    def succeeded(self) -> bool:
        return self.error is None

    @property
    def failed(self) -> bool:
        return self.error is not None

    def field_error_message(self, field_name: str) -> typing.Optional[str]:
        for error in (self.error.errors or []) if self.error else []:
            if (error.field_name or "").lower() == field_name.lower():
                return error.message
        return None


class JsonServiceClient:
    """Sends request DTOs to ``{base_url}/api/{Name}`` with the verb their marker names (POST when none): GET and DELETE
    properties in the query string, others as a JSON body. ``bearer_token`` goes in ``Authorization: Bearer``; on a 401
    with a ``refresh_token`` it POSTs ``GetAccessToken`` to ``/api/GetAccessToken``, takes the new ``accessToken`` and
    sends the request once more.

        client = JsonServiceClient("http://localhost:5000")
        order = client.send(GetOrder(id=1))
    """

    def __init__(self, base_url: str, base_path: str = "/api/", timeout: float = 30.0):
        self.base_url = base_url.rstrip("/")
        self.base_path = "/" + base_path.strip("/") + "/"
        self.timeout = timeout
        self.bearer_token: typing.Optional[str] = None
        self.refresh_token: typing.Optional[str] = None
        self.refresh_token_uri: typing.Optional[str] = None
        self.headers: typing.Dict[str, str] = {}

    # -- sending DTOs -------------------------------------------------------------------------------------------

    def send(self, request: typing.Any, method: typing.Optional[str] = None,
             idempotency_key: typing.Optional[str] = None) -> typing.Any:
        """Sends the request with its verb (or ``method``); returns the typed response, raises WebServiceException.

        With ``idempotency_key`` (a fresh ``str(uuid.uuid4())`` per write the user meant, the same one for each retry
        of it), it is sent as the ``Idempotency-Key`` header: a retry answers the first call's response and writes
        nothing again (409: the first call is still running; 422: the key was used for another request).
        """
        verb = (method or _verb_of(request)).upper()
        url = self.base_url + self.base_path + type(request).__name__
        body = None
        if verb in _BODY_VERBS:
            body = wire.to_json(request)
        else:
            url += wire.query_string(request)
        extra = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        text = self._send_with_refresh(verb, url, body, extra)
        hint = _response_type(request)
        if hint is None:
            return None
        return wire.from_json(text, hint, sys.modules[type(request).__module__])

    def api(self, request: typing.Any, method: typing.Optional[str] = None,
            idempotency_key: typing.Optional[str] = None) -> ApiResult:
        """Like ``send``, but an HTTP failure comes back in ``ApiResult.error`` instead of raising."""
        try:
            return ApiResult(response=self.send(request, method, idempotency_key))
        except WebServiceException as e:
            return ApiResult(error=e.response_status, status_code=e.status_code)

    def get(self, request: typing.Any) -> typing.Any:
        return self.send(request, "GET")

    def post(self, request: typing.Any) -> typing.Any:
        return self.send(request, "POST")

    def put(self, request: typing.Any) -> typing.Any:
        return self.send(request, "PUT")

    def patch(self, request: typing.Any) -> typing.Any:
        return self.send(request, "PATCH")

    def delete(self, request: typing.Any) -> typing.Any:
        return self.send(request, "DELETE")

    def get_json(self, path: str) -> typing.Any:
        """GETs any URL of the server (``/metadata/app.json``) as plain JSON data."""
        text = self._send_with_refresh("GET", self.base_url + "/" + path.lstrip("/"), None)
        return json.loads(text) if text else None

    # -- HTTP ---------------------------------------------------------------------------------------------------

    def _send_with_refresh(self, verb: str, url: str, body: typing.Optional[str],
                           extra: typing.Optional[typing.Dict[str, str]] = None) -> str:
        try:
            return self._send(verb, url, body, extra=extra)
        except WebServiceException as e:
            if e.status_code != 401 or not self.refresh_token:
                raise
        self.bearer_token = self._refresh_access_token()
        return self._send(verb, url, body, extra=extra)

    def _refresh_access_token(self) -> str:
        url = self.refresh_token_uri or (self.base_url + self.base_path + "GetAccessToken")
        body = json.dumps({"refreshToken": self.refresh_token})
        try:
            # The expired token is not sent along: the refresh token alone is the credential.
            text = self._send("POST", url, body, authorize=False)
        except WebServiceException as e:
            raise RefreshTokenException(e.status_code, e.status_description, e.response_status, e.response_body) from e
        token = (json.loads(text) if text else {}).get("accessToken")
        if not token:
            raise RefreshTokenException(401, "Unauthorized", ResponseStatus("RefreshTokenException", "No accessToken in the answer."), text)
        return token

    def _send(self, verb: str, url: str, body: typing.Optional[str], authorize: bool = True,
              extra: typing.Optional[typing.Dict[str, str]] = None) -> str:
        headers = {"Accept": "application/json", **self.headers, **(extra or {})}
        if body is not None:
            headers["Content-Type"] = "application/json; charset=utf-8"
        if authorize and self.bearer_token:
            headers["Authorization"] = "Bearer " + self.bearer_token
        data = body.encode("utf-8") if body is not None else None
        request = urllib.request.Request(url, data=data, headers=headers, method=verb)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            text = e.read().decode("utf-8", errors="replace")
            raise WebServiceException(e.code, e.reason if isinstance(e.reason, str) else str(e.reason), _status_of(text), text) from None


def _verb_of(request: typing.Any) -> str:
    for klass in type(request).__mro__:
        if issubclass(klass, IVerb) and "_baas_method" in vars(klass):
            return klass._baas_method
    return "POST"


def _response_type(request: typing.Any) -> typing.Any:
    """The T of ``IReturn[T]`` among the request's bases (a name, resolved in the DTO's module); None for IReturnVoid."""
    for klass in type(request).__mro__:
        for base in getattr(klass, "__orig_bases__", ()):
            if typing.get_origin(base) is IReturn:
                return typing.get_args(base)[0]
    if isinstance(request, IReturnVoid):
        return None
    raise TypeError(f"{type(request).__name__} declares no response: derive it from IReturn[...] or IReturnVoid.")


def _status_of(text: str) -> typing.Optional[ResponseStatus]:
    try:
        data = json.loads(text) if text else None
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    status = data.get("responseStatus") or data.get("ResponseStatus")
    return wire.from_wire(status, ResponseStatus) if isinstance(status, dict) else None
