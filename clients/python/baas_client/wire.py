"""The JSON wire format of BaaS (ServiceStack's): dataclasses to JSON and back, and query strings.

Values: camelCase property names; dates ISO-8601; TimeSpan as an XSD duration (``PT1H30M``); Guids as text; byte[] as
base64; string enums by wire name, [Flags]/[EnumAsInt] enums as numbers; decimals exact.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime
import decimal
import enum
import json
import re
import sys
import typing
import urllib.parse

_DURATION = re.compile(
    r"^(?P<sign>-)?P(?:(?P<weeks>\d+(?:\.\d+)?)W)?(?:(?P<days>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<hours>\d+(?:\.\d+)?)H)?(?:(?P<minutes>\d+(?:\.\d+)?)M)?(?:(?P<seconds>\d+(?:\.\d+)?)S)?)?$")
_WCF_DATE = re.compile(r"^/Date\((?P<ms>-?\d+)(?P<zone>[+-]\d{4})?\)/$")


def wire_name(f: dataclasses.Field) -> str:
    """A field's JSON name: its metadata's ``json``, else camelCase of the field name (``cuisine_contains``)."""
    named = f.metadata.get("json") if f.metadata else None
    if named:
        return named
    parts = f.name.rstrip("_").split("_")
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:] if p)


def format_duration(value: datetime.timedelta) -> str:
    """``PT1H30M``, ``P2DT0.5S``, ``-PT5M``, ``PT0S``."""
    if value == datetime.timedelta(0):
        return "PT0S"
    sign = "-" if value < datetime.timedelta(0) else ""
    value = abs(value)
    days = value.days
    seconds = value.seconds + value.microseconds / 1_000_000
    text = sign + "P" + (f"{days}D" if days else "")
    if seconds:
        hours, rest = divmod(value.seconds, 3600)
        minutes, whole = divmod(rest, 60)
        text += "T" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
        secs = decimal.Decimal(whole) + decimal.Decimal(value.microseconds) / 1_000_000
        if secs:
            text += f"{secs.normalize():f}S"
    return text


def parse_duration(text: str) -> datetime.timedelta:
    match = _DURATION.match(text.strip())
    if not match:
        # .NET's own form: [-][d.]hh:mm:ss[.fffffff]
        net = re.match(r"^(-)?(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.(\d+))?$", text.strip())
        if not net:
            raise ValueError(f"'{text}' is not a duration")
        sign, d, h, m, s, frac = net.groups()
        value = datetime.timedelta(days=int(d or 0), hours=int(h), minutes=int(m), seconds=int(s),
                                   microseconds=int((frac or "0")[:6].ljust(6, "0")))
        return -value if sign else value
    parts = {k: float(v) for k, v in match.groupdict().items() if v and k != "sign"}
    value = datetime.timedelta(weeks=parts.get("weeks", 0), days=parts.get("days", 0), hours=parts.get("hours", 0),
                               minutes=parts.get("minutes", 0), seconds=parts.get("seconds", 0))
    return -value if match.group("sign") else value


def parse_datetime(text: str) -> datetime.datetime:
    wcf = _WCF_DATE.match(text)
    if wcf:
        return datetime.datetime.fromtimestamp(int(wcf.group("ms")) / 1000, tz=datetime.timezone.utc)
    return datetime.datetime.fromisoformat(text)


def to_wire(value: typing.Any) -> typing.Any:
    """A value as plain JSON data: dataclasses to dicts of wire names (None left out), enums, dates, bytes to text."""
    if value is None or isinstance(value, (bool, int, float, str)) and not isinstance(value, enum.Enum):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        result = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if item is not None:
                result[wire_name(f)] = to_wire(item)
        return result
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
            return value.isoformat() + "Z"
        return value.isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return format_duration(value)
    if isinstance(value, decimal.Decimal):
        # JSON numbers are floats to most parsers: send the exact text when a float would change the value
        # (the server reads numbers from strings too).
        as_float = float(value)
        return as_float if decimal.Decimal(repr(as_float)) == value else str(value)
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, dict):
        return {str(to_wire(k)): to_wire(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_wire(v) for v in value]
    raise TypeError(f"{type(value).__name__} has no JSON form")


def to_json(value: typing.Any) -> str:
    return json.dumps(to_wire(value), separators=(",", ":"))


def query_string(request: typing.Any) -> str:
    """GET/DELETE properties: ``?cuisineContains=thai&take=20``; lists comma-separated (a JSON array when an item
    holds a comma), objects as JSON, as the server reads them."""
    pairs = []
    for name, value in (to_wire(request) or {}).items():
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
            items = ["true" if v is True else "false" if v is False else str(v) for v in value]
            text = json.dumps(value) if any("," in i for i in items) else ",".join(items)
        elif isinstance(value, (dict, list)):
            text = json.dumps(value, separators=(",", ":"))
        else:
            text = str(value)
        pairs.append((name, text))
    return ("?" + urllib.parse.urlencode(pairs)) if pairs else ""


def _resolve(hint: typing.Any, module: typing.Any) -> typing.Any:
    if isinstance(hint, typing.ForwardRef):
        hint = hint.__forward_arg__
    if isinstance(hint, str):
        return eval(hint, vars(module))  # noqa: S307 - annotations of the generated module, evaluated in it
    return hint


def _bindings(cls: type, bound: typing.Dict[typing.Any, typing.Any]) -> typing.Dict[typing.Any, typing.Any]:
    """Type variables bound along the bases: PointsPage(Page['Point']) binds Page's T to Point."""
    result = dict(bound)
    module = sys.modules[cls.__module__]
    for base in getattr(cls, "__orig_bases__", ()):
        origin = typing.get_origin(base)
        if origin is None or origin is typing.Generic:
            continue
        params = getattr(origin, "__parameters__", ())
        for param, arg in zip(params, typing.get_args(base)):
            arg = _resolve(arg, module)
            result[param] = result.get(arg, arg) if isinstance(arg, typing.TypeVar) else arg
        result = _bindings(origin, result)
    return result


def from_wire(value: typing.Any, hint: typing.Any, module: typing.Any = None,
              bound: typing.Optional[typing.Dict[typing.Any, typing.Any]] = None) -> typing.Any:
    """Plain JSON data as the annotated type: dataclasses (generic ones too), enums, dates, durations, bytes, Decimals."""
    hint = _resolve(hint, module) if module is not None else hint
    bound = bound or {}
    if isinstance(hint, typing.TypeVar):
        hint = bound.get(hint, typing.Any)
    if value is None or hint is typing.Any or hint is None:
        return value
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Union:
        options = [a for a in args if a is not type(None)]
        return from_wire(value, options[0], module, bound) if len(options) == 1 else value
    if origin in (list, typing.List, set, tuple):
        return [from_wire(v, args[0] if args else typing.Any, module, bound) for v in value]
    if origin in (dict, typing.Dict):
        key_type, value_type = args if args else (typing.Any, typing.Any)
        return {from_wire(k, key_type, module, bound): from_wire(v, value_type, module, bound) for k, v in value.items()}
    cls = origin or hint
    if dataclasses.is_dataclass(cls):
        own = dict(bound)
        if origin is not None:
            for param, arg in zip(getattr(origin, "__parameters__", ()), args):
                own[param] = bound.get(arg, arg) if isinstance(arg, typing.TypeVar) else arg
        own = _bindings(cls, own)
        cls_module = sys.modules[cls.__module__]
        lowered = {k.lower(): v for k, v in value.items()}
        kwargs = {}
        for f in dataclasses.fields(cls):
            if not f.init:
                continue
            name = wire_name(f)
            if name in value:
                raw = value[name]
            elif name.lower() in lowered:
                raw = lowered[name.lower()]
            else:
                continue
            kwargs[f.name] = from_wire(raw, f.type, cls_module, own)
        return cls(**kwargs)
    if isinstance(cls, type):
        if issubclass(cls, enum.Enum):
            return cls(value)
        if cls is bool:
            return bool(value)
        if cls is int:
            return int(value)
        if cls is float:
            return float(value)
        if cls is decimal.Decimal:
            return value if isinstance(value, decimal.Decimal) else decimal.Decimal(str(value))
        if cls is str:
            return value if isinstance(value, str) else str(value)
        if cls is bytes:
            return base64.b64decode(value)
        if cls is datetime.datetime:
            return parse_datetime(value)
        if cls is datetime.date:
            return datetime.date.fromisoformat(value[:10])
        if cls is datetime.time:
            return datetime.time.fromisoformat(value if len(value) <= 15 else value[:15])
        if cls is datetime.timedelta:
            return parse_duration(value)
    return value


def from_json(text: str, hint: typing.Any, module: typing.Any = None) -> typing.Any:
    data = json.loads(text, parse_float=decimal.Decimal) if text else None
    return from_wire(data, hint, module)
