/* Options:
Date: 2000-01-01 00:00:00
Version: 1.0.0
Tip: To override a DTO option, remove "//" prefix before updating
BaseUrl: http://localhost:5000

//AddDescriptionAsComments: True
//ExportAsTypes: False
//IncludeTypes:
//ExcludeTypes:
*/

export interface IReturn<T>
{
    createResponse(): T;
}

export interface IReturnVoid
{
    createResponse(): void;
}

/** @description A number enum with explicit values. */
export enum Priority
{
    Low = 1,
    Normal = 5,
    High = 9
}

/** @description A string enum, one member with a wire name of its own. */
export enum Status
{
    Draft = 'Draft',
    InProgress = 'in-progress',
    Done = 'Done'
}

/** @description Flags travel as numbers. */
export enum Toppings
{
    None = 0,
    Cheese = 1,
    Olives = 2,
    Basil = 4
}

/** @description The parts every shape shares. */
export abstract class ShapeBase
{
    /** @description Who made it. */
    public label?: string;

    public constructor(init?: Partial<ShapeBase>) { (Object as any).assign(this, init); }
}

/** @description Every property shape the generators must write. */
export class AllShapes extends ShapeBase
{
    /** @description A whole number. */
    public int: number;
    public long: number;
    public double: number;
    /** @description Money: exact. */
    public decimal: number;
    public bool: boolean;
    public text?: string;
    public nullableInt?: number;
    public nullableBool?: boolean;
    public dateTime: string;
    public nullableDateTime?: string;
    public dateOnly: string;
    public timeOnly: string;
    public timeSpan: string;
    public nullableTimeSpan?: string;
    public guid: string;
    public bytes?: string;
    public strings?: string[];
    public numbers?: number[];
    public points?: Point[];
    public pointArray?: Point[];
    public counts?: { [index: string]: number; };
    public pointsByName?: { [index: string]: Point; };
    public listsByName?: { [index: string]: number[]; };
    public status: Status;
    public maybeStatus?: Status;
    public toppings: Toppings;
    public priority: Priority;
    public nested?: Inner;
    /** @description A generic type of the app, closed. */
    public pointPage?: Page<Point>;
    public pages?: Page<string>[];
    public pair?: Pair<string,Point>;

    public constructor(init?: Partial<AllShapes>) { super(init); (Object as any).assign(this, init); }
}

/** @description Audit columns for a data model, filled by AutoQuery's audit behaviours: who created, last changed and (soft) deleted a row, and when. */
export abstract class AuditBase
{
    /** @description When the row was created (UTC). */
    public createdDate: string;
    /** @description Who created it. */
    public createdBy?: string;
    /** @description When it was last changed (UTC). */
    public modifiedDate: string;
    /** @description Who last changed it. */
    public modifiedBy?: string;
    /** @description When it was soft-deleted (UTC), or null while it is live. */
    public deletedDate?: string;
    /** @description Who soft-deleted it. */
    public deletedBy?: string;

    public constructor(init?: Partial<AuditBase>) { (Object as any).assign(this, init); }
}

/** @description Who signed in, with the tokens to send next. */
export class AuthenticateResponse
{
    public userId?: string;
    public userName?: string;
    /** @description Send as Authorization: Bearer .... */
    public bearerToken?: string;
    /** @description Trade for a new bearer token at /api/GetAccessToken when it expires. */
    public refreshToken?: string;
    public roles?: string[];
    public responseStatus?: ResponseStatus;

    public constructor(init?: Partial<AuthenticateResponse>) { (Object as any).assign(this, init); }
}

/** @description What EchoShapes answers. */
export class EchoShapesResponse
{
    public shapes?: AllShapes;
    public responseStatus?: ResponseStatus;

    public constructor(init?: Partial<EchoShapesResponse>) { (Object as any).assign(this, init); }
}

export class GetAccessTokenResponse
{
    public accessToken?: string;
    public responseStatus?: ResponseStatus;

    public constructor(init?: Partial<GetAccessTokenResponse>) { (Object as any).assign(this, init); }
}

/** @description The response of create/update operations: { "id": "42" }. */
export class IdResponse
{
    /** @description The id of the row that was written, as a string. */
    public id?: string;
    public responseStatus?: ResponseStatus;

    public constructor(init?: Partial<IdResponse>) { (Object as any).assign(this, init); }
}

/** @description A type declared inside another. */
export class Inner
{
    public note?: string;
    public depth: number;

    public constructor(init?: Partial<Inner>) { (Object as any).assign(this, init); }
}

/** @description A generic type of the app. */
export class Page<T>
{
    public number: number;
    public items?: T[];

    public constructor(init?: Partial<Page<T>>) { (Object as any).assign(this, init); }
}

/** @description Two generic parameters. */
export class Pair<TKey,TValue>
{
    public key?: TKey;
    public value?: TValue;

    public constructor(init?: Partial<Pair<TKey,TValue>>) { (Object as any).assign(this, init); }
}

/** @description A point on a plane. */
export class Point
{
    public x: number;
    public y: number;

    public constructor(init?: Partial<Point>) { (Object as any).assign(this, init); }
}

/** @description A user generic base closed by a subclass. */
export class PointsPage extends Page<Point>
{
    public title?: string;

    public constructor(init?: Partial<PointsPage>) { super(init); (Object as any).assign(this, init); }
}

/** @description The paging, ordering and selection every query request takes. */
export abstract class QueryBase
{
    public skip?: number;
    public take?: number;
    public orderBy?: string;
    public orderByDesc?: string;
    public include?: string;
    public fields?: string;
    public meta?: { [index: string]: string; };

    public constructor(init?: Partial<QueryBase>) { (Object as any).assign(this, init); }
}

/** @description A query API over the data model T that AutoQuery implements: declare public class QueryRestaurants : QueryDb<Restaurant> { public string? CuisineContains { get; set; } }. */
export abstract class QueryDb<T> extends QueryBase
{
    public constructor(init?: Partial<QueryDb<T>>) { super(init); (Object as any).assign(this, init); }
}

/** @description The answer of a query: { "offset", "total", "results", "meta" }. */
export class QueryResponse<T>
{
    /** @description The number of rows skipped. */
    public offset: number;
    /** @description All matching rows, when the request asked with include=total; else the rows returned. */
    public total: number;
    /** @description The rows. */
    public results?: T[];
    /** @description Aggregates asked for with include, and other extras. */
    public meta?: { [index: string]: string; };
    public responseStatus?: ResponseStatus;

    public constructor(init?: Partial<QueryResponse<T>>) { (Object as any).assign(this, init); }
}

/** @description An error of one field of a request: { "errorCode", "fieldName", "message" }. */
export class ResponseError
{
    /** @description A machine-readable code, e.g. NotEmpty, InvalidValue, Unique. */
    public errorCode?: string;
    /** @description The request property this error is about, as the DTO declares it (e.g. Name). */
    public fieldName?: string;
    /** @description A message for people. */
    public message?: string;
    /** @description Any extra data about the error. */
    public meta?: { [index: string]: string; };

    public constructor(init?: Partial<ResponseError>) { (Object as any).assign(this, init); }
}

/** @description The error part of every response on the wire: { "responseStatus": { "errorCode", "message", "errors": [...] } }. Absent (null) on success. */
export class ResponseStatus
{
    /** @description A machine-readable code: the exception's type name, or the first field error's code. */
    public errorCode?: string;
    /** @description A message for people. */
    public message?: string;
    /** @description The server's stack trace: only sent in Development. */
    public stackTrace?: string;
    /** @description Errors of individual fields of the request, each naming the field. */
    public errors?: ResponseError[];
    /** @description Any extra data about the error. */
    public meta?: { [index: string]: string; };

    public constructor(init?: Partial<ResponseStatus>) { (Object as any).assign(this, init); }
}

/** @description A restaurant that delivers. */
export class Restaurant extends AuditBase
{
    public id: number;
    public name?: string;
    /** @description The kind of food, e.g. Thai. */
    public cuisine?: string;
    /** @description Average review rating, 0 to 5. */
    public rating: number;
    public isOpen: boolean;

    public constructor(init?: Partial<Restaurant>) { super(init); (Object as any).assign(this, init); }
}

/** @description An item on sale. */
export class Shop_Item
{
    public sku?: string;
    public price: number;

    public constructor(init?: Partial<Shop_Item>) { (Object as any).assign(this, init); }
}

/** @description The warehouse's items, with the shop's item of each. */
export class StockReport
{
    public items?: Warehouse_Item[];
    public featured?: Shop_Item;

    public constructor(init?: Partial<StockReport>) { (Object as any).assign(this, init); }
}

/** @description An item in stock: the same short name as the shop's. */
export class Warehouse_Item
{
    public sku?: string;
    public quantity: number;

    public constructor(init?: Partial<Warehouse_Item>) { (Object as any).assign(this, init); }
}

/** @description Signs in with a user name and password (ServiceStack's protocol: POST /auth/credentials). */
// @Route("/auth/{Provider}")
export class Authenticate implements IReturn<AuthenticateResponse>
{
    public provider?: string;
    public userName?: string;
    public password?: string;
    public rememberMe?: boolean;

    public constructor(init?: Partial<Authenticate>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'Authenticate'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new AuthenticateResponse(); }
}

/** @description Adds a restaurant. */
export class CreateRestaurant implements IReturn<IdResponse>
{
    public name?: string;
    public cuisine?: string;
    public rating: number;
    public isOpen: boolean;

    public constructor(init?: Partial<CreateRestaurant>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'CreateRestaurant'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new IdResponse(); }
}

/** @description Removes a restaurant: owners only. */
// @Route("/restaurants/{Id}", "DELETE")
export class DeleteRestaurant implements IReturnVoid
{
    public id: number;

    public constructor(init?: Partial<DeleteRestaurant>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'DeleteRestaurant'; }
    public getMethod() { return 'DELETE'; }
    public createResponse() {}
}

/** @description Sends every shape to the server and gets it back unchanged. */
// @Route("/shapes/echo", "POST")
export class EchoShapes implements IReturn<EchoShapesResponse>
{
    /** @description The values to echo. */
    public shapes?: AllShapes;

    public constructor(init?: Partial<EchoShapes>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'EchoShapes'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new EchoShapesResponse(); }
}

/** @description A new access token for a refresh token. */
// @Route("/access-token")
export class GetAccessToken implements IReturn<GetAccessTokenResponse>
{
    public refreshToken?: string;
    public useTokenCookie?: boolean;

    public constructor(init?: Partial<GetAccessToken>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetAccessToken'; }
    public getMethod() { return 'POST'; }
    public createResponse() { return new GetAccessTokenResponse(); }
}

/** @description A page of points. */
export class GetPointsPage implements IReturn<PointsPage>
{
    public count: number;

    public constructor(init?: Partial<GetPointsPage>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetPointsPage'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new PointsPage(); }
}

/** @description An item of the shop. */
export class GetShopItem implements IReturn<Shop_Item>
{
    public sku?: string;

    public constructor(init?: Partial<GetShopItem>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetShopItem'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new Shop_Item(); }
}

/** @description Stock of the warehouse. */
export class GetStock implements IReturn<StockReport>
{
    public constructor(init?: Partial<GetStock>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'GetStock'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new StockReport(); }
}

/** @description Changes the fields that are sent. */
// @Route("/restaurants/{Id}", "PATCH")
export class PatchRestaurant implements IReturn<IdResponse>
{
    public id: number;
    public name?: string;
    public cuisine?: string;
    public rating?: number;
    public isOpen?: boolean;

    public constructor(init?: Partial<PatchRestaurant>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'PatchRestaurant'; }
    public getMethod() { return 'PATCH'; }
    public createResponse() { return new IdResponse(); }
}

/** @description Says nothing back. */
export class Ping implements IReturnVoid
{
    public message?: string;

    public constructor(init?: Partial<Ping>) { (Object as any).assign(this, init); }
    public getTypeName() { return 'Ping'; }
    public getMethod() { return 'POST'; }
    public createResponse() {}
}

/** @description Finds restaurants. */
// @Route("/restaurants", "GET")
export class QueryRestaurants extends QueryDb<Restaurant> implements IReturn<QueryResponse<Restaurant>>
{
    /** @description Only cuisines containing this text. */
    public cuisineContains?: string;
    public ratingGreaterThan?: number;

    public constructor(init?: Partial<QueryRestaurants>) { super(init); (Object as any).assign(this, init); }
    public getTypeName() { return 'QueryRestaurants'; }
    public getMethod() { return 'GET'; }
    public createResponse() { return new QueryResponse<Restaurant>(); }
}
