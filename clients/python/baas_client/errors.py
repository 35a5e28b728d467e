"""The error shape of the protocol and the exception that carries it."""

from __future__ import annotations

import typing
from dataclasses import dataclass


@dataclass
class ResponseError:
    """An error of one request field: ``{ "errorCode", "fieldName", "message" }``."""

    error_code: typing.Optional[str] = None
    field_name: typing.Optional[str] = None
    message: typing.Optional[str] = None
    meta: typing.Optional[typing.Dict[str, str]] = None


@dataclass
class ResponseStatus:
    """The error part of a response: ``{ "errorCode", "message", "errors": [...] }``."""

    error_code: typing.Optional[str] = None
    message: typing.Optional[str] = None
    stack_trace: typing.Optional[str] = None
    errors: typing.Optional[typing.List[ResponseError]] = None
    meta: typing.Optional[typing.Dict[str, str]] = None


class WebServiceException(Exception):
    """An HTTP failure, with the server's ResponseStatus (and its field errors) when it sent one."""

    def __init__(self, status_code: int, status_description: str, response_status: typing.Optional[ResponseStatus],
                 response_body: str = ""):
        self.status_code = status_code
        self.status_description = status_description
        self.response_status = response_status or ResponseStatus(error_code=str(status_code), message=status_description)
        self.response_body = response_body
        super().__init__(self.response_status.message or status_description)

    @property
    def error_code(self) -> typing.Optional[str]:
        return self.response_status.error_code

    @property
    def error_message(self) -> typing.Optional[str]:
        return self.response_status.message

    @property
    def field_errors(self) -> typing.List[ResponseError]:
        return list(self.response_status.errors or [])

    def field_error(self, field_name: str) -> typing.Optional[ResponseError]:
        """The error of a field, by its name as the DTO declares it (``Name``), case-insensitively."""
        for error in self.field_errors:
            if (error.field_name or "").lower() == field_name.lower():
                return error
        return None

    def field_error_message(self, field_name: str) -> typing.Optional[str]:
        error = self.field_error(field_name)
        return error.message if error else None


class RefreshTokenException(WebServiceException):
    """The access token had expired and the refresh token was refused: sign in again."""
