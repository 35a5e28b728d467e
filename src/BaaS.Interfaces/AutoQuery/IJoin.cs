namespace BaaS;

/// <summary>A query that joins tables over their references.</summary>
public interface IJoin;

/// <summary>Inner-joins <typeparamref name="Join1"/> to <typeparamref name="Source"/> over their reference.</summary>
public interface IJoin<Source, Join1> : IJoin;

/// <summary>Inner-joins two more tables.</summary>
public interface IJoin<Source, Join1, Join2> : IJoin;

/// <summary>Inner-joins three more tables.</summary>
public interface IJoin<Source, Join1, Join2, Join3> : IJoin;

/// <summary>A query that left-joins tables over their references.</summary>
public interface ILeftJoin;

/// <summary>Left-joins <typeparamref name="Join1"/> to <typeparamref name="Source"/> over their reference.</summary>
public interface ILeftJoin<Source, Join1> : ILeftJoin;

/// <summary>Left-joins two more tables.</summary>
public interface ILeftJoin<Source, Join1, Join2> : ILeftJoin;
