namespace BaaS;

/// <summary>Every recurring job with its schedule, pause state and runs. Admin only.</summary>
[Tag("Jobs"), ValidateIsAdmin]
public class AdminQueryJobSchedules : IReturn<AdminQueryJobSchedulesResponse>, IGet;
