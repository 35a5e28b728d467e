namespace BaaS;

/// <summary>Named behaviours for <see cref="AutoApplyAttribute"/>.</summary>
public static class Behavior
{
    /// <summary>Queries leave out soft-deleted rows (<see cref="AuditBase.DeletedDate"/> set).</summary>
    public const string AuditQuery = nameof(AuditQuery);

    /// <summary>Creates fill the created and modified columns.</summary>
    public const string AuditCreate = nameof(AuditCreate);

    /// <summary>Updates and patches fill the modified columns.</summary>
    public const string AuditModify = nameof(AuditModify);

    /// <summary>Deletes are recorded (the row is still deleted).</summary>
    public const string AuditDelete = nameof(AuditDelete);

    /// <summary>Deletes only set the deleted columns; queries then leave the row out.</summary>
    public const string AuditSoftDelete = nameof(AuditSoftDelete);
}
