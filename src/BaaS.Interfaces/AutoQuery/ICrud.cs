namespace BaaS;

/// <summary>A CRUD request that AutoQuery implements.</summary>
public interface ICrud;

/// <summary>Inserts a <typeparamref name="Table"/> row from the DTO's properties; answers <see cref="IdResponse"/> (or the row).</summary>
/// <typeparam name="Table">The data model written.</typeparam>
public interface ICreateDb<Table> : ICrud;

/// <summary>Replaces every declared field of the <typeparamref name="Table"/> row with the DTO's primary key.</summary>
/// <typeparam name="Table">The data model written.</typeparam>
public interface IUpdateDb<Table> : ICrud;

/// <summary>Changes only the fields the caller sent, on the <typeparamref name="Table"/> row with the DTO's primary key.</summary>
/// <typeparam name="Table">The data model written.</typeparam>
public interface IPatchDb<Table> : ICrud;

/// <summary>Deletes <typeparamref name="Table"/> rows by primary key or by the DTO's filter properties (never all rows).</summary>
/// <typeparam name="Table">The data model written.</typeparam>
public interface IDeleteDb<Table> : ICrud;

/// <summary>Inserts or updates (upsert) a <typeparamref name="Table"/> row.</summary>
/// <typeparam name="Table">The data model written.</typeparam>
public interface ISaveDb<Table> : ICrud;
