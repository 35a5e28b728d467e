// Activity and meter listeners are process-wide: an app's tracer provider also sees the spans of another app running
// in the same process. The suite's apps run one at a time so each test reads only its own app's telemetry.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
